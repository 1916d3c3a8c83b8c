import { CivicAlertBanner } from '../components/civic-alert-banner/civic-alert-banner.js';
import { defineElement } from '../core/define.js';

defineElement('civic-alert-banner', CivicAlertBanner);

export { CivicAlertBanner };
