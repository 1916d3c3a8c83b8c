import { AlertsClient } from '../../api/alerts/client.js';
import type { CivicAlert } from '../../api/alerts/types.js';

/** Polling bounds of the banner (seconds): often enough for an emergency, gentle on the city's server. */
export const MIN_POLL_SECONDS = 60;
export const MAX_POLL_SECONDS = 120;

export function clampPollSeconds(value: number): number {
  if (!Number.isFinite(value)) return 90;
  return Math.min(MAX_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, value));
}

export interface FeedsCallbacks {
  /** A feed's messages, after a read that brought something new. */
  onAlerts(url: string, alerts: CivicAlert[]): void;
  onError(url: string, error: unknown): void;
}

/**
 * Reads a set of alert feeds now and then again every `interval` seconds, revalidating each with
 * its last ETag, and not at all while the page is hidden (a background tab reads again as soon
 * as it is shown). A feed that fails keeps its last messages: an alert does not vanish because
 * one read was lost. Its host calls `connect()` and `disconnect()` from its own callbacks.
 */
export class AlertFeedsController {
  client = new AlertsClient();
  private urls: string[] = [];
  private intervalMs = 90_000;
  private readonly etags = new Map<string, string>();
  private timer?: ReturnType<typeof setTimeout>;
  private connected = false;
  private reading?: AbortController;

  constructor(private readonly callbacks: FeedsCallbacks) {}

  /** Which feeds to read and how often; reads at once when the feeds changed. */
  configure(urls: string[], intervalSeconds: number): void {
    this.intervalMs = clampPollSeconds(intervalSeconds) * 1000;
    const changed = urls.join('\n') !== this.urls.join('\n');
    this.urls = urls;
    if (changed) {
      for (const url of [...this.etags.keys()]) if (!urls.includes(url)) this.etags.delete(url);
      if (this.connected) void this.refresh();
    } else if (this.connected && this.timer !== undefined) {
      this.schedule();
    }
  }

  /** Reads every feed now (also what each poll does), then schedules the next poll. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.reading?.abort();
    const reading = new AbortController();
    this.reading = reading;
    await Promise.all(
      this.urls.map(async (url) => {
        try {
          const etag = this.etags.get(url);
          const result = await this.client.read(url, { ...(etag ? { etag } : {}), signal: reading.signal });
          if (reading.signal.aborted) return;
          if (result.etag) this.etags.set(url, result.etag);
          if (result.modified) this.callbacks.onAlerts(url, result.alerts);
        } catch (error) {
          if (!reading.signal.aborted) this.callbacks.onError(url, error);
        }
      }),
    );
    if (this.reading === reading) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.connected || this.urls.length === 0 || document.hidden) return;
    this.timer = setTimeout(() => void this.refresh(), this.intervalMs);
  }

  private readonly onVisibility = () => {
    if (document.hidden) {
      clearTimeout(this.timer);
      this.timer = undefined;
    } else if (this.urls.length > 0) {
      void this.refresh();
    }
  };

  connect(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.urls.length > 0) void this.refresh();
  }

  disconnect(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.reading?.abort();
  }
}
