import { CivicStatusTracker } from '../components/civic-status-tracker/civic-status-tracker.js';
import { defineElement } from '../core/define.js';
import '../core/open311-backend.js';
import '../api/open311-requests.js';
import './civic-hall.js';

defineElement('civic-status-tracker', CivicStatusTracker);

export { CivicStatusTracker };
