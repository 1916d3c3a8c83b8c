// Drives a <civic-form> the way a resident does (shared by the component tests and stories' checks).
import { waitUntil } from '@open-wc/testing';
import type { CivicForm } from '../../src/components/civic-form/civic-form.js';

export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
export const title = (el: CivicForm) => $(el, '#step-title')?.textContent?.trim() ?? '';
export const summaryLinks = (el: CivicForm) => $$<HTMLAnchorElement>(el, '.civic-error-summary a').map((a) => a.textContent!.trim());
export const inlineError = (el: CivicForm, id: string) => $(el, `#${CSS.escape(id)}-error`)?.textContent?.replace(/\s+/g, ' ').trim();

export async function type(el: CivicForm, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Picks a radio or checkbox by its value, or an option of a select. */
export async function pick(el: CivicForm, name: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `select#${CSS.escape(name)}`);
  if (select) {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  } else {
    const input = $$<HTMLInputElement>(el, `input[name="${name}"]`).find((i) => i.value === value)!;
    input.click();
  }
  await el.updateComplete;
}

export async function date(el: CivicForm, id: string, d: string, m: string, y: string): Promise<void> {
  await type(el, `${id}-day`, d);
  await type(el, `${id}-month`, m);
  await type(el, `${id}-year`, y);
}

export async function attach(el: CivicForm, id: string, ...files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${CSS.escape(id)}`)!;
  const list = new DataTransfer();
  for (const f of files) list.items.add(f);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: CivicForm, selector: string): Promise<void> {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}

/** Continue (or Send): waits until the step changes or a problem shows. */
export async function next(el: CivicForm): Promise<void> {
  const before = title(el);
  await click(el, '[part=continue-button], [part=submit-button]');
  await waitUntil(() => title(el) !== before || $(el, '.civic-error-summary') || $(el, '[role=alert]'), 'step moved or errors shown', { timeout: 15_000 });
  await el.updateComplete;
}

/** A seeded definition, as the reference backend seeds it (served from the repository by the test server). */
export async function seed(slug: string): Promise<import('../../src/forms/definition.js').FormDefinition> {
  const response = await fetch(`/server/forms/seed/${slug}.json`);
  return response.json();
}
