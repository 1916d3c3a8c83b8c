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
  mapZoomIn: 'Acercar',
  mapZoomOut: 'Alejar',
  mapLeafletTitle: 'Leaflet, una biblioteca JavaScript para mapas interactivos',
  mapOsmCredit: 'colaboradores de {osm}',
  serviceListTitle: 'Lo que puede reportar',
  serviceListLoading: 'Cargando servicios…',
  serviceListEmpty: 'No hay servicios disponibles en este momento.',
  serviceListOtherGroup: 'Otros',
  serviceListCount: {
    one: '{count} servicio',
    other: '{count} servicios',
  },
};
