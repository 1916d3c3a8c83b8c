import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { CivicElement } from '../../src/core/civic-element.js';
import { defineElement } from '../../src/core/define.js';
import { AnnouncerController } from '../../src/core/announcer.js';
import {
  CharacterCountController,
  ErrorSummaryController,
  errorPanel,
  field,
  fieldset,
  formStyles,
  textArea,
  textInput,
  type CivicInvalidDetail,
  type FieldError,
} from '../../src/core/forms/index.js';
import { NetworkError, TimeoutError } from '../../src/api/errors.js';
import { Open311Error } from '../../src/api/open311-error.js';

/** A test-only widget with a small report form, built from the primitives as a real widget would. */
class FormProbe extends CivicElement {
  // As a widget with fields does: the field styles are not in the base element's.
  static override styles = [...(CivicElement.styles as []), formStyles];
  @property({ attribute: false }) loadError?: unknown;
  retries = 0;
  readonly summary = new ErrorSummaryController(this);
  readonly count = new CharacterCountController(this, { maxLength: 20, announceDelay: 50 });
  readonly announcer = new AnnouncerController(this, { gap: 20 });
  email = '';

  submit(errors: FieldError[]) {
    this.summary.show(errors, this.t);
  }

  protected override render() {
    if (this.loadError) return errorPanel(this.t, this.loadError, () => this.retries++);
    return html`${this.announcer.render()} ${this.summary.render(this.t)}
      <form novalidate>
        ${field(
          this.t,
          {
            id: 'description',
            label: 'Describe the problem',
            hint: 'For example, how big the pothole is',
            error: this.summary.errorFor('description'),
            describedBy: [this.count.infoId('description')],
          },
          (p) => html`${textArea(p, { value: this.count.value, onInput: this.count.handleInput })}
          ${this.count.render(this.t, 'description')}`,
        )}
        ${field(
          this.t,
          { id: 'email', label: 'Email address', optional: true, error: this.summary.errorFor('email') },
          (p) => textInput(p, { type: 'email', autocomplete: 'email', value: this.email, onInput: (v) => (this.email = v) }),
        )}
        ${fieldset(
          this.t,
          { id: 'side', legend: 'Which side of the road?', error: this.summary.errorFor('side') },
          () => html`<label><input type="radio" name="side" id="side-left" value="left" /> Left</label>
            <label><input type="radio" name="side" value="right" /> Right</label>`,
        )}
        <div style="block-size: 150vh"></div>
      </form>`;
  }
}
defineElement('form-probe', FormProbe);

/** A summary under a page's own h2: its title one level down. */
class SummaryLevelProbe extends CivicElement {
  readonly summary = new ErrorSummaryController(this, { headingLevel: 3 });

  submit(errors: FieldError[]) {
    this.summary.show(errors, this.t);
  }

  protected override render() {
    return html`<h2>Report a problem</h2>
      ${this.summary.render(this.t)}<label for="where">Where</label><input id="where" />`;
  }
}
defineElement('summary-level-probe', SummaryLevelProbe);

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector)!;
const ids = (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function type(el: FormProbe, value: string) {
  const textarea = $<HTMLTextAreaElement>(el, '#description');
  textarea.value = value;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
}

describe('form primitives', () => {
  it('are accessible when empty', async () => {
    const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
    await expect(el).to.be.accessible();
  });

  describe('labelled field', () => {
    it('labels the control and describes it with its hint, in the same shadow root', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const textarea = $<HTMLTextAreaElement>(el, '#description');
      expect(textarea.labels![0]!.textContent!.trim()).to.equal('Describe the problem');
      const described = ids(textarea.getAttribute('aria-describedby'));
      expect(described).to.deep.equal(['description-hint', 'description-info']);
      expect(root(el).getElementById('description-hint')!.textContent).to.equal('For example, how big the pothole is');
      expect(textarea.hasAttribute('aria-invalid')).to.equal(false);
    });

    it('marks optional fields "(optional)" in the label, in the page language', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const input = $<HTMLInputElement>(el, '#email');
      expect(input.labels![0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Email address (optional)');
      expect(input.hasAttribute('aria-describedby')).to.equal(false);
      el.lang = 'es';
      await wait(0);
      await el.updateComplete;
      expect(input.labels![0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Email address (opcional)');
    });

    it('shows an inline error prefixed "Error:" for screen readers and points the control at it', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      el.submit([{ id: 'description', message: 'Enter a description' }, { id: 'side', message: 'Select a side of the road' }]);
      await el.updateComplete;
      const textarea = $<HTMLTextAreaElement>(el, '#description');
      expect(ids(textarea.getAttribute('aria-describedby'))).to.deep.equal(['description-hint', 'description-error', 'description-info']);
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      const error = root(el).getElementById('description-error')!;
      expect(error.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter a description');
      expect(error.querySelector('.civic-visually-hidden')!.textContent).to.equal('Error:');
      const side = $<HTMLFieldSetElement>(el, '#side');
      expect(ids(side.getAttribute('aria-describedby'))).to.deep.equal(['side-error']);
      await expect(el).to.be.accessible();
    });
  });

  describe('error summary', () => {
    it('is not shown before a failed submit', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      expect(root(el).querySelector('.civic-error-summary')).to.equal(null);
    });

    it('lists each problem as a link, takes focus, and is accessible', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      el.submit([
        { id: 'description', message: 'Enter a description' },
        { id: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      ]);
      await el.updateComplete;
      const summary = $(el, '.civic-error-summary');
      // A group named "There is a problem" (a bare div cannot carry a name); not an alert: focus reads it.
      expect(summary.getAttribute('role')).to.equal('group');
      expect(root(el).activeElement).to.equal(summary);
      const heading = summary.querySelector('h2')!;
      expect(heading.textContent).to.equal('There is a problem');
      expect(summary.getAttribute('aria-labelledby')).to.equal(heading.id);
      const links = [...summary.querySelectorAll('a')];
      expect(links.map((a) => [a.getAttribute('href'), a.textContent])).to.deep.equal([
        ['#description', 'Enter a description'],
        ['#email', 'Enter an email address in the correct format, like name@example.com'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('titles itself at the heading level it is given', async () => {
      const el = await fixture<SummaryLevelProbe>(html`<summary-level-probe></summary-level-probe>`);
      el.submit([{ id: 'where', message: 'Enter where it is' }]);
      await el.updateComplete;
      const summary = $(el, '.civic-error-summary');
      expect(summary.querySelector('h2')).to.equal(null);
      const heading = summary.querySelector('h3')!;
      expect(heading.textContent).to.equal('There is a problem');
      expect(summary.getAttribute('aria-labelledby')).to.equal(heading.id);
      await expect(el).to.be.accessible();
    });

    it('takes focus again on a second failed submit', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      el.submit([{ id: 'description', message: 'Enter a description' }]);
      await el.updateComplete;
      $<HTMLTextAreaElement>(el, '#description').focus();
      el.submit([{ id: 'description', message: 'Enter a description' }]);
      await el.updateComplete;
      expect(root(el).activeElement).to.equal($(el, '.civic-error-summary'));
    });

    it('moves focus to the field when a link is followed, with its label in view, without changing the URL', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      el.submit([{ id: 'email', message: 'Enter an email address' }]);
      await el.updateComplete;
      const before = location.href;
      $<HTMLAnchorElement>(el, '.civic-error-summary a').click();
      expect(root(el).activeElement).to.equal($(el, '#email'));
      expect(location.href).to.equal(before);
    });

    it('focuses the first control of a fieldset', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      el.submit([{ id: 'side', message: 'Select a side of the road' }]);
      await el.updateComplete;
      $<HTMLAnchorElement>(el, '.civic-error-summary a').click();
      expect(root(el).activeElement).to.equal($(el, '#side-left'));
    });

    it('brings the label into view when the field is off screen', async () => {
      const el = await fixture<FormProbe>(html`<form-probe style="display: block; margin-block-start: 200vh"></form-probe>`);
      el.submit([{ id: 'email', message: 'Enter an email address' }]);
      await el.updateComplete;
      window.scrollTo(0, 0);
      $<HTMLAnchorElement>(el, '.civic-error-summary a').click();
      await wait(600);
      const label = $(el, 'label[for="email"]').getBoundingClientRect();
      expect(label.top).to.be.within(-1, window.innerHeight);
      window.scrollTo(0, 0);
    });

    it('fires civic-invalid and prefixes the page title with "Error:" until fixed', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const title = document.title;
      setTimeout(() => el.submit([{ id: 'description', message: 'Enter a description' }]));
      const event = (await oneEvent(el, 'civic-invalid')) as CustomEvent<CivicInvalidDetail>;
      expect(event.detail.errors.map((e) => e.id)).to.deep.equal(['description']);
      expect(event.composed).to.equal(true);
      expect(document.title).to.equal(`Error: ${title}`);
      el.submit([{ id: 'description', message: 'Enter a description' }]);
      expect(document.title).to.equal(`Error: ${title}`);
      el.submit([]);
      await el.updateComplete;
      expect(document.title).to.equal(title);
      expect(root(el).querySelector('.civic-error-summary')).to.equal(null);
    });

    it('leaves the title alone when the page cancels civic-invalid', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const title = document.title;
      el.addEventListener('civic-invalid', (e) => e.preventDefault());
      el.submit([{ id: 'description', message: 'Enter a description' }]);
      expect(document.title).to.equal(title);
    });

    it('speaks Spanish under lang="es"', async () => {
      const el = await fixture<FormProbe>(html`<form-probe lang="es"></form-probe>`);
      el.submit([{ id: 'description', message: 'Escriba una descripción' }]);
      await el.updateComplete;
      expect($(el, '.civic-error-summary h2').textContent).to.equal('Hay un problema');
      expect(root(el).getElementById('description-error')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Error: Escriba una descripción',
      );
    });
  });

  describe('character count', () => {
    it('describes the limit to screen readers and shows what is left', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      expect(root(el).getElementById('description-info')!.textContent).to.equal('You can enter up to 20 characters');
      const status = $(el, '.civic-character-count__status');
      expect(status.textContent!.trim()).to.equal('You have 20 characters remaining');
      expect(status.getAttribute('aria-hidden')).to.equal('true');
    });

    it('counts down as the resident types, and announces politely after a pause', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const live = $(el, '[aria-live="polite"][id="description-count-status"]');
      await type(el, 'Pothole');
      expect($(el, '.civic-character-count__status').textContent!.trim()).to.equal('You have 13 characters remaining');
      expect(live.textContent).to.equal('');
      await type(el, 'Pothole on Main');
      await wait(20);
      expect(live.textContent).to.equal('');
      await wait(80);
      await el.updateComplete;
      expect(live.textContent).to.equal('You have 5 characters remaining');
      await expect(el).to.be.accessible();
    });

    it('uses the singular for one character', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      await type(el, 'x'.repeat(19));
      expect($(el, '.civic-character-count__status').textContent!.trim()).to.equal('You have 1 character remaining');
      await type(el, 'x'.repeat(21));
      expect($(el, '.civic-character-count__status').textContent!.trim()).to.equal('You have 1 character too many');
    });

    it('turns into an error when over the limit, without cutting the text', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      await type(el, 'There is a very deep pothole');
      const textarea = $<HTMLTextAreaElement>(el, '#description');
      expect(textarea.value).to.equal('There is a very deep pothole');
      const status = $(el, '.civic-character-count__status');
      expect(status.textContent!.trim()).to.equal('You have 8 characters too many');
      expect(status.classList.contains('civic-character-count__status--over')).to.equal(true);
      expect(getComputedStyle(status).color).to.equal('rgb(181, 9, 9)');
      await wait(100);
      await el.updateComplete;
      expect($(el, '#description-count-status').textContent).to.equal('You have 8 characters too many');
      await expect(el).to.be.accessible();
    });

    it('counts an emoji as one character', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      await type(el, '🕳️🚗');
      expect(el.count.length).to.equal(3);
    });

    it('speaks Spanish under lang="es"', async () => {
      const el = await fixture<FormProbe>(html`<form-probe lang="es"></form-probe>`);
      await type(el, 'x'.repeat(19));
      expect($(el, '.civic-character-count__status').textContent!.trim()).to.equal('Le queda 1 carácter');
      await type(el, 'x'.repeat(25));
      expect($(el, '.civic-character-count__status').textContent!.trim()).to.equal('Tiene 5 caracteres de más');
      expect(root(el).getElementById('description-info')!.textContent).to.equal('Puede escribir hasta 20 caracteres');
    });
  });

  describe('announcer', () => {
    it('says messages in a role=status region inside the shadow root', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const region = $(el, '[role="status"]');
      expect(region.textContent).to.equal('');
      await el.announcer.announce('12 services found');
      expect(region.textContent).to.equal('12 services found');
      expect(region.getAttribute('aria-live')).to.equal('polite');
    });

    it('clears before repeating a message, so it is spoken again', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      await el.announcer.announce('Draft saved');
      const seen: string[] = [];
      const observer = new MutationObserver(() => seen.push($(el, '[role="status"]').textContent!));
      observer.observe(root(el), { childList: true, subtree: true, characterData: true });
      await el.announcer.announce('Draft saved');
      observer.disconnect();
      expect(seen).to.include('');
      expect(seen.at(-1)).to.equal('Draft saved');
    });

    it('a message given as a function follows a live language switch', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><form-probe></form-probe></div>`);
      const el = wrapper.querySelector<FormProbe>('form-probe')!;
      await el.announcer.announce(() => (el.closest('[lang]')!.getAttribute('lang') === 'es' ? 'Se encontraron 3 servicios' : '3 services found'));
      expect($(el, '[role="status"]').textContent).to.equal('3 services found');
      wrapper.setAttribute('lang', 'es');
      await waitUntil(() => $(el, '[role="status"]').textContent === 'Se encontraron 3 servicios', 'said in Spanish');
    });

    it('says only the latest of messages sent in quick succession', async () => {
      const el = await fixture<FormProbe>(html`<form-probe></form-probe>`);
      const first = el.announcer.announce('Loading…');
      const second = el.announcer.announce('3 services found');
      await Promise.all([first, second]);
      expect($(el, '[role="status"]').textContent).to.equal('3 services found');
    });
  });

  describe('error panel', () => {
    it('explains a network failure and offers to try again', async () => {
      const el = await fixture<FormProbe>(html`<form-probe .loadError=${new NetworkError()}></form-probe>`);
      const panel = $(el, '.civic-error-panel');
      expect(panel.getAttribute('role')).to.equal('alert');
      expect(panel.querySelector('p')!.textContent).to.equal(
        "We couldn't reach the city's service. Check your connection and try again.",
      );
      const button = panel.querySelector('button')!;
      expect(button.textContent!.trim()).to.equal('Try again');
      button.click();
      expect(el.retries).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('chooses its words from the kind of failure, in the page language', async () => {
      const el = await fixture<FormProbe>(html`<form-probe lang="es" .loadError=${new TimeoutError(15000)}></form-probe>`);
      expect($(el, '.civic-error-panel p').textContent).to.equal(
        'El servicio de la ciudad está tardando demasiado en responder. Vuelva a intentarlo en unos minutos.',
      );
      el.loadError = new Open311Error(500, [{ code: '500', description: '<b>internal</b>' }]);
      await el.updateComplete;
      expect($(el, '.civic-error-panel p').textContent).to.equal(
        'El servicio de la ciudad tuvo un problema y no pudo completar su solicitud. Vuelva a intentarlo más tarde.',
      );
      el.loadError = new Error('boom');
      await el.updateComplete;
      expect($(el, '.civic-error-panel p').textContent).to.equal('Algo salió mal. Vuelva a intentarlo más tarde.');
      expect($(el, '.civic-error-panel button').textContent!.trim()).to.equal('Volver a intentarlo');
    });
  });
});
