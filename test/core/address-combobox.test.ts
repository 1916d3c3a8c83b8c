import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { NominatimGeocoder, type GeocodeResult } from '../../src/api/geocoder.js';
import { AddressComboboxController, addressComboboxStyles } from '../../src/core/address/index.js';
import { FormAssociated, FormControlController } from '../../src/core/forms/form-control.js';
import { BACKEND_URL } from '../helpers/backend.js';

const geocoder = new NominatimGeocoder({ url: `${BACKEND_URL}/geocode` });

/**
 * A second element built from the picker's parts, as the notify sign-up would be: an address
 * input with suggestions, form-associated, with its own ids, words and value.
 */
class TestAddressField extends FormAssociated(LitElement) {
  static override styles = addressComboboxStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  chosen?: { address: string; lat?: number };
  override readonly formControl = new FormControlController(this, {
    formValue: () => this.chosen?.address ?? null,
    problem: () => (this.chosen ? undefined : { flags: { valueMissing: true }, message: 'Choose your street' }),
    anchor: () => this.combobox?.input ?? undefined,
    valueKey: () => this.chosen?.address ?? '',
  });
  readonly combobox = new AddressComboboxController(this, {
    geocoder: () => geocoder,
    searchOptions: () => ({ lang: 'en' }),
    onEdit: () => {
      this.chosen = undefined;
      this.requestUpdate();
    },
    onSuggestions: () => {},
    onChoose: (result: GeocodeResult, address: string) => {
      this.chosen = { address, lat: result.lat };
      this.requestUpdate();
      this.formControl.change();
    },
    onTyped: (address) => {
      this.chosen = { address };
      this.requestUpdate();
    },
    ids: { input: 'street', listbox: 'street-list', option: (i) => `street-${i}`, typedOption: 'street-typed' },
  });

  override render() {
    return html`<label for="street">Your street</label>${this.combobox.render({
        describedBy: '',
        invalid: false,
        required: true,
        disabled: false,
        listboxLabel: 'Streets',
        typedOptionLabel: (typed) => `Keep “${typed}”`,
      })}`;
  }
}
customElements.define('test-address-field', TestAddressField);

describe('AddressComboboxController and FormAssociated, outside the picker', () => {
  it('give another element an accessible address combobox with its own ids and words, in a form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><test-address-field name="street"></test-address-field></form>`);
    const el = form.querySelector<TestAddressField>('test-address-field')!;
    await el.updateComplete;
    expect(el.validity.valueMissing).to.be.true;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#street')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    input.focus();
    input.value = 'Sigourney';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => el.shadowRoot!.querySelector('#street-0'), 'suggestions', { timeout: 10_000 });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#street-typed')!.textContent!.trim()).to.equal('Keep “Sigourney”');
    await expect(el).to.be.accessible();
    let changes = 0;
    form.addEventListener('change', () => changes++);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('street-0');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(el.chosen!.lat).to.be.a('number');
    expect(new FormData(form).get('street')).to.equal(el.chosen!.address);
    expect(el.validity.valid).to.be.true;
    expect(changes).to.equal(1);
    await el.updateComplete;
    expect(input.value).to.equal(el.chosen!.address);
  });
});
