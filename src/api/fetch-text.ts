/**
 * The network half of every exchange a client makes: one fetch and its whole body, within a
 * time limit, failures sorted into the client's errors. The answer's meaning is the caller's.
 */
import { NetworkError, TimeoutError } from './errors.js';

/**
 * Fetches `url` and reads its body as text within `timeout` ms, else a {@link TimeoutError}; a
 * failed connection is a {@link NetworkError}. When the caller's `signal` aborts, its own abort
 * error is rethrown as it is (the caller asked to stop). The race keeps the time limit honest
 * even with an injected fetch that ignores `signal`.
 */
export async function fetchText(
  doFetch: typeof fetch,
  url: string,
  init: Omit<RequestInit, 'signal'>,
  timeout: number,
  signal?: AbortSignal,
): Promise<{ response: Response; text: string }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  aborted.catch(() => {});
  try {
    const response = await Promise.race([doFetch(url, { ...init, signal: controller.signal }), aborted]);
    const text = await Promise.race([response.text(), aborted]);
    return { response, text };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason ?? cause;
    if (timedOut) throw new TimeoutError(timeout);
    throw new NetworkError({ cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
