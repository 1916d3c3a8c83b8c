import { html, type TemplateResult } from 'lit';
import { parseMarkdown, type MdBlock, type MdInline } from '../../forms/markdown.js';

/**
 * Guidance, exit pages and what happens next: the definition's safe Markdown subset, parsed by
 * the shared `src/forms/markdown.ts` and drawn with Lit templates, so text is always text,
 * never markup (no `innerHTML`). Headings sit below the page's own (`##` → h3, `###` → h4).
 */
function inline(nodes: readonly MdInline[]): unknown[] {
  return nodes.map((n) => {
    if (typeof n === 'string') return n;
    if (n.t === 'a') return html`<a href=${n.href}>${inline(n.c)}</a>`;
    return n.t === 'b' ? html`<strong>${inline(n.c)}</strong>` : html`<em>${inline(n.c)}</em>`;
  });
}

function block(b: MdBlock): TemplateResult {
  switch (b.t) {
    case 'p':
      return html`<p>${inline(b.c)}</p>`;
    case 'h':
      return b.level === 2 ? html`<h3>${inline(b.c)}</h3>` : html`<h4>${inline(b.c)}</h4>`;
    case 'ul':
      return html`<ul>${b.items.map((item) => html`<li>${inline(item)}</li>`)}</ul>`;
    case 'ol':
      return html`<ol>${b.items.map((item) => html`<li>${inline(item)}</li>`)}</ol>`;
  }
}

export function renderMarkdown(source: string): TemplateResult {
  return html`${parseMarkdown(source).map(block)}`;
}
