/** A minimal XML tree: enough for GeoReport documents, with every text node escaped. */
export interface XmlElement {
  name: string;
  content: string | XmlElement[];
}

export type XmlScalar = string | number | boolean | null | undefined;

export function el(name: string, content: XmlScalar | XmlElement[]): XmlElement {
  return { name, content: Array.isArray(content) ? content : content == null ? '' : String(content) };
}

/** Elements for the fields of a flat record, in the record's key order; absent fields are left out. */
export function fields(record: Record<string, XmlScalar>): XmlElement[] {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => el(k, v));
}

// XML 1.0 cannot carry most C0 controls, lone surrogates or U+FFFE/U+FFFF even escaped: drop them.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function write(node: XmlElement, out: string[]): void {
  if (typeof node.content === 'string') {
    out.push(node.content === '' ? `<${node.name}/>` : `<${node.name}>${escapeXml(node.content)}</${node.name}>`);
    return;
  }
  out.push(`<${node.name}>`);
  for (const child of node.content) write(child, out);
  out.push(`</${node.name}>`);
}

export function renderXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, out);
  return out.join('');
}
