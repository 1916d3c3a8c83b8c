/**
 * The banner's few DOM helpers (it is built without Lit). Alert content comes from feeds the city
 * does not control (the NWS, a county's CAP server): it only ever goes in as text and attribute
 * values, never through `innerHTML`, and only a web address becomes a link.
 */

type Child = Node | string | false | null | undefined;

/** `<tag attr=value…>children</tag>`; strings become text nodes, false/empty children are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child): child is Node | string => !!child));
  return node;
}

/** The alert's `web` when it is an http(s) address (a `javascript:` one from a feed is no link). */
export function safeLink(web: string | undefined): string | undefined {
  if (!web) return undefined;
  try {
    return /^https?:$/.test(new URL(web, document.baseURI).protocol) ? web : undefined;
  } catch {
    return undefined;
  }
}
