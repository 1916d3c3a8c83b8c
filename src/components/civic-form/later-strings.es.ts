import type { Message } from '../../core/locales/en.js';
import type { FormLaterMessages } from './later-strings.js';

/** Spanish, addressing the resident as "usted". */
export const es: Record<keyof FormLaterMessages, Message> = {
  civicFormAdded: { one: 'Ha añadido 1 respuesta', other: 'Ha añadido {count} respuestas' },
  civicFormRemove: 'Quitar',
  civicFormRemoved: 'Se quitó {label}',
  civicFormErrorAddAnother: 'Seleccione sí si necesita añadir otro',
  civicFormMaxReached: 'Ha añadido el máximo que admite este formulario ({max}).',
  civicFormSend: 'Enviar',
  civicFormAgreeSend: 'Aceptar y enviar',
  civicFormSaveTitle: 'Vuelva a este formulario más tarde',
  civicFormSaveText:
    'Sus respuestas se guardan en este dispositivo. Para seguir en otro dispositivo, copie este enlace o envíeselo. Cualquier persona con el enlace puede ver sus respuestas. Los archivos que adjuntó no van en el enlace: tendrá que añadirlos de nuevo.',
  civicFormSaveLink: 'Enlace a sus respuestas',
  civicFormSaveClose: 'Volver al formulario',
  civicFormResumed: 'Sus respuestas guardadas han vuelto. Revíselas antes de enviar el formulario.',
  civicFormResumeBad: 'El enlace a sus respuestas guardadas no está completo. Use el enlace entero o empiece el formulario de nuevo.',
  civicFormUploading: '{percent} % enviado',
  civicFormUploadLabel: 'Enviando su formulario',
  civicFormSendFailed: 'Su formulario no se envió. No se ha perdido nada de lo que escribió.',
  civicFormDoneTitle: 'Formulario enviado',
  civicFormDoneReference: 'Su número de referencia',
  civicFormDoneNext: 'Qué pasa ahora',
  civicFormDoneTrack: 'Consulte el estado de su formulario',
  civicFormAnother: 'Llenar este formulario otra vez',
};
