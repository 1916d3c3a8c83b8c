import type { DemoPage } from '../../server/demo.js';

// ...and one element. url-state keeps the filters in the address, so a filtered map can be shared.
const widget = `
    <civic-hall endpoint="/open311/v2" jurisdiction-id="hartford.ct.us">
      <civic-request-map heading-level="2" bounds="-72.72,41.72,-72.64,41.80" tracker-url="/track.html?request={id}" url-state></civic-request-map>
    </civic-hall>`;

export default {
  path: '/map.html',
  nav: 4,
  en: {
    label: 'Problems map',
    title: 'Reported problems map',
    main: `
    <h1>Problems reported around the city</h1>
    <p>See what residents have reported in the last 90 days and whether it has been fixed. Filter by category, status or date, or use “Show as list” for a table of the same requests. Each request links to its page on <a href="/track.html">Track a request</a>.</p>${widget}`,
  },
  es: {
    label: 'Mapa de problemas',
    title: 'Mapa de problemas reportados',
    main: `
    <h1>Problemas reportados en la ciudad</h1>
    <p>Vea lo que los residentes han reportado en los últimos 90 días y si ya se arregló. Filtre por categoría, estado o fecha, o use «Ver como lista» para ver las mismas solicitudes en una tabla. Cada solicitud enlaza a su página en <a href="/track.html">Seguir una solicitud</a>.</p>${widget}`,
  },
} satisfies DemoPage;
