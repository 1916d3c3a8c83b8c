/**
 * The answers an Open311 server gives besides a JSON document: XML, an HTML page (a CMS or proxy
 * in front of the server), an error status, an `<errors>` body. `http.ts` reads the usual answer
 * itself and loads this module when another comes, so a page talking JSON to a working server
 * never carries it. The body's own look decides how it is read, not the format asked for.
 */
import { HtmlErrorPageError } from './errors.js';
import { isErrorsBody, parseJson } from './http.js';
import { isObj, listIn, str } from './normalise.js';
import { Open311Error } from './open311-error.js';
import { parseXml, type Loose } from './xml.js';

/** An Open311 document's root, possibly after an XML declaration and with a prefix. */
const OPEN311_ROOT = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?(errors|service_requests|services|service_definition|discovery|Envelope)\b/i;

function looksLikeHtml(text: string, contentType: string): boolean {
  const head = text.slice(0, 500);
  const lower = head.toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return true;
  // Mislabelled servers send `<errors>` as text/html, so the label alone does not decide.
  if (!contentType.includes('text/html')) return false;
  return !OPEN311_ROOT.test(head) && !head.startsWith('{') && !head.startsWith('[');
}

/** Reads a body as XML if it starts with `<`, else as JSON; throws MalformedResponseError. */
function parseBody(text: string, status: number): Loose {
  return text.startsWith('<') ? parseXml(text, status) : parseJson(text, status);
}

/** The entries of an `<errors>` body or JSON error array (`[]` when the body has none). */
function errorsFrom(v: Loose, status: number): Array<{ code: string; description: string }> {
  return listIn(v, ['errors'], ['error']).flatMap((e) => {
    const description = isObj(e) ? str(e.description) ?? str(e.message) : str(e);
    if (!description) return [];
    return [{ code: (isObj(e) ? str(e.code) : undefined) ?? String(status), description }];
  });
}

/**
 * Sorts an answer `http.ts` did not read (`text` is the body without BOM, trimmed): see
 * `exchange` for the errors each kind of answer rejects with.
 */
export function unusualAnswer(status: number, text: string, contentType: string, htmlNotFound?: boolean): { status: number; body: Loose } {
  if (looksLikeHtml(text, contentType)) throw htmlNotFound && status === 404 ? new Open311Error(404) : new HtmlErrorPageError(status);
  if (status < 200 || status >= 300) {
    let parsed: Loose = null;
    try {
      parsed = parseBody(text, status);
    } catch {
      // An unreadable error body still tells the caller the status; that is what matters.
    }
    throw new Open311Error(status, errorsFrom(parsed, status));
  }
  const parsed = parseBody(text, status);
  if (isErrorsBody(parsed)) {
    const errors = errorsFrom(parsed, status);
    if (errors.length > 0) throw new Open311Error(status, errors);
  }
  return { status, body: parsed };
}
