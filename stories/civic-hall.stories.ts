import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-hall.js';
import { CivicElement } from '../src/core/civic-element.js';
import { defineElement } from '../src/core/define.js';

/**
 * Story-only widget that shows what it receives from the hall, so the stories can demonstrate
 * configuration and language without depending on a real widget.
 */
class StoryHallProbe extends CivicElement {
  protected override render() {
    const config = this.config;
    return html`<dl>
      <dt>endpoint</dt>
      <dd>${config.endpoint ?? '—'}</dd>
      <dt>jurisdiction-id</dt>
      <dd>${config.jurisdictionId ?? '—'}</dd>
      <dt>lang</dt>
      <dd>${this.locale}</dd>
      <dt>${this.t('tryAgain')}</dt>
      <dd>${this.t('serviceListTitle')}</dd>
    </dl>`;
  }
}
defineElement('story-hall-probe', StoryHallProbe);

interface HallArgs {
  endpoint: string;
  jurisdictionId: string;
  lang: string;
}

const meta: Meta<HallArgs> = {
  title: 'Core/civic-hall',
  component: 'civic-hall',
  args: { endpoint: 'https://city.example/open311/v2', jurisdictionId: 'city.example', lang: 'en' },
  argTypes: { lang: { control: 'select', options: ['en', 'es', 'es-MX', 'fr'] } },
};
export default meta;

type Story = StoryObj<HallArgs>;

/** Two widgets inside one hall receive the same configuration. */
export const SharedConfiguration: Story = {
  render: (args) => html`<civic-hall endpoint=${args.endpoint} jurisdiction-id=${args.jurisdictionId} lang=${args.lang}>
    <story-hall-probe></story-hall-probe>
    <story-hall-probe></story-hall-probe>
  </civic-hall>`,
};

/** A widget's own attributes win over the hall's: here its endpoint and its language. */
export const WidgetOverrides: Story = {
  render: (args) => html`<civic-hall endpoint=${args.endpoint} jurisdiction-id=${args.jurisdictionId} lang=${args.lang}>
    <story-hall-probe></story-hall-probe>
    <story-hall-probe endpoint="https://relay.city.example/open311/v2" lang="es"></story-hall-probe>
  </civic-hall>`,
};

/** In Spanish: the hall's `lang` reaches every widget inside. */
export const Spanish: Story = {
  args: { lang: 'es' },
  render: SharedConfiguration.render!,
};

/** Without a hall, a widget works alone with its own attributes. */
export const StandaloneWidget: Story = {
  render: (args) => html`<story-hall-probe endpoint=${args.endpoint} lang=${args.lang}></story-hall-probe>`,
};
