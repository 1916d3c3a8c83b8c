/**
 * One exchange with a civic-elements JSON contract (`/records/v1`, and the notifications and
 * forms contracts after it): timeout, then the answer sorted into data or a {@link CivicError}.
 * Only `Accept` and `Accept-Language` are set on GETs (both CORS-safelisted: no preflight).
 */
import { ContractError, HtmlErrorPageError, MalformedResponseError, NetworkError, TimeoutError, type ContractErrorDetail } from './errors.js';

export interface ContractExchange {
  fetch: typeof fetch;
  timeout: number;
  /** The widget's language, sent as `Accept-Language`; the server may answer in it. */
  language?: string;
}

export interface ContractRequest {
  method?: 'GET' | 'POST';
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function errorsOf(value: unknown): ContractErrorDetail[] {
  const list = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is { field?: unknown; question?: unknown; message?: unknown } => e !== null && typeof e === 'object')
    // The forms contract names the question an error is about `question`.
    .map((e) => ({
      field: typeof e.field === 'string' ? e.field : typeof e.question === 'string' ? e.question : 'body',
      message: typeof e.message === 'string' ? e.message : '',
    }));
}

export async function contractExchange<T>(ex: ContractExchange, url: string, init: ContractRequest = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ex.timeout);
  const onAbort = () => controller.abort();
  init.signal?.addEventListener('abort', onAbort, { once: true });
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (ex.language) headers['Accept-Language'] = ex.language;
  let body: BodyInit | null = null;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  let text: string;
  try {
    response = await ex.fetch(url, { method: init.method ?? 'GET', headers, body, signal: controller.signal });
    text = await response.text();
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    if (timedOut) throw new TimeoutError(ex.timeout);
    throw new NetworkError({ cause });
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', onAbort);
  }
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
  if (parsed === null || typeof parsed !== 'object') throw new MalformedResponseError(status, 'not a JSON object');
  return { status, body: parsed as T, headers: response.headers };
}
