import type { DemoPage } from '../../server/demo.js';

// ...and one element, pointed at the city's Open311 endpoint. The confirmation link
// /track.html?request=1234 opens the request straight away.
const widget = `
    <civic-hall endpoint="/open311/v2" jurisdiction-id="hartford.ct.us" notify-endpoint="/notify/v1" forms-endpoint="/forms/v1">
      <civic-status-tracker heading-level="2" refresh-interval="60"></civic-status-tracker>
    </civic-hall>`;

export default {
  path: '/track.html',
  nav: 3,
  en: {
    label: 'Track a request',
    main: `
    <h1>Follow up on a problem you reported</h1>
    <p>See what the city has done about a problem you reported, who is handling it and when to expect it fixed. This page checks for news by itself while you keep it open. A city form you sent can be looked up by its reference number too, like BPP-2026-000123.</p>${widget}`,
  },
  es: {
    label: 'Seguir una solicitud',
    main: `
    <h1>Siga un problema que reportó</h1>
    <p>Vea lo que la ciudad ha hecho con un problema que usted reportó, quién se encarga y cuándo se espera que esté arreglado. Esta página busca novedades por sí sola mientras la tenga abierta. También puede consultar un formulario de la ciudad que envió por su número de referencia, como BPP-2026-000123.</p>${widget}`,
  },
} satisfies DemoPage;
