import type { CivicErrorKind } from '../api/errors.js';
import type { MessageKey } from './i18n.js';

const KEY_BY_KIND: Record<CivicErrorKind, MessageKey> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  open311: 'errorServer',
  contract: 'errorServer',
  malformed: 'errorMalformed',
  html: 'errorHtml',
  http: 'errorServer',
};

/**
 * The message key for a backend failure, from the error's `kind`; what both error panels (the Lit
 * one, core/forms/error-panel.ts, and the plain one, core/plain/error-panel.ts) say. Read by duck
 * typing rather than `instanceof CivicError`, so errors from another copy of the bundle are
 * recognised too.
 */
export function errorMessageKey(error: unknown): MessageKey {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === 'string' && kind in KEY_BY_KIND ? KEY_BY_KIND[kind as CivicErrorKind] : 'errorUnknown';
}
