import { contractExchange, type ContractExchange } from '../contract-http.js';
import { ContractError, MalformedResponseError } from '../errors.js';
import type {
  NotifyConfirmResponse,
  NotifyFollow,
  NotifyFollowRequest,
  NotifyLanguage,
  NotifyPendingResponse,
  NotifySubscriptionRequest,
  NotifySubscriptionUpdate,
  NotifySubscriptionView,
  NotifyTopicsResponse,
} from './types.js';

export { notifyTokenProblem, type NotifyTokenProblem } from './token-problem.js';

/**
 * What the notification widgets need from a backend. `NotifyClient` speaks the civic-elements
 * contract (`/notify/v1`); a city whose vendor (govDelivery, a CivicPlus site…) speaks something
 * else implements this instead and passes it as a widget's (or `<civic-hall>`'s) `notifyBackend`.
 */
export interface NotifyBackend {
  /** The topics residents can follow, grouped, with the channels and the SMS consent text. */
  topics(signal?: AbortSignal): Promise<NotifyTopicsResponse>;
  /** Asks for a subscription; always "pending" (the same answer whether the address is known or not). */
  subscribe(input: NotifySubscriptionRequest, options?: { signal?: AbortSignal }): Promise<NotifyPendingResponse>;
  /** Confirms a link's token; rejects with a {@link ContractError} whose {@link notifyTokenProblem} says why not. */
  confirm(token: string): Promise<NotifyConfirmResponse>;
  /** Sends the confirmation again (a new link, or a new text); always accepted. */
  resend(to: { email: string } | { phone: string }, language: NotifyLanguage): Promise<void>;
  /** The subscription a manage link stands for; `undefined` when the token is unknown. */
  subscription(manageToken: string, signal?: AbortSignal): Promise<NotifySubscriptionView | undefined>;
  /** Changes topics, area, channels or frequency; answers the subscription as it now is. */
  update(manageToken: string, changes: NotifySubscriptionUpdate): Promise<NotifySubscriptionView>;
  /** Leaves one topic or one follow, or (with neither) everything; answers what is left. */
  unsubscribe(manageToken: string, what?: { topic: string } | { follow: NotifyFollow }): Promise<NotifySubscriptionView>;
  /** Follows one request (double opt-in like a subscription). */
  follow(input: NotifyFollowRequest): Promise<NotifyPendingResponse>;
  /** The same backend answering in another language, when it can. */
  withLanguage?(language: string): NotifyBackend;
}

export interface NotifyClientOptions {
  /** Base URL of the contract, e.g. `https://city.example/notify/v1`. */
  endpoint: string;
  /** Language for the server's words (`Accept-Language`, `?lang=`). */
  language?: string;
  timeout?: number;
  fetch?: typeof fetch;
}

/** Client of the civic-elements notifications contract (`/notify/v1`). No DOM; runs in any browser or Node. */
export class NotifyClient implements NotifyBackend {
  private readonly base: string;
  private readonly ex: ContractExchange;

  constructor(options: NotifyClientOptions) {
    this.base = options.endpoint.replace(/\/+$/, '');
    this.ex = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeout: options.timeout ?? 20_000,
      ...(options.language ? { language: options.language } : {}),
    };
  }

  /** The same client speaking another language. */
  withLanguage(language: string): NotifyClient {
    return new NotifyClient({ endpoint: this.base, language, timeout: this.ex.timeout, fetch: this.ex.fetch });
  }

  private manageUrl(token: string, rest = '.json'): string {
    return `${this.base}/manage/${encodeURIComponent(token)}${rest}`;
  }

  async topics(signal?: AbortSignal): Promise<NotifyTopicsResponse> {
    const lang = this.ex.language ? `?lang=${encodeURIComponent(this.ex.language.split('-')[0]!)}` : '';
    const { body } = await contractExchange<NotifyTopicsResponse>(this.ex, `${this.base}/topics.json${lang}`, signal ? { signal } : {});
    if (!Array.isArray(body.topics) || !Array.isArray(body.groups) || !Array.isArray(body.channels)) {
      throw new MalformedResponseError(200, 'topics without groups, topics or channels');
    }
    return body;
  }

  async subscribe(input: NotifySubscriptionRequest, options: { signal?: AbortSignal } = {}): Promise<NotifyPendingResponse> {
    const { body } = await contractExchange<NotifyPendingResponse>(this.ex, `${this.base}/subscriptions.json`, {
      method: 'POST',
      body: input,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return body;
  }

  async confirm(token: string): Promise<NotifyConfirmResponse> {
    const { body } = await contractExchange<NotifyConfirmResponse>(this.ex, `${this.base}/confirm.json`, { method: 'POST', body: { token } });
    if (typeof body.manage_token !== 'string') throw new MalformedResponseError(200, 'a confirmation without a manage token');
    return body;
  }

  async resend(to: { email: string } | { phone: string }, language: NotifyLanguage): Promise<void> {
    await contractExchange(this.ex, `${this.base}/resend.json`, { method: 'POST', body: { ...to, language } });
  }

  async subscription(manageToken: string, signal?: AbortSignal): Promise<NotifySubscriptionView | undefined> {
    try {
      const { body } = await contractExchange<NotifySubscriptionView>(this.ex, this.manageUrl(manageToken), signal ? { signal } : {});
      if (!Array.isArray(body.topics)) throw new MalformedResponseError(200, 'a subscription without topics');
      return body;
    } catch (err) {
      if (err instanceof ContractError && err.status === 404) return undefined;
      throw err;
    }
  }

  async update(manageToken: string, changes: NotifySubscriptionUpdate): Promise<NotifySubscriptionView> {
    const { body } = await contractExchange<NotifySubscriptionView>(this.ex, this.manageUrl(manageToken), { method: 'PUT', body: changes });
    return body;
  }

  async unsubscribe(manageToken: string, what?: { topic: string } | { follow: NotifyFollow }): Promise<NotifySubscriptionView> {
    const { body } = await contractExchange<NotifySubscriptionView>(this.ex, this.manageUrl(manageToken, '/unsubscribe.json'), { method: 'POST', body: what ?? {} });
    return body;
  }

  async follow(input: NotifyFollowRequest): Promise<NotifyPendingResponse> {
    const { body } = await contractExchange<NotifyPendingResponse>(this.ex, `${this.base}/follows.json`, { method: 'POST', body: input });
    return body;
  }
}
