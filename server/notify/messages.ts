import type { NotifyErrorCode, NotifyLanguage } from '../../src/api/notify/types.js';

export type Language = NotifyLanguage;

/** The error words of the notify contract, in both languages. */
const en = {
  body: 'Send the request as a JSON object.',
  tooLarge: 'The request is too large.',
  emailOrPhone: 'Enter an email address or a mobile phone number.',
  email: 'Enter an email address in the correct format, like name@example.com.',
  phone: 'Enter a mobile phone number, like 860 555 0100.',
  topicsRequired: 'Choose at least one topic.',
  topicsMany: 'Choose at most {max} topics.',
  topicUnknown: 'Choose topics from the list.',
  topicDuplicate: 'Choose each topic once.',
  frequency: 'Choose how often you want these messages: {allowed}.',
  area: 'Give an address with its position and a distance, or choose a neighbourhood.',
  areaOutside: 'Choose a place inside the city.',
  radius: 'Choose a distance between {min} and {max} metres.',
  neighbourhood: 'Choose a neighbourhood from the list.',
  language: 'Choose English (en) or Spanish (es).',
  pageUrl: 'Send the address (URL) of the page the form is on.',
  smsConsent: 'To get text messages, tick the box to agree to the text message terms.',
  tooLong: 'Shorten this to {max} characters or fewer.',
  channels: 'Send channels as a list of {"channel": "email" or "sms", "enabled": true or false}, each channel once.',
  channelMissing: 'This subscription has no such channel. Add it first.',
  channelStopped: 'You stopped texts by replying STOP. Text START to the city number to get them again.',
  channelExists: 'This subscription already has this channel. Switch it on or off instead.',
  addOne: 'Enter one new email address or one new mobile phone number.',
  token: 'Send the token from the link.',
  tokenUnknown: 'This link is not valid. Check that you copied all of it, or ask for a new one.',
  tokenExpired: 'This link has expired: links work for {hours} hours. Ask for a new one.',
  tokenUsed: 'This link has already been used. Ask for a new one if you still need it.',
  followKind: 'Choose what to follow: service_request or records_request.',
  followId: 'Give the number of the request to follow.',
  followUnknown: 'There is no request with this number.',
  followNotFound: 'You do not follow this request.',
  topicNotSubscribed: 'You are not subscribed to this topic.',
  subject: 'Write the subject in English and Spanish.',
  messageBody: 'Write the message in English and Spanish.',
  staffOnly: 'This action is for city staff. Send the staff token as "Authorization: Bearer <token>".',
  staffDisabled: 'The staff API is turned off: set STAFF_TOKEN on the server.',
  notFound: 'There is nothing at this address.',
  signature: 'The request signature is missing or wrong.',
  server: 'Something went wrong on the server. Try again later.',
};

const es: typeof en = {
  body: 'Envíe la solicitud como un objeto JSON.',
  tooLarge: 'La solicitud es demasiado grande.',
  emailOrPhone: 'Escriba un correo electrónico o un número de teléfono móvil.',
  email: 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com.',
  phone: 'Escriba un número de teléfono móvil, como 860 555 0100.',
  topicsRequired: 'Elija al menos un tema.',
  topicsMany: 'Elija {max} temas como máximo.',
  topicUnknown: 'Elija temas de la lista.',
  topicDuplicate: 'Elija cada tema una sola vez.',
  frequency: 'Elija con qué frecuencia desea estos mensajes: {allowed}.',
  area: 'Indique una dirección con su posición y una distancia, o elija un barrio.',
  areaOutside: 'Elija un lugar dentro de la ciudad.',
  radius: 'Elija una distancia entre {min} y {max} metros.',
  neighbourhood: 'Elija un barrio de la lista.',
  language: 'Elija inglés (en) o español (es).',
  pageUrl: 'Envíe la dirección (URL) de la página donde está el formulario.',
  smsConsent: 'Para recibir mensajes de texto, marque la casilla para aceptar las condiciones de los mensajes de texto.',
  tooLong: 'Acorte esto a {max} caracteres o menos.',
  channels: 'Envíe los canales como una lista de {"channel": "email" o "sms", "enabled": true o false}, cada canal una vez.',
  channelMissing: 'Esta suscripción no tiene este canal. Agréguelo primero.',
  channelStopped: 'Usted detuvo los mensajes de texto respondiendo STOP. Envíe START al número de la ciudad para recibirlos de nuevo.',
  channelExists: 'Esta suscripción ya tiene este canal. Actívelo o desactívelo.',
  addOne: 'Escriba un correo electrónico nuevo o un número de teléfono móvil nuevo.',
  token: 'Envíe el token del enlace.',
  tokenUnknown: 'Este enlace no es válido. Compruebe que lo copió completo o pida uno nuevo.',
  tokenExpired: 'Este enlace ha caducado: los enlaces funcionan durante {hours} horas. Pida uno nuevo.',
  tokenUsed: 'Este enlace ya se usó. Pida uno nuevo si todavía lo necesita.',
  followKind: 'Elija qué seguir: service_request o records_request.',
  followId: 'Indique el número de la solicitud que desea seguir.',
  followUnknown: 'No hay ninguna solicitud con este número.',
  followNotFound: 'Usted no sigue esta solicitud.',
  topicNotSubscribed: 'Usted no está suscrito a este tema.',
  subject: 'Escriba el asunto en inglés y en español.',
  messageBody: 'Escriba el mensaje en inglés y en español.',
  staffOnly: 'Esta acción es para el personal municipal. Envíe el token como "Authorization: Bearer <token>".',
  staffDisabled: 'La API del personal está desactivada: configure STAFF_TOKEN en el servidor.',
  notFound: 'No hay nada en esta dirección.',
  signature: 'La firma de la solicitud falta o es incorrecta.',
  server: 'Algo salió mal en el servidor. Inténtelo de nuevo más tarde.',
};

export type MessageKey = keyof typeof en;
const catalogs: Record<Language, typeof en> = { en, es };

export function message(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export interface NotifyErrorItem {
  field: string;
  code: NotifyErrorCode;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A notify-contract error: `{ errors: [{ field, code, message }] }` with an HTTP status. */
export class NotifyErrorAnswer extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 410 | 413 | 429 | 500,
    readonly errors: NotifyErrorItem[],
  ) {
    super(errors.map((e) => `${e.field}: ${e.code}`).join('; '));
  }

  static of(status: NotifyErrorAnswer['status'], field: string, code: NotifyErrorCode, key: MessageKey, params?: Record<string, string | number>): NotifyErrorAnswer {
    return new NotifyErrorAnswer(status, [{ field, code, key, ...(params ? { params } : {}) }]);
  }

  body(language: Language): { errors: Array<{ field: string; code: NotifyErrorCode; message: string }> } {
    return { errors: this.errors.map((e) => ({ field: e.field, code: e.code, message: message(language, e.key, e.params) })) };
  }
}
