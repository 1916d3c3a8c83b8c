import { escapeXml } from '../xml.js';
import { w3cDatetime } from '../time.js';
import { CAP_NAMESPACE, type AlertRow, type StoredInfo } from './model.js';

/**
 * CAP datetimes carry an explicit offset and never `Z` (CAP 1.2 §3.3.2: UTC is written `-00:00`).
 */
export function capDatetime(date: Date | string, timeZone: string): string {
  return w3cDatetime(typeof date === 'string' ? new Date(date) : date, timeZone).replace(/Z$/, '-00:00');
}

/** The info blocks of `row` still in force at `now` (each block has its own `expires`). */
function liveInfo(row: AlertRow, now: Date): StoredInfo[] {
  return row.info.filter((i) => !i.expires || Date.parse(i.expires) > now.getTime());
}

/** One alert as `/alerts/v1/*.json` publishes it: CAP's element names, datetimes in the city's zone. */
export function alertJson(row: AlertRow, now: Date, timeZone: string) {
  const dt = (v: string | undefined) => (v ? capDatetime(v, timeZone) : undefined);
  return {
    identifier: row.identifier,
    sender: row.sender,
    sent: capDatetime(row.sent, timeZone),
    status: row.status,
    msgType: row.msg_type,
    scope: row.scope,
    references: row.refs,
    emergency: row.emergency,
    info: liveInfo(row, now).map((i) => ({
      ...i,
      effective: dt(i.effective),
      onset: dt(i.onset),
      expires: dt(i.expires),
    })),
  };
}

/** `<name>text</name>`, or nothing for an absent value. */
const leaf = (name: string, value: string | undefined): string => (value === undefined || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`);

/** A CAP 1.2 `<alert>` with its elements in the order the schema requires (a sequence). */
export function capAlertXml(row: AlertRow, now: Date, timeZone: string): string {
  const dt = (v: string | undefined) => (v ? capDatetime(v, timeZone) : undefined);
  const refs = row.refs.map((r) => `${r.sender},${r.identifier},${r.sent}`).join(' ');
  const info = liveInfo(row, now)
    .map(
      (i) =>
        '<info>' +
        leaf('language', i.language) +
        i.category.map((c) => leaf('category', c)).join('') +
        leaf('event', i.event) +
        leaf('urgency', i.urgency) +
        leaf('severity', i.severity) +
        leaf('certainty', i.certainty) +
        leaf('effective', dt(i.effective)) +
        leaf('onset', dt(i.onset)) +
        leaf('expires', dt(i.expires)) +
        leaf('senderName', i.senderName) +
        leaf('headline', i.headline) +
        leaf('description', i.description) +
        leaf('instruction', i.instruction) +
        leaf('web', i.web) +
        leaf('contact', i.contact) +
        (row.emergency ? '<parameter><valueName>civic-emergency</valueName><value>true</value></parameter>' : '') +
        i.area
          .map((a) => `<area>${leaf('areaDesc', a.areaDesc)}${(a.polygon ?? []).map((x) => leaf('polygon', x)).join('')}${(a.circle ?? []).map((x) => leaf('circle', x)).join('')}</area>`)
          .join('') +
        '</info>',
    )
    .join('');
  return (
    `<alert xmlns="${CAP_NAMESPACE}">` +
    leaf('identifier', row.identifier) +
    leaf('sender', row.sender) +
    leaf('sent', capDatetime(row.sent, timeZone)) +
    leaf('status', row.status) +
    leaf('msgType', row.msg_type) +
    leaf('scope', row.scope) +
    leaf('references', refs || undefined) +
    info +
    '</alert>'
  );
}

/** An Atom feed (RFC 4287) with one entry per alert, each carrying its CAP 1.2 alert inline. */
export function atomFeedXml(rows: AlertRow[], opts: { selfUrl: string; feedId: string; title: string; author: string; now: Date; timeZone: string }): string {
  const updated = rows.reduce((latest, r) => (r.sent > latest ? r.sent : latest), new Date(0));
  const entries = rows
    .map((r) => {
      const first = liveInfo(r, opts.now)[0];
      return (
        '<entry>' +
        leaf('id', `${opts.feedId}:${r.identifier}`) +
        leaf('title', first?.headline ?? first?.event ?? r.identifier) +
        leaf('updated', w3cDatetime(r.sent, opts.timeZone)) +
        `<content type="application/cap+xml">${capAlertXml(r, opts.now, opts.timeZone)}</content>` +
        '</entry>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<feed xmlns="http://www.w3.org/2005/Atom">' +
    leaf('id', opts.feedId) +
    leaf('title', opts.title) +
    leaf('updated', w3cDatetime(rows.length > 0 ? updated : opts.now, opts.timeZone)) +
    `<author>${leaf('name', opts.author)}</author>` +
    `<link rel="self" href="${escapeXml(opts.selfUrl)}"/>` +
    entries +
    '</feed>'
  );
}
