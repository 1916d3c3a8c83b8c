/**
 * CAP 1.2 XML → {@link CivicAlert}: a single `<alert>`, or an Atom feed whose entries carry a CAP
 * alert inline in `<content>` (how many emergency managers and IPAWS-style aggregators publish).
 * Elements are read by namespace, so any prefix works; a document in another namespace is not CAP.
 */

import { MalformedResponseError } from '../errors.js';
import type { CivicAlert } from './types.js';
import * as v from './values.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === name && c.namespaceURI === CAP_NAMESPACE);
}

function childText(parent: Element, name: string): string | undefined {
  return children(parent, name)[0]?.textContent ?? undefined;
}

/** The reference backend marks its emergency alert with an info parameter (CAP's extension point). */
function flagsEmergency(info: Element): boolean {
  return children(info, 'parameter').some((p) => childText(p, 'valueName')?.trim() === 'civic-emergency' && childText(p, 'value')?.trim() === 'true');
}

function alertFrom(el: Element): CivicAlert | undefined {
  const identifier = v.text(childText(el, 'identifier'));
  const sender = v.text(childText(el, 'sender'));
  const sent = v.date(childText(el, 'sent'));
  // CAP requires all three; without them an Update or Cancel could not point at this alert.
  if (!identifier || !sender || !sent) return undefined;
  const infos = children(el, 'info');
  return {
    identifier,
    sender,
    sent,
    ...(infos.some(flagsEmergency) ? { emergency: true } : {}),
    status: v.status(childText(el, 'status')),
    msgType: v.msgType(childText(el, 'msgType')),
    scope: v.scope(childText(el, 'scope')),
    references: v.references(childText(el, 'references')),
    info: infos.map((info) =>
      v.info({
        language: childText(info, 'language'),
        category: children(info, 'category').map((c) => c.textContent ?? ''),
        event: childText(info, 'event'),
        urgency: childText(info, 'urgency'),
        severity: childText(info, 'severity'),
        certainty: childText(info, 'certainty'),
        effective: childText(info, 'effective'),
        onset: childText(info, 'onset'),
        expires: childText(info, 'expires'),
        senderName: childText(info, 'senderName'),
        headline: childText(info, 'headline'),
        description: childText(info, 'description'),
        instruction: childText(info, 'instruction'),
        web: childText(info, 'web'),
        contact: childText(info, 'contact'),
        areas: children(info, 'area').map((a) => childText(a, 'areaDesc') ?? ''),
      }),
    ),
  };
}

/**
 * Every CAP alert in `xml`. Throws {@link MalformedResponseError} when the text is not
 * well-formed XML, or is neither a CAP alert nor an Atom feed.
 */
export function parseCap(xml: string, status = 200): CivicAlert[] {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, '').trim(), 'application/xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagNameNS('*', 'parsererror').length > 0 || !root) throw new MalformedResponseError(status, 'not well-formed XML');
  let alerts: Element[];
  if (root.namespaceURI === CAP_NAMESPACE && root.localName === 'alert') alerts = [root];
  else if (root.namespaceURI === ATOM_NAMESPACE && root.localName === 'feed') alerts = Array.from(doc.getElementsByTagNameNS(CAP_NAMESPACE, 'alert'));
  else throw new MalformedResponseError(status, 'neither a CAP 1.2 alert nor an Atom feed');
  return alerts.map(alertFrom).filter((a): a is CivicAlert => a !== undefined);
}
