import type { DemoPage } from '../../server/demo.js';

// ...and one element, pointed at the city's Open311 endpoint.
const widget = `
    <civic-hall endpoint="/open311/v2" jurisdiction-id="hartford.ct.us">
      <civic-service-list report-url="/report.html?service={service_code}"></civic-service-list>
    </civic-hall>`;

export default {
  path: '/services.html',
  nav: 1,
  en: {
    label: '311 services',
    main: `
    <h1>311 services</h1>
    <p>These are the problems you can report to the city online. Each one goes straight to the department that fixes it.</p>${widget}`,
  },
  es: {
    label: 'Servicios 311',
    main: `
    <h1>Servicios 311</h1>
    <p>Estos son los problemas que puede reportar a la ciudad en línea. Cada uno llega directamente al departamento que lo arregla.</p>${widget}`,
  },
} satisfies DemoPage;
