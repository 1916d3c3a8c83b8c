import type { NotifyChannel } from '../../src/api/notify/types.js';
import { topicName } from './catalog.js';
import type { Language } from './messages.js';

/** A publication as the templates read it. */
export interface PublicationText {
  id: number;
  topic_id: string;
  subject: Record<Language, string>;
  body: Record<Language, string>;
}

export interface RenderContext {
  channel: NotifyChannel;
  language: Language;
  cityName: string;
  cityPhone: string;
  timeZone: string;
  /** `${NOTIFY_PAGE_URL}?confirm=…` when the message confirms. */
  confirmUrl?: string;
  /** `${NOTIFY_PAGE_URL}?manage=…` */
  manageUrl?: string;
  /** `${PUBLIC_URL}/notify/v1/unsubscribe/…` */
  unsubscribeUrl?: string;
  trackUrl: (requestId: string) => string;
  recordsUrl: (trackingNumber: string) => string;
  publications: Map<number, PublicationText>;
}

export interface Rendered {
  subject: string;
  text: string;
}

type Params = Record<string, unknown>;

const REQUEST_STATUS: Record<Language, Record<string, string>> = {
  en: { open: 'open', closed: 'closed' },
  es: { open: 'abierta', closed: 'cerrada' },
};

const RECORDS_STEP: Record<Language, Record<string, string>> = {
  en: {
    submitted: 'Your request was received',
    acknowledged: 'The city acknowledged your request',
    clarification_requested: 'The city needs more information from you',
    fee_estimate: 'The city sent a fee estimate',
    clarification_provided: 'Your clarification was recorded',
    fee_accepted: 'Your acceptance of the fee was recorded',
    extended: 'The city extended the deadline',
    partially_released: 'Some records were released',
    released: 'The records were released',
    denied: 'The request was denied',
    closed: 'The request was closed',
    reopened: 'The request was reopened',
  },
  es: {
    submitted: 'Recibimos su solicitud',
    acknowledged: 'La ciudad acusó recibo de su solicitud',
    clarification_requested: 'La ciudad necesita más información de usted',
    fee_estimate: 'La ciudad envió un presupuesto de la tarifa',
    clarification_provided: 'Se registró su aclaración',
    fee_accepted: 'Se registró su aceptación de la tarifa',
    extended: 'La ciudad amplió el plazo',
    partially_released: 'Se entregaron algunos documentos',
    released: 'Se entregaron los documentos',
    denied: 'La solicitud fue denegada',
    closed: 'La solicitud se cerró',
    reopened: 'La solicitud se reabrió',
  },
};

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

function date(value: unknown, ctx: RenderContext): string {
  const d = new Date(str(value));
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(ctx.language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'full', timeZone: ctx.timeZone }).format(d);
}

function listOf(items: string[], language: Language): string {
  return new Intl.ListFormat(language === 'es' ? 'es' : 'en', { type: 'conjunction' }).format(items);
}

function emailFooter(ctx: RenderContext, kind: 'topic' | 'follow' | 'all' | 'pending'): string {
  const es = ctx.language === 'es';
  const lines: string[] = ['', '--'];
  if (ctx.manageUrl) lines.push(es ? `Administre sus avisos: ${ctx.manageUrl}` : `Manage your notifications: ${ctx.manageUrl}`);
  if (ctx.unsubscribeUrl) {
    const what = {
      topic: es ? 'Dejar de recibir este tema' : 'Stop getting this topic',
      follow: es ? 'Dejar de recibir avisos de esta solicitud' : 'Stop emails about this request',
      all: es ? 'Cancelar todas las suscripciones' : 'Unsubscribe from everything',
      pending: es ? 'No enviarme nada más' : 'Do not email me again',
    }[kind];
    lines.push(`${what}: ${ctx.unsubscribeUrl}`);
  }
  lines.push(es ? `${ctx.cityName} · ${ctx.cityPhone}` : `${ctx.cityName} · ${ctx.cityPhone}`);
  return lines.join('\n');
}

const SMS_TAIL: Record<Language, string> = { en: 'Reply STOP to cancel, HELP for help.', es: 'Responda STOP para cancelar, HELP para ayuda.' };

function sms(ctx: RenderContext, text: string): Rendered {
  const manage = ctx.manageUrl ? ` ${ctx.language === 'es' ? 'Administrar' : 'Manage'}: ${ctx.manageUrl}` : '';
  return { subject: '', text: `${ctx.cityName}: ${text}${manage} ${SMS_TAIL[ctx.language]}` };
}

function topicsOfParams(params: Params, language: Language): string {
  const ids = Array.isArray(params.topics) ? (params.topics as unknown[]).map(str) : [];
  return listOf(ids.map((id) => topicName(id, language)), language);
}

function followWords(params: Params, language: Language): string {
  const f = params.follow as { kind?: string; id?: string } | undefined;
  if (!f) return '';
  if (language === 'es') return f.kind === 'records_request' ? `la solicitud de documentos ${str(f.id)}` : `la solicitud ${str(f.id)}`;
  return f.kind === 'records_request' ? `records request ${str(f.id)}` : `request ${str(f.id)}`;
}

/** Every message the backend writes, in English and Spanish, for email and text. */
export function render(template: string, params: Params, ctx: RenderContext): Rendered {
  const es = ctx.language === 'es';
  const email = ctx.channel === 'email';
  switch (template) {
    case 'confirm': {
      const what = params.follow ? followWords(params, ctx.language) : topicsOfParams(params, ctx.language);
      if (!email) {
        return sms(ctx, es ? `Responda YES para confirmar mensajes de texto sobre ${what}. Pueden aplicarse tarifas de mensajes y datos.` : `Reply YES to confirm texts about ${what}. Msg & data rates may apply.`);
      }
      const hours = str(params.hours || 72);
      return {
        subject: es ? `Confirme sus avisos de ${ctx.cityName}` : `Confirm your ${ctx.cityName} notifications`,
        text: [
          es ? `Alguien (esperamos que usted) pidió recibir avisos por correo electrónico sobre: ${what}.` : `Someone (we hope you) asked for email notifications about: ${what}.`,
          '',
          es ? `Para confirmar, abra este enlace en las próximas ${hours} horas:` : `To confirm, open this link within ${hours} hours:`,
          ctx.confirmUrl ?? '',
          '',
          es ? 'Si no lo pidió, ignore este correo: no le enviaremos nada más.' : 'If you did not ask for this, ignore this email: we will not send you anything else.',
          emailFooter(ctx, 'pending'),
        ].join('\n'),
      };
    }
    case 'manage_link': {
      if (!email) return sms(ctx, es ? 'Ya está suscrito a nuestros mensajes de texto.' : 'You are already subscribed to our texts.');
      return {
        subject: es ? `Sus avisos de ${ctx.cityName}` : `Your ${ctx.cityName} notifications`,
        text: [
          es ? 'Esta dirección ya está suscrita. Para cambiar temas, zona o frecuencia, o para cancelar, abra:' : 'This address is already subscribed. To change topics, area or frequency, or to unsubscribe, open:',
          ctx.manageUrl ?? '',
          emailFooter({ ...ctx, manageUrl: undefined }, 'all'),
        ].join('\n'),
      };
    }
    case 'subscribed': {
      const what = topicsOfParams(params, ctx.language);
      return sms(ctx, es ? `Suscrito a mensajes de texto sobre ${what}.` : `You are subscribed to texts about ${what}.`);
    }
    case 'topic': {
      const pub = ctx.publications.get(Number(params.publication_id));
      if (!pub) throw new Error(`publication ${str(params.publication_id)} is gone`);
      const subject = pub.subject[ctx.language];
      const body = pub.body[ctx.language];
      if (!email) return sms(ctx, `${subject}. ${body}`.slice(0, 400));
      const topic = topicName(pub.topic_id, ctx.language);
      return {
        subject: `${subject}`,
        text: [body, '', es ? `Recibe este correo porque se suscribió a «${topic}».` : `You get this email because you subscribed to "${topic}".`, emailFooter(ctx, 'topic')].join('\n'),
      };
    }
    case 'digest': {
      const ids = Array.isArray(params.publication_ids) ? (params.publication_ids as unknown[]).map(Number) : [];
      const pubs = ids.map((id) => ctx.publications.get(id)).filter((p): p is PublicationText => !!p);
      const daily = params.frequency === 'daily';
      const title = daily ? (es ? 'Su resumen diario' : 'Your daily digest') : es ? 'Su resumen semanal' : 'Your weekly digest';
      if (!email) return sms(ctx, `${title}: ${pubs.map((p) => p.subject[ctx.language]).join('; ')}`.slice(0, 400));
      const sections = pubs.map((p) => `## ${p.subject[ctx.language]}\n(${topicName(p.topic_id, ctx.language)})\n\n${p.body[ctx.language]}\n`);
      return {
        subject: `${ctx.cityName}: ${title} (${pubs.length})`,
        text: [...sections, emailFooter(ctx, 'all')].join('\n'),
      };
    }
    case 'request_received': {
      const id = str(params.request_id);
      const url = ctx.trackUrl(id);
      if (!email) return sms(ctx, es ? `Recibimos su reporte ${id}. Sígalo en ${url}` : `We received your report ${id}. Track it at ${url}`);
      return {
        subject: es ? `Recibimos su reporte (número ${id})` : `We received your report (number ${id})`,
        text: [
          es ? `Gracias. Su reporte tiene el número de referencia ${id}.` : `Thank you. Your report's reference number is ${id}.`,
          '',
          es ? `Siga lo que la ciudad hace al respecto: ${url}` : `Follow what the city does about it: ${url}`,
          es ? 'Le escribiremos cuando cambie su estado, cuando se añada una nota o cambie la fecha prevista.' : 'We will email you when its status changes, a note is added, or the expected date changes.',
          emailFooter(ctx, 'follow'),
        ].join('\n'),
      };
    }
    case 'request_change': {
      const id = str(params.request_id);
      const url = ctx.trackUrl(id);
      let line: string;
      if (params.change === 'status') {
        const status = REQUEST_STATUS[ctx.language][str(params.status)] ?? str(params.status);
        line = es ? `La solicitud ${id} ahora está ${status}.` : `Request ${id} is now ${status}.`;
        if (params.status_notes) line += ` ${str(params.status_notes)}`;
      } else if (params.change === 'expected') {
        const when = date(params.expected_at, ctx);
        line = when
          ? es ? `La fecha prevista de la solicitud ${id} es ahora el ${when}.` : `Request ${id} is now expected on ${when}.`
          : es ? `La solicitud ${id} ya no tiene fecha prevista.` : `Request ${id} no longer has an expected date.`;
      } else {
        line = es ? `Nueva nota en la solicitud ${id}: ${str(params.summary)}` : `New note on request ${id}: ${str(params.summary)}`;
        if (params.description) line += `\n\n${str(params.description)}`;
      }
      if (!email) return sms(ctx, `${line} ${url}`.slice(0, 400));
      return {
        subject: es ? `Novedades de su solicitud ${id}` : `Update on your request ${id}`,
        text: [line, '', es ? `Detalles: ${url}` : `Details: ${url}`, emailFooter(ctx, 'follow')].join('\n'),
      };
    }
    case 'records_step': {
      const tn = str(params.tracking_number);
      const step = RECORDS_STEP[ctx.language][str(params.type)] ?? str(params.type).replace(/_/g, ' ');
      const url = ctx.recordsUrl(tn);
      const note = params.message ? `\n\n${str(params.message)}` : '';
      const due = params.due_date ? (es ? `\n\nNueva fecha: ${str(params.due_date)}` : `\n\nNew date: ${str(params.due_date)}`) : '';
      if (!email) return sms(ctx, `${step} (${tn}). ${url}`);
      return {
        subject: es ? `${step}: solicitud de documentos ${tn}` : `${step}: records request ${tn}`,
        text: [`${step}.${note}${due}`, '', es ? `Vea su solicitud con el enlace de acceso que recibió al enviarla (${url}).` : `See your request with the access link you got when you sent it (${url}).`, emailFooter(ctx, 'follow')].join('\n'),
      };
    }
    default:
      throw new Error(`no template ${template}`);
  }
}

/** The answers to the SMS keywords, in the number's language. */
export function smsReply(kind: 'stopped' | 'started' | 'nothing' | 'help' | 'unknown', ctx: { language: Language; cityName: string; cityPhone: string; pageUrl: string; topics?: string }): string {
  const es = ctx.language === 'es';
  switch (kind) {
    case 'stopped':
      return es
        ? `${ctx.cityName}: canceló todos los mensajes de texto. No le enviaremos más. Responda START para volver a suscribirse.`
        : `${ctx.cityName}: you are unsubscribed from all texts. No more messages will be sent. Reply START to resubscribe.`;
    case 'started':
      return es
        ? `${ctx.cityName}: está suscrito a mensajes de texto${ctx.topics ? ` sobre ${ctx.topics}` : ''}. Pueden aplicarse tarifas de mensajes y datos. ${SMS_TAIL.es}`
        : `${ctx.cityName}: you are subscribed to texts${ctx.topics ? ` about ${ctx.topics}` : ''}. Msg & data rates may apply. ${SMS_TAIL.en}`;
    case 'nothing':
      return es
        ? `${ctx.cityName}: no hay nada que confirmar para este número. Suscríbase en ${ctx.pageUrl}`
        : `${ctx.cityName}: there is nothing to confirm for this number. Sign up at ${ctx.pageUrl}`;
    case 'help':
      return es
        ? `${ctx.cityName}: avisos municipales. Ayuda: ${ctx.cityPhone} o ${ctx.pageUrl}. Pueden aplicarse tarifas de mensajes y datos. Responda STOP para cancelar.`
        : `${ctx.cityName} notifications. Help: ${ctx.cityPhone} or ${ctx.pageUrl}. Msg & data rates may apply. Reply STOP to cancel.`;
    default:
      return es
        ? `${ctx.cityName}: responda YES para confirmar, STOP para cancelar o HELP para ayuda.`
        : `${ctx.cityName}: reply YES to confirm, STOP to cancel, or HELP for help.`;
  }
}

/** What an email confirmation or a signup agreed to, as the consent log keeps it. */
export function consentSummary(params: { topics: Array<{ id: string; frequency: string }>; follow?: { kind: string; id: string } }, language: Language): string {
  if (params.follow) return render('confirm', { follow: params.follow }, dummyCtx(language)).text.split('\n')[0]!;
  const es = language === 'es';
  const items = params.topics.map((t) => `${topicName(t.id, language)} (${t.frequency})`);
  return es ? `Avisos por correo electrónico sobre: ${items.join(', ')}` : `Email notifications about: ${items.join(', ')}`;
}

function dummyCtx(language: Language): RenderContext {
  return { channel: 'email', language, cityName: '', cityPhone: '', timeZone: 'UTC', trackUrl: String, recordsUrl: String, publications: new Map() };
}
