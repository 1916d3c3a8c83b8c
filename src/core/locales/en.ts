/**
 * The English catalog, and the source of truth for message keys: every other catalog is
 * typed against it, so a key added here without a translation fails the typecheck.
 *
 * A message is a string with `{name}` placeholders, or plural forms chosen with
 * `Intl.PluralRules` from the `count` parameter (`other` is required).
 */
export const en = {
  // Shared
  loading: 'Loading…',
  tryAgain: 'Try again',
  optional: '(optional)',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  errorTitlePrefix: 'Error:',
  notConfigured: 'This service is not set up yet. Please try again later.',

  // Backend failures, one per error kind
  errorNetwork: "We couldn't reach the city's service. Check your connection and try again.",
  errorTimeout: "The city's service is taking too long to answer. Try again in a few minutes.",
  errorServer: "The city's service had a problem and couldn't complete your request. Try again later.",
  errorMalformed: "The city's service sent an answer we couldn't read. Try again later.",
  errorHtml: "The city's service is unavailable right now. Try again later.",
  errorUnknown: 'Something went wrong. Try again later.',

  // Character count (GOV.UK wording)
  characterCountLimit: {
    one: 'You can enter up to {count} character',
    other: 'You can enter up to {count} characters',
  },
  charactersRemaining: {
    one: 'You have {count} character remaining',
    other: 'You have {count} characters remaining',
  },
  charactersOverLimit: {
    one: 'You have {count} character too many',
    other: 'You have {count} characters too many',
  },

  // <civic-service-list>
  serviceListTitle: 'What you can report',
  serviceListLoading: 'Loading services…',
  serviceListEmpty: 'No services are available right now.',
  serviceListOtherGroup: 'Other',
  serviceListCount: {
    one: '{count} service',
    other: '{count} services',
  },

  // <civic-status-tracker>
  trackerTitle: 'Track a request',
  trackerLabel: 'Reference number',
  trackerHint: 'It is in your confirmation email and on the confirmation page, for example 10234.',
  trackerSubmit: 'Find request',
  trackerErrorEmpty: 'Enter your reference number',
  trackerLoading: 'Looking up request {ref}…',
  trackerProcessingTitle: 'Your request is still being processed',
  trackerProcessing:
    'The city has received it but has not given it a reference number yet. This usually takes a few minutes. This page checks again by itself, so you can leave it open.',
  trackerReferenceIs: 'Temporary reference: {ref}',
  trackerNotFoundTitle: "We couldn't find request {ref}",
  trackerNotFoundCheck: 'Check that:',
  trackerNotFoundFormat: 'the number is exactly as it appears in your confirmation email or on the confirmation page',
  trackerNotFoundRecent: 'you sent it more than a few minutes ago: a new request can take a few minutes to appear',
  trackerNotFoundCall: 'if you still cannot find it, call 311 and give them the number',
  trackerRequestTitle: '{service}: request {id}',
  trackerRequestTitleNoService: 'Request {id}',
  trackerStatusOpen: 'Open: the city is working on it',
  trackerStatusClosed: 'Closed',
  trackerStatusOther: 'Status: {status}',
  trackerClosedNoNotes: 'The city did not say why it closed this request. If the problem is still there, call 311 or report it again.',
  trackerExpected: 'Expected by {date}',
  trackerExpectedDetail: 'The city expects to finish this {relative}.',
  trackerOverdue: 'Overdue: expected by {date}',
  trackerOverdueDetail: 'The city expected to finish this {relative} and it is still open.',
  trackerReference: 'Reference number',
  trackerAgency: 'Handled by',
  trackerRequested: 'Reported',
  trackerUpdated: 'Last updated',
  trackerAddress: 'Location',
  trackerDescription: 'What was reported',
  trackerDateRelative: '{date} ({relative})',
  trackerPhotoAlt: 'Photo sent with request {id}',
  trackerMapLabel: 'Map showing where request {id} is',
  trackerTimelineTitle: 'What has happened so far',
  trackerTimelineEmpty: 'No updates yet.',
  trackerNoteOpened: 'Request received',
  trackerNoteAssigned: 'Assigned to a team',
  trackerNoteInspected: 'Inspected',
  trackerNoteClosed: 'Closed',
  trackerNoteUpdate: 'Update',
  trackerAnnounceFound: 'Request {id}: {status}',
  trackerAnnounceStatus: 'Request {id} has changed: {status}',
  trackerAnnounceNote: 'New update on request {id}: {note}',
  trackerAnnounceUpdated: 'Request {id} has been updated',
} satisfies Record<string, Message>;

/** Plural forms of one message, chosen with `Intl.PluralRules`; `other` is the fallback. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralMessage;

/** Every message key the library knows. */
export type MessageKey = keyof typeof en;

/** A complete catalog: every key, in one language. */
export type Catalog = Record<MessageKey, Message>;
