import { RecordsClient, type RecordsBackend } from '../api/records/client.js';
import { contractBackendResolver } from './contract-backend.js';
import type { CivicConfig } from './context.js';

const resolve = contractBackendResolver<RecordsBackend>((endpoint, language) => new RecordsClient({ endpoint, language }));

/**
 * The records backend a widget talks to, in its language: its own `recordsBackend`, else a client
 * for its own `records-endpoint`, else the hall's backend, else the hall's endpoint. `key` changes
 * when the backend (or language) does, so the widget knows to reload.
 */
export function resolveRecordsBackend(
  own: { recordsBackend?: RecordsBackend | undefined; recordsEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: RecordsBackend } | undefined {
  return resolve({ backend: own.recordsBackend, endpoint: own.recordsEndpoint }, { backend: hall?.recordsBackend, endpoint: hall?.recordsEndpoint }, locale);
}
