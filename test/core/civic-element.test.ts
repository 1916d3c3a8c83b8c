import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { CivicElement } from '../../src/core/civic-element.js';
import { defineElement } from '../../src/core/define.js';

interface ProbePingDetail {
  n: number;
}
declare global {
  interface HTMLElementEventMap {
    'civic-probe-ping': CustomEvent<ProbePingDetail>;
  }
}

/** A minimal widget: a sentence, a date and a count in its language. */
class LangProbe extends CivicElement {
  get currentLocale() {
    return this.locale;
  }
  ping(n: number) {
    return this.emit('civic-probe-ping', { n }, { cancelable: true });
  }
  protected override render() {
    return html`<p>${this.t('tryAgain')}</p>
      <p>${this.t('serviceListCount', { count: 2 })}</p>
      <p>${this.formatDate(new Date(2025, 2, 3))}</p>
      <p>${this.formatRelative(new Date(2025, 2, 3), new Date(2025, 2, 6))}</p>
      <p>${this.formatNumber(1234.5)}</p>`;
  }
}
defineElement('lang-probe', LangProbe);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const settle = async (el: LangProbe) => {
  // MutationObserver callbacks run as a microtask after the attribute change.
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

describe('CivicElement', () => {
  it('is accessible', async () => {
    const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
    await expect(el).to.be.accessible();
  });

  describe('language', () => {
    afterEach(() => document.documentElement.setAttribute('lang', 'en'));

    it('speaks the document language by default', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
      expect(el.currentLocale).to.equal('en');
      expect(text(el)).to.equal('Try again 2 services March 3, 2025 3 days ago 1,234.5');
    });

    it('speaks Spanish under a Spanish ancestor', async () => {
      const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="es"><section><lang-probe></lang-probe></section></div>`);
      const el = wrapper.querySelector<LangProbe>('lang-probe')!;
      await el.updateComplete;
      expect(text(el)).to.equal('Volver a intentarlo 2 servicios 3 de marzo de 2025 hace 3 días 1234,5');
    });

    it('finds the nearest lang across a shadow boundary', async () => {
      const outer = fixtureSync<HTMLDivElement>(html`<div lang="es"><div class="host"></div></div>`);
      const host = outer.querySelector('.host')!;
      const el = document.createElement('lang-probe') as LangProbe;
      host.attachShadow({ mode: 'open' }).append(el);
      await el.updateComplete;
      expect(el.currentLocale).to.equal('es');
      expect(text(el)).to.contain('Volver a intentarlo');
    });

    it('lets a widget override the language with its own lang attribute', async () => {
      const wrapper = fixtureSync<HTMLDivElement>(html`<div lang="es"><lang-probe lang="en"></lang-probe></div>`);
      const el = wrapper.querySelector<LangProbe>('lang-probe')!;
      await el.updateComplete;
      expect(text(el)).to.contain('Try again');
    });

    it('uses Spanish words and Mexican formats for es-MX', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe lang="es-MX"></lang-probe>`);
      expect(el.currentLocale).to.equal('es-MX');
      expect(text(el)).to.contain('Volver a intentarlo');
      expect(text(el)).to.contain('1,234.5');
    });

    it('falls back to English for a language without a catalog', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe lang="fr"></lang-probe>`);
      expect(el.currentLocale).to.equal('en');
      expect(text(el)).to.equal('Try again 2 services March 3, 2025 3 days ago 1,234.5');
    });

    it('re-renders when the document language changes', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
      document.documentElement.lang = 'es';
      await settle(el);
      expect(text(el)).to.contain('Volver a intentarlo');
      document.documentElement.lang = 'en';
      await settle(el);
      expect(text(el)).to.contain('Try again');
    });

    it('re-renders when its own lang changes', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
      el.lang = 'es';
      await settle(el);
      expect(text(el)).to.contain('Volver a intentarlo');
      el.removeAttribute('lang');
      await settle(el);
      expect(text(el)).to.contain('Try again');
    });

    it('re-renders when a lang inside an enclosing shadow root changes', async () => {
      const outer = fixtureSync<HTMLDivElement>(html`<div></div>`);
      const shadow = outer.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<section><div></div></section>';
      const el = document.createElement('lang-probe') as LangProbe;
      shadow.querySelector('div')!.append(el);
      await el.updateComplete;
      expect(text(el)).to.contain('Try again');
      shadow.querySelector('section')!.setAttribute('lang', 'es');
      await settle(el);
      expect(text(el)).to.contain('Volver a intentarlo');
    });

    it('stops following lang changes once removed from the page', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
      el.remove();
      document.documentElement.lang = 'es';
      await settle(el);
      expect(el.currentLocale).to.equal('en');
    });
  });

  describe('strings', () => {
    it('replaces built-in strings with its strings property, plurals included', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe
        .strings=${{ tryAgain: 'Reload the list', serviceListCount: { one: 'one kind', other: '{count} kinds' } }}
      ></lang-probe>`);
      expect(text(el)).to.contain('Reload the list');
      expect(text(el)).to.contain('2 kinds');
      el.strings = { tryAgain: 'Again' };
      await el.updateComplete;
      expect(text(el)).to.contain('Again 2 services');
    });
  });

  describe('events', () => {
    it('fires typed, bubbling, composed events that a page can cancel', async () => {
      const el = await fixture<LangProbe>(html`<lang-probe></lang-probe>`);
      setTimeout(() => el.ping(7));
      const event = await oneEvent(document, 'civic-probe-ping');
      expect(event.detail.n).to.equal(7);
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      const cancel = (e: Event) => e.preventDefault();
      el.addEventListener('civic-probe-ping', cancel);
      expect(el.ping(8)).to.equal(false);
      el.removeEventListener('civic-probe-ping', cancel);
      expect(el.ping(9)).to.equal(true);
    });
  });
});
