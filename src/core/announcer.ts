import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export interface AnnouncerOptions {
  /**
   * Milliseconds between clearing the region and writing the message. Screen readers skip a
   * live region change they consider a repeat; clearing first makes the same words speak again.
   * Default 100.
   */
  gap?: number;
}

/**
 * A polite live region inside the widget's shadow root, for news that does not move focus:
 * "12 services found", "Draft saved", "Loading…". Render `announcer.render()` once, anywhere
 * in the template (it is visually hidden), and call `announcer.announce(text)`.
 *
 * ```ts
 * private announcer = new AnnouncerController(this);
 * render() { return html`${this.announcer.render()} …`; }
 * this.announcer.announce(this.t('serviceListCount', { count: services.length }));
 * ```
 */
export class AnnouncerController implements ReactiveController {
  /** What the region says now. */
  message = '';
  private readonly gap: number;
  private timer?: ReturnType<typeof setTimeout>;
  private pending?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: AnnouncerOptions = {},
  ) {
    this.gap = options.gap ?? 100;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.pending?.();
    this.pending = undefined;
  }

  /** Announces `message`; resolves once it is in the live region. */
  announce(message: string): Promise<void> {
    clearTimeout(this.timer);
    this.pending?.();
    this.message = '';
    this.host.requestUpdate();
    return new Promise((resolve) => {
      this.pending = resolve;
      this.timer = setTimeout(async () => {
        this.message = message;
        this.host.requestUpdate();
        await this.host.updateComplete;
        this.pending = undefined;
        resolve();
      }, this.gap);
    });
  }

  /** Empties the region without announcing anything. */
  clear(): void {
    clearTimeout(this.timer);
    this.pending?.();
    this.pending = undefined;
    this.message = '';
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="civic-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
