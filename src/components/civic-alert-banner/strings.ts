import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-alert-banner>`'s own words. The alerts themselves are never translated here: they are
 * shown in the language block the sender wrote, and these strings only frame them.
 */
const en = {
  alertBannerTitle: { one: 'Alert', other: 'Alerts ({count})' },
  alertBannerSeverityExtreme: 'Extreme danger',
  alertBannerSeverityEmergency: 'Emergency',
  alertBannerSeveritySevere: 'Severe',
  alertBannerSeverityModerate: 'Warning',
  alertBannerSeverityMinor: 'Notice',
  alertBannerSeverityUnknown: 'Notice',
  alertBannerOnlyIn: 'This alert is only available in {language}.',
  alertBannerDetails: 'More about this alert',
  alertBannerLink: 'Full details and instructions',
  alertBannerLinkContext: ': {headline}',
  alertBannerUntil: 'Until {date}',
  alertBannerArea: 'Area: {area}',
  alertBannerDismiss: 'Hide',
  alertBannerDismissContext: ' this alert: {headline}',
  alertBannerDismissed: 'Alert hidden. It will show again if it changes.',
  alertBannerNew: 'New alert: {headline}',
} satisfies Record<string, Message>;

/** Spanish: civic Spanish, addressing the resident as "usted". */
const es: Record<keyof typeof en, Message> = {
  alertBannerTitle: { one: 'Alerta', other: 'Alertas ({count})' },
  alertBannerSeverityExtreme: 'Peligro extremo',
  alertBannerSeverityEmergency: 'Emergencia',
  alertBannerSeveritySevere: 'Grave',
  alertBannerSeverityModerate: 'Advertencia',
  alertBannerSeverityMinor: 'Aviso',
  alertBannerSeverityUnknown: 'Aviso',
  alertBannerOnlyIn: 'Esta alerta solo está disponible en {language}.',
  alertBannerDetails: 'Más sobre esta alerta',
  alertBannerLink: 'Todos los detalles e instrucciones',
  alertBannerLinkContext: ': {headline}',
  alertBannerUntil: 'Hasta el {date}',
  alertBannerArea: 'Zona: {area}',
  alertBannerDismiss: 'Ocultar',
  alertBannerDismissContext: ' esta alerta: {headline}',
  alertBannerDismissed: 'Alerta oculta. Volverá a aparecer si cambia.',
  alertBannerNew: 'Nueva alerta: {headline}',
};

export const alertBannerMessages = { en, es };

type AlertBannerMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends AlertBannerMessages {}
}
