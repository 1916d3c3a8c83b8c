import type { DemoPage } from '../../server/demo.js';

// A news item on the city's own page about a problem many neighbors see: it points to the one
// request already open (seeded request 100019, a branch over Sigourney Street) and lets a
// resident follow it, rather than report it again. One element, inside the hall that gives it
// the notifications backend.
const REQUEST = '100019';
const widget = `
    <civic-hall notify-endpoint="/notify/v1">
      <civic-follow kind="service_request" request-id="${REQUEST}" heading-level="2"></civic-follow>
    </civic-hall>`;

export default {
  path: '/street-news.html',
  en: {
    label: 'A branch over Sigourney Street',
    main: `
    <h1>A branch over Sigourney Street</h1>
    <p>A large branch hangs over the street near 111 Sigourney Street. Neighbors have reported it: it is request ${REQUEST}, and the Forestry crew has it. You do not need to report it again.</p>
    <p><a href="/track.html?request=${REQUEST}">See where request ${REQUEST} stands</a>, or ask to be told when it changes.</p>${widget}`,
  },
  es: {
    label: 'Una rama sobre Sigourney Street',
    main: `
    <h1>Una rama sobre Sigourney Street</h1>
    <p>Una rama grande cuelga sobre la calle cerca del 111 de Sigourney Street. Los vecinos ya la reportaron: es la solicitud ${REQUEST} y la tiene la cuadrilla forestal. No hace falta reportarla otra vez.</p>
    <p><a href="/track.html?request=${REQUEST}">Vea en qué va la solicitud ${REQUEST}</a>, o pida que le avisen cuando cambie.</p>${widget}`,
  },
} satisfies DemoPage;
