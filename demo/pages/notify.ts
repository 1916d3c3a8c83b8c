import type { DemoPage } from '../../server/demo.js';

// ...and one element, pointed at the city's notifications contract. The links in the messages
// land here too: ?confirm=TOKEN confirms a subscription, ?manage=TOKEN changes or ends it.
const widget = `
    <civic-hall notify-endpoint="/notify/v1" geocoder-url="/geocode">
      <civic-notify-signup></civic-notify-signup>
    </civic-hall>`;

export default {
  path: '/notify.html',
  nav: 9,
  en: {
    label: 'Sign up for updates',
    main: `
    <h1>Get city news and alerts</h1>
    <p>Hear about emergencies, snow parking bans, changes to trash and recycling pickup, road closures, council agendas and city news, by email or text message. You can change or stop them at any time from the link in every message. Without a mail server, this demo puts every message in its <a href="/outbox.html">outbox</a>.</p>${widget}`,
  },
  es: {
    label: 'Suscríbase a avisos',
    main: `
    <h1>Reciba noticias y alertas de la ciudad</h1>
    <p>Entérese de emergencias, prohibiciones de estacionamiento por nieve, cambios en la recogida de basura y reciclaje, cierres de calles, agendas del concejo y noticias de la ciudad, por correo electrónico o mensaje de texto. Puede cambiarlos o cancelarlos cuando quiera desde el enlace de cada mensaje. Sin servidor de correo, esta demostración guarda cada mensaje en su <a href="/outbox.html">bandeja de salida</a>.</p>${widget}`,
  },
} satisfies DemoPage;
