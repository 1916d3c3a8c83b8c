import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field, textInput } from '../../../core/forms/field.js';
import type { ChosenLocation } from '../model.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';

export interface LocationStep extends StepContext {
  serviceName: string;
  /** Whether `<civic-location-picker>` is available; otherwise the address is typed. */
  usePicker: boolean;
  location?: ChosenLocation;
  address: string;
  geocoderUrl?: string;
  tileUrl?: string;
  bounds?: string;
  lang?: string;
  onLocation(value: { lat?: number; long?: number; address?: string } | undefined): void;
  onAddress(value: string): void;
  onBack(): void;
  onSubmit(e: Event): void;
}

export function renderLocation(ctx: LocationStep): TemplateResult {
  const t = ctx.t;
  const error = ctx.errorFor('location');
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestLocationTitle'), ctx.serviceName)}
    ${ctx.usePicker
      ? html`<civic-location-picker
            id="location"
            part="location-picker"
            required
            .value=${ctx.location ?? (ctx.address ? { address: ctx.address } : undefined)}
            .error=${error}
            geocoder-url=${ifDefined(ctx.geocoderUrl)}
            tile-url=${ifDefined(ctx.tileUrl)}
            bounds=${ifDefined(ctx.bounds)}
            lang=${ifDefined(ctx.lang)}
            @civic-location-change=${(e: CustomEvent<{ value?: { lat?: number; long?: number; address?: string } | null }>) =>
              ctx.onLocation(e.detail.value ?? undefined)}
          ></civic-location-picker>`
      : field(t, { id: 'location', label: t('requestAddressLabel'), hint: t('requestAddressHint'), error }, (p) =>
          textInput(p, { value: ctx.address, autocomplete: 'street-address', required: true, onInput: (v) => ctx.onAddress(v) }),
        )}
    ${stepButtons(t, { onBack: ctx.onBack })}
  </form>`;
}

