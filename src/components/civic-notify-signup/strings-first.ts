import type { Message } from '../../core/locales/en.js';

/**
 * The words of the sign-up's first screen (the topics step, and the caption every step shows),
 * registered with the element. The later steps' words load with their code (`strings.ts`).
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
} satisfies Record<string, Message>;

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const notifyFirstMessages = { en, es: () => import('./strings-first.es.js').then((m) => m.es) };

export type NotifyFirstMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends NotifyFirstMessages {}
}
