import { html, type TemplateResult } from 'lit';
import type { CivicConfig } from '../../core/context.js';
import { resolveFormsBackend } from '../../core/forms-backend.js';
import { registerMessages } from '../../core/i18n.js';

/**
 * The tracker's view of a city form's submission (`BPP-2026-000123`), loaded only when a
 * reference of that shape is looked up: the status in the city's words, the form, the dates.
 */

registerMessages({
  en: { trackerFormName: 'Form', trackerFormSubmitted: 'Sent', trackerFormUpdated: 'Last updated' },
  es: { trackerFormName: 'Formulario', trackerFormSubmitted: 'Enviado', trackerFormUpdated: 'Última actualización' },
});

declare module '../../core/i18n.js' {
  interface CivicMessages {
    trackerFormName: string;
    trackerFormSubmitted: string;
    trackerFormUpdated: string;
  }
}

type Say = (key: 'trackerFormName' | 'trackerFormSubmitted' | 'trackerFormUpdated') => string;

/** The submission `ref` drawn for the tracker, or `undefined` when the forms backend knows no such reference. */
export async function findFormSubmission(
  own: { formsEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
  ref: string,
  words: { t: Say; date: (iso: string) => string; heading: (text: string) => TemplateResult },
): Promise<{ status: string; show: () => TemplateResult } | undefined> {
  const source = resolveFormsBackend(own, hall, locale);
  const found = await source?.backend.submission(ref);
  if (!found) return undefined;
  const status = found.status_label ?? found.status;
  return {
    status,
    show: () => html`<section class="request" part="request">
      ${words.heading(`${found.form.title} · ${found.reference}`)}
      <p class="status" part="status" data-status=${found.status}>${status}</p>
      <dl class="details" part="details">
        <dt>${words.t('trackerFormName')}</dt>
        <dd>${found.form.title}</dd>
        ${found.submitted_at ? html`<dt>${words.t('trackerFormSubmitted')}</dt><dd>${words.date(found.submitted_at)}</dd>` : ''}
        ${found.updated_at ? html`<dt>${words.t('trackerFormUpdated')}</dt><dd>${words.date(found.updated_at)}</dd>` : ''}
      </dl>
    </section>`,
  };
}
