import type { PropertyDeclaration, ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

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
  /** A disabled `<fieldset>` (or form) around the control disables it. */
  disabledByForm = false;
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

  /** What `formDisabledCallback` says. */
  formDisabled(disabled: boolean): void {
    // Reflecting `disabled` mid-update calls this synchronously, when a state change would be lost.
    queueMicrotask(() => {
      this.disabledByForm = disabled;
      this.host.requestUpdate();
    });
  }

  /**
   * The words of the `<label>`s outside that name the control (`<label for=its-id>`), or
   * `undefined`. They name the inner control then: ARIA references do not cross the shadow root.
   */
  outsideLabel(): string | undefined {
    const words = [...(this.internals.labels as NodeListOf<HTMLLabelElement>)].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    return words.filter(Boolean).join(' ') || undefined;
  }

  /** A form reset: no message shown until the next failed submit. */
  reset(): void {
    this.showValidity = false;
    this.committed();
    this.host.requestUpdate();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
type Constructor<T> = abstract new (...args: any[]) => T;

/** What {@link FormAssociated} adds to an element: the form surface of a native input. */
export interface FormAssociatedSurface {
  readonly form: HTMLFormElement | null;
  readonly labels: NodeList;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
  /** @internal The element's form controller; the element creates it. */
  readonly formControl: FormControlController;
}

/**
 * Makes a Lit element a form control with the surface of a native input, run by its
 * {@link FormControlController} (`formControl`, created by the element): `form`, `labels`,
 * `validity`, `validationMessage`, `willValidate`, `checkValidity()`, `reportValidity()` (which,
 * like an input's, moves focus to the control when invalid), `setCustomValidity()`, and
 * `formDisabledCallback` (read `formControl.disabledByForm`). Value and validity are synced on
 * every `requestUpdate`, so they never wait for a render. The element adds its own
 * `formResetCallback` and `formStateRestoreCallback`.
 */
export function FormAssociated<B extends Constructor<ReactiveElement>>(Base: B): Constructor<FormAssociatedSurface> & B {
  abstract class FormAssociatedElement extends Base implements FormAssociatedSurface {
    static formAssociated = true;
    abstract readonly formControl: FormControlController;

    get form(): HTMLFormElement | null {
      return this.formControl.internals.form;
    }
    /** The `<label>`s that name the control (`for` its id, or around it). */
    get labels(): NodeList {
      return this.formControl.internals.labels;
    }
    get validity(): ValidityState {
      return this.formControl.internals.validity;
    }
    get validationMessage(): string {
      return this.formControl.internals.validationMessage;
    }
    get willValidate(): boolean {
      return this.formControl.internals.willValidate;
    }
    checkValidity(): boolean {
      return this.formControl.internals.checkValidity();
    }
    /** When invalid: fires `invalid`, shows the message and moves focus to the control, as an input's does. */
    reportValidity(): boolean {
      const valid = this.formControl.internals.reportValidity();
      if (!valid) this.focus();
      return valid;
    }
    /** A message makes the control invalid (`customError`) with these words; `''` clears it. */
    setCustomValidity(message: string): void {
      this.formControl.setCustomValidity(message);
    }

    /** @internal */
    formDisabledCallback(disabled: boolean): void {
      this.formControl.formDisabled(disabled);
    }

    // Value and validity follow every change at once, not at the next render (as on native inputs).
    // The controller is not there yet while the element's own fields are being set up.
    override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
      super.requestUpdate(name, oldValue, options);
      (this.formControl as FormControlController | undefined)?.sync();
    }
  }
  return FormAssociatedElement;
}
