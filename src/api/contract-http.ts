/**
 * One exchange with a civic-elements JSON contract (`/records/v1`, and the notifications and
 * forms contracts after it): timeout, then the answer sorted into data or a {@link CivicError}.
 * Only `Accept` and `Accept-Language` are set on GETs (both CORS-safelisted: no preflight).
 */
import { ContractError, HtmlErrorPageError, MalformedResponseError, type ContractErrorDetail } from './errors.js';
import { fetchText } from './fetch-text.js';

export interface ContractExchange {
  fetch: typeof fetch;
  timeout: number;
  /** The widget's language, sent as `Accept-Language`; the server may answer in it. */
  language?: string;
}

export interface ContractRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function errorsOf(value: unknown): ContractErrorDetail[] {
  const list = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is { field?: unknown; question?: unknown; message?: unknown; code?: unknown } => e !== null && typeof e === 'object')
    // The forms contract names the question an error is about `question`.
    .map((e) => ({
      field: typeof e.field === 'string' ? e.field : typeof e.question === 'string' ? e.question : 'body',
      message: typeof e.message === 'string' ? e.message : '',
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
    }));
}

export async function contractExchange<T>(ex: ContractExchange, url: string, init: ContractRequest = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (ex.language) headers['Accept-Language'] = ex.language;
  let body: BodyInit | null = null;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  const { response, text } = await fetchText(ex.fetch, url, { method: init.method ?? 'GET', headers, body }, ex.timeout, init.signal);
  const status = response.status;
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (/^<(!doctype html|html)/i.test(trimmed) || (response.headers.get('content-type') ?? '').includes('text/html')) throw new HtmlErrorPageError(status);
  let parsed: unknown = null;
  try {
    parsed = trimmed === '' ? null : JSON.parse(trimmed);
  } catch (cause) {
    if (status >= 200 && status < 300) throw new MalformedResponseError(status, 'not valid JSON', { cause });
  }
  if (status < 200 || status >= 300) throw new ContractError(status, errorsOf(parsed));
  if (status === 204) return { status, body: {} as T, headers: response.headers };
  if (parsed === null || typeof parsed !== 'object') throw new MalformedResponseError(status, 'not a JSON object');
  return { status, body: parsed as T, headers: response.headers };
}
