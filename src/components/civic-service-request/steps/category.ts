import { html, nothing, type TemplateResult } from 'lit';
import type { Service } from '../../../api/types.js';
import { errorPanel } from '../../../core/forms/error-panel.js';
import { errorId } from '../../../core/forms/ids.js';
import { searchServices } from '../search.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';
import type { EmergencyMode } from '../emergency.js';

export interface CategoryStep extends StepContext {
  services?: Service[];
  loadError?: unknown;
  featured: readonly string[];
  selected?: string;
  query: string;
  emergencyNotice: string | undefined;
  /** An emergency in force: its alert above the categories, its group first. */
  emergencyMode?: EmergencyMode;
  onQuery(query: string): void;
  onSelect(code: string): void;
  onRetry(): void;
  onSubmit(e: Event): void;
}

interface Group {
  name: string;
  services: Service[];
}

/** Featured first (in the configured order), then the backend's groups, alphabetically. */
function groups(ctx: CategoryStep, list: Service[]): Group[] {
  const other = ctx.t('serviceListOtherGroup');
  const featured = ctx.query ? [] : ctx.featured.flatMap((code) => list.filter((s) => s.service_code === code));
  const rest = list.filter((s) => !featured.includes(s));
  const byName = new Map<string, Service[]>();
  for (const s of rest) byName.set(s.group ?? other, [...(byName.get(s.group ?? other) ?? []), s]);
  const collator = new Intl.Collator(ctx.locale);
  // While searching, the best match leads; otherwise groups and services are alphabetical.
  const named = [...byName].map(([name, services]) => ({
    name,
    services: ctx.query ? services : services.sort((a, b) => collator.compare(a.service_name, b.service_name)),
  }));
  if (!ctx.query) named.sort((a, b) => (a.name === other ? 1 : b.name === other ? -1 : collator.compare(a.name, b.name)));
  // During an emergency its storm categories lead, before anything featured.
  const storm = ctx.emergencyMode && !ctx.query ? named.findIndex((g) => g.name === ctx.emergencyMode!.group) : -1;
  if (storm >= 0) return [named[storm]!, ...(featured.length ? [{ name: ctx.t('requestFeatured'), services: featured }] : []), ...named.filter((_, i) => i !== storm)];
  return [...(featured.length ? [{ name: ctx.t('requestFeatured'), services: featured }] : []), ...named];
}

export function renderCategory(ctx: CategoryStep): TemplateResult {
  const t = ctx.t;
  const mode = ctx.emergencyMode;
  const notice = html`${mode
    ? html`<div class="emergency emergency-mode" part="emergency-mode" lang=${mode.lang ?? nothing}>
        <p><strong>${mode.headline}</strong></p>
        ${mode.instruction ? html`<p>${mode.instruction}</p>` : nothing}
      </div>`
    : nothing}${ctx.emergencyNotice ? html`<div class="emergency" part="emergency-notice"><strong>${ctx.emergencyNotice}</strong></div>` : nothing}`;
  if (ctx.loadError) return html`${stepHeading(t('requestCategoryTitle'))}${notice}${errorPanel(t, ctx.loadError, ctx.onRetry)}`;
  if (!ctx.services) return html`${stepHeading(t('requestCategoryTitle'))}${notice}<p role="status">${t('serviceListLoading')}</p>`;
  if (ctx.services.length === 0) return html`${stepHeading(t('requestCategoryTitle'))}${notice}<p>${t('serviceListEmpty')}</p>`;
  const matches = searchServices(ctx.services, ctx.query);
  // A chosen service stays visible while searching, so the choice is never hidden.
  const chosen = ctx.services.find((s) => s.service_code === ctx.selected);
  const shown = chosen && !matches.includes(chosen) ? [...matches, chosen] : matches;
  const error = ctx.errorFor('service');
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestCategoryTitle'))} ${notice}
    <div class="civic-field search" part="search">
      <label class="civic-label" for="service-search">${t('requestSearchLabel')}</label>
      <div class="civic-hint" id="service-search-hint">${t('requestSearchHint')}</div>
      <input
        class="civic-input"
        id="service-search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="service-search-hint service-search-count"
        .value=${ctx.query}
        @input=${(e: Event) => ctx.onQuery((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          // Enter in the search box filters; it must not submit the step.
          if (e.key === 'Enter') e.preventDefault();
        }}
      />
      <p class="civic-hint" id="service-search-count">${ctx.query ? t('requestSearchCount', { count: matches.length }) : ''}</p>
    </div>
    <fieldset class="civic-fieldset ${error ? 'civic-fieldset--error' : ''}" id="service" aria-describedby=${error ? errorId('service') : nothing}>
      <legend class="civic-legend">${t('requestCategoryLegend')}</legend>
      ${error
        ? html`<p class="civic-error-message" id=${errorId('service')}><span class="civic-visually-hidden">${t('errorPrefix')}</span> ${error}</p>`
        : nothing}
      ${shown.length === 0 ? html`<p>${t('requestSearchNone')}</p>` : nothing}
      ${groups(ctx, shown).map(
        (g) => html`<div class="group" role="group" aria-labelledby=${`group-${slug(g.name)}`}>
          <h3 class="group-title" id=${`group-${slug(g.name)}`}>${g.name}</h3>
          ${g.services.map((s) => {
            const id = `service-${slug(s.service_code)}`;
            return html`<div class="choice" data-service-code=${s.service_code}>
              <input
                class="choice-input"
                type="radio"
                name="service"
                id=${id}
                .value=${s.service_code}
                .checked=${s.service_code === ctx.selected}
                aria-describedby=${s.description ? `${id}-hint` : nothing}
                @change=${() => ctx.onSelect(s.service_code)}
              />
              <label class="choice-label" for=${id}>${s.service_name}</label>
              ${s.description ? html`<div class="civic-hint choice-hint" id=${`${id}-hint`}>${s.description}</div>` : nothing}
            </div>`;
          })}
        </div>`,
      )}
    </fieldset>
    ${stepButtons(t, {})}
  </form>`;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
