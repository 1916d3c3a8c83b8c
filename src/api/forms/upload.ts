/**
 * A `fetch` over XMLHttpRequest, for one reason: `xhr.upload.onprogress` reports how much of a
 * request body has gone, which `fetch` cannot tell yet (a streamed request body needs HTTP/2
 * and half-duplex support a city's server may lack). The answer is handed back as a `Response`,
 * so the contract code that sorts answers into data and errors stays the same.
 */

/** How much of the body has been sent: `loaded` of `total` bytes. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * A submission with files as the contract takes it: multipart, a `submission` part holding the
 * JSON, one part per file named by its answer path. With `onProgress` (and XMLHttpRequest), the
 * `fetch` to send it with reports the upload as it goes; else it is `fetch`. `FormsClient`
 * loads this module only for a submission with files.
 */
export function multipart(
  submission: unknown,
  files: readonly (readonly [string, readonly File[]])[],
  fetch: typeof globalThis.fetch,
  onProgress?: UploadProgress,
): { body: FormData; fetch: typeof globalThis.fetch } {
  const form = new FormData();
  form.append('submission', JSON.stringify(submission));
  for (const [path, list] of files) for (const file of list) form.append(path, file, file.name);
  return { body: form, fetch: onProgress && typeof XMLHttpRequest !== 'undefined' ? fetchWithProgress(onProgress) : fetch };
}

export function fetchWithProgress(onProgress: UploadProgress): typeof fetch {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'GET', String(input instanceof Request ? input.url : input));
      new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      };
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        // A Response cannot carry the body of a 204/304 or a status outside 200-599.
        const empty = xhr.status === 204 || xhr.status === 304;
        resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onabort = () => reject(new DOMException('The request was aborted.', 'AbortError'));
      init.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send((init.body as XMLHttpRequestBodyInit | null | undefined) ?? null);
    });
}
