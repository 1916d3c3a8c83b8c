import { el } from './dom.js';

/** One constructed stylesheet per set of rules, shared by every element of the document that uses it. */
const sheets = new Map<string, CSSStyleSheet>();

/**
 * Gives a shadow root `rules` (a widget built without Lit): one constructed stylesheet shared
 * by every instance, or a `<style>` where constructed sheets are unsupported.
 */
export function adoptStyles(root: ShadowRoot, rules: ReadonlyArray<{ readonly cssText: string }>): void {
  const text = rules.map((rule) => rule.cssText).join('');
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    // Lit's convention for a strict CSP's nonce, so a page that set it for the other widgets needs nothing more.
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    root.append(el('style', nonce ? { nonce } : {}, text));
  }
}
