import { CivicServiceRequest } from '../components/civic-service-request/civic-service-request.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';
// The location step uses the picker; it loads Leaflet itself, only when the map is opened.
import './civic-location-picker.js';

defineElement('civic-service-request', CivicServiceRequest);

export { CivicServiceRequest };
