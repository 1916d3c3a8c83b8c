import { literal, type StaticValue } from 'lit/static-html.js';

const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The heading tag for a level, for `lit/static-html.js` templates: a widget's headings must
 * fit the outline of the CMS page it lands on (`heading-level`). Levels outside 1–6 are
 * clamped, so a mistyped attribute still gives a heading.
 *
 * ```ts
 * staticHtml`<${headingTag(this.headingLevel)}>…</${headingTag(this.headingLevel)}>`
 * ```
 */
export function headingTag(level: number): StaticValue {
  const index = Number.isFinite(level) ? Math.min(6, Math.max(1, Math.trunc(level))) - 1 : 1;
  return TAGS[index]!;
}
