import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-location-picker>`'s messages. They live with the widget, so a page pays only for the strings
 * of the widgets it uses; the element registers them (`registerMessages`) when its module
 * loads. English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  locationLabel: 'Address or place',
  locationHint: 'Start typing and choose the address from the list, use your location, or choose the place on a map.',
  locationHintFreeText: 'Type the address, use your location, or choose the place on a map.',
  locationSuggestionsLabel: 'Suggested addresses',
  locationSuggestionsCount: {
    one: '{count} address found',
    other: '{count} addresses found',
  },
  locationUseTyped: 'We could not find this address on the map. The city will use it as you typed it.',
  locationUseTypedOption: 'Use “{address}” as typed',
  locationUseMine: 'Use my location',
  locationLocating: 'Finding your location…',
  locationDenied: "This page isn't allowed to use your location. Type the address or choose the place on the map instead.",
  locationUnavailable: "Your location isn't available right now. Type the address or choose the place on the map instead.",
  locationTimeout: 'Finding your location took too long. Try again, or type the address instead.',
  locationUnsupported: "This browser can't share your location. Type the address or choose the place on the map instead.",
  locationShowMap: 'Show on map',
  locationHideMap: 'Hide map',
  locationMapLoading: 'Loading map…',
  locationMapFailed: "The map couldn't load. Type the address or use your location instead.",
  locationMapLabel: 'Map for choosing the place',
  locationMapInstructions: 'Click the map where the place is. Or select the map, move the pin with the arrow keys and press Enter. Plus and minus zoom in and out.',
  locationLookingUp: 'Looking up the address…',
  locationChosen: 'Chosen location: {address}',
  locationChosenPoint: 'Chosen location: {lat}, {long}. No street address found nearby.',
  locationPoint: 'Pin at {lat}, {long}',
  locationOutOfBounds: 'The place you chose is outside the city. Choose a place inside the city limits.',
  locationRequired: 'Enter an address, use your location, or choose the place on the map',
  locationChooseSuggestion: 'Choose an address from the list, or choose the place on the map',
} satisfies Record<string, Message>;

/** Spanish: civic Spanish, addressing the resident as "usted". */
const es: Record<keyof typeof en, Message> = {
  locationLabel: 'Dirección o lugar',
  locationHint: 'Empiece a escribir y elija la dirección de la lista, use su ubicación o elija el lugar en un mapa.',
  locationHintFreeText: 'Escriba la dirección, use su ubicación o elija el lugar en un mapa.',
  locationSuggestionsLabel: 'Direcciones sugeridas',
  locationSuggestionsCount: {
    one: 'Se encontró {count} dirección',
    other: 'Se encontraron {count} direcciones',
  },
  locationUseTyped: 'No pudimos encontrar esta dirección en el mapa. La ciudad la usará tal como la escribió.',
  locationUseTypedOption: 'Usar «{address}» tal como la escribió',
  locationUseMine: 'Usar mi ubicación',
  locationLocating: 'Buscando su ubicación…',
  locationDenied: 'Esta página no tiene permiso para usar su ubicación. Escriba la dirección o elija el lugar en el mapa.',
  locationUnavailable: 'Su ubicación no está disponible en este momento. Escriba la dirección o elija el lugar en el mapa.',
  locationTimeout: 'Encontrar su ubicación tardó demasiado. Vuelva a intentarlo o escriba la dirección.',
  locationUnsupported: 'Este navegador no puede compartir su ubicación. Escriba la dirección o elija el lugar en el mapa.',
  locationShowMap: 'Ver en el mapa',
  locationHideMap: 'Ocultar el mapa',
  locationMapLoading: 'Cargando el mapa…',
  locationMapFailed: 'No se pudo cargar el mapa. Escriba la dirección o use su ubicación.',
  locationMapLabel: 'Mapa para elegir el lugar',
  locationMapInstructions: 'Haga clic en el mapa donde está el lugar. O seleccione el mapa, mueva el marcador con las flechas y pulse Intro. Las teclas más y menos acercan y alejan el mapa.',
  locationLookingUp: 'Buscando la dirección…',
  locationChosen: 'Ubicación elegida: {address}',
  locationChosenPoint: 'Ubicación elegida: {lat}, {long}. No se encontró ninguna dirección cercana.',
  locationPoint: 'Marcador en {lat}, {long}',
  locationOutOfBounds: 'El lugar que eligió está fuera de la ciudad. Elija un lugar dentro de los límites de la ciudad.',
  locationRequired: 'Escriba una dirección, use su ubicación o elija el lugar en el mapa',
  locationChooseSuggestion: 'Elija una dirección de la lista o elija el lugar en el mapa',
};

export const locationPickerMessages = { en, es };

type LocationPickerMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends LocationPickerMessages {}
}
