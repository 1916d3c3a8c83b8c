import type { DemoPage } from '../../server/demo.js';

// ...and one element, pointed at the city's records contract. The confirmation's private link
// opens /records-status.html with the tracking number and its access token.
const widget = `
    <civic-hall records-endpoint="/records/v1">
      <civic-records-request tracker-url="/records-status.html?request={tracking}&amp;token={token}"></civic-records-request>
    </civic-hall>`;

export default {
  path: '/records.html',
  nav: 7,
  en: {
    label: 'Public records',
    main: `
    <h1>Request public records</h1>
    <p>Ask for copies of the city's records: emails, permits, contracts, reports, police incident reports. Connecticut's Freedom of Information Act gives the city a deadline to answer; this form tells you the date. You can also <a href="/records-status.html">follow a request or browse the public log</a>.</p>${widget}`,
  },
  es: {
    label: 'Documentos públicos',
    main: `
    <h1>Solicite documentos públicos</h1>
    <p>Pida copias de los documentos de la ciudad: correos, permisos, contratos, informes, informes de incidentes policiales. La Ley de Libertad de Información de Connecticut da a la ciudad un plazo para responder; este formulario le indica la fecha. También puede <a href="/records-status.html">seguir una solicitud o consultar el registro público</a>.</p>${widget}`,
  },
} satisfies DemoPage;
