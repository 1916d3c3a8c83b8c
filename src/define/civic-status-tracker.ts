import { CivicStatusTracker } from '../components/civic-status-tracker/civic-status-tracker.js';
import { defineElement } from '../core/define.js';
import './civic-hall.js';

defineElement('civic-status-tracker', CivicStatusTracker);

export { CivicStatusTracker };
