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

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const locationPickerMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type LocationPickerMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends LocationPickerMessages {}
}
