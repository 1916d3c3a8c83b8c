import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/headings.js';
import type { Service } from '../../api/types.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { serviceListStyles } from './civic-service-list.styles.js';

/** Detail of `civic-service-select`. */
export interface CivicServiceSelectDetail {
  serviceCode: string;
  service: Service;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-service-list': CivicServiceList;
  }
  interface HTMLElementEventMap {
    'civic-service-select': CustomEvent<CivicServiceSelectDetail>;
  }
}

interface ServiceGroup {
  name: string;
  services: Service[];
}

/**
 * The services a resident can report, grouped as the backend groups them: a city's
 * "what can I report?" page, straight from its Open311 server.
 *
 * @summary Directory of the 311 services an Open311 backend offers.
 * @tagname civic-service-list
 *
 * @fires {CustomEvent<CivicServiceSelectDetail>} civic-service-select - A service link was
 * followed (only with `report-url`). Cancelable: call `preventDefault()` to handle it in page
 * (e.g. open a `<civic-service-request>`) instead of navigating.
 *
 * @csspart title - The heading above the list.
 * @csspart group - One group of services (a `section`).
 * @csspart group-title - A group's heading.
 * @csspart service - One service (a list item).
 * @csspart error-panel - Shown when the backend cannot be reached, with a retry button.
 * @csspart retry-button - The "Try again" button.
 *
 * @cssprop --civic-service-list-gap - Space between groups and columns. Default `var(--civic-space-m)`.
 * @cssprop --civic-service-list-column-width - Narrowest column of services. Default `16rem`.
 */
export class CivicServiceList extends CivicElement {
  static override styles = [...(CivicElement.styles as []), serviceListStyles];

  /** Level of the list's heading (1–6); group headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Link each service to this URL, with `{service_code}` replaced, e.g.
   * `/report.html?service={service_code}`. Without it services are listed as text.
   */
  @property({ attribute: 'report-url' }) reportUrl?: string;

  /** Show only these service codes (space or comma separated). */
  @property({ attribute: 'service-codes' }) serviceCodes?: string;

  @state() private services?: Service[];
  @state() private loadError?: unknown;
  private loadId = 0;
  private readonly announcer = new AnnouncerController(this);

  protected override configChanged(): void {
    void this.load();
  }

  /** Loads (again) the backend's services. Stale answers from an earlier backend are dropped. */
  async load(): Promise<void> {
    const id = ++this.loadId;
    const backend = this.backend;
    this.services = undefined;
    this.loadError = undefined;
    if (!backend) return;
    try {
      const services = await backend.services();
      if (id !== this.loadId) return;
      this.services = services;
      const count = this.visible().length;
      this.announcer.announce(() => this.t('serviceListCount', { count }));
    } catch (error) {
      if (id === this.loadId) this.loadError = error;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 5) this.headingLevel = 2;
  }

  private visible(): Service[] {
    const only = this.serviceCodes?.split(/[\s,]+/).filter(Boolean);
    const all = this.services ?? [];
    return only?.length ? all.filter((s) => only.includes(s.service_code)) : all;
  }

  private groups(): ServiceGroup[] {
    const other = this.t('serviceListOtherGroup');
    const byName = new Map<string, Service[]>();
    for (const s of this.visible()) {
      const name = s.group ?? other;
      byName.set(name, [...(byName.get(name) ?? []), s]);
    }
    const collator = new Intl.Collator(this.locale);
    return [...byName]
      .map(([name, services]) => ({ name, services: services.sort((a, b) => collator.compare(a.service_name, b.service_name)) }))
      .sort((a, b) => (a.name === other ? 1 : b.name === other ? -1 : collator.compare(a.name, b.name)));
  }

  private linkFor(service: Service): string | undefined {
    return this.reportUrl?.replaceAll('{service_code}', encodeURIComponent(service.service_code));
  }

  private onSelect(event: MouseEvent, service: Service): void {
    const proceed = this.emit('civic-service-select', { serviceCode: service.service_code, service }, { cancelable: true });
    if (!proceed) event.preventDefault();
  }

  private renderService(service: Service): TemplateResult {
    const href = this.linkFor(service);
    return html`<li part="service" data-service-code=${service.service_code}>
      ${href
        ? html`<a class="name" href=${href} @click=${(e: MouseEvent) => this.onSelect(e, service)}>${service.service_name}</a>`
        : html`<span class="name">${service.service_name}</span>`}
      ${service.description ? html`<p class="description">${service.description}</p>` : nothing}
    </li>`;
  }

  private renderBody(): unknown {
    if (this.loadError) return errorPanel(this.t, this.loadError, () => void this.load());
    if (!this.services) return this.backend ? html`<p role="status">${this.t('serviceListLoading')}</p>` : nothing;
    const groups = this.groups();
    if (groups.length === 0) return html`<p>${this.t('serviceListEmpty')}</p>`;
    const groupHeading = headingTag(this.headingLevel + 1);
    return html`<p class="count">${this.t('serviceListCount', { count: this.visible().length })}</p>
      ${groups.map(
        (g) => staticHtml`<section class="group" part="group">
          <${groupHeading} class="group-title" part="group-title">${g.name}</${groupHeading}>
          <ul>${g.services.map((s) => this.renderService(s))}</ul>
        </section>`,
      )}`;
  }

  protected override render(): unknown {
    const heading = headingTag(this.headingLevel);
    return staticHtml`<${heading} class="title" part="title">${this.t('serviceListTitle')}</${heading}>
      ${this.renderBody()}
      ${this.announcer.render()}`;
  }
}
