import type { DemoPage } from '../../server/demo.js';

// ...and one element, pointed at the city's Open311 endpoint. This backend announces the
// statistics extension, so the figures come from one call whatever the city's size.
const widget = `
    <civic-hall endpoint="/open311/v2" jurisdiction-id="hartford.ct.us">
      <civic-report-card heading-level="2" window-days="90"></civic-report-card>
    </civic-hall>`;

export default {
  path: '/report-card.html',
  nav: 6,
  en: {
    label: '311 report card',
    main: `
    <h1>How well is 311 doing?</h1>
    <p>Every request residents send to 311, counted: how many came in, how quickly the city responded and fixed them, and how many are late. Choose a period, sort the table by any column, or download the figures.</p>${widget}`,
  },
  es: {
    label: 'Balance del 311',
    main: `
    <h1>¿Cómo funciona el 311?</h1>
    <p>Todas las solicitudes que los vecinos envían al 311, contadas: cuántas llegaron, con qué rapidez respondió y las resolvió la ciudad, y cuántas van con retraso. Elija un periodo, ordene la tabla por cualquier columna o descargue las cifras.</p>${widget}`,
  },
} satisfies DemoPage;
