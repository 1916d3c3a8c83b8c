import { el, renderXml, type XmlElement } from '../xml.js';

export type Format = 'json' | 'xml';

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/**
 * An Open311 error answer. Each description starts with the parameter it is about and `: `
 * (`attribute[SIZE]: …`), so a widget can put the message next to the right field.
 */
export class Open311Error extends Error {
  /** Extra response headers, e.g. `Connection: close` when the request body was left unread. */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 422 | 500 | 502 | 503,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }

  static of(status: Open311Error['status'], field: string, sentence: string): Open311Error {
    return new Open311Error(status, [{ code: status, description: `${field}: ${sentence}` }]);
  }
}

export function contentType(format: Format): string {
  return format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8';
}

export function documentResponse(format: Format, status: number, json: unknown, xml: () => XmlElement, headers: Record<string, string> = {}): Response {
  const body = format === 'json' ? JSON.stringify(json) : renderXml(xml());
  return new Response(body, { status, headers: { 'Content-Type': contentType(format), ...headers } });
}

export function errorResponse(format: Format, err: Open311Error): Response {
  return documentResponse(
    format,
    err.status,
    err.errors,
    () =>
      el(
        'errors',
        err.errors.map((e) => el('error', [el('code', e.code), el('description', e.description)])),
      ),
    err.headers,
  );
}
