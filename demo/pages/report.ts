import type { DemoPage } from '../../server/demo.js';

// ...and one element, inside the hall that points every widget at the city's services.
// /report.html?service=POTHOLE starts with the category chosen (links from the services page).
const widget = `
    <civic-hall endpoint="/open311/v2" jurisdiction-id="hartford.ct.us" geocoder-url="/geocode" notify-endpoint="/notify/v1">
      <civic-service-request
        featured="POTHOLE STLIGHT MISSEDPU"
        radius="150"
        bounds="-72.7200,41.7200,-72.6500,41.8100"
        tracker-url="/track.html?request={id}"
      ></civic-service-request>
    </civic-hall>`;

export default {
  path: '/report.html',
  nav: 2,
  parent: '/services.html',
  en: {
    label: 'Report a problem',
    main: `
    <h1>Report a problem</h1>
    <p>Tell the city about a problem on a street, sidewalk, park or property. It goes straight to the department that fixes it, and you get a reference number to follow it.</p>${widget}`,
  },
  es: {
    label: 'Reportar un problema',
    main: `
    <h1>Reportar un problema</h1>
    <p>Informe a la ciudad de un problema en una calle, acera, parque o propiedad. Llega directamente al departamento que lo arregla, y usted recibe un número de referencia para seguirlo.</p>${widget}`,
  },
} satisfies DemoPage;
