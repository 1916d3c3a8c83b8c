import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftController, FlowDraft } from './draft.js';

export interface SubmitOptions {
  draft: DraftController<FlowDraft>;
  /**
   * Puts a refusal's field errors on their steps; true when it did (the server refused the
   * submission, so nothing was created and the next try is a new submission).
   */
  placeErrors(error: unknown): boolean;
  /** Tells the resident the send failed (a live region); called with nothing to place. */
  onFailed?(error: unknown): void;
  /**
   * Sends again, the way the resident's Send button does, when the device is back online after
   * an offline failure and the submission has not changed since. Without it, nothing is resent.
   */
  resend?(): void;
}

const newKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Sending a form: one submission at a time (a double click does nothing), an idempotency key
 * kept in the draft so a retry or a resend never files twice (and a new one when what is sent
 * changed), field errors routed to their steps, and, when the device is offline, the same
 * submission sent again by itself once it is back online. What the resident typed stays in
 * the draft until the backend has it.
 */
export class SubmitController<R> implements ReactiveController {
  sending = false;
  /** The last failure that was not about a field (network, timeout, server down…). */
  error?: unknown;
  private retry?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SubmitOptions,
  ) {
    host.addController(this);
  }

  /**
   * Runs `run(idempotencyKey)`; resolves its result, or `undefined` when it failed (then
   * `error` is set, or the field errors were placed). `fingerprint` identifies what would be
   * sent (see `submissionFingerprint`): the key is kept only while it is the same.
   */
  async send(run: (idempotencyKey: string) => Promise<R>, fingerprint?: () => Promise<string>): Promise<R | undefined> {
    this.stopWaitingForOnline();
    if (this.sending) return undefined;
    this.sending = true;
    this.error = undefined;
    this.host.requestUpdate();
    const draft = this.options.draft;
    const print = fingerprint ? await fingerprint() : undefined;
    if (!draft.value.idempotencyKey || draft.value.idempotencyFor !== print) draft.patch({ idempotencyKey: newKey(), idempotencyFor: print });
    await draft.saveNow();
    try {
      return await run(draft.value.idempotencyKey!);
    } catch (error) {
      if (this.options.placeErrors(error)) {
        draft.patch({ idempotencyKey: undefined, idempotencyFor: undefined });
      } else {
        this.error = error;
        this.options.onFailed?.(error);
        if ((error as { kind?: string } | null)?.kind === 'network') {
          // Back online, the same submission goes by itself, unless the resident has changed it since.
          this.retry = () =>
            void (async () => {
              if (print === undefined || (await fingerprint!()) === print) this.options.resend?.();
            })();
          window.addEventListener('online', this.retry, { once: true });
        }
      }
      return undefined;
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets a failure (start over). */
  reset(): void {
    this.stopWaitingForOnline();
    this.error = undefined;
    this.host.requestUpdate();
  }

  private stopWaitingForOnline(): void {
    if (this.retry) window.removeEventListener('online', this.retry);
    this.retry = undefined;
  }

  hostDisconnected(): void {
    this.stopWaitingForOnline();
  }
}
