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
  trackerNotFoundCall: 'If you still cannot find it, call 311 and give them the number.',
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

  // <civic-service-request>
  requestEmergencyNotice: 'If someone is in danger or hurt, call 911 now. Do not use this form for emergencies.',
  requestContinue: 'Continue',
  requestBack: 'Back',
  requestStartOver: 'Start over and clear this report',
  requestCategoryTitle: 'What do you want to report?',
  requestCategoryLegend: 'Choose the kind of problem',
  requestSearchLabel: 'Search for a problem',
  requestSearchHint: 'For example, pothole, streetlight or trash',
  requestSearchCount: { one: '{count} match', other: '{count} matches' },
  requestSearchNone: 'Nothing matches your search. Try other words, or clear the search to see every kind of problem.',
  requestFeatured: 'Most reported',
  requestErrorService: 'Choose the kind of problem you want to report',
  requestQuestionsTitle: 'Tell us about the problem',
  requestSelectPlaceholder: 'Choose an answer',
  requestChooseAll: 'Choose all that apply.',
  requestDateHint: 'For example, 27 3 2025',
  requestDay: 'Day',
  requestMonth: 'Month',
  requestYear: 'Year',
  requestTime: 'Time',
  requestTimeHint: 'Use the 24-hour clock, for example 14:30',
  requestErrorAnswer: 'Answer the question “{question}”',
  requestErrorChoose: 'Choose an answer for “{question}”',
  requestErrorChooseSome: 'Choose at least one answer for “{question}”',
  requestErrorDate: 'Enter a date for “{question}”',
  requestErrorDateMonth: 'The date for “{question}” must include a month',
  requestErrorDateYear: 'Enter the year for “{question}” as 4 numbers, for example 2025',
  requestErrorDateReal: 'Enter a real date for “{question}”',
  requestErrorTime: 'Enter a time for “{question}” like 14:30, or leave it empty',
  requestErrorNumber: 'Enter a number for “{question}”, for example 3',
  requestErrorTooLong: 'Your answer to “{question}” must be {count} characters or fewer',
  requestLocationTitle: 'Where is the problem?',
  requestLocationHint: 'Search for an address or choose the place on the map.',
  requestAddressLabel: 'Address or nearest street corner',
  requestAddressHint: 'For example, 550 Main Street, or Main Street and Asylum Avenue',
  requestErrorLocation: 'Choose where the problem is: search for an address or pick a place on the map',
  requestErrorAddress: 'Enter the address or nearest street corner of the problem',
  requestNearbyTitle: 'Is it one of these?',
  requestNearbyIntro: {
    one: 'Someone has already reported this kind of problem close by. If it is the same one, follow that report instead: the city is already working on it.',
    other: 'People have already reported this kind of problem close by. If yours is one of these, follow that report instead: the city is already working on it.',
  },
  requestNearbyDistance: '{distance} away',
  requestNearbyReported: 'reported {when}',
  requestNearbyFollow: 'Follow this report',
  requestNearbyContinue: 'No, report a new problem',
  requestReference: 'Reference {id}',
  requestDetailsTitle: 'Describe the problem',
  requestDescriptionLabel: 'Description',
  requestDescriptionHint: 'What is wrong, and anything that helps the crew find it. Do not include personal information: descriptions are public.',
  requestErrorDescriptionLong: 'The description must be {count} characters or fewer',
  requestPhotoLabel: 'Photo',
  requestPhotoHint: 'A JPEG, PNG, GIF, WebP, HEIC or AVIF image, 10 MB or smaller. Photos are public.',
  requestPhotoAlt: 'Your photo: {name}',
  requestPhotoRemove: 'Remove photo',
  requestPhotoRemoved: 'Photo removed',
  requestPhotoAdded: 'Photo added',
  requestErrorPhotoType: 'The photo must be a JPEG, PNG, GIF, WebP, HEIC or AVIF image',
  requestErrorPhotoSize: 'The photo must be {count} MB or smaller',
  requestContactTitle: 'Your contact details',
  requestContactOptional: 'Give an email address or phone number if you want the city to be able to ask you about this report. You can leave these empty.',
  requestContactAnonymous: 'You can report this anonymously: leave these empty if you prefer.',
  requestContactRequired: 'The city needs to be able to contact you about this kind of report. Enter your name and an email address or phone number.',
  requestFirstName: 'First name',
  requestLastName: 'Last name',
  requestEmail: 'Email address',
  requestPhone: 'Phone number',
  requestEmailOrPhoneHint: 'Enter an email address, a phone number, or both.',
  requestPhoneHint: 'For example, 860 555 0123',
  requestErrorFirstName: 'Enter your first name',
  requestErrorLastName: 'Enter your last name',
  requestErrorEmailOrPhone: 'Enter an email address or a phone number so the city can contact you',
  requestErrorEmail: 'Enter an email address in the correct format, like name@example.com',
  requestErrorPhone: 'Enter a phone number, like 860 555 0123',
  requestPrivacyTitle: 'What becomes public',
  requestPrivacyPublic: 'The kind of problem, your answers to the questions, the location, the description and the photo are published so neighbours can see the problem is reported.',
  requestPrivacyNever: 'Your name, email address and phone number are never published. Only city staff see them.',
  requestReviewTitle: 'Check your answers before sending your report',
  requestReviewService: 'Problem',
  requestReviewLocation: 'Location',
  requestReviewContact: 'Contact details',
  requestNotGiven: 'Not given',
  requestChange: 'Change',
  requestReviewDeclaration: 'By sending this report you confirm that, to the best of your knowledge, the details are correct.',
  requestSubmit: 'Send report',
  requestSending: 'Sending your report…',
  requestSendFailed: 'Your report was not sent. Everything you entered is kept.',
  requestDoneTitle: 'Report sent',
  requestDoneReference: 'Your reference number',
  requestDoneService: 'Thank you. Your report about “{service}” has reached the city.',
  requestDoneToken: 'The city will give your report a number shortly. Keep this reference to ask about it.',
  requestDoneNextTitle: 'What happens next',
  requestDoneNext: 'The department responsible will review your report. You can follow its progress with your reference number.',
  requestDoneTrack: 'Track your report',
  requestDoneAnother: 'Report another problem',
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
