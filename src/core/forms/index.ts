export * from './field.js';
export * from './error-summary.js';
export * from './character-count.js';
export * from './error-panel.js';
export * from './form-styles.js';
