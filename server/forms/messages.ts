import type { Language } from '../records/messages.js';

/** The forms contract's own words (answer errors come from src/forms/answer-messages.ts). */
const en = {
  body: 'Send the answers as JSON {"answers": {…}}, or as multipart/form-data with a "submission" part and one part per file.',
  notFound: 'There is no form at this address.',
  submissionNotFound: 'No submission has this reference. Check the reference in your confirmation email.',
  version: 'This version of the form does not exist. Reload the form and answer it again.',
  tooLarge: 'The submission is too large: answers without files may be 2 MB, and each file must be within its question’s size limit.',
  idempotency: 'This Idempotency-Key was already used for a different submission.',
  staffDisabled: 'Staff actions are turned off on this server.',
  staffOnly: 'This needs the staff token.',
  slug: 'The definition’s slug must match the address it is published at.',
  status: 'The status must be one of: {list}.',
  server: 'Something went wrong on our side. Your answers were not saved; try again in a few minutes.',
  importType: 'Send a fillable PDF (Content-Type: application/pdf) or a Form.io form (application/json).',
  importNotPdf: 'This file is not a PDF (it does not start with %PDF-).',
  importNotJson: 'This file is not JSON: export the Form.io form as JSON and send that.',
  importFailed: 'This file cannot be drafted: {reason}',
};
type Key = keyof typeof en;
const es: Record<Key, string> = {
  body: 'Envíe las respuestas como JSON {"answers": {…}}, o como multipart/form-data con una parte "submission" y una parte por archivo.',
  notFound: 'No hay ningún formulario en esta dirección.',
  submissionNotFound: 'Ninguna solicitud tiene esta referencia. Revise la referencia en su correo de confirmación.',
  version: 'Esta versión del formulario no existe. Vuelva a cargar el formulario y respóndalo de nuevo.',
  tooLarge: 'La solicitud es demasiado grande: las respuestas sin archivos pueden ocupar 2 MB, y cada archivo debe respetar el límite de tamaño de su pregunta.',
  idempotency: 'Esta Idempotency-Key ya se usó para otra solicitud.',
  staffDisabled: 'Las acciones del personal están desactivadas en este servidor.',
  staffOnly: 'Esto requiere el token del personal.',
  slug: 'El slug de la definición debe coincidir con la dirección donde se publica.',
  status: 'El estado debe ser uno de: {list}.',
  server: 'Algo salió mal de nuestro lado. Sus respuestas no se guardaron; inténtelo de nuevo en unos minutos.',
  importType: 'Envíe un PDF rellenable (Content-Type: application/pdf) o un formulario de Form.io (application/json).',
  importNotPdf: 'Este archivo no es un PDF (no empieza con %PDF-).',
  importNotJson: 'Este archivo no es JSON: exporte el formulario de Form.io como JSON y envíe eso.',
  // The reason is the importer's, in English (the command line's words).
  importFailed: 'No se puede hacer un borrador con este archivo: {reason}',
};

export function formsMessage(language: Language, key: Key, params: Record<string, string> = {}): string {
  return (language === 'es' ? es : en)[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

export const STATUSES = ['received', 'in_review', 'action_needed', 'approved', 'denied', 'closed'] as const;
export type SubmissionStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<SubmissionStatus, Record<Language, string>> = {
  received: { en: 'Received', es: 'Recibida' },
  in_review: { en: 'In review', es: 'En revisión' },
  action_needed: { en: 'We need something from you', es: 'Necesitamos algo de usted' },
  approved: { en: 'Approved', es: 'Aprobada' },
  denied: { en: 'Not approved', es: 'No aprobada' },
  closed: { en: 'Closed', es: 'Cerrada' },
};
