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
 * What to say: a string, or a function that words it, called again at each render of the host,
 * so a message in the region follows a live language switch (`() => this.t('key', params)`).
 */
export type Announcement = string | (() => string);

/**
 * A polite live region inside the widget's shadow root, for news that does not move focus:
 * "12 services found", "Draft saved", "Loading…". Render `announcer.render()` once, anywhere
 * in the template (it is visually hidden), and call `announcer.announce(text)`.
 *
 * ```ts
 * private announcer = new AnnouncerController(this);
 * render() { return html`${this.announcer.render()} …`; }
 * this.announcer.announce(() => this.t('serviceListCount', { count: services.length }));
 * ```
 */
export class AnnouncerController implements ReactiveController {
  private said: Announcement = '';
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

  /** What the region says now, in the host's current language when it was given as a function. */
  get message(): string {
    return typeof this.said === 'function' ? this.said() : this.said;
  }

  /** Announces `message`; resolves once it is in the live region. */
  announce(message: Announcement): Promise<void> {
    clearTimeout(this.timer);
    this.pending?.();
    this.said = '';
    this.host.requestUpdate();
    return new Promise((resolve) => {
      this.pending = resolve;
      this.timer = setTimeout(async () => {
        this.said = message;
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
    this.said = '';
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="civic-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
