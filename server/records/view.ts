import { deadlineBasis, recordsDeadline, type RecordsClockPause } from '../../src/api/records/deadlines.js';
import { localDateTime, isoDate } from '../../src/api/records/calendar.js';
import { w3cDatetime } from '../time.js';
import type { Language } from './messages.js';
import type { DocumentRow, EventRow, RequestRow } from './store.js';

/** Events that stop the clock (the city waits for the requester), and the answers that restart it. */
export const PAUSING = new Set(['clarification_requested', 'fee_estimate']);
export const RESUMING = new Set(['clarification_provided', 'fee_accepted']);
export const FINAL = new Set(['released', 'denied', 'closed']);

/** Staff actions of the contract, and the status each leaves the request in. */
export const STAFF_EVENTS: Record<string, string> = {
  acknowledged: 'acknowledged',
  clarification_requested: 'clarification_requested',
  fee_estimate: 'fee_estimate',
  fee_accepted: '',
  clarification_provided: '',
  extended: 'extended',
  partially_released: 'partially_released',
  released: 'released',
  denied: 'denied',
  closed: 'closed',
  reopened: 'reopened',
};

export interface Named {
  code: string;
  name: Record<Language, string>;
}

/** The status after `type`: a resuming answer returns to the status before the pause. */
export function nextStatus(type: string, events: EventRow[]): string {
  const fixed = STAFF_EVENTS[type];
  if (fixed) return fixed;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (!PAUSING.has(e.type) && !RESUMING.has(e.type)) return e.status;
  }
  return 'submitted';
}

export function pauseOf(events: EventRow[]): { pauses: RecordsClockPause[]; waitingFor: string | null } {
  const pauses: RecordsClockPause[] = [];
  let open: { from: Date; type: string } | null = null;
  for (const e of events) {
    if (PAUSING.has(e.type)) {
      if (!open) open = { from: e.created_at, type: e.type };
    } else if (open && (RESUMING.has(e.type) || e.actor === 'staff')) {
      pauses.push({ from: open.from, to: e.created_at });
      open = null;
    }
  }
  if (open) pauses.push({ from: open.from });
  return { pauses, waitingFor: open ? (open.type === 'fee_estimate' ? 'fee' : 'clarification') : null };
}

function localToday(timeZone: string, now: Date): string {
  return isoDate(localDateTime(now, timeZone).date);
}

/** Due date, extension and clock state of a request, as its events leave them. */
export function deadlineState(request: RequestRow, events: EventRow[], language: Language, now: Date) {
  const rule = request.rule;
  const { pauses, waitingFor } = pauseOf(events);
  const computed = recordsDeadline(rule, request.received_at, { pauses });
  const status = events.at(-1)?.status ?? 'submitted';
  const extension = [...events].reverse().find((e) => e.type === 'extended');
  const acknowledgedDate = [...events].reverse().find((e) => e.type === 'acknowledged' && e.due_date)?.due_date ?? null;
  let due = computed.due;
  if (extension) due = extension.due_date ?? computed.extendedDue ?? due;
  const clock = FINAL.has(status) ? 'stopped' : rule.clock === 'none' ? 'none' : computed.paused ? 'paused' : 'running';
  const today = localToday(rule.timeZone, now);
  return {
    status,
    received_date: computed.received,
    due_date: due,
    legal_due_date: computed.due,
    extended_due_date: computed.extendedDue,
    approximate_date: acknowledgedDate,
    due_basis: deadlineBasis(rule, computed, language),
    clock,
    waiting_for: waitingFor,
    overdue: clock === 'running' && due !== null && due < today,
  };
}

function name(list: Named[], code: string | null, language: Language): { code: string; name: string } | null {
  if (!code) return null;
  const found = list.find((d) => d.code === code);
  return { code, name: found ? found.name[language] : code };
}

function documentJson(doc: DocumentRow, base: string, token: string | null) {
  const url = `${base}/documents/${doc.id}${doc.visibility === 'public' || !token ? '' : `?access_token=${encodeURIComponent(token)}`}`;
  return { id: doc.id, name: doc.name, content_type: doc.content_type, size: doc.size, public: doc.visibility === 'public', kind: doc.kind, url };
}

export interface ViewContext {
  language: Language;
  now: Date;
  /** Absolute base of the records contract, e.g. `https://city.example/records/v1`. */
  base: string;
  timeZone: string;
  departments: Named[];
  deliveryFormats: Named[];
}

/**
 * What the requester sees through the access link: everything about their request, including
 * messages and requester-only documents. Their own contact details are not echoed back: the
 * link can be forwarded, and the requester already knows them.
 */
export function requesterView(request: RequestRow, events: EventRow[], documents: DocumentRow[], ctx: ViewContext) {
  const token = request.access_token;
  return {
    tracking_number: request.tracking_number,
    ...deadlineState(request, events, ctx.language, ctx.now),
    submitted_datetime: w3cDatetime(request.received_at, ctx.timeZone),
    jurisdiction: request.rule.jurisdiction[ctx.language],
    request_description: request.request_description,
    date_range_start: request.date_range_start,
    date_range_end: request.date_range_end,
    department: name(ctx.departments, request.department, ctx.language),
    delivery_format: name(ctx.deliveryFormats, request.delivery_format, ctx.language),
    fee_amount_willing: request.fee_amount_willing,
    fee_waiver: request.fee_waiver,
    expedited_processing: request.expedited_processing,
    public: request.is_public,
    timeline: events.map((e) => ({
      type: e.type,
      status: e.status,
      datetime: w3cDatetime(e.created_at, ctx.timeZone),
      actor: e.actor,
      message: e.message,
      reason: e.reason,
      fee_amount: e.fee_amount === null ? null : Number(e.fee_amount),
      due_date: e.due_date,
      documents: documents.filter((d) => d.event_id === e.id).map((d) => documentJson(d, ctx.base, token)),
    })),
    documents: documents.filter((d) => d.kind === 'release').map((d) => documentJson(d, ctx.base, token)),
    attachments: documents.filter((d) => d.kind === 'attachment').map((d) => documentJson(d, ctx.base, token)),
  };
}

/** What anyone sees in the public log: no requester, no messages, only public documents. */
export function publicView(request: Pick<RequestRow, 'tracking_number' | 'request_description' | 'department' | 'received_at' | 'rule'> & Partial<RequestRow>, events: EventRow[], documents: DocumentRow[], ctx: ViewContext) {
  const state = deadlineState(request as RequestRow, events, ctx.language, ctx.now);
  return {
    tracking_number: request.tracking_number,
    status: state.status,
    received_date: state.received_date,
    due_date: state.due_date,
    clock: state.clock,
    request_description: request.request_description,
    department: name(ctx.departments, request.department, ctx.language),
    timeline: events.map((e) => ({ type: e.type, status: e.status, datetime: w3cDatetime(e.created_at, ctx.timeZone) })),
    documents: documents.filter((d) => d.kind === 'release' && d.visibility === 'public').map((d) => documentJson(d, ctx.base, null)),
  };
}
