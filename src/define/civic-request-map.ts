import { CivicRequestMap } from '../components/civic-request-map/civic-request-map.js';
import { defineElement } from '../core/define.js';
import '../core/open311-backend.js';
import '../api/open311-services.js';
import '../api/open311-requests.js';
import './civic-hall.js';

defineElement('civic-request-map', CivicRequestMap);

export { CivicRequestMap };
