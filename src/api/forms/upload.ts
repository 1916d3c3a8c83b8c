/**
 * A `fetch` over XMLHttpRequest, for one reason: `xhr.upload.onprogress` reports how much of a
 * request body has gone, which `fetch` cannot tell yet (a streamed request body needs HTTP/2
 * and half-duplex support a city's server may lack). The answer is handed back as a `Response`,
 * so the contract code that sorts answers into data and errors stays the same.
 */

/** How much of the body has been sent: `loaded` of `total` bytes. */
export type UploadProgress = (loaded: number, total: number) => void;

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
