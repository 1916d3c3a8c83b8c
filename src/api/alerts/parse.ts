/**
 * Alert documents of every supported format, told apart by the body itself (servers mislabel
 * content types): CAP 1.2 XML (single or Atom), NWS GeoJSON, the reference backend's JSON.
 * `AlertsClient` reads the reference backend's JSON itself and loads this module when a feed is CAP or NWS.
 */

import { HtmlErrorPageError, MalformedResponseError } from '../errors.js';
import { parseCap } from './cap.js';
import { parseCivicAlerts } from './civic.js';
import { parseNws } from './nws.js';
import type { CivicAlert } from './types.js';

/** Parses an alert document of any supported format; throws MalformedResponseError otherwise. */
export function parseAlerts(body: string, status = 200): CivicAlert[] {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('<')) {
    if (/^<!doctype html|^<html/i.test(text)) throw new HtmlErrorPageError(status);
    return parseCap(text, status);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new MalformedResponseError(status, 'not valid JSON or XML', { cause });
  }
  const type = (doc as { type?: unknown } | null)?.type;
  return type === 'FeatureCollection' ? parseNws(doc, status) : parseCivicAlerts(doc, status);
}

