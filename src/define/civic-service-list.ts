import { CivicServiceList } from '../components/civic-service-list/civic-service-list.js';
import { defineElement } from '../core/define.js';
import '../core/open311-backend.js';
import '../api/open311-services.js';
import './civic-hall.js';

defineElement('civic-service-list', CivicServiceList);

export { CivicServiceList };
