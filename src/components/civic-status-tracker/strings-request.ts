import type { Message } from '../../core/locales/en.js';

/**
 * The words of what a lookup finds (the request, its timeline and map, "still being processed",
 * "not found") and of the announcements about it: registered by `request-view.ts`, which loads
 * after the tracker's first screen.
 */
export const requestEn = {
  trackerProcessingTitle: 'Your request is still being processed',
  trackerProcessing:
    'The city has received it but has not given it a reference number yet. This usually takes a few minutes. This page checks again by itself, so you can leave it open.',
  trackerReferenceIs: 'Temporary reference: {ref}',
  trackerNotFoundTitle: "We couldn't find request {ref}",
  trackerNotFoundCheck: 'Check that:',
  trackerNotFoundFormat: 'the number is exactly as it appears on the confirmation page',
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
  trackerMapFailed: "The map couldn't load. The address above says where the request is.",
  trackerMapFailedNoAddress: "The map couldn't load.",
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
