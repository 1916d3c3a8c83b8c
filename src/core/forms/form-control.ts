import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A control's own problem: the validity flags it raises and the message that says what to do. */
export interface ControlProblem {
  flags: ValidityStateFlags;
  message: string;
}

export interface FormControlOptions {
  /** What the form submits for the control now (`null`: nothing), and the state to restore it from. */
  formValue(): FormData | string | null;
  /** The control's own problem now (required and empty, out of range…), or `undefined`. */
  problem(): ControlProblem | undefined;
  /** The inner element `reportValidity()` and a blocked submit focus, and the browser's message points at. */
  anchor(): HTMLElement | undefined;
  /** A key for the value, to tell whether it changed since the last `change` event. */
  valueKey(): string;
}

type FormControlHost = ReactiveControllerHost & HTMLElement;

/**
 * Form association of a custom element, exactly like a native input (after Material's
 * `constraint-validation` and Shoelace's `FormControlController`):
 *
 * - `sync()` sets the form value and validity **synchronously**. Call it whenever anything they
 *   depend on changes — simplest from the host's `requestUpdate` override — so that
 *   `el.value = …; el.checkValidity()` or `new FormData(form)` right after an edit see the new
 *   value, not the one of the last render.
 * - `setCustomValidity(message)` raises `customError` on top of the control's own flags and its
 *   message wins, as on `<input>`; `''` clears it (a control may raise `customError` for a rule
 *   of its own too, which that does not clear).
 * - `input()` and `change()` dispatch `input` and `change` from the host, bubbling and composed
 *   (a native `change` does not leave a shadow root); `change()` only when the value differs from
 *   the one at the last `change`, `committed()` or reset, like a native text field.
 * - `showValidity` turns true when the form or `reportValidity()` found the control invalid
 *   (the `invalid` event): the host then shows the message inline.
 */
export class FormControlController implements ReactiveController {
  readonly internals: ElementInternals;
  /** The form or `reportValidity()` found the control invalid since the last reset. */
  showValidity = false;
  private custom = '';
  private lastChange = '';
  private syncing = false;

  constructor(
    private readonly host: FormControlHost,
    private readonly options: FormControlOptions,
  ) {
    this.internals = host.attachInternals();
    host.addEventListener('invalid', () => {
      this.showValidity = true;
      host.requestUpdate();
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.lastChange = this.options.valueKey();
    this.sync();
  }

  /** After a render: the anchor may be new. */
  hostUpdated(): void {
    this.sync();
  }

  /** The message of `setCustomValidity`, `''` when none. */
  get customMessage(): string {
    return this.custom;
  }

  setCustomValidity(message: string): void {
    this.custom = String(message ?? '');
    this.sync();
    this.host.requestUpdate();
  }

  /** Sets the form value and validity from the control's state, now. */
  sync(): void {
    // `setFormValue` may run form callbacks that set properties, which would call back here.
    if (this.syncing) return;
    this.syncing = true;
    try {
      const value = this.options.formValue();
      this.internals.setFormValue(value, value);
      const problem = this.options.problem();
      const flags: ValidityStateFlags = { ...problem?.flags, ...(this.custom ? { customError: true } : {}) };
      const message = this.custom || problem?.message || '';
      if (Object.values(flags).some(Boolean)) this.internals.setValidity(flags, message, this.options.anchor());
      else this.internals.setValidity({});
    } finally {
      this.syncing = false;
    }
  }

  /** Fires `input` from the host (an edit that did not come from typing in the inner input). */
  input(): void {
    this.host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  /** Fires `change` from the host if the value differs from the one at the last `change`. */
  change(): void {
    const key = this.options.valueKey();
    if (key === this.lastChange) return;
    this.lastChange = key;
    this.host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** The value now is the baseline for `change` (set by script, restored, reset): no event. */
  committed(): void {
    this.lastChange = this.options.valueKey();
  }

  /** A form reset: no message shown until the next failed submit. */
  reset(): void {
    this.showValidity = false;
    this.committed();
    this.host.requestUpdate();
  }
}
