import { contractExchange, type ContractExchange } from '../contract-http.js';
import { ContractError, MalformedResponseError } from '../errors.js';
import type { RecordsRule } from './rules.js';

/** A code and the name a person reads (in the language asked for). */
export interface RecordsOption {
  code: string;
  name: string;
}

/** What a records backend says about itself (`GET discovery.json`). */
export interface RecordsDiscovery {
  jurisdiction: { id: string; name: string };
  rule: RecordsRule;
  contact_policy: 'optional' | 'required';
  public_log: boolean;
  departments: RecordsOption[];
  delivery_formats: RecordsOption[];
  limits: { request_description: number; attachments: number; attachment_bytes: number };
  attachment_types: string[];
}

/** A request as FOIA.gov's agency API names its fields. Everything but the description is optional. */
export interface RecordsRequestInput {
  request_description: string;
  date_range_start?: string;
  date_range_end?: string;
  department?: string;
  delivery_format?: string;
  fee_amount_willing?: string | number;
  fee_waiver?: boolean;
  fee_waiver_explanation?: string;
  expedited_processing?: boolean;
  expedited_processing_explanation?: string;
  name_first?: string;
  name_last?: string;
  email?: string;
  phone_number?: string;
  address_line1?: string;
  address_line2?: string;
  address_city?: string;
  address_state_province?: string;
  address_zip_postal_code?: string;
  address_country?: string;
}

/** The answer to a filed request. `access_token` makes the private access link: keep it. */
export interface RecordsReceipt {
  tracking_number: string;
  access_token: string;
  status: string;
  received_date: string;
  due_date: string | null;
  extended_due_date: string | null;
  due_basis: string;
}

export interface RecordsDocument {
  id: string;
  name: string;
  content_type: string;
  size: number;
  public: boolean;
  kind: 'attachment' | 'release';
  url: string;
}

export interface RecordsEvent {
  type: string;
  status: string;
  datetime: string;
  actor?: 'requester' | 'staff' | 'system';
  message?: string | null;
  reason?: string | null;
  fee_amount?: number | null;
  due_date?: string | null;
  documents?: RecordsDocument[];
}

/** A request as the requester (with the access token) or the public log sees it. */
export interface RecordsRequestView {
  tracking_number: string;
  status: string;
  received_date: string;
  due_date: string | null;
  clock: 'running' | 'paused' | 'stopped' | 'none';
  request_description: string;
  department: RecordsOption | null;
  timeline: RecordsEvent[];
  documents: RecordsDocument[];
  /** Only with the access token. */
  due_basis?: string;
  legal_due_date?: string | null;
  extended_due_date?: string | null;
  approximate_date?: string | null;
  waiting_for?: 'clarification' | 'fee' | null;
  overdue?: boolean;
  submitted_datetime?: string;
  delivery_format?: RecordsOption | null;
  attachments?: RecordsDocument[];
}

/**
 * What the records widgets need from a backend. `RecordsClient` speaks the civic-elements
 * contract; a city whose vendor speaks something else implements this instead.
 */
export interface RecordsBackend {
  discovery(signal?: AbortSignal): Promise<RecordsDiscovery>;
  submit(request: RecordsRequestInput, options?: { attachments?: readonly File[]; idempotencyKey?: string; signal?: AbortSignal }): Promise<RecordsReceipt>;
  request(trackingNumber: string, accessToken?: string, signal?: AbortSignal): Promise<RecordsRequestView | undefined>;
  publicLog(options?: { page?: number; pageSize?: number; signal?: AbortSignal }): Promise<{ requests: RecordsRequestView[]; total: number }>;
  reply(trackingNumber: string, accessToken: string, message: string): Promise<RecordsRequestView>;
  /** The same backend answering in another language, when it can. */
  withLanguage?(language: string): RecordsBackend;
}

export interface RecordsClientOptions {
  /** Base URL of the contract, e.g. `https://city.example/records/v1`. */
  endpoint: string;
  /** Language for the server's words (`Accept-Language`). */
  language?: string;
  timeout?: number;
  fetch?: typeof fetch;
}

/** Client of the civic-elements records contract (`/records/v1`). No DOM; runs in any browser or Node. */
export class RecordsClient implements RecordsBackend {
  private readonly base: string;
  private readonly ex: ContractExchange;

  constructor(options: RecordsClientOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
    this.ex = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 20_000,
      ...(options.language ? { language: options.language } : {}),
    };
  }

  /** The same client speaking another language. */
  withLanguage(language: string): RecordsClient {
    return new RecordsClient({ endpoint: this.base, language, timeout: this.ex.timeout, fetch: this.ex.fetch });
  }

  async discovery(signal?: AbortSignal): Promise<RecordsDiscovery> {
    const { body } = await contractExchange<RecordsDiscovery>(this.ex, `${this.base}/discovery.json`, signal ? { signal } : {});
    if (!body.rule || !Array.isArray(body.departments) || !Array.isArray(body.delivery_formats)) {
      throw new MalformedResponseError(200, 'discovery without rule, departments or delivery formats');
    }
    return body;
  }

  /**
   * Files a request. With attachments it goes as multipart, else as JSON. The same
   * `idempotencyKey` on a resend answers the first request again instead of filing a second.
   */
  async submit(request: RecordsRequestInput, options: { attachments?: readonly File[]; idempotencyKey?: string; signal?: AbortSignal } = {}): Promise<RecordsReceipt> {
    let body: unknown = request;
    if (options.attachments && options.attachments.length > 0) {
      const form = new FormData();
      for (const [key, value] of Object.entries(request)) if (value !== undefined && value !== '') form.append(key, String(value));
      for (const file of options.attachments) form.append('attachments', file, file.name);
      body = form;
    }
    const { body: receipt } = await contractExchange<RecordsReceipt>(this.ex, `${this.base}/requests.json`, {
      method: 'POST',
      body,
      headers: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {},
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (typeof receipt.tracking_number !== 'string' || typeof receipt.access_token !== 'string') {
      throw new MalformedResponseError(201, 'no tracking number or access token');
    }
    return receipt;
  }

  /**
   * A request by tracking number: with the access token, the requester's view; without, the
   * public log's. `undefined` when the server says there is no such request (or the token is wrong).
   */
  async request(trackingNumber: string, accessToken?: string, signal?: AbortSignal): Promise<RecordsRequestView | undefined> {
    const query = accessToken ? `?access_token=${encodeURIComponent(accessToken)}` : '';
    try {
      const { body } = await contractExchange<RecordsRequestView>(this.ex, `${this.base}/requests/${encodeURIComponent(trackingNumber)}.json${query}`, signal ? { signal } : {});
      if (typeof body.status !== 'string' || !Array.isArray(body.timeline)) throw new MalformedResponseError(200, 'a request without status or timeline');
      return body;
    } catch (err) {
      if (err instanceof ContractError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** The public log, newest first. */
  async publicLog(options: { page?: number; pageSize?: number; signal?: AbortSignal } = {}): Promise<{ requests: RecordsRequestView[]; total: number }> {
    const params = new URLSearchParams();
    if (options.page) params.set('page', String(options.page));
    if (options.pageSize) params.set('page_size', String(options.pageSize));
    const { body } = await contractExchange<{ requests: RecordsRequestView[]; total: number }>(
      this.ex,
      `${this.base}/requests.json${params.size ? `?${params}` : ''}`,
      options.signal ? { signal: options.signal } : {},
    );
    if (!Array.isArray(body.requests)) throw new MalformedResponseError(200, 'a log without requests');
    return { requests: body.requests, total: Number(body.total) || body.requests.length };
  }

  /** The requester answers the city's question (or accepts its fee estimate); the clock runs again. */
  async reply(trackingNumber: string, accessToken: string, message: string): Promise<RecordsRequestView> {
    const { body } = await contractExchange<RecordsRequestView>(
      this.ex,
      `${this.base}/requests/${encodeURIComponent(trackingNumber)}/replies.json?access_token=${encodeURIComponent(accessToken)}`,
      { method: 'POST', body: { message } },
    );
    return body;
  }
}
