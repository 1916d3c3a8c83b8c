import type { Message } from '../../core/locales/en.js';

/**
 * The words of the confirmation and manage pages, which load with those pages' code (a sign-up
 * form does not carry them). English is the source of truth for the keys.
 */
const en = {
  notifyConfirming: 'Confirming your subscription…',
  notifyConfirmTitle: 'Confirm your subscription',
  notifyConfirmedTitle: 'You are subscribed',
  notifyConfirmed: 'Thank you. Every message we send has a link to change what you get or to stop it.',
  notifyManageLink: 'Change what you get',
  notifyLinkExpiredTitle: 'This link has expired',
  notifyLinkExpired: 'Confirmation links work for a limited time. Ask for a new one below.',
  notifyLinkUsedTitle: 'This link has already been used',
  notifyLinkUsed: 'Your subscription may already be confirmed: if you get our messages, there is nothing more to do. If not, ask for a new link below.',
  notifyLinkUnknownTitle: 'This link does not work',
  notifyLinkUnknown: 'Check that you copied the whole link, or ask for a new one below.',
  notifyNewLinkTitle: 'Get a new link',
  notifyNewLinkButton: 'Send a new link',
  notifyNewLinkSent: 'If that address has a subscription waiting, a new link is on its way. Check your email.',
  notifyManageTitle: 'Your subscription',
  notifyStatusPending: 'waiting for you to confirm',
  notifyStatusActive: 'on',
  notifyStatusUnsubscribed: 'off',
  notifyStatusStopped: 'stopped by a STOP text: text START to restart',
  notifyFollowService: 'Updates on request {id}',
  notifyFollowRecords: 'Updates on records request {id}',
  notifyManageUnknown: 'Use the link in the latest message we sent you, or sign up again.',
  notifyLanguageLabel: 'Language of the messages',
  notifyManageChannelsLabel: 'Where we send your messages',
  notifyManageChannelsHint: 'Untick one to stop it and keep the other. Untick all to stop everything.',
  notifyAddLabel: 'Add a way to get messages',
  notifyAddEmail: 'Also send me emails',
  notifyAddSms: 'Also send me text messages',
  notifyAddedEmail: 'Check your email to confirm the new address: we send nothing there until you do.',
  notifyAddedSms: 'Check your phone to confirm the new number: reply YES to the text we sent. We send nothing else there until you do.',
  notifySave: 'Save changes',
  notifySaved: 'Your changes are saved.',
  notifyLeaveTitle: 'Stop one topic',
  notifyLeave: 'Stop',
  notifyLeft: 'You will no longer get “{topic}”.',
  notifyStopAllTitle: 'Stop everything',
  notifyStopAll: 'You will get no more emails or texts from us.',
  notifyUnsubscribeAll: 'Unsubscribe from everything',
  notifyGoneTitle: 'You are unsubscribed',
  notifyGone: 'We will send you nothing more. You can sign up again at any time.',
} satisfies Record<string, Message>;

export type NotifyPageMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends NotifyPageMessages {}
}

/** Registered by the confirmation and manage pages' modules when they load. */
export const notifyPageMessages = { en, es: () => import('./strings-pages.es.js').then((m) => m.es) };
