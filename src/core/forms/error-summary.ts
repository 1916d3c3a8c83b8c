import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../headings.js';
import type { Translate } from '../i18n.js';

/** One problem to list: the id of the control (or fieldset) in the widget's shadow root, and what to do. */
export interface FieldError {
  id: string;
  /** Says what to do ("Enter a description"), and matches the inline message word for word. */
  message: string;
}

export interface CivicInvalidDetail {
  errors: readonly FieldError[];
}

declare global {
  interface HTMLElementEventMap {
    /**
     * A widget's form failed validation on submit and shows its error summary. Cancelable:
     * the default action prefixes `document.title` with "Error: " (GOV.UK); cancel it to set
     * the title yourself.
     */
    'civic-invalid': CustomEvent<CivicInvalidDetail>;
  }
}

type SummaryHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface ErrorSummaryOptions {
  /** Heading level of "There is a problem", to fit the page outline. Default 2. */
  headingLevel?: 2 | 3 | 4;
  /** Id prefix, when a widget shows more than one summary. Default `civic-error-summary`. */
  id?: string;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * GOV.UK error summary: after a failed submit, "There is a problem" and a list of links to
 * each field, at the top of the form: a group named by its heading. It takes focus when shown
 * (so it is read out, without `role="alert"`), and a link moves focus to its field with the field's label scrolled into
 * view. Fires `civic-invalid` (cancelable; the default prefixes the page title with "Error:").
 *
 * ```ts
 * private summary = new ErrorSummaryController(this);
 * onSubmit() { const errors = this.validate(); this.summary.show(errors, this.t); if (!errors.length) this.send(); }
 * render() { return html`${this.summary.render(this.t)}
 *   ${field(this.t, { id: 'description', label, error: this.summary.errorFor('description') }, …)}`; }
 * ```
 */
export class ErrorSummaryController implements ReactiveController {
  errors: readonly FieldError[] = [];
  readonly headingLevel: 2 | 3 | 4;
  readonly id: string;
  private focusPending = false;
  private titlePrefix?: string;

  constructor(
    private readonly host: SummaryHost,
    options: ErrorSummaryOptions = {},
  ) {
    this.headingLevel = options.headingLevel ?? 2;
    this.id = options.id ?? 'civic-error-summary';
    host.addController(this);
  }

  /**
   * Shows these errors (or hides the summary for an empty list), fires `civic-invalid` and
   * moves focus to the summary after the next render. `t` words the page-title prefix.
   */
  show(errors: readonly FieldError[], t?: Translate): void {
    this.errors = errors;
    if (errors.length) {
      this.focusPending = true;
      const proceed = this.host.dispatchEvent(
        new CustomEvent<CivicInvalidDetail>('civic-invalid', {
          detail: { errors },
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      if (proceed) this.prefixTitle(t ? t('errorTitlePrefix') : 'Error:');
    } else {
      this.restoreTitle();
    }
    this.host.requestUpdate();
  }

  clear(): void {
    this.show([]);
  }

  /** The message for one field, for its inline error. */
  errorFor(id: string): string | undefined {
    return this.errors.find((error) => error.id === id)?.message;
  }

  hostUpdated(): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    this.host.renderRoot.querySelector<HTMLElement>(`#${this.id}`)?.focus();
  }

  hostDisconnected(): void {
    this.restoreTitle();
  }

  render(t: Translate): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    const titleId = `${this.id}-title`;
    const title = t('errorSummaryTitle');
    const tag = headingTag(this.headingLevel);
    const heading = staticHtml`<${tag} class="civic-error-summary__title" id=${titleId}>${title}</${tag}>`;
    // A named group: when focus lands on it, screen readers say "There is a problem, group" before
    // the list (a div cannot carry a name). Not role="alert": the focus move already reads it.
    return html`<div class="civic-error-summary" id=${this.id} role="group" tabindex="-1" aria-labelledby=${titleId} part="error-summary">
      ${heading}
      <ul class="civic-error-summary__list">
        ${this.errors.map(
          (error) => html`<li><a href=${`#${error.id}`} @click=${(e: Event) => this.followLink(e, error.id)}>${error.message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  /**
   * The `href="#id"` would point at the document, where the id does not exist (it lives in the
   * shadow root): find the field here, bring its label into view and focus the control.
   */
  private followLink(event: Event, id: string): void {
    const root = this.host.renderRoot;
    const target = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!target) return;
    event.preventDefault();
    const control =
      target instanceof HTMLFieldSetElement
        ? (target.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]') ?? target)
        : target;
    const label =
      root.querySelector<HTMLElement>(`label[for="${CSS.escape(control.id)}"]`) ??
      target.closest('fieldset')?.querySelector<HTMLElement>('legend') ??
      control;
    label.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    control.focus({ preventScroll: true });
  }

  private prefixTitle(prefix: string): void {
    if (this.titlePrefix !== undefined) return;
    const withSpace = `${prefix} `;
    if (!document.title.startsWith(withSpace)) {
      document.title = withSpace + document.title;
      this.titlePrefix = withSpace;
    }
  }

  private restoreTitle(): void {
    if (this.titlePrefix === undefined) return;
    if (document.title.startsWith(this.titlePrefix)) document.title = document.title.slice(this.titlePrefix.length);
    this.titlePrefix = undefined;
  }
}
