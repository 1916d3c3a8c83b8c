// A stand-in for real Open311 servers we cannot reach: an injected `fetch` that answers from
// the fixture files in test/api/fixtures (served by the dev server at /test/api/fixtures/…).

/** Base URL the fixture-backed clients use; it never reaches the network. */
export const FIXTURE_ENDPOINT = 'https://city.example/open311/v2';

export interface FixtureAnswer {
  /** File under test/api/fixtures. */
  file?: string;
  /** Literal body, instead of a file. */
  body?: string;
  status?: number;
  /** Content-Type; guessed from the file's extension when left out. */
  type?: string;
}

export interface RecordedCall {
  url: URL;
  method: string;
  accept: string | null;
  body: BodyInit | null | undefined;
}

const cache = new Map<string, string>();

async function fixture(file: string): Promise<string> {
  let text = cache.get(file);
  if (text === undefined) {
    const res = await fetch(`/test/api/fixtures/${file}`);
    if (!res.ok) throw new Error(`fixture ${file} not found`);
    text = await res.text();
    cache.set(file, text);
  }
  return text;
}

function typeOf(file: string | undefined): string {
  if (file?.endsWith('.json')) return 'application/json; charset=utf-8';
  if (file?.endsWith('.xml')) return 'text/xml; charset=utf-8';
  if (file?.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'text/plain';
}

/**
 * A `fetch` answering by path below the endpoint (`'services.json'`, `'requests/1.xml'`),
 * with a function for answers that depend on the call. Unrouted paths answer a plain 404,
 * as a server without that resource would. Every call is recorded in `calls`.
 */
export function fixtureFetch(
  routes: Record<string, FixtureAnswer | ((call: RecordedCall) => FixtureAnswer)>,
): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const call: RecordedCall = {
      url,
      method: init?.method ?? 'GET',
      accept: new Headers(init?.headers).get('accept'),
      body: init?.body,
    };
    calls.push(call);
    const path = url.pathname.replace(/^\/open311\/v2\//, '');
    const route = routes[path];
    const answer: FixtureAnswer = typeof route === 'function' ? route(call) : route ?? { status: 404, body: 'Not Found' };
    const body = answer.file ? await fixture(answer.file) : (answer.body ?? '');
    return new Response(body, {
      status: answer.status ?? 200,
      headers: { 'content-type': answer.type ?? typeOf(answer.file) },
    });
  };
  return { fetch: fake as typeof fetch, calls };
}
