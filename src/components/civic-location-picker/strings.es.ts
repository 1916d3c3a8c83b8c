import type { Message } from '../../core/locales/en.js';
import type { LocationPickerMessages } from './strings.js';

/**
 * Spanish: civic Spanish, addressing the resident as "usted". A chunk of its own, loaded only
 * when a widget on the page speaks Spanish.
 */
export const es: Record<keyof LocationPickerMessages, Message> = {
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
