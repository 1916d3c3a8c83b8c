import type { CivicConfig } from '../context.js';

/**
 * The `<civic-hall>`'s context key (`civicConfigContext` in core/context.ts is made from it):
 * every widget asks for it with the Context Community Protocol's events itself (`HallLink`), so
 * none loads `@lit/context`'s consumer, and the plain widgets load no Lit at all.
 */
export const HALL_CONTEXT = 'civic-elements:config';

/**
 * An element's link to the nearest `<civic-hall>` above it (across shadow roots). `connect()`
 * asks with a `context-request` event; the hall answers at once and again on every change, each
 * time calling `onConfig`. Unanswered, it asks again when a hall announces itself
 * (`context-provider`: a hall whose code arrives after the element's).
 */
export class HallLink {
  /** The hall's configuration; `undefined` outside a hall and after `disconnect()`. */
  config?: CivicConfig;
  private leave?: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly onConfig: (config: CivicConfig) => void,
  ) {}

  readonly connect = (): void => {
    let answered = false;
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: HALL_CONTEXT,
      contextTarget: this.host,
      subscribe: true,
      callback: (config: CivicConfig, unsubscribe?: () => void) => {
        answered = true;
        // A closer hall took this element over: leave the old one.
        if (this.leave !== unsubscribe) this.leave?.();
        this.leave = unsubscribe;
        this.config = config;
        this.onConfig(config);
      },
    });
    this.host.dispatchEvent(request);
    if (answered) document.removeEventListener('context-provider', this.onHall);
    else if (this.host.isConnected) document.addEventListener('context-provider', this.onHall);
  };

  /** Leaves the hall and forgets its configuration (a new hall, if any, answers on reconnect). */
  disconnect(): void {
    document.removeEventListener('context-provider', this.onHall);
    this.leave?.();
    this.leave = undefined;
    this.config = undefined;
  }

  private readonly onHall = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context === HALL_CONTEXT) this.connect();
  };
}
