import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-status-tracker>`'s messages. They live with the widget, so a page pays only for the strings
 * of the widgets it uses; the element registers them (`registerMessages`) when its module
 * loads. English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  trackerTitle: 'Track a request',
  trackerLabel: 'Reference number',
  trackerHint: 'It is in your confirmation email and on the confirmation page, for example 10234.',
  trackerSubmit: 'Find request',
  trackerErrorEmpty: 'Enter your reference number',
  trackerLoading: 'Looking up request {ref}…',
  trackerProcessingTitle: 'Your request is still being processed',
  trackerProcessing:
    'The city has received it but has not given it a reference number yet. This usually takes a few minutes. This page checks again by itself, so you can leave it open.',
  trackerReferenceIs: 'Temporary reference: {ref}',
  trackerNotFoundTitle: "We couldn't find request {ref}",
  trackerNotFoundCheck: 'Check that:',
  trackerNotFoundFormat: 'the number is exactly as it appears in your confirmation email or on the confirmation page',
  trackerNotFoundRecent: 'you sent it more than a few minutes ago: a new request can take a few minutes to appear',
  trackerNotFoundCall: 'If you still cannot find it, call 311 and give them the number.',
  trackerRequestTitle: '{service}: request {id}',
  trackerRequestTitleNoService: 'Request {id}',
  trackerStatusOpen: 'Open: the city is working on it',
  trackerStatusClosed: 'Closed',
  trackerStatusOther: 'Status: {status}',
  trackerClosedNoNotes: 'The city did not say why it closed this request. If the problem is still there, call 311 or report it again.',
  trackerExpected: 'Expected by {date}',
  trackerExpectedDetail: 'The city expects to finish this {relative}.',
  trackerOverdue: 'Overdue: expected by {date}',
  trackerOverdueDetail: 'The city expected to finish this {relative} and it is still open.',
  trackerReference: 'Reference number',
  trackerAgency: 'Handled by',
  trackerRequested: 'Reported',
  trackerUpdated: 'Last updated',
  trackerAddress: 'Location',
  trackerDescription: 'What was reported',
  trackerPhotoAlt: 'Photo sent with request {id}',
  trackerMapLabel: 'Map showing where request {id} is',
  trackerMapFailed: "The map couldn't load. The address above says where it is.",
  trackerTimelineTitle: 'What has happened so far',
  trackerTimelineEmpty: 'No updates yet.',
  trackerNoteOpened: 'Request received',
  trackerNoteAssigned: 'Assigned to a team',
  trackerNoteInspected: 'Inspected',
  trackerNoteClosed: 'Closed',
  trackerNoteUpdate: 'Update',
  trackerAnnounceFound: 'Request {id}: {status}',
  trackerAnnounceStatus: 'Request {id} has changed: {status}',
  trackerAnnounceNote: 'New update on request {id}: {note}',
  trackerAnnounceUpdated: 'Request {id} has been updated',
} satisfies Record<string, Message>;

/** Spanish: civic Spanish, addressing the resident as "usted". */
const es: Record<keyof typeof en, Message> = {
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
  trackerMapFailed: 'No se pudo cargar el mapa. La dirección de arriba indica dónde está.',
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

export const statusTrackerMessages = { en, es };

type StatusTrackerMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends StatusTrackerMessages {}
}
