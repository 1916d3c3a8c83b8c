import { CivicRecordsRequest } from '../components/civic-records-request/civic-records-request.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-records-request', CivicRecordsRequest);

export { CivicRecordsRequest };
