import type { DemoPage } from '../../server/demo.js';

export default {
  path: '/',
  nav: 0,
  en: {
    label: 'Home',
    main: `
    <h1>Welcome to the City of Hartford</h1>
    <p>Find city services, report a problem and follow what happens to it, without waiting on hold.</p>
    <h2>Online services</h2>
    <ul class="cards">
      <li><h3><a href="/services.html">311 services</a></h3><p>See what you can report to the city online: potholes, missed trash pickups, graffiti, trees and more.</p></li>
    </ul>
    <h2>City news</h2>
    <ul class="cards">
      <li><h3><a href="/street-news.html">A branch over Sigourney Street</a></h3><p>Already reported and in hand. Ask to be told when it changes.</p></li>
    </ul>`,
  },
  es: {
    label: 'Inicio',
    main: `
    <h1>Bienvenido a la Ciudad de Hartford</h1>
    <p>Encuentre los servicios de la ciudad, reporte un problema y siga lo que pasa con él, sin esperar al teléfono.</p>
    <h2>Servicios en línea</h2>
    <ul class="cards">
      <li><h3><a href="/services.html">Servicios 311</a></h3><p>Vea lo que puede reportar a la ciudad en línea: baches, basura no recogida, grafitis, árboles y más.</p></li>
    </ul>
    <h2>Noticias de la ciudad</h2>
    <ul class="cards">
      <li><h3><a href="/street-news.html">Una rama sobre Sigourney Street</a></h3><p>Ya está reportada y en manos de la ciudad. Pida que le avisen cuando cambie.</p></li>
    </ul>`,
  },
} satisfies DemoPage;
