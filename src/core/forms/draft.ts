import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deleteDraft, loadDraft, saveDraft } from '../storage/drafts.js';

/** What every multi-step form keeps in its draft besides its own answers. */
export interface FlowDraft<S extends string = string> {
  /** The step the resident is on. */
  step: S;
  /** Set by a "Change" link on the check-answers step: the next Continue goes back there. */
  returnToReview?: boolean;
  /** One key per submission, reused by retries and resends (`Idempotency-Key`). */
  idempotencyKey?: string;
  /** The fingerprint of what the key was made for: a changed form gets a new key. */
  idempotencyFor?: string;
}

export interface DraftOptions<D> {
  /** The IndexedDB key; read when restoring and on every save. */
  key(): string;
  empty(): D;
  /** Rebuilds a draft from what was stored (older shapes, missing fields). Default: `{ ...empty(), ...stored }`. */
  revive?(stored: Partial<D>): D;
  /** A draft that must not be stored (e.g. on the confirmation step). */
  keep?(draft: D): boolean;
  /** Milliseconds of quiet before a change is written. Default 150. */
  delay?: number;
}

/**
 * A form's draft: the value the widget renders from, restored from IndexedDB on first use,
 * written shortly after each change and at once when the widget leaves the page, so a reload
 * or a dropped tab loses nothing.
 */
export class DraftController<D extends FlowDraft> implements ReactiveController {
  value: D;
  /** True once `restore()` has run (found a draft or not). */
  restored = false;
  private timer?: ReturnType<typeof setTimeout>;
  private dirty = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftOptions<D>,
  ) {
    this.value = options.empty();
    host.addController(this);
  }

  /** Loads the stored draft, if any; true when one was found. */
  async restore(): Promise<boolean> {
    const stored = await loadDraft<Partial<D>>(this.options.key());
    if (stored) this.value = this.options.revive ? this.options.revive(stored.value) : { ...this.options.empty(), ...stored.value };
    this.restored = true;
    this.host.requestUpdate();
    return stored !== undefined;
  }

  /** Replaces part of the draft, re-renders and schedules a save. */
  patch(changes: Partial<D>): void {
    this.value = { ...this.value, ...changes };
    this.host.requestUpdate();
    this.schedule();
  }

  /** Replaces the whole draft (start over, after sending). */
  replace(value: D): void {
    this.value = value;
    this.host.requestUpdate();
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.dirty = true;
    this.timer = setTimeout(() => void this.saveNow(), this.options.delay ?? 150);
  }

  async saveNow(): Promise<void> {
    clearTimeout(this.timer);
    this.dirty = false;
    if (this.options.keep && !this.options.keep(this.value)) return;
    await saveDraft(this.options.key(), this.value);
  }

  /** Forgets the stored draft and starts from `next` (default: empty). */
  async discard(next: D = this.options.empty()): Promise<void> {
    clearTimeout(this.timer);
    this.dirty = false;
    this.value = next;
    this.host.requestUpdate();
    await deleteDraft(this.options.key());
  }

  hostDisconnected(): void {
    // A pending write happens now: the page may be going away.
    if (this.dirty) void this.saveNow();
  }
}
