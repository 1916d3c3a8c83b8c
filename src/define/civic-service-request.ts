import { CivicServiceRequest } from '../components/civic-service-request/civic-service-request.js';
import { defineElement } from '../core/define.js';
import '../core/open311-backend.js';
import '../api/open311-services.js';
import './civic-hall.js';

defineElement('civic-service-request', CivicServiceRequest);

export { CivicServiceRequest };
