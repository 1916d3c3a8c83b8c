import type { DemoPage } from '../../server/demo.js';

const form = (label: string, go: string, reset: string) => `
    <!-- ...and one element inside any <form>: it submits where[lat], where[long] and where[address]. -->
    <form action="/location.html" method="get">
      <civic-location-picker
        name="where"
        required
        geocoder-url="/geocode"
        bounds="-72.72,41.72,-72.66,41.81"
        label="${label}"
      ></civic-location-picker>
      <p><button type="submit">${go}</button> <button type="reset">${reset}</button></p>
    </form>`;

export default {
  path: '/location.html',
  nav: 5,
  en: {
    label: 'Tell us where',
    main: `
    <h1>Tell us where</h1>
    <p>An ordinary form on the city's own page, with the location picker as one of its fields. Type an address and choose it from the list, use your location, or put a pin on the map.</p>${form('Where is the problem?', 'Continue', 'Start again')}`,
  },
  es: {
    label: 'Díganos dónde',
    main: `
    <h1>Díganos dónde</h1>
    <p>Un formulario normal en la propia página de la ciudad, con el selector de ubicación como uno de sus campos. Escriba una dirección y elíjala de la lista, use su ubicación o ponga un marcador en el mapa.</p>${form('¿Dónde está el problema?', 'Continuar', 'Empezar de nuevo')}`,
  },
} satisfies DemoPage;
