import { html, type TemplateResult } from 'lit';

/**
 * Guidance, exit pages and what happens next, from the definition's safe Markdown subset,
 * drawn with Lit templates: text is always text, never markup (no `innerHTML`).
 * Interim: paragraphs and `**strong**`; the shared AST from `src/forms/markdown.ts` replaces it.
 */
export function renderMarkdown(source: string): TemplateResult {
  const paragraphs = source.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return html`${paragraphs.map((p) => html`<p>${p.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? html`<strong>${part}</strong>` : part))}</p>`)}`;
}
