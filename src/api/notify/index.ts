export { NotifyClient, notifyTokenProblem, type NotifyBackend, type NotifyClientOptions, type NotifyTokenProblem } from './client.js';
export type * from './types.js';
