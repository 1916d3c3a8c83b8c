import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-notify-signup>`'s messages (registered when its module loads). English is the
 * source of truth for the keys: Spanish is typed against it.
 */
const en = {
  notifyTitle: 'Get city news and alerts',
  notifyCaption: 'Email and text alerts',
  notifyIntro: 'Choose what you want to hear about. We will send a message to confirm before anything else is sent, and every message has a link to change or stop it.',
  notifyTopicsTitle: 'What do you want to hear about?',
  notifyAlwaysImmediate: 'Always sent at once.',
  notifyFrequencyLabel: 'How often for “{topic}”?',
  notifyImmediate: 'As it happens',
  notifyDaily: 'Once a day (a daily summary)',
  notifyWeekly: 'Once a week (a weekly summary)',
  notifyErrorTopics: 'Choose at least one topic',
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

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const notifyMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type NotifyMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends NotifyMessages {}
}
