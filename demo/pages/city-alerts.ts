import type { DemoPage } from '../../server/demo.js';

// The banner every other page shows in its layout, here in the page itself with what it is for. It reads
// the city's feed (the reference backend's CAP alerts) and shows nothing when no alert is in force.
const widget = `
    <civic-alert-banner src="/alerts/v1/active.json" heading-level="2"></civic-alert-banner>`;

export default {
  path: '/city-alerts.html',
  nav: 8,
  ownAlerts: true,
  en: {
    label: 'Alerts',
    main: `
    <h1>Emergency and service alerts</h1>
    <p>Alerts the city has issued, most severe first: storms, road closures, water and trash service changes. Emergency alerts stay on every page until they end. When there is no alert, this page says nothing more.</p>${widget}`,
  },
  es: {
    label: 'Avisos',
    main: `
    <h1>Avisos de emergencia y de servicios</h1>
    <p>Los avisos que la ciudad ha emitido, los más graves primero: tormentas, cierres de calles, cambios en el agua y la recogida de basura. Los avisos de emergencia permanecen en todas las páginas hasta que terminan. Cuando no hay avisos, esta página no muestra nada más.</p>${widget}`,
  },
} satisfies DemoPage;
