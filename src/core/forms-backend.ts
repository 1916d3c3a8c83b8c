import { FormsClient, type FormsBackend } from '../api/forms/client.js';
import { contractBackendResolver } from './contract-backend.js';
import type { CivicConfig } from './context.js';

const resolve = contractBackendResolver<FormsBackend>((endpoint, language) => new FormsClient({ endpoint, language }));

/**
 * The forms backend a widget talks to, in its language: its own `formsBackend`, else a client
 * for its own `forms-endpoint`, else the hall's backend, else the hall's endpoint. `key` changes
 * when the backend (or language) does, so the widget knows to reload.
 */
export function resolveFormsBackend(
  own: { formsBackend?: FormsBackend | undefined; formsEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: FormsBackend } | undefined {
  return resolve({ backend: own.formsBackend, endpoint: own.formsEndpoint }, { backend: hall?.formsBackend, endpoint: hall?.formsEndpoint }, locale);
}
