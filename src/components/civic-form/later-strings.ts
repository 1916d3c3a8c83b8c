import type { Message } from '../../core/locales/en.js';

/** `<civic-form>`'s words for its later steps (add another, check your answers, sending, the
 * confirmation, save and return): registered when their code loads, after the first page. */
const en = {
  civicFormAdded: { one: 'You have added 1 answer', other: 'You have added {count} answers' },
  civicFormRemove: 'Remove',
  civicFormRemoved: 'Removed {label}',
  civicFormErrorAddAnother: 'Select yes if you need to add another',
  civicFormMaxReached: 'You have added the most this form takes ({max}).',
  civicFormSend: 'Send',
  civicFormAgreeSend: 'Agree and send',
  civicFormSaveTitle: 'Come back to this form later',
  civicFormSaveText:
    'Your answers are kept on this device. To carry on on another device, copy this link or send it to yourself. Anyone with the link can see your answers. Files you attached are not in the link: you will need to add them again.',
  civicFormSaveLink: 'Link to your answers',
  civicFormSaveClose: 'Back to the form',
  civicFormResumed: 'Your saved answers are back. Check them before you send the form.',
  civicFormResumeBad: 'The link to your saved answers is not complete. Use the whole link, or start the form again.',
  civicFormUploading: '{percent}% sent',
  civicFormUploadLabel: 'Sending your form',
  civicFormSendFailed: 'Your form was not sent. Nothing you entered has been lost.',
  civicFormDoneTitle: 'Form sent',
  civicFormDoneReference: 'Your reference number',
  civicFormDoneNext: 'What happens next',
  civicFormDoneTrack: 'Check the progress of your form',
  civicFormAnother: 'Fill in this form again',
} satisfies Record<string, Message>;

/** English now; Spanish loads when a widget speaks it. */
export const formLaterMessages = { en, es: () => import('./later-strings.es.js').then((m) => m.es) };

export type FormLaterMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends FormLaterMessages {}
}
