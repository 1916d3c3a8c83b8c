/**
 * DOM helpers for the widgets built without Lit (`src/core/plain/`). Their content comes from
 * servers the city may not control (a county's CAP feed, an Open311 server's service names): it
 * only ever goes in as text and attribute values, never through `innerHTML`, and only a web
 * address becomes a link.
 */

type Child = Node | string | false | null | undefined;

/** `<tag attr=value…>children</tag>`; strings become text nodes, false/empty children are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child): child is Node | string => !!child));
  return node;
}

/** A heading of `level` (clamped to 1–6), as `<h1>`…`<h6>`. */
export function heading(level: number, attributes: Record<string, string>, ...children: Child[]): HTMLHeadingElement {
  return el(`h${Math.min(6, Math.max(1, level))}` as 'h2', attributes, ...children);
}

/** `web` when it is an http(s) address (a `javascript:` one from a feed is no link). */
export function safeLink(web: string | undefined): string | undefined {
  if (!web) return undefined;
  try {
    return /^https?:$/.test(new URL(web, document.baseURI).protocol) ? web : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fires a bubbling, composed `CustomEvent`; false if a listener cancelled it. Outside the classes
 * on purpose: the manifest analyzer would list a variable event type as an event of the element.
 * The real events are declared with `@fires`.
 */
export function fire(target: EventTarget, type: string, detail: unknown, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
