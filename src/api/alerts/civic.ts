/**
 * The reference backend's `/alerts/v1/active.json` → {@link CivicAlert}: CAP 1.2 fields under
 * their CAP names in JSON, `references` as `{sender, identifier, sent}` objects, `area` as
 * objects with `areaDesc`, and the `emergency` flag (see server/README.md, "Alerts").
 */

import { MalformedResponseError } from '../errors.js';
import type { CivicAlert } from './types.js';
import * as v from './values.js';

type JsonObject = Record<string, unknown>;
const isObject = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

function alertFrom(a: JsonObject): CivicAlert | undefined {
  const identifier = v.text(a.identifier);
  const sender = v.text(a.sender);
  const sent = v.date(a.sent);
  if (!identifier || !sender || !sent) return undefined;
  const refs = Array.isArray(a.references) ? a.references : [];
  const infos = Array.isArray(a.info) ? a.info : [];
  return {
    identifier,
    sender,
    sent,
    status: v.status(a.status),
    msgType: v.msgType(a.msgType),
    scope: v.scope(a.scope),
    references: refs.filter(isObject).flatMap((r) => {
      const s = v.text(r.sender);
      const id = v.text(r.identifier);
      const at = v.text(r.sent);
      return s && id ? [{ sender: s, identifier: id, ...(at ? { sent: at } : {}) }] : [];
    }),
    info: infos.filter(isObject).map((i) =>
      v.info({
        ...i,
        category: Array.isArray(i.category) ? i.category : typeof i.category === 'string' ? [i.category] : [],
        areas: (Array.isArray(i.area) ? i.area : []).filter(isObject).map((area) => area.areaDesc),
      }),
    ),
    ...(a.emergency === true ? { emergency: true } : {}),
  };
}

/** Every alert of a `{ "alerts": [...] }` document. Throws {@link MalformedResponseError} for other JSON. */
export function parseCivicAlerts(doc: unknown, status = 200): CivicAlert[] {
  if (!isObject(doc) || !Array.isArray(doc.alerts)) throw new MalformedResponseError(status, 'not an alerts document');
  return doc.alerts
    .filter(isObject)
    .map(alertFrom)
    .filter((a): a is CivicAlert => a !== undefined);
}
