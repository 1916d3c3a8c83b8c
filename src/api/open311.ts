import type { CivicBackend } from './backend.js';
import { NetworkError, TimeoutError } from './errors.js';
import { exchange, type WireFormat } from './http.js';
import { assertShape, DISCOVERY, type DocumentKind, discoveryFrom } from './normalise.js';
import type {
  Discovery,
  Open311Endpoint,
  Open311Extension,
  RequestsQuery,
  Service,
  ServiceDefinition,
  ServiceRequest,
  SubmitInput,
  SubmitResult,
} from './types.js';
import type { Loose } from './xml.js';
import type { ReportCard } from './report-card-model.js';

/** Options of {@link Open311Client}. */
export interface Open311ClientOptions {
  /** GeoReport v2 base URL, e.g. `https://city.gov/open311/v2` (trailing slash optional). */
  endpoint: string;
  /** Sent as `jurisdiction_id` on every call, for endpoints that serve several jurisdictions. */
  jurisdictionId?: string;
  /**
   * Sent as `api_key` on POST. A key in page source is public: prefer a relay backend that
   * adds the key server side.
   */
  apiKey?: string;
  /**
   * `'auto'` (default): JSON, unless discovery says the endpoint speaks only XML.
   * `'xml'`: always XML, the format every GeoReport v2 server must offer. `'json'`: always JSON.
   */
  format?: 'json' | 'xml' | 'auto';
  /** Milliseconds before a call rejects with `TimeoutError`. Default 15000. */
  timeout?: number;
  /**
   * The reader's language (BCP 47, e.g. `es-MX`), sent as `Accept-Language` on every call so a
   * server can answer service names, questions, notices and notes in it. No preflight: the header
   * is CORS-safelisted.
   */
  language?: string;
  /** The `fetch` to use (tests, or a page that wraps fetch). Default: the global one. */
  fetch?: typeof fetch;
}

const GEOREPORT_V2 = /georeport[_ ]?v2/i;

/**
 * The discovery entry that describes `endpoint`: same URL, else same path. None when the
 * document only lists other endpoints (a shared discovery, other hosts): guessing from an
 * unrelated entry once made a JSON server be talked to in XML.
 */
function endpointEntry(discovery: Discovery, endpoint: string): Open311Endpoint | undefined {
  const v2 = discovery.endpoints.filter((e) => GEOREPORT_V2.test(e.specification));
  const bare = (u: string) => u.replace(/\/+$/, '');
  const path = (u: string) => {
    try {
      return bare(new URL(u, 'http://x').pathname);
    } catch {
      return bare(u);
    }
  };
  return (
    v2.find((e) => bare(e.url) === bare(endpoint)) ??
    v2.find((e) => path(e.url) === path(endpoint))
  );
}

/**
 * Call modules already on the page, by name: each registers itself here when it runs. A widget
 * whose first screen makes a call imports that call's module with it (see `define/`), so there
 * the call starts at once; anywhere else the module loads with the first such call.
 * @internal
 */
export const calls: {
  services?: Pick<typeof import('./open311-services.js'), 'services' | 'cachedServices'>;
  requests?: Pick<typeof import('./open311-requests.js'), 'requests' | 'request' | 'requestIdForToken'>;
  statistics?: Pick<typeof import('./open311-statistics.js'), 'statistics'>;
} = {};

/**
 * A call's own module: registered, else fetched (with the other calls that register here). A
 * module that cannot be fetched is the network failing, like a call that cannot be made.
 * @internal
 */
export async function load<K extends keyof typeof calls>(name: K): Promise<NonNullable<(typeof calls)[K]>> {
  try {
    if (!calls[name]) await import('./open311-calls.js');
  } catch (cause) {
    throw new NetworkError({ cause });
  }
  return calls[name]!;
}

/** A call's own module that no first screen needs, fetched when the call is made. */
async function later<M>(loading: () => Promise<M>): Promise<M> {
  try {
    return await loading();
  } catch (cause) {
    throw new NetworkError({ cause });
  }
}

/**
 * The connection to one endpoint that every call shares: options, discovery (fetched once) and
 * the wire format it implies, and one checked exchange. The calls themselves live in their own
 * modules and are handed this; it is not part of the public API.
 * @internal
 */
export class Open311Wire {
  readonly endpoint: string;
  readonly jurisdictionId: string | undefined;
  readonly apiKey: string | undefined;
  readonly format: 'json' | 'xml' | 'auto';
  readonly timeout: number;
  readonly fetch: typeof fetch;
  private readonly language: string | undefined;
  private discoveryPromise: Promise<Discovery> | undefined;

  constructor(options: Open311ClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.jurisdictionId = options.jurisdictionId || undefined;
    this.apiKey = options.apiKey || undefined;
    this.format = options.format ?? 'auto';
    this.timeout = options.timeout ?? 15_000;
    this.language = options.language || undefined;
    // Bound so a method reference to window.fetch does not throw "Illegal invocation".
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  discovery(): Promise<Discovery> {
    this.discoveryPromise ??= this.loadDiscovery().catch((e: unknown) => {
      this.discoveryPromise = undefined;
      throw e;
    });
    return this.discoveryPromise;
  }

  private async loadDiscovery(): Promise<Discovery> {
    const order: WireFormat[] = this.format === 'xml' ? ['xml', 'json'] : ['json', 'xml'];
    for (const fmt of order) {
      try {
        return discoveryFrom(await this.get(`discovery.${fmt}`, fmt, DISCOVERY));
      } catch (e) {
        if (e instanceof NetworkError || e instanceof TimeoutError) throw e;
        // Anything else means "no discovery in this format"; try the other, then give up.
      }
    }
    return { endpoints: [] };
  }

  async supports(extension: Open311Extension): Promise<boolean> {
    const entry = endpointEntry(await this.discovery(), this.endpoint);
    return entry?.extensions?.includes(extension) ?? false;
  }

  /** The wire format calls use: forced by `format`, else JSON unless the endpoint is XML-only. */
  async wireFormat(): Promise<WireFormat> {
    if (this.format !== 'auto') return this.format;
    const formats = endpointEntry(await this.discovery(), this.endpoint)?.formats ?? [];
    const json = formats.some((f) => /json/i.test(f));
    const xml = formats.some((f) => /xml/i.test(f));
    return xml && !json ? 'xml' : 'json';
  }

  /** `endpoint/path?params`, with `jurisdiction_id` when one is set. */
  url(path: string, params?: URLSearchParams): string {
    const query = new URLSearchParams(params);
    if (this.jurisdictionId) query.set('jurisdiction_id', this.jurisdictionId);
    const qs = query.toString();
    return `${this.endpoint}/${path}${qs ? `?${qs}` : ''}`;
  }

  /**
   * One exchange with the server. A 404 that comes as an HTML page (a CMS or proxy in front of
   * the server) rejects as `Open311Error` 404 like an Open311 one: the service, request or token
   * is unknown, which is not the same as a server that is down.
   */
  call(url: string, fmt: WireFormat, init?: Parameters<typeof exchange>[3]): ReturnType<typeof exchange> {
    return exchange({ fetch: this.fetch, timeout: this.timeout }, url, fmt, { ...init, htmlNotFound: true, ...(this.language ? { language: this.language } : {}) });
  }

  /** GET a document and check it is the kind asked for (else MalformedResponseError). */
  async get(path: string, fmt: WireFormat, kind: DocumentKind, params?: URLSearchParams): Promise<Loose> {
    const { status, body } = await this.call(this.url(path, params), fmt);
    assertShape(body, status, kind);
    return body;
  }
}

/**
 * Client for an Open311 GeoReport v2 server, JSON or XML, normalising what real servers send
 * into the types of `types.ts`. Implements {@link CivicBackend}; runs in any browser.
 *
 * Each call's code (and its reader) is a module of its own, loaded with the first such call: a
 * page pays only for the calls it makes.
 *
 * Every method rejects with a `CivicError`: `Open311Error` (the server said no, with its
 * `<errors>`), `HtmlErrorPageError`, `MalformedResponseError`, `NetworkError` or `TimeoutError`.
 *
 * @example
 * const client = new Open311Client({ endpoint: 'https://city.gov/open311/v2', jurisdictionId: 'city.gov' });
 * const services = await client.services();
 */
export class Open311Client implements CivicBackend {
  /** The endpoint without a trailing slash. */
  readonly endpoint: string;
  private readonly wire: Open311Wire;

  constructor(options: Open311ClientOptions) {
    this.wire = new Open311Wire(options);
    this.endpoint = this.wire.endpoint;
  }

  /**
   * The server's discovery document (`discovery.{json|xml}` under the endpoint), fetched once
   * and cached. A server without discovery (404, HTML page, unreadable body, in either format)
   * resolves as `{ endpoints: [] }`: no extensions, JSON unless `format` says otherwise.
   * Network failures and timeouts reject, and are not cached, so a later call retries.
   */
  discovery(): Promise<Discovery> {
    return this.wire.discovery();
  }

  /** Whether discovery lists `extension` for this endpoint; false when unknown. */
  supports(extension: Open311Extension): Promise<boolean> {
    return this.wire.supports(extension);
  }

  /**
   * GET `services`: the request types, with `keywords` as an array and `metadata` a boolean.
   * With `format: 'auto'` the JSON list is asked for alongside discovery, not after it (the
   * first screen of a form waits for it); only an XML-only endpoint then costs a second ask.
   */
  async services(): Promise<Service[]> {
    return (await load('services')).services(this.wire);
  }

  /**
   * GET `services/{code}`: the questions to ask for one request type, sorted by `order`, each
   * list attribute's `values` as `{key, name}` pairs. Rejects `Open311Error` 404 for an unknown code.
   */
  async serviceDefinition(serviceCode: string): Promise<ServiceDefinition> {
    return (await later(() => import('./open311-definition.js'))).serviceDefinition(this.wire, serviceCode);
  }

  /**
   * GET `requests`. Core filters are always sent; `status` and the id/code lists comma-joined.
   * Extensions are sent only when discovery says the endpoint offers them; otherwise:
   * - `bbox`: not sent; the answer is filtered here on `lat`/`long` (records without a
   *   location are left out), so the caller gets the same set within what the server returned.
   * - `updated_after`: not sent; filtered here on `updated_datetime` (falling back to
   *   `requested_datetime`; records with neither are left out).
   * - `page`/`page_size`: not sent; the server's answer (its default window, often the last
   *   90 days) is sliced here, so page 2 is the next slice and paging always ends.
   * - `extensions`: not sent; records come without `notes` / `extended_attributes`.
   */
  async requests(query: RequestsQuery = {}): Promise<ServiceRequest[]> {
    return (await load('requests')).requests(this.wire, query);
  }

  /**
   * GET `requests/{id}`: one request, or `undefined` when the server says it does not exist
   * (404, also as an HTML page) or when no record of its answer has this id. `extensions: true`
   * asks for `notes` / `extended_attributes` when the endpoint offers them; otherwise the
   * request comes without.
   */
  async request(id: string, options: { extensions?: boolean } = {}): Promise<ServiceRequest | undefined> {
    return (await load('requests')).request(this.wire, id, options);
  }

  /**
   * POST `requests`: creates a request. Sent as `application/x-www-form-urlencoded` (the spec),
   * with `api_key` and `jurisdiction_id`; attributes as `attribute[code]=value`.
   *
   * A multivaluelist answer goes first as `attribute[code][]=key` per chosen key (the spec's
   * example, and the only form PHP- and Rails-style servers read whole: they keep just the last
   * of a repeated key). A server that refuses that form with a 400 naming the attribute
   * (mySociety's Open311::Endpoint reads only repeated `attribute[code]=key`) gets the same
   * report once more in the repeated form, and is then sent that form at once (remembered per
   * endpoint for the page's life, also when that resend is refused for another reason). A 400
   * created nothing, so the resend never files twice.
   *
   * With `input.media` and an endpoint that offers `media`, sent as `multipart/form-data` with
   * the photo as the `media` part; an endpoint without `media` never receives the photo (it is
   * dropped; send `media_url` instead).
   *
   * `input.idempotencyKey` travels as the `Idempotency-Key` header to a same-origin endpoint or one
   * whose discovery announces `idempotency` (the header needs a CORS preflight cross-origin);
   * reuse it to retry the same submission safely. The form resend above keeps the key: it is the
   * same report, and the refused first try left nothing under the key.
   *
   * Resolves the first record of the answer. A server that answers only a `token` gives a
   * result without `service_request_id`: resolve it later with {@link requestIdForToken}.
   * Rejects `Open311Error` with per-field errors (see `Open311Error.errorFor`) when refused.
   */
  async submit(input: SubmitInput): Promise<SubmitResult> {
    return (await later(() => import('./open311-submit.js'))).submit(this.wire, input);
  }

  /**
   * GET `tokens/{token}`: the `service_request_id` a token stands for, or `undefined` while the
   * server has not assigned one yet (poll again later). Rejects `Open311Error` 404 for a token
   * the server does not know.
   */
  async requestIdForToken(token: string): Promise<string | undefined> {
    return (await load('requests')).requestIdForToken(this.wire, token);
  }

  /**
   * GET `statistics.json?window_days=N` (civic-elements extension `statistics`, JSON only): the
   * report card over the last `windowDays` days, computed by the server. Check
   * `supports('statistics')` first; `loadReportCard` does. Waits at least 60 s (or `timeout`).
   */
  async statistics(windowDays: number): Promise<ReportCard> {
    return (await load('statistics')).statistics(this.wire, windowDays);
  }
}
