// Emergency mode publishes into notifications: starting an emergency sends its alert to everyone
// on the emergency alerts topic at once (that topic is never held back or put in a digest), in
// each subscriber's language, from the alert's own English and Spanish blocks.
import type { NewAlert } from '../alerts/store.js';
import type { Language } from './messages.js';
import type { NotifyService } from './service.js';

/** The seeded topic every emergency goes to. */
export const EMERGENCY_TOPIC = 'emergency-alerts';

export async function publishEmergency(notify: NotifyService, alert: NewAlert, now: Date): Promise<void> {
  const block = (language: Language) => alert.info.find((i) => i.language.toLowerCase().startsWith(language)) ?? alert.info[0];
  const subject = {} as Record<Language, string>;
  const body = {} as Record<Language, string>;
  for (const language of ['en', 'es'] as const) {
    const info = block(language);
    subject[language] = info?.headline ?? info?.event ?? '';
    body[language] = [info?.description, info?.instruction, info?.web].filter(Boolean).join('\n\n');
  }
  await notify.publish({ topic: EMERGENCY_TOPIC, area: null, subject, body }, now);
}
