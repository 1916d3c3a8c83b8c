import { contractExchange, type ContractExchange } from '../contract-http.js';
import { ContractError, MalformedResponseError } from '../errors.js';
import type { Answers, FormDefinition } from '../../forms/definition.js';
import type { UploadProgress } from './upload.js';

/** One form of the city's catalog (`GET forms.json`), its texts in the language asked for. */
export interface FormSummary {
  slug: string;
  title: string;
  summary?: string;
  category: string;
  /** The category's name for people. */
  category_name?: string;
  department?: string;
  /** Extra words the search matches, comma separated. */
  keywords?: string;
  languages: string[];
  version?: number;
}

/** What a resident's answers become on the wire (`POST forms/{slug}/submissions.json`). */
export interface FormSubmissionInput {
  /** Answers by question id; a repeatable page's answers are a list of entries under the page id. Never files. */
  answers: Answers;
  /** The definition version answered. */
  version?: number;
  /** The resident's language. */
  language?: string;
}

export interface FormReceipt {
  reference: string;
  status: string;
  version?: number;
  submitted_at?: string;
}

/** A submission as the public sees it (`GET submissions/{reference}.json`): no answers. */
export interface FormSubmissionStatus {
  reference: string;
  status: string;
  /** The status for people, in the language asked for. */
  status_label?: string;
  form: { slug: string; title: string };
  version?: number;
  submitted_at?: string;
  updated_at?: string;
}

export interface FormSubmitOptions {
  /** Files by answer path (`income_proof`, `children.0.birth_certificate`): the submission goes as multipart. */
  files?: Readonly<Record<string, readonly File[]>>;
  idempotencyKey?: string;
  /** Called as the body uploads (multipart submissions). */
  onProgress?: UploadProgress;
  signal?: AbortSignal;
}

/**
 * What `<civic-form>`, `<civic-form-list>` and the tracker need from a forms backend.
 * `FormsClient` speaks the civic-elements contract (`/forms/v1`); a city whose vendor speaks
 * something else implements this instead.
 */
export interface FormsBackend {
  catalog(signal?: AbortSignal): Promise<FormSummary[]>;
  /** A form's definition, as published; the widget validates it before use. */
  definition(slug: string, signal?: AbortSignal): Promise<FormDefinition>;
  submit(slug: string, submission: FormSubmissionInput, options?: FormSubmitOptions): Promise<FormReceipt>;
  /** `undefined` when there is no such submission. */
  submission(reference: string, signal?: AbortSignal): Promise<FormSubmissionStatus | undefined>;
  withLanguage?(language: string): FormsBackend;
}

export interface FormsClientOptions {
  /** Base URL of the contract, e.g. `https://city.example/forms/v1`. */
  endpoint: string;
  language?: string;
  timeout?: number;
  fetch?: typeof fetch;
}

/** Client of the civic-elements forms contract (`/forms/v1`). No DOM; runs in any browser. */
export class FormsClient implements FormsBackend {
  private readonly base: string;
  private readonly ex: ContractExchange;

  constructor(options: FormsClientOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
    this.ex = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 20_000,
      ...(options.language ? { language: options.language } : {}),
    };
  }

  withLanguage(language: string): FormsClient {
    return new FormsClient({ endpoint: this.base, language, timeout: this.ex.timeout, fetch: this.ex.fetch });
  }

  async catalog(signal?: AbortSignal): Promise<FormSummary[]> {
    const { body } = await contractExchange<{ forms?: FormSummary[] }>(this.ex, `${this.base}/forms.json`, signal ? { signal } : {});
    if (!Array.isArray(body.forms)) throw new MalformedResponseError(200, 'a catalog without forms');
    return body.forms.filter((f) => f && typeof f.slug === 'string');
  }

  async definition(slug: string, signal?: AbortSignal): Promise<FormDefinition> {
    const { body } = await contractExchange<FormDefinition>(this.ex, `${this.base}/forms/${encodeURIComponent(slug)}.json`, signal ? { signal } : {});
    return body;
  }

  /**
   * Sends the answers: as JSON, or with files as multipart (a `submission` part holding the
   * JSON, one part per file named by its answer path). With `onProgress`, a multipart body goes through XMLHttpRequest,
   * which reports the upload as it goes (that code, `upload.ts`, loads only for a submission
   * with files). The same `idempotencyKey` on a resend answers the first submission again
   * instead of filing a second.
   */
  async submit(slug: string, submission: FormSubmissionInput, options: FormSubmitOptions = {}): Promise<FormReceipt> {
    const files = Object.entries(options.files ?? {}).filter(([, list]) => list.length > 0);
    let body: unknown = submission;
    let ex = this.ex;
    if (files.length) {
      const parts = (await import('./upload.js')).multipart(submission, files, this.ex.fetch, options.onProgress);
      body = parts.body;
      ex = { ...this.ex, fetch: parts.fetch };
    }
    const { body: receipt } = await contractExchange<FormReceipt>(ex, `${this.base}/forms/${encodeURIComponent(slug)}/submissions.json`, {
      method: 'POST',
      body,
      headers: options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {},
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (typeof receipt.reference !== 'string') throw new MalformedResponseError(201, 'no reference');
    return receipt;
  }

  async submission(reference: string, signal?: AbortSignal): Promise<FormSubmissionStatus | undefined> {
    try {
      const { body } = await contractExchange<FormSubmissionStatus>(this.ex, `${this.base}/submissions/${encodeURIComponent(reference)}.json`, signal ? { signal } : {});
      if (typeof body.status !== 'string') throw new MalformedResponseError(200, 'a submission without status');
      return body;
    } catch (err) {
      if (err instanceof ContractError && err.status === 404) return undefined;
      throw err;
    }
  }
}
