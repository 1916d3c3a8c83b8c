import type { Message } from '../../core/locales/en.js';
import type { ServiceRequestMessages } from './strings.js';

/**
 * Spanish: civic Spanish, addressing the resident as "usted". A chunk of its own, loaded only
 * when a widget on the page speaks Spanish.
 */
export const es: Record<keyof ServiceRequestMessages, Message> = {
  requestEmergencyNotice: 'Si alguien está en peligro o herido, llame al 911 ahora. No use este formulario para emergencias.',
  requestStartOver: 'Empezar de nuevo y borrar este reporte',
  requestDraftQuestion: '¿Desea continuar su reporte sobre {current} o empezar uno nuevo sobre {wanted}?',
  requestDraftContinue: 'Continuar mi reporte sobre {current}',
  requestDraftStartNew: 'Empezar un reporte nuevo sobre {wanted}',
  requestCategoryTitle: '¿Qué desea reportar?',
  requestCategoryLegend: 'Elija el tipo de problema',
  requestSearchLabel: 'Buscar un problema',
  requestSearchHint: 'Por ejemplo, bache, alumbrado o basura',
  requestSearchCount: { one: '{count} resultado', other: '{count} resultados' },
  requestSearchNone: 'Nada coincide con su búsqueda. Pruebe con otras palabras o borre la búsqueda para ver todos los tipos de problema.',
  requestFeatured: 'Los más reportados',
  requestErrorService: 'Elija el tipo de problema que desea reportar',
};
