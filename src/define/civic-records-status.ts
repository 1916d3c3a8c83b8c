import { CivicRecordsStatus } from '../components/civic-records-status/civic-records-status.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-records-status', CivicRecordsStatus);

export { CivicRecordsStatus };
