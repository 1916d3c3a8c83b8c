/** The records contract's words for residents, in the languages the reference backend speaks. */
export type Language = 'en' | 'es';

/** The first language of `Accept-Language` (q-values honoured) that we speak; English otherwise. */
export function negotiateLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'es' || primary === 'en') return primary;
  }
  return 'en';
}

const en = {
  descriptionRequired: 'Describe the records you want.',
  descriptionShort: 'Describe the records in more detail: what they are, which department, and the dates or names that identify them.',
  descriptionLong: 'Shorten the description to 10,000 characters or fewer.',
  dateInvalid: 'Enter a real date, for example 2026-03-31.',
  dateOrder: 'The start of the date range must be on or before its end.',
  department: 'Choose a department from the list.',
  delivery: 'Choose how you would like to receive the records.',
  fee: 'Enter the fee you are willing to pay as an amount in dollars, for example 25 or 25.50.',
  feeWaiverExplanation: 'Explain why the fee should be waived.',
  expeditedExplanation: 'Explain why the request is urgent.',
  boolean: 'Answer yes or no.',
  tooLong: 'Shorten this to {max} characters or fewer.',
  email: 'Enter an email address in the correct format, like name@example.com.',
  phone: 'Enter a telephone number, like 860 555 0100.',
  contactRequired: 'Give your name and a way to reach you (email, telephone or postal address).',
  nameRequired: 'Enter your first and last name.',
  body: 'Send the request as JSON or as a multipart form.',
  attachmentType: 'Attach PDF, image, plain-text or Word files only.',
  attachmentSize: 'Each attachment must be 10 MB or smaller.',
  attachmentCount: 'Attach at most 5 files.',
  notFound: 'There is no request with this tracking number, or the access link is not valid.',
  publicLogOff: 'This city does not publish a log of records requests.',
  staffOnly: 'This action is for city staff. Send the staff token as "Authorization: Bearer <token>".',
  staffDisabled: 'The staff API is turned off: set STAFF_TOKEN on the server.',
  eventType: 'Choose one of the actions this API offers.',
  reasonRequired: 'Give the reason for the denial, in words the requester can act on.',
  feeAmountRequired: 'Give the estimated fee in dollars.',
  dueDateRequired: 'This law sets no extension: give the new date (YYYY-MM-DD) the city commits to.',
  messageRequired: 'Write your reply.',
  notWaiting: 'The city is not waiting for an answer on this request.',
  finished: 'This request is finished. Reopen it first.',
  documentsRequired: 'Release at least one document.',
  documentBad: 'Each document needs a name, a content type and its content in base64.',
  idempotency: 'This Idempotency-Key was used for a different request. Use a new key for a new request.',
  server: 'Something went wrong on the server. Try again later.',
};

const es: typeof en = {
  descriptionRequired: 'Describa los documentos que desea.',
  descriptionShort: 'Describa los documentos con más detalle: qué son, qué departamento y las fechas o nombres que los identifican.',
  descriptionLong: 'Acorte la descripción a 10.000 caracteres o menos.',
  dateInvalid: 'Escriba una fecha real, por ejemplo 2026-03-31.',
  dateOrder: 'El inicio del periodo debe ser anterior o igual a su final.',
  department: 'Elija un departamento de la lista.',
  delivery: 'Elija cómo desea recibir los documentos.',
  fee: 'Escriba la tarifa que está dispuesto a pagar como una cantidad en dólares, por ejemplo 25 o 25.50.',
  feeWaiverExplanation: 'Explique por qué se debería eximir la tarifa.',
  expeditedExplanation: 'Explique por qué la solicitud es urgente.',
  boolean: 'Responda sí o no.',
  tooLong: 'Acorte esto a {max} caracteres o menos.',
  email: 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com.',
  phone: 'Escriba un número de teléfono, como 860 555 0100.',
  contactRequired: 'Indique su nombre y una forma de contactarle (correo electrónico, teléfono o dirección postal).',
  nameRequired: 'Escriba su nombre y apellido.',
  body: 'Envíe la solicitud como JSON o como formulario multipart.',
  attachmentType: 'Adjunte solo archivos PDF, de imagen, de texto o de Word.',
  attachmentSize: 'Cada archivo adjunto debe ocupar 10 MB o menos.',
  attachmentCount: 'Adjunte 5 archivos como máximo.',
  notFound: 'No hay ninguna solicitud con este número de seguimiento, o el enlace de acceso no es válido.',
  publicLogOff: 'Esta ciudad no publica un registro de solicitudes de documentos.',
  staffOnly: 'Esta acción es para el personal municipal. Envíe el token como "Authorization: Bearer <token>".',
  staffDisabled: 'La API del personal está desactivada: configure STAFF_TOKEN en el servidor.',
  eventType: 'Elija una de las acciones que ofrece esta API.',
  reasonRequired: 'Indique el motivo de la denegación, con palabras que permitan actuar al solicitante.',
  feeAmountRequired: 'Indique la tarifa estimada en dólares.',
  dueDateRequired: 'Esta ley no prevé prórroga: indique la nueva fecha (AAAA-MM-DD) a la que se compromete la ciudad.',
  messageRequired: 'Escriba su respuesta.',
  notWaiting: 'La ciudad no está esperando una respuesta sobre esta solicitud.',
  finished: 'Esta solicitud está terminada. Reábrala primero.',
  documentsRequired: 'Entregue al menos un documento.',
  documentBad: 'Cada documento necesita un nombre, un tipo de contenido y su contenido en base64.',
  idempotency: 'Esta Idempotency-Key se usó para otra solicitud. Use una clave nueva para una solicitud nueva.',
  server: 'Algo salió mal en el servidor. Inténtelo de nuevo más tarde.',
};

export type MessageKey = keyof typeof en;
const catalogs: Record<Language, typeof en> = { en, es };

export function message(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A records-contract error: `{ errors: [{ field, message }] }` with an HTTP status. */
export class RecordsErrorAnswer extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 500,
    readonly errors: Array<{ field: string; key: MessageKey; params?: Record<string, string | number> }>,
  ) {
    super(errors.map((e) => `${e.field}: ${e.key}`).join('; '));
  }

  static of(status: RecordsErrorAnswer['status'], field: string, key: MessageKey, params?: Record<string, string | number>): RecordsErrorAnswer {
    return new RecordsErrorAnswer(status, [{ field, key, ...(params ? { params } : {}) }]);
  }

  body(language: Language): { errors: Array<{ field: string; message: string }> } {
    return { errors: this.errors.map((e) => ({ field: e.field, message: message(language, e.key, e.params) })) };
  }
}
