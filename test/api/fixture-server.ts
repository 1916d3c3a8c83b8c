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

/** A recorded POST body as name/value pairs in the order sent (urlencoded or multipart). */
export function formFields(body: BodyInit | null | undefined): Array<[string, string]> {
  if (body instanceof URLSearchParams) return [...body];
  if (body instanceof FormData) return [...body].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []));
  return [];
}

/** Attribute answers as one kind of server stores them, by attribute code. */
export type StoredAnswers = Record<string, string | string[]>;

/**
 * A server shaped like mySociety's Open311::Endpoint (behind FixMyStreet councils): it reads
 * only `attribute[code]` (a repeated one becomes a list, as Perl's form parsing does) and
 * refuses any other key, `attribute[code][]` included, with a 400 naming the key.
 */
export function mySocietyLikeServer(): { route: (call: RecordedCall) => FixtureAnswer; stored: StoredAnswers[] } {
  const stored: StoredAnswers[] = [];
  const route = (call: RecordedCall): FixtureAnswer => {
    const fields = formFields(call.body);
    const unexpected = [...new Set(fields.map(([k]) => k).filter((k) => k.startsWith('attribute[') && !/^attribute\[\w+\]$/.test(k)))];
    if (unexpected.length > 0) {
      return {
        status: 400,
        type: 'application/json',
        body: JSON.stringify([
          { code: 400, description: 'Error in input for POST_Service_Request' },
          { code: 400, description: `Failed //rec: found unexpected entries: ${unexpected.join(', ')}` },
        ]),
      };
    }
    const answers: StoredAnswers = {};
    for (const [k, v] of fields) {
      const code = /^attribute\[(\w+)\]$/.exec(k)?.[1];
      if (!code) continue;
      const seen = answers[code];
      answers[code] = seen === undefined ? v : ([] as string[]).concat(seen, v);
    }
    stored.push(answers);
    return { type: 'application/json', body: JSON.stringify([{ service_request_id: `MS-${stored.length}` }]) };
  };
  return { route, stored };
}

/**
 * A server shaped like PHP's (and Rails') form parsing: `attribute[code][]` collects a list,
 * while a repeated `attribute[code]` silently keeps only its last value.
 */
export function phpLikeServer(): { route: (call: RecordedCall) => FixtureAnswer; stored: StoredAnswers[] } {
  const stored: StoredAnswers[] = [];
  const route = (call: RecordedCall): FixtureAnswer => {
    const answers: StoredAnswers = {};
    for (const [k, v] of formFields(call.body)) {
      const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
      if (!m) continue;
      const code = m[1]!;
      if (m[2]) answers[code] = ([] as string[]).concat(answers[code] ?? [], v);
      else answers[code] = v;
    }
    stored.push(answers);
    return { type: 'application/json', body: JSON.stringify([{ service_request_id: `PHP-${stored.length}` }]) };
  };
  return { route, stored };
}
