import type { Message } from '../../core/locales/en.js';
import type { StatusTrackerMessages } from './strings.js';

/**
 * Spanish: civic Spanish, addressing the resident as "usted". A chunk of its own, loaded only
 * when a widget on the page speaks Spanish.
 */
export const es: Record<keyof StatusTrackerMessages, Message> = {
  trackerTitle: 'Seguimiento de una solicitud',
  trackerLabel: 'Número de referencia',
  trackerHint: 'Aparece en su correo electrónico de confirmación y en la página de confirmación, por ejemplo 10234.',
  trackerSubmit: 'Buscar solicitud',
  trackerErrorEmpty: 'Escriba su número de referencia',
  trackerLoading: 'Buscando la solicitud {ref}…',
  trackerProcessingTitle: 'Su solicitud todavía se está procesando',
  trackerProcessing:
    'La ciudad la recibió, pero todavía no le ha asignado un número de referencia. Esto suele tardar unos minutos. Esta página vuelve a comprobarlo sola, así que puede dejarla abierta.',
  trackerReferenceIs: 'Referencia provisional: {ref}',
  trackerNotFoundTitle: 'No encontramos la solicitud {ref}',
  trackerNotFoundCheck: 'Compruebe que:',
  trackerNotFoundFormat: 'el número es exactamente el que aparece en su correo de confirmación o en la página de confirmación',
  trackerNotFoundRecent: 'la envió hace más de unos minutos: una solicitud nueva puede tardar unos minutos en aparecer',
  trackerNotFoundCall: 'Si aun así no la encuentra, llame al 311 e indique el número.',
  trackerRequestTitle: '{service}: solicitud {id}',
  trackerRequestTitleNoService: 'Solicitud {id}',
  trackerStatusOpen: 'Abierta: la ciudad está trabajando en ella',
  trackerStatusClosed: 'Cerrada',
  trackerStatusOther: 'Estado: {status}',
  trackerClosedNoNotes: 'La ciudad no indicó por qué cerró esta solicitud. Si el problema continúa, llame al 311 o repórtelo de nuevo.',
  trackerExpected: 'Fecha prevista: {date}',
  trackerExpectedDetail: 'La ciudad prevé terminar {relative}.',
  trackerOverdue: 'Con retraso: estaba prevista para el {date}',
  trackerOverdueDetail: 'La ciudad preveía terminar {relative} y la solicitud sigue abierta.',
  trackerReference: 'Número de referencia',
  trackerAgency: 'A cargo de',
  trackerRequested: 'Reportada',
  trackerUpdated: 'Última actualización',
  trackerAddress: 'Ubicación',
  trackerDescription: 'Lo que se reportó',
  trackerPhotoAlt: 'Foto enviada con la solicitud {id}',
  trackerMapLabel: 'Mapa que muestra dónde está la solicitud {id}',
  trackerTimelineTitle: 'Lo que ha pasado hasta ahora',
  trackerTimelineEmpty: 'Todavía no hay novedades.',
  trackerNoteOpened: 'Solicitud recibida',
  trackerNoteAssigned: 'Asignada a un equipo',
  trackerNoteInspected: 'Inspeccionada',
  trackerNoteClosed: 'Cerrada',
  trackerNoteUpdate: 'Novedad',
  trackerAnnounceFound: 'Solicitud {id}: {status}',
  trackerAnnounceStatus: 'La solicitud {id} ha cambiado: {status}',
  trackerAnnounceNote: 'Novedad en la solicitud {id}: {note}',
  trackerAnnounceUpdated: 'La solicitud {id} se ha actualizado',
};
