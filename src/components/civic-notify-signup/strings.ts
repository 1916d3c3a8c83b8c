import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-notify-signup>`'s messages after the first screen (where, how to reach you, check your
 * answers, check your email), registered by the later steps' module when it loads. English is
 * the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  notifyAreaTitle: 'Where?',
  notifyAreaLabel: 'Which messages do you want?',
  notifyAreaHint: 'Topics such as road closures can be limited to the part of the city you care about.',
  notifyAreaEverywhere: 'Everywhere in the city',
  notifyAreaAddress: 'Only near an address',
  notifyAreaNeighbourhood: 'Only in one neighbourhood',
  notifyAddressLabel: 'Address',
  notifyAddressHint: 'For example, 174 Park Street',
  notifyErrorAddress: 'Enter an address',
  notifyErrorAddressNotFound: 'We could not find that address. Check it, or choose a neighbourhood instead',
  notifyFinding: 'Finding the address…',
  notifyPlacesFound: { one: '{count} address found: check it is yours', other: '{count} addresses found: choose yours' },
  notifyPlaceLabel: 'Which address is yours?',
  notifyErrorPlace: 'Choose your address from the list',
  notifyRadiusLabel: 'How far from it',
  notifyNeighbourhoodLabel: 'Neighbourhood',
  notifyErrorNeighbourhood: 'Choose a neighbourhood',
  notifyNear: 'Within {radius} m of {address}',
  notifyChannelsTitle: 'How should we reach you?',
  notifyChannelsLabel: 'Send messages by',
  notifyChannelEmail: 'Email',
  notifyChannelSms: 'Text message (SMS)',
  notifyErrorChannels: 'Choose email, text message or both',
  notifyEmailLabel: 'Email address',
  notifyErrorEmail: 'Enter your email address',
  notifyErrorEmailFormat: 'Enter an email address in the correct format, like name@example.com',
  notifyPhoneLabel: 'Mobile phone number',
  notifyPhoneHint: 'A US mobile number, for example 860 555 0134',
  notifyErrorPhone: 'Enter your mobile phone number',
  notifyErrorPhoneFormat: 'Enter a phone number, like 860 555 0134',
  notifyConsentLegend: 'Text message agreement',
  notifyConsentBox: 'I agree to receive these text messages',
  notifyErrorConsent: 'To get text messages, tick the box to agree to them',
  notifyTerms: 'Terms of service',
  notifyPrivacy: 'Privacy notice',
  notifyReviewTopics: 'Topics',
  notifyReviewArea: 'Where',
  notifyDeclaration: 'We will send a message to confirm. Nothing else is sent until you confirm, and the link works for {hours} hours.',
  notifySubmit: 'Sign up',
  notifySendFailed: 'You are not signed up yet. Nothing you entered has been lost.',
  notifySentEmailTitle: 'Check your email',
  notifySentTextTitle: 'Reply YES to the text we sent',
  notifySentEmail: 'We have sent an email to {email}. Open the link in it to confirm: it works for {hours} hours.',
  notifySentText: 'We have sent a text message to {phone}. Reply YES to it to start getting texts.',
  notifySentNothingYet: 'If nothing arrives in a few minutes, check your spam folder, or send it again.',
  notifyResendEmail: 'Send the email again',
  notifyResendText: 'Send the text again',
  notifyResent: 'Sent again. It can take a few minutes to arrive.',
  notifySignUpAgain: 'Sign up with another address',
} satisfies Record<string, Message>;

/**
 * English now; other languages load when a widget speaks them (see `registerMessages`). Also the
 * words `<civic-follow>` asks with (email, phone, the SMS consent).
 */
export const notifyMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

// The first screen's words and the confirmation and manage pages' words live beside these, each
// loaded with its own code; re-exported here for the English catalog (scripts/catalog.ts).
export { notifyFirstMessages } from './strings-first.js';
export { notifyPageMessages } from './strings-pages.js';

export type NotifyMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends NotifyMessages {}
}
