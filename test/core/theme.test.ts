import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { CivicElement } from '../../src/core/civic-element.js';
import { defineElement } from '../../src/core/define.js';
import { formStyles } from '../../src/core/forms/form-styles.js';

// A widget with fields, as every one that renders them does: the base element's styles plus the field styles.
class ThemeProbe extends CivicElement {
  static override styles = [...(CivicElement.styles as []), formStyles];

  protected override render() {
    return html`<p>Report a problem</p>
      <a href="#x">Track a request</a>
      <button type="button" class="civic-button">Continue</button>
      <input class="civic-input" aria-label="Address" />
      <p class="civic-error-message">Enter an address</p>
      <p class="civic-hint">Include the street number</p>`;
  }
}
defineElement('theme-probe', ThemeProbe);

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const WHITE = 'rgb(255, 255, 255)';

describe('theme', () => {
  it('is accessible', async () => {
    const el = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    await expect(el).to.be.accessible();
  });

  describe('host page font and colour', () => {
    it("inherits the page's font and text colour", async () => {
      const wrapper = fixtureSync<HTMLElement>(
        html`<section style="font-family: Georgia, serif; font-size: 20px; color: rgb(51, 0, 102)"><theme-probe></theme-probe></section>`,
      );
      const el = wrapper.querySelector<ThemeProbe>('theme-probe')!;
      await el.updateComplete;
      const text = getComputedStyle($(el, 'p'));
      expect(text.fontFamily).to.equal('Georgia, serif');
      expect(text.fontSize).to.equal('20px');
      expect(text.color).to.equal('rgb(51, 0, 102)');
      expect(getComputedStyle($(el, '.civic-button')).fontFamily).to.equal('Georgia, serif');
    });
  });

  describe('default colours', () => {
    it('meet WCAG AA contrast on a white page', async () => {
      const el = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      const button = getComputedStyle($(el, '.civic-button'));
      expect(contrast(button.color, button.backgroundColor)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle($(el, 'a')).color, WHITE)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle($(el, '.civic-error-message')).color, WHITE)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle($(el, '.civic-hint')).color, WHITE)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle($(el, '.civic-input')).borderTopColor, WHITE)).to.be.at.least(3);
    });
  });

  describe('tokens', () => {
    it('follow --civic-* properties set by the page', async () => {
      const el = await fixture<ThemeProbe>(
        html`<theme-probe style="--civic-color-primary: rgb(0, 100, 0); --civic-radius: 0px; --civic-color-error: rgb(150, 0, 0)"></theme-probe>`,
      );
      const button = getComputedStyle($(el, '.civic-button'));
      expect(button.backgroundColor).to.equal('rgb(0, 100, 0)');
      expect(button.borderTopLeftRadius).to.equal('0px');
      expect(getComputedStyle($(el, '.civic-error-message')).color).to.equal('rgb(150, 0, 0)');
    });
  });

  describe('focus', () => {
    // Whether :focus-visible matches depends on the test window having OS focus, which it does
    // not when files run in parallel tabs; so read the rules the shadow root actually adopted.
    const focusRule = (el: Element, selector: string) => {
      for (const sheet of el.shadowRoot!.adoptedStyleSheets) {
        for (const rule of sheet.cssRules) {
          if (rule instanceof CSSStyleRule && rule.selectorText.split(',').map((s) => s.trim()).includes(selector)) return rule.style;
        }
      }
      return undefined;
    };

    it('draws a thick, two-tone focus indicator on controls, buttons and links', async () => {
      const el = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      for (const selector of ['.civic-button:focus-visible', '.civic-input:focus-visible']) {
        const style = focusRule(el, selector)!;
        expect(style, selector).to.exist;
        expect(style.outline, selector).to.contain('solid');
        expect(style.outline, selector).to.contain('var(--_civic-focus-width)');
        expect(style.boxShadow, selector).to.contain('inset');
      }
      const link = focusRule(el, 'a:focus-visible')!;
      expect(link.backgroundColor).to.equal('var(--_civic-focus)');
      expect(getComputedStyle(el).getPropertyValue('--_civic-focus-width').trim()).to.equal('3px');
      expect(getComputedStyle(el).getPropertyValue('--_civic-focus').trim()).to.equal('#ffdd00');
    });
  });
});
