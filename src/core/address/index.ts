export { AddressComboboxController, type AddressComboboxIds, type AddressComboboxOptions, type AddressComboboxRender } from './combobox.js';
export { ADDRESS_LOOKUP_TIMEOUT, GeocoderByUrl, isAbort, type AddressGeocoder } from './geocoder.js';
export { addressComboboxStyles } from './styles.js';
