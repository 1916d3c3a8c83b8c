import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-alert-banner.js';
import type { AlertInfo, CivicAlert } from '../src/api/alerts/types.js';

/**
 * The city's alerts at the top of every page. On a city page it reads a feed (`src`: the
 * reference backend's `/alerts/v1/active.json`, a CAP 1.2 feed, or NWS GeoJSON); these stories
 * set the `alerts` property so each state shows without a server.
 */
const meta: Meta = {
  title: 'Widgets/civic-alert-banner',
  component: 'civic-alert-banner',
};
export default meta;
type Story = StoryObj;

const HOUR = 3600 * 1000;
const later = (hours: number) => new Date(Date.now() + hours * HOUR);

function info(fields: Partial<AlertInfo>): AlertInfo {
  return { language: 'en-US', category: ['Safety'], event: '', urgency: 'Expected', severity: 'Minor', certainty: 'Observed', areas: [], ...fields };
}
function alert(identifier: string, blocks: AlertInfo[], extra: Partial<CivicAlert> = {}): CivicAlert {
  return { identifier, sender: 'alerts@hartford.ct.us', sent: new Date(), status: 'Actual', msgType: 'Alert', scope: 'Public', references: [], info: blocks, ...extra };
}

const leafPickup = alert('story-leaf', [
  info({
    event: 'Service change',
    headline: 'Leaf pickup is one day late this week',
    instruction: 'Leave bags at the curb by 7 a.m. on your new pickup day.',
    expires: later(72),
    web: 'https://www.hartfordct.gov/leaves',
  }),
  info({
    language: 'es-US',
    event: 'Cambio de servicio',
    headline: 'La recogida de hojas se retrasa un día esta semana',
    instruction: 'Deje las bolsas en la acera antes de las 7 a. m. de su nuevo día de recogida.',
    expires: later(72),
    web: 'https://www.hartfordct.gov/es/hojas',
  }),
]);

const roadClosure = alert('story-road', [
  info({
    event: 'Road Closure',
    severity: 'Moderate',
    headline: 'Main Street closed at Pratt Street',
    instruction: 'Use Trumbull Street.',
    description: 'A water main repair closes Main Street between Pratt Street and Asylum Street until 7 p.m.',
    areas: ['Downtown Hartford'],
    expires: later(8),
  }),
]);

const tornado = alert('story-tornado', [
  info({
    category: ['Met'],
    event: 'Tornado Warning',
    severity: 'Extreme',
    urgency: 'Immediate',
    headline: 'Tornado warning for Hartford until 9:30 a.m.',
    instruction: 'Go to a basement or an inside room on the lowest floor now.',
    expires: later(1),
    web: 'https://www.weather.gov/',
  }),
  info({
    language: 'es-US',
    category: ['Met'],
    event: 'Aviso de tornado',
    severity: 'Extreme',
    urgency: 'Immediate',
    headline: 'Aviso de tornado para Hartford hasta las 9:30 a. m.',
    instruction: 'Vaya ahora a un sótano o a una habitación interior del piso más bajo.',
    expires: later(1),
    web: 'https://www.weather.gov/',
  }),
]);

const elsa = alert(
  'story-elsa',
  [
    info({
      category: ['Met'],
      event: 'Tropical Storm Elsa',
      severity: 'Moderate',
      urgency: 'Immediate',
      headline: 'Emergency: Tropical Storm Elsa',
      instruction: 'Report downed trees, flooded streets and storm debris with the 311 form. For a downed power line, stay 35 feet away and call the utility and 911.',
      description: 'The city has opened its emergency operations center. Storm categories are at the top of the 311 form until the emergency ends.',
      areas: ['City of Hartford'],
      expires: later(48),
      web: 'https://www.hartfordct.gov/emergency',
    }),
  ],
  { emergency: true },
);

/** One calm notice, which the resident can hide. */
export const Notice: Story = {
  render: () => html`<civic-alert-banner .alerts=${[leafPickup]}></civic-alert-banner>`,
};

/** A warning (Moderate): amber, with details behind a disclosure. */
export const Warning: Story = {
  render: () => html`<civic-alert-banner .alerts=${[roadClosure]}></civic-alert-banner>`,
};

/** Several at once, most severe first; the Extreme one cannot be hidden. */
export const Several: Story = {
  render: () => html`<civic-alert-banner .alerts=${[leafPickup, roadClosure, tornado]}></civic-alert-banner>`,
};

/** The city's emergency mode: its alert is an emergency whatever its CAP severity. */
export const Emergency: Story = {
  render: () => html`<civic-alert-banner .alerts=${[elsa, leafPickup]}></civic-alert-banner>`,
};

/** Spanish: Spanish blocks where the sender wrote them, English with a note where not. */
export const Spanish: Story = {
  render: () => html`<div lang="es"><civic-alert-banner .alerts=${[tornado, roadClosure, leafPickup]}></civic-alert-banner></div>`,
};

/** No alerts in force: nothing at all is rendered (no empty landmark). */
export const NoAlerts: Story = {
  render: () => html`<civic-alert-banner .alerts=${[]}></civic-alert-banner>`,
};

/** A city's own colours through the custom properties. */
export const Themed: Story = {
  render: () => html`<civic-alert-banner
    style="--civic-alert-banner-info-background:#f1f4e8;--civic-alert-banner-info-edge:#4b5f1a;--civic-alert-banner-emergency-background:#7a0f0f"
    .alerts=${[tornado, leafPickup]}
  ></civic-alert-banner>`,
};
