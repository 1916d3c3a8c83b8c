/**
 * The safe Markdown subset of form guidance, parsed to a small tree the element renders with Lit
 * (never innerHTML): paragraphs, `## headings`, `**bold**`, `*italic*`, `[links](…)`, `- ` and
 * `1. ` lists. HTML is text. A link is kept only for http(s), mailto and site paths (`/…`);
 * any other target (javascript:, data:) becomes its text.
 */

export type MdInline = string | { t: 'b' | 'i'; c: MdInline[] } | { t: 'a'; href: string; c: MdInline[] };
export type MdBlock =
  | { t: 'p'; c: MdInline[] }
  | { t: 'h'; level: 2 | 3; c: MdInline[] }
  | { t: 'ul' | 'ol'; items: MdInline[][] };

export const isSafeHref = (href: string): boolean => /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) || /^\/(?!\/)[^\s]*$/.test(href);

/** Every link target in the text, safe or not (for the definition validator). */
export function linkTargets(source: string): string[] {
  return [...source.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]!);
}

const LIST = /^\s*(?:([-*])|(\d{1,3})[.)])\s+(.*)$/;

export function parseMarkdown(source: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let para: string[] = [];
    let list: { t: 'ul' | 'ol'; items: MdInline[][] } | undefined;
    const flush = () => {
      if (para.length) blocks.push({ t: 'p', c: parseInline(para.join(' ')) });
      para = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      const heading = /^(#{1,3})\s+(.*)$/.exec(line);
      const item = LIST.exec(raw);
      if (heading) {
        flush();
        list = undefined;
        blocks.push({ t: 'h', level: heading[1]!.length === 3 ? 3 : 2, c: parseInline(heading[2]!) });
      } else if (item) {
        flush();
        const t = item[1] ? 'ul' : 'ol';
        if (!list || list.t !== t) blocks.push((list = { t, items: [] }));
        list.items.push(parseInline(item[3]!));
      } else if (list && /^\s/.test(raw)) {
        // An indented line continues the list item above it.
        const last = list.items[list.items.length - 1]!;
        last.push(' ', ...parseInline(line));
      } else {
        list = undefined;
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}

export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let plain = '';
  const push = (node: MdInline) => {
    if (plain) out.push(plain);
    plain = '';
    out.push(node);
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && /[\\*_[\]()#-]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '[') {
      const m = /^\[([^\]]+)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (m) {
        const inner = parseInline(m[1]!);
        if (isSafeHref(m[2]!)) push({ t: 'a', href: m[2]!, c: inner });
        else for (const n of inner) push(n);
        i += m[0].length;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const strong = text.startsWith(ch + ch, i);
      const mark = strong ? ch + ch : ch;
      const end = text.indexOf(mark, i + mark.length);
      // `*` must hug its text (`2 * 3` is not emphasis); `_` must not sit inside a word.
      if (end > i + mark.length && !/\s/.test(text[i + mark.length]!) && !/\s/.test(text[end - 1]!) && (ch === '*' || !/\w/.test(text[end + mark.length] ?? ''))) {
        push({ t: strong ? 'b' : 'i', c: parseInline(text.slice(i + mark.length, end)) });
        i = end + mark.length;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  if (plain) out.push(plain);
  return out;
}

/** The text without markup, e.g. for a `<title>` or a CSV. */
export function markdownText(blocks: MdBlock[]): string {
  const inline = (nodes: MdInline[]): string => nodes.map((n) => (typeof n === 'string' ? n : inline(n.c))).join('');
  return blocks.map((b) => ('items' in b ? b.items.map(inline).join('\n') : inline(b.c))).join('\n\n');
}
