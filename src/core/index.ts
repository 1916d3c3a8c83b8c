export { CivicElement } from './civic-element.js';
export { civicConfigContext, ensureContextRoot, type CivicConfig } from './context.js';
export { defineElement } from './define.js';
export * from './i18n.js';
export { themeStyles, visuallyHiddenStyles } from './theme.js';
export { AnnouncerController, type AnnouncerOptions } from './announcer.js';
export * from './forms/index.js';
export * from './address/index.js';
export { GeolocationController, type GeolocationOptions, type GeolocationProblem } from './geo/geolocation.js';
