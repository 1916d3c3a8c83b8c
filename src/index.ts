/**
 * civic-elements: registers every element (the script-tag bundle's entry) and exports the
 * element classes, the core building blocks and the protocol clients.
 */
import './define/civic-hall.js';
import './define/civic-service-list.js';
import './define/civic-location-picker.js';
import './define/civic-service-request.js';
import './define/civic-status-tracker.js';
import './define/civic-request-map.js';
import './define/civic-records-request.js';
import './define/civic-records-status.js';
import './define/civic-report-card.js';
import './define/civic-alert-banner.js';
import './define/civic-notify-signup.js';
import './define/civic-follow.js';
import './define/civic-form.js';
import './define/civic-form-list.js';

export { CivicHall } from './components/civic-hall/civic-hall.js';
export { CivicServiceList, type CivicServiceSelectDetail } from './components/civic-service-list/civic-service-list.js';
export { CivicStatusTracker, type CivicRequestLoadedDetail } from './components/civic-status-tracker/civic-status-tracker.js';
export { CivicServiceRequest, type CivicRequestSubmittedDetail } from './components/civic-service-request/civic-service-request.js';
export {
  CivicLocationPicker,
  type CivicLocationChangeDetail,
  type LocationGeocoder,
  type PickedAddress,
  type PickedLocation,
  type PickedPoint,
} from './components/civic-location-picker/civic-location-picker.js';
export { CivicRequestMap, type CivicRequestSelectDetail } from './components/civic-request-map/civic-request-map.js';
export { CivicRecordsRequest, type CivicRecordsSubmittedDetail } from './components/civic-records-request/civic-records-request.js';
export { CivicRecordsStatus } from './components/civic-records-status/civic-records-status.js';
export { CivicReportCard, type CivicReportCardLoadedDetail } from './components/civic-report-card/civic-report-card.js';
export {
  CivicAlertBanner,
  type CivicAlertDismissDetail,
  type CivicAlertsChangeDetail,
  type CivicAlertsErrorDetail,
} from './components/civic-alert-banner/civic-alert-banner.js';
export { CivicNotifySignup, type CivicNotifySubscribedDetail } from './components/civic-notify-signup/civic-notify-signup.js';
export { CivicFollow } from './components/civic-follow/civic-follow.js';
export { CivicForm, type CivicFormSubmittedDetail } from './components/civic-form/civic-form.js';
export { CivicFormList } from './components/civic-form-list/civic-form-list.js';
export { CivicElement } from './core/civic-element.js';
export { defineElement } from './core/define.js';
export { setBackendFactory, type BackendFactory, type BackendSettings } from './core/backend-factory.js';
export { CachingOpen311Client } from './core/open311-backend.js';
export { registerCatalog, registerCatalogUrl } from './core/i18n.js';
export * from './api/index.js';
