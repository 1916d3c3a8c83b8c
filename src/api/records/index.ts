export {
  recordsDeadline,
  deadlineBasis,
  formatDeadlineDate,
  isBusinessDay,
  type RecordsClockPause,
  type RecordsDeadline,
  type RecordsDeadlineOptions,
} from './deadlines.js';
export {
  recordsRules,
  connecticut,
  newYork,
  california,
  texas,
  federal,
  florida,
  type HolidaySpec,
  type LocalizedText,
  type ObservedShift,
  type RecordsRequirement,
  type RecordsRule,
} from './rules.js';
export {
  RecordsClient,
  type RecordsClientOptions,
  type RecordsDiscovery,
  type RecordsDocument,
  type RecordsEvent,
  type RecordsOption,
  type RecordsReceipt,
  type RecordsRequestInput,
  type RecordsRequestView,
} from './client.js';
