import type { Message } from '../../core/locales/en.js';
import type { FollowMessages } from './strings.js';

/** Spanish, addressing the resident as "usted"; loaded only when a widget on the page speaks Spanish. */
export const es: Record<keyof FollowMessages, Message> = {
  followOpen: 'Avísenme por correo (o por mensaje de texto) cuando esto cambie',
  followTitle: 'Reciba novedades de esta solicitud',
  followIntro: 'Le enviaremos un mensaje cada vez que cambie el estado, se añada una nota o cambie la fecha prevista. Cada mensaje tiene un enlace para dejar de recibirlos.',
  followHowLabel: '¿Cómo quiere que le avisemos?',
  followByEmail: 'Por correo electrónico',
  followBySms: 'Por mensaje de texto (SMS)',
  followErrorHow: 'Elija correo electrónico o mensaje de texto',
  followSubmit: 'Enviarme novedades',
  followCancel: 'Cancelar',
  followSentEmail: 'Revise su correo electrónico: abra el enlace que enviamos a {email} para empezar a recibir novedades.',
  followSentText: 'Responda YES al mensaje de texto que enviamos al {phone} para empezar a recibir novedades.',
  followFailed: 'No pudimos activar los avisos. No se ha perdido nada de lo que escribió.',
  followEmailGiven: 'Le enviaremos un correo a {email} cada vez que cambie esta solicitud.',
};
