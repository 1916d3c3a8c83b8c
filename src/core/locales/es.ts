import type { CoreMessages, Message } from './en.js';

/** The Spanish catalog: civic Spanish, addressing the resident as "usted". */
export const es: Record<keyof CoreMessages, Message> = {
  loading: 'Cargando…',
  tryAgain: 'Volver a intentarlo',
  optional: '(opcional)',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'Hay un problema',
  errorTitlePrefix: 'Error:',
  notConfigured: 'Este servicio todavía no está disponible. Vuelva a intentarlo más tarde.',
  errorNetwork:
    'No pudimos comunicarnos con el servicio de la ciudad. Revise su conexión y vuelva a intentarlo.',
  errorTimeout:
    'El servicio de la ciudad está tardando demasiado en responder. Vuelva a intentarlo en unos minutos.',
  errorServer:
    'El servicio de la ciudad tuvo un problema y no pudo completar su solicitud. Vuelva a intentarlo más tarde.',
  errorMalformed:
    'El servicio de la ciudad envió una respuesta que no pudimos leer. Vuelva a intentarlo más tarde.',
  errorHtml: 'El servicio de la ciudad no está disponible en este momento. Vuelva a intentarlo más tarde.',
  errorUnknown: 'Algo salió mal. Vuelva a intentarlo más tarde.',
  formContinue: 'Continuar',
  formBack: 'Atrás',
  formChange: 'Cambiar',
  formNotGiven: 'No indicado',
  formSending: 'Enviando…',
  formCheckTitle: 'Revise sus respuestas antes de enviar',
  formStartOver: 'Empezar de nuevo',
  formSelectPlaceholder: 'Elija…',
  formChooseAll: 'Seleccione todas las que correspondan.',
  formDateHint: 'Por ejemplo, 27 3 2026',
  formDay: 'Día',
  formMonth: 'Mes',
  formYear: 'Año',
  formFileRemove: 'Quitar',
  formFileChosen: {
    one: '{count} archivo elegido',
    other: '{count} archivos elegidos',
  },
  formErrorRequired: 'Responda «{label}»',
  formErrorChoose: 'Seleccione una respuesta para «{label}»',
  formErrorTooLong: '«{label}» debe tener {max} caracteres o menos',
  formErrorTooShort: '«{label}» debe tener al menos {min} caracteres',
  formErrorEmail: 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com',
  formErrorPhone: 'Escriba un número de teléfono, como +1 860 555 0100',
  formErrorNumber: '«{label}» debe ser un número, como 25 o 25.50',
  formErrorNumberRange: '«{label}» debe estar entre {min} y {max}',
  formErrorDate: '«{label}» debe ser una fecha real, como 27 3 2026',
  formErrorDateRange: '«{label}» debe estar entre {min} y {max}',
  formErrorFileType: 'El archivo elegido debe ser {types}',
  formErrorFileSize: 'El archivo elegido debe ocupar menos de {max}',
  formErrorFileCount: 'Seleccione {max} archivos o menos',
  characterCountLimit: {
    one: 'Puede escribir hasta {count} carácter',
    other: 'Puede escribir hasta {count} caracteres',
  },
  charactersRemaining: {
    one: 'Le queda {count} carácter',
    other: 'Le quedan {count} caracteres',
  },
  charactersOverLimit: {
    one: 'Tiene {count} carácter de más',
    other: 'Tiene {count} caracteres de más',
  },
  serviceListTitle: 'Lo que puede reportar',
  serviceListLoading: 'Cargando servicios…',
  serviceListEmpty: 'No hay servicios disponibles en este momento.',
  serviceListOtherGroup: 'Otros',
  serviceListCount: {
    one: '{count} servicio',
    other: '{count} servicios',
  },
};
