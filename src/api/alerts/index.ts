export { AlertsClient, type AlertsClientOptions } from './client.js';
export { parseAlerts } from './parse.js';
export { parseCap, CAP_NAMESPACE } from './cap.js';
export { parseNws } from './nws.js';
export { parseCivicAlerts } from './civic.js';
export { activeAlerts, contentHash, infoFor, isEmergency, nextExpiry } from './resolve.js';
export type * from './types.js';
