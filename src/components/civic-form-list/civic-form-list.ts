import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/headings.js';
import type { FormsBackend, FormSummary } from '../../api/forms/client.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { field, textInput } from '../../core/forms/field.js';
import { resolveFormsBackend } from '../../core/forms-backend.js';
import { fuzzyFilter } from '../../core/fuzzy.js';
import { registerMessages, type MessageKey } from '../../core/i18n.js';
import { formListMessages } from '../civic-form/list-strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

registerMessages(formListMessages);

declare global {
  interface HTMLElementTagNameMap {
    'civic-form-list': CivicFormList;
  }
}

const CATEGORY_KEYS: Record<string, MessageKey> = {
  permits: 'civicFormCategory_permits',
  taxes: 'civicFormCategory_taxes',
  contact: 'civicFormCategory_contact',
  youth: 'civicFormCategory_youth',
  meetings: 'civicFormCategory_meetings',
};

/**
 * The city's forms, by category, with a search that forgives typos and accents ("buidling
 * premit" finds "Building permit pre-application"): each form links to the page that holds its
 * `<civic-form>`. The search filters as the resident types and says how many forms match.
 *
 * @summary The city's forms catalog, by category, searchable.
 * @tagname civic-form-list
 *
 * @csspart search - The search field.
 * @csspart category - One category's section.
 * @csspart category-title - Its heading.
 * @csspart form-link - A form's link.
 * @csspart form-summary - A form's one-sentence summary.
 * @csspart error-panel - Shown when the catalog cannot be loaded, with a retry.
 *
 * @cssprop --civic-form-list-gap - Space between categories. Default `var(--civic-space-l)`.
 */
export class CivicFormList extends CivicElement {
  static override properties = {
    formsEndpoint: { attribute: 'forms-endpoint' },
    formsBackend: { attribute: false },
    hrefTemplate: { attribute: 'href-template' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    forms: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    query: { state: true, attribute: false },
  };

  static override styles = [
    ...(CivicElement.styles as []), formStyles,
    css`
      :host {
        display: block;
      }
      .category {
        margin-block: var(--civic-form-list-gap, var(--_civic-space-l, 1.5rem));
      }
      .category-title {
        font-size: var(--civic-font-size-l, 1.25rem);
        margin-block: 0 var(--_civic-space-s, 0.5rem);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        margin-block-end: var(--_civic-space-s, 0.5rem);
      }
      a {
        color: var(--civic-color-primary, #005ea2);
        font-weight: 700;
      }
      a:focus-visible {
        outline: 3px solid var(--civic-color-focus, #ffdd00);
        background: var(--civic-color-focus, #ffdd00);
        color: #0b0c0c;
      }
      .form-summary {
        margin: 0;
        color: var(--civic-color-muted, #505a5f);
      }
    `,
  ];

  /** Base URL of the forms contract (`/forms/v1`); overrides the hall's `forms-endpoint`. */
  formsEndpoint?: string;

  /** Any `FormsBackend`; wins over `forms-endpoint`. */
  formsBackend?: FormsBackend;

  /** Where a form lives: `{slug}` is filled in, e.g. `forms/{slug}.html`. Default `?form={slug}`. */
  hrefTemplate = '?form={slug}';

  /** The heading level of each category (1–6), to fit the page's outline. Default 2. */
  headingLevel = 2;

  private forms?: FormSummary[];
  private loadError?: unknown;
  private query = '';
  private readonly announcer = new AnnouncerController(this);
  private loaded?: { key: string; abort: AbortController };

  private source() {
    return resolveFormsBackend(this, this.hallConfig, this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.source();
    if (source && this.loaded?.key !== source.key) void this.load(source.key, source.backend);
  }

  private async load(key: string, backend: FormsBackend): Promise<void> {
    this.loaded?.abort.abort();
    const abort = new AbortController();
    this.loaded = { key, abort };
    this.loadError = undefined;
    try {
      const forms = await backend.catalog(abort.signal);
      if (!abort.signal.aborted) this.forms = forms;
    } catch (error) {
      if (!abort.signal.aborted) this.loadError = error;
    }
  }

  private categoryName(form: FormSummary): string {
    const key = CATEGORY_KEYS[form.category];
    return form.category_name || (key ? this.t(key) : this.t('civicFormCategory_other'));
  }

  private search(value: string): void {
    this.query = value;
    const count = this.found().length;
    this.announcer.announce(() => (value.trim() ? this.t('civicFormListCount', { count, query: value.trim() }) : ''));
  }

  private found(): FormSummary[] {
    return fuzzyFilter(this.forms ?? [], this.query, (f) => [f.title, f.summary, f.keywords, f.department, f.category_name].filter(Boolean).join(' '));
  }

  private renderForm(form: FormSummary): TemplateResult {
    const href = this.hrefTemplate.replaceAll('{slug}', encodeURIComponent(form.slug));
    return html`<li>
      <a href=${href} part="form-link">${form.title}</a>
      ${form.summary ? html`<p class="form-summary" part="form-summary">${form.summary}</p>` : nothing}
    </li>`;
  }

  private heading(textValue: string): unknown {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} class="category-title" part="category-title">${textValue}</${tag}>`;
  }

  protected override render(): unknown {
    const source = this.source();
    if (!source) return html`<p>${this.t('notConfigured')}</p>`;
    if (this.loadError) return errorPanel(this.t, this.loadError, () => void this.load(source.key, source.backend));
    if (!this.forms) return html`<p role="status">${this.t('loading')}</p>`;
    if (!this.forms.length) return html`<p>${this.t('civicFormListEmpty')}</p>`;
    const found = this.found();
    // Searching: best matches first, in one list; else by category, in catalog order.
    const groups = new Map<string, FormSummary[]>();
    if (!this.query.trim()) for (const f of found) groups.set(this.categoryName(f), [...(groups.get(this.categoryName(f)) ?? []), f]);
    return html`<div part="base">
      <search part="search">
        ${field(this.t, { id: 'form-search', label: this.t('civicFormListSearch'), hint: this.t('civicFormListSearchHint') }, (p) =>
          textInput(p, { type: 'search', value: this.query, spellcheck: false, onInput: (v) => this.search(v) }),
        )}
      </search>
      ${this.query.trim()
        ? found.length
          ? html`<ul class="results">${found.map((f) => this.renderForm(f))}</ul>`
          : html`<p>${this.t('civicFormListNone', { query: this.query.trim() })}</p>`
        : [...groups].map(([name, forms]) => html`<section class="category" part="category">${this.heading(name)}<ul>${forms.map((f) => this.renderForm(f))}</ul></section>`)}
      ${this.announcer.render()}
    </div>`;
  }
}
