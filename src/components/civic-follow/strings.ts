import type { Message } from '../../core/locales/en.js';

/** `<civic-follow>`'s messages. English is the source of truth for the keys: Spanish is typed against it. */
const en = {
  followOpen: 'Email me (or text me) when this changes',
  followTitle: 'Get updates on this request',
  followIntro: 'We will send one message each time the status, a note or the expected date changes. Every message has a link to stop.',
  followHowLabel: 'How should we tell you?',
  followByEmail: 'By email',
  followBySms: 'By text message (SMS)',
  followErrorHow: 'Choose email or text message',
  followSubmit: 'Send me updates',
  followCancel: 'Cancel',
  followSentEmail: 'Check your email: open the link we sent to {email} to start getting updates.',
  followSentText: 'Reply YES to the text we sent to {phone} to start getting updates.',
  followFailed: 'We could not set up the updates. Nothing you entered has been lost.',
  followEmailGiven: 'We will email {email} each time this request changes.',
} satisfies Record<string, Message>;

export const followMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type FollowMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends FollowMessages {}
}
