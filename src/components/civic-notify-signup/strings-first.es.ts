import type { Message } from '../../core/locales/en.js';
import type { NotifyFirstMessages } from './strings-first.js';

/** Spanish of the sign-up's first screen ("usted"), loaded only when a widget speaks Spanish. */
export const es: Record<keyof NotifyFirstMessages, Message> = {
  notifyTitle: 'Reciba noticias y alertas de la ciudad',
  notifyCaption: 'Alertas por correo electrónico y mensaje de texto',
  notifyIntro: 'Elija sobre qué quiere recibir avisos. Le enviaremos un mensaje para confirmar antes de enviar cualquier otra cosa, y cada mensaje tiene un enlace para cambiarlo o dejar de recibirlo.',
  notifyTopicsTitle: '¿Sobre qué quiere recibir avisos?',
  notifyAlwaysImmediate: 'Siempre se envían al momento.',
  notifyFrequencyLabel: '¿Con qué frecuencia para «{topic}»?',
  notifyImmediate: 'En cuanto ocurra',
  notifyDaily: 'Una vez al día (un resumen diario)',
  notifyWeekly: 'Una vez a la semana (un resumen semanal)',
  notifyErrorTopics: 'Elija al menos un tema',
};
