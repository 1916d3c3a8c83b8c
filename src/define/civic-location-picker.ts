import { CivicLocationPicker } from '../components/civic-location-picker/civic-location-picker.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-location-picker', CivicLocationPicker);

export { CivicLocationPicker };
export type {
  CivicLocationChangeDetail,
  LocationGeocoder,
  PickedAddress,
  PickedLocation,
  PickedPoint,
} from '../components/civic-location-picker/civic-location-picker.js';
