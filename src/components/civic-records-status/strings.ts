import type { Message } from '../../core/locales/en.js';

/** `<civic-records-status>`'s messages (registered when its module loads). */
const en = {
  recordsStatusTitle: 'Public records request {tracking}',
  recordsStatusLookupTitle: 'Follow a public records request',
  recordsStatusLookupLabel: 'Tracking number',
  recordsStatusLookupHint: 'It is on your confirmation page, for example R-2026-00012.',
  recordsStatusLookupSubmit: 'Find request',
  recordsStatusLookupError: 'Enter the tracking number, for example R-2026-00012',
  recordsStatusLookupPrivate: 'Without your private link you will see only what the city has made public.',
  recordsStatusNotFoundTitle: "We couldn't find request {tracking}",
  recordsStatusNotFound: 'Check the tracking number, or open the private link from your confirmation. A request appears in the public log only once the city has acknowledged it.',
  recordsStatusLoading: 'Looking up request {tracking}…',
  recordsStatusSubmitted: 'Received: waiting for the city to acknowledge it',
  recordsStatusAcknowledged: 'Acknowledged: staff are looking for the records',
  recordsStatusClarification: 'The city has asked you a question',
  recordsStatusFee: 'The city sent a fee estimate',
  recordsStatusExtended: 'The city has extended the deadline',
  recordsStatusPartial: 'Some records have been released',
  recordsStatusReleased: 'Records released',
  recordsStatusDenied: 'Denied',
  recordsStatusClosed: 'Closed',
  recordsStatusReopened: 'Reopened',
  recordsStatusOther: 'Status: {status}',
  recordsStatusDue: 'Due by {date}',
  recordsStatusOverdue: 'Overdue: due by {date}',
  recordsStatusPaused: 'The deadline is on hold until you answer.',
  recordsStatusNoDeadline: 'No fixed deadline: the city must answer promptly.',
  recordsStatusApproximate: 'The city expects to answer by {date}.',
  recordsStatusReceived: 'Received',
  recordsStatusDepartment: 'Department',
  recordsStatusDescription: 'Records asked for',
  recordsStatusDocuments: 'Released records',
  recordsStatusNoDocuments: 'No records have been released yet.',
  recordsStatusPrivateDocument: 'only for you',
  recordsStatusTimeline: 'What has happened so far',
  recordsStatusEventSubmitted: 'Request received',
  recordsStatusEventAcknowledged: 'Acknowledged',
  recordsStatusEventClarificationRequested: 'The city asked a question',
  recordsStatusEventClarificationProvided: 'You answered',
  recordsStatusEventFeeEstimate: 'Fee estimate: {amount}',
  recordsStatusEventFeeAccepted: 'Fee accepted',
  recordsStatusEventExtended: 'Deadline extended',
  recordsStatusEventPartiallyReleased: 'Some records released',
  recordsStatusEventReleased: 'Records released',
  recordsStatusEventDenied: 'Denied',
  recordsStatusEventClosed: 'Closed',
  recordsStatusEventReopened: 'Reopened',
  recordsStatusReason: 'Reason: {reason}',
  recordsStatusReplyLabel: 'Your answer',
  recordsStatusReplySubmit: 'Send answer',
  recordsStatusReplyError: 'Enter your answer',
  recordsStatusAcceptFee: 'Accept the fee estimate',
  recordsStatusReplied: 'Your answer was sent. The deadline is running again.',
  recordsStatusLogTitle: 'Recent requests',
  recordsStatusLogEmpty: 'No requests have been published yet.',
} satisfies Record<string, Message>;

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const recordsStatusMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type RecordsStatusMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends RecordsStatusMessages {}
}
