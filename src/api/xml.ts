/**
 * XML → plain values, with the browser's own `DOMParser` (no dependency). The result has the
 * same shape a JSON server would send through an XML-to-JSON mapping, so one normaliser
 * handles both formats: `<service_requests><request>…</request></service_requests>` becomes
 * `{ service_requests: { request: {…} } }` (an array when an element repeats).
 */

import { MalformedResponseError } from './errors.js';
import { MAX_DEPTH } from './http.js';

/** A JSON-like value as it arrives from either format, before normalisation. */
export type Loose = string | number | boolean | null | Loose[] | { [key: string]: Loose };

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function hasText(el: Element): boolean {
  for (const node of Array.from(el.childNodes)) {
    if ((node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) && node.nodeValue?.trim()) {
      return true;
    }
  }
  return false;
}


function convert(el: Element, depth: number, status: number): Loose {
  if (depth > MAX_DEPTH) throw new MalformedResponseError(status, 'nested too deeply');
  if (el.getAttributeNS(XSI, 'nil') === 'true') return null;
  const children = Array.from(el.children);
  // Leaf, or mixed content (unescaped markup inside a text field): keep only the text, so
  // markup a server let through stays inert characters and never becomes structure.
  if (children.length === 0 || hasText(el)) return (el.textContent ?? '').trim();
  const out: { [key: string]: Loose } = {};
  for (const child of children) {
    // localName drops any prefix (`<o:lat>`), so namespaced servers read like plain ones.
    const key = child.localName;
    const value = convert(child, depth + 1, status);
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    // convert() never returns an array, so an array here is one made for a repeated element.
    else if (Array.isArray(seen)) seen.push(value);
    else out[key] = [seen, value];
  }
  return out;
}

/**
 * Parses an XML document into `{ [rootName]: value }`. A SOAP envelope is unwrapped to the
 * first element of its Body. Throws {@link MalformedResponseError} when the text is not
 * well-formed XML, or nests deeper than `MAX_DEPTH` (see `http.ts`).
 */
export function parseXml(text: string, status: number): { [key: string]: Loose } {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagNameNS('*', 'parsererror').length > 0 || !doc.documentElement) {
    throw new MalformedResponseError(status, 'not well-formed XML');
  }
  let root: Element = doc.documentElement;
  while (root.localName === 'Envelope' || root.localName === 'Body') {
    const inner: Element | null =
      root.localName === 'Envelope'
        ? Array.from(root.children).find((c) => c.localName === 'Body') ?? null
        : root.firstElementChild;
    if (!inner) break;
    root = inner;
  }
  return { [root.localName]: convert(root, 1, status) };
}
