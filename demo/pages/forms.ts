import type { DemoPage } from '../../server/demo.js';

// The city's forms catalog; each form has its own page (demo/pages/form-pages.ts).
const widget = `
    <civic-hall forms-endpoint="/forms/v1">
      <civic-form-list href-template="/forms/{slug}.html"></civic-form-list>
    </civic-hall>`;

export default {
  path: '/forms.html',
  nav: 9,
  en: {
    label: 'Forms',
    main: `
    <h1>City forms</h1>
    <p>Apply for a permit, register for a program or write to the Mayor’s office online. You can save a form and come back to it later, on this device or another one.</p>${widget}`,
  },
  es: {
    label: 'Formularios',
    main: `
    <h1>Formularios de la ciudad</h1>
    <p>Solicite un permiso, inscríbase en un programa o escriba a la oficina del Alcalde por internet. Puede guardar un formulario y volver a él más tarde, en este dispositivo o en otro.</p>${widget}`,
  },
} satisfies DemoPage;
