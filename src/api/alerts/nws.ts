/**
 * US National Weather Service alerts (`https://api.weather.gov/alerts/active?point=…|zone=…`,
 * GeoJSON FeatureCollection, JSON-LD) → {@link CivicAlert}. The NWS publishes CAP 1.2 and its
 * GeoJSON properties are CAP's fields under the same names (`messageType` for `msgType`,
 * `areaDesc` for the areas, `references` as objects); its text is US English.
 */

import { MalformedResponseError } from '../errors.js';
import type { CivicAlert } from './types.js';
import * as v from './values.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (x: Json | undefined): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The feed's `@context` `@language` (`en-US` from api.weather.gov), else CAP's default. */
function contextLanguage(doc: JsonObject): string {
  const context = doc['@context'];
  const entries = Array.isArray(context) ? context : [context];
  for (const entry of entries) {
    if (isObject(entry) && typeof entry['@language'] === 'string') return entry['@language'];
  }
  return 'en-US';
}

function alertFrom(p: JsonObject, language: string): CivicAlert | undefined {
  const identifier = v.text(p.id);
  const sender = v.text(p.sender);
  const sent = v.date(p.sent);
  if (!identifier || !sender || !sent) return undefined;
  const refs = Array.isArray(p.references) ? p.references : [];
  return {
    identifier,
    sender,
    sent,
    status: v.status(p.status),
    msgType: v.msgType(p.messageType),
    scope: v.scope(p.scope),
    references: refs.filter(isObject).flatMap((r) => {
      const refSender = v.text(r.sender);
      const refId = v.text(r.identifier);
      const refSent = v.text(r.sent);
      return refSender && refId ? [{ sender: refSender, identifier: refId, ...(refSent ? { sent: refSent } : {}) }] : [];
    }),
    info: [
      v.info({
        language,
        category: typeof p.category === 'string' ? [p.category] : [],
        event: p.event,
        urgency: p.urgency,
        severity: p.severity,
        certainty: p.certainty,
        effective: p.effective,
        onset: p.onset,
        // `ends` is when the hazard ends; `expires` when this message does. Past either, it is old news.
        expires: earliest(v.date(p.expires), v.date(p.ends))?.toISOString(),
        senderName: p.senderName,
        headline: p.headline,
        description: p.description,
        instruction: p.instruction,
        // The NWS links each alert to its own page as `@id`; `web` is CAP's field for that.
        web: p['@id'] ?? p.web,
        areas: typeof p.areaDesc === 'string' ? [p.areaDesc] : [],
      }),
    ],
  };
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** Every alert of an NWS alerts FeatureCollection. Throws {@link MalformedResponseError} for any other JSON. */
export function parseNws(doc: unknown, status = 200): CivicAlert[] {
  const root = doc as Json;
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new MalformedResponseError(status, 'not a GeoJSON FeatureCollection of alerts');
  }
  const language = contextLanguage(root);
  return root.features
    .filter(isObject)
    .map((f) => (isObject(f.properties) ? alertFrom(f.properties, language) : undefined))
    .filter((a): a is CivicAlert => a !== undefined);
}
