import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translate } from '../i18n.js';
import type { DraftController, FlowDraft } from './draft.js';
import type { ErrorSummaryController, FieldError } from './error-summary.js';

/** A problem on a step: where it is shown (a control id in the shadow root) and on which step. */
export interface StepError<S extends string = string> extends FieldError {
  step: S;
}

type FlowHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface FlowOptions<S extends string> {
  draft: DraftController<FlowDraft<S>>;
  summary: ErrorSummaryController;
  /** The steps in use now, in order (conditions decide which appear), ending with the check-answers step. */
  steps(): readonly S[];
  /** The check-answers step: where "Change" returns to. */
  review: S;
  t(): Translate;
  /** Steps whose Continue goes on in order even after a "Change" (e.g. one that can add a step). */
  continueInOrder?: readonly S[];
}

/**
 * The order of a multi-step form: Continue validates the step and moves to the next one in
 * use, Back to the previous one, "Change" on the check-answers step opens a step and returns
 * there on Continue. Server errors wait on the step of the field they name and show in its
 * error summary when the resident gets there. When a step opens without errors, its heading
 * (`#step-title`) takes focus, so a screen reader starts there.
 */
export class FormFlowController<S extends string> implements ReactiveController {
  /** Server errors waiting on their steps. */
  pending: StepError<S>[] = [];
  private focusHeading = false;

  constructor(
    private readonly host: FlowHost,
    private readonly options: FlowOptions<S>,
  ) {
    host.addController(this);
  }

  get step(): S {
    return this.options.draft.value.step;
  }

  /** Opens a step: its waiting server errors in the summary, or focus on its heading. */
  go(step: S): void {
    const waiting = this.pending.filter((e) => e.step === step);
    this.options.draft.patch({ step } as Partial<FlowDraft<S>>);
    const summary = this.options.summary;
    summary.errors = [];
    if (waiting.length) summary.show(waiting, this.options.t());
    else summary.clear();
    this.focusHeading = waiting.length === 0;
  }

  /** Continue from a valid step. */
  next(from: S): void {
    if (this.options.draft.value.returnToReview && !this.options.continueInOrder?.includes(from)) {
      this.options.draft.patch({ returnToReview: false });
      this.go(this.options.review);
      return;
    }
    const steps = this.options.steps();
    this.go(steps[steps.indexOf(from) + 1] ?? this.options.review);
  }

  back(from: S): void {
    const steps = this.options.steps();
    this.options.draft.patch({ returnToReview: false });
    this.go(steps[Math.max(0, steps.indexOf(from) - 1)] ?? steps[0]!);
  }

  /** A "Change" link on the check-answers step. */
  change(step: S): void {
    this.options.draft.patch({ returnToReview: true });
    this.go(step);
  }

  /**
   * Handles a step's submit: errors show in the summary (which takes focus); none runs
   * `proceed` (usually `() => this.flow.next(step)`). The step's waiting server errors are
   * dropped: the resident has answered them.
   */
  submitStep(event: Event, step: S, errors: readonly StepError<S>[], proceed: () => void): void {
    event.preventDefault();
    this.pending = this.pending.filter((e) => e.step !== step);
    if (errors.length) {
      this.options.summary.show(errors, this.options.t());
      return;
    }
    this.options.summary.clear();
    proceed();
  }

  /** Server errors on fields: each waits on its step, and the first step with one opens. */
  placeServerErrors(errors: readonly StepError<S>[]): void {
    this.pending = [...errors];
    const first = errors[0];
    if (!first) return;
    if (first.step === this.step) this.options.summary.show(errors.filter((e) => e.step === first.step), this.options.t());
    else this.go(first.step);
  }

  /** Clears waiting errors and the summary, and focuses the heading of whatever renders next. */
  reset(): void {
    this.pending = [];
    this.options.summary.clear();
    this.focusHeading = true;
  }

  /** Focuses the current step's heading after the next render. */
  focus(): void {
    this.focusHeading = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }
}
