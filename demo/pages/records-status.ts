import type { DemoPage } from '../../server/demo.js';

// The private link from a records request's confirmation lands here (?request=…&token=…);
// without it, the page offers a lookup and the public log.
const widget = `
    <civic-hall records-endpoint="/records/v1">
      <civic-records-status request-url="/records-status.html?request={tracking}"></civic-records-status>
    </civic-hall>`;

export default {
  path: '/records-status.html',
  parent: '/records.html',
  en: {
    label: 'Follow a records request',
    main: `
    <h1>Follow a public records request</h1>
    <p>See what the city has done with a records request: the date the law gives it, its questions to you, and the records it has released.</p>${widget}`,
  },
  es: {
    label: 'Seguir una solicitud de documentos',
    main: `
    <h1>Siga una solicitud de documentos públicos</h1>
    <p>Vea lo que la ciudad ha hecho con una solicitud de documentos: la fecha que le da la ley, sus preguntas para usted y los documentos que ha entregado.</p>${widget}`,
  },
} satisfies DemoPage;
