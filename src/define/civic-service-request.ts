import { CivicServiceRequest } from '../components/civic-service-request/civic-service-request.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-service-request', CivicServiceRequest);

export { CivicServiceRequest };
