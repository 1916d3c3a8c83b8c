/**
 * Backend content in the resident's language. The seed (or a city) stores translations as data:
 * one row per language and English source text (`translations(lang, source, text)`), gettext
 * style, so any sentence the city writes — a service name, a question, a notice, a closing note —
 * can be translated without code. English is the source language and needs no rows.
 */

/** The language whose words are stored in the service, attribute, request and note rows. */
export const SOURCE_LANGUAGE = 'en';

/** Turns the city's English words into the answer's language; unknown text stays as it is. */
export interface Localiser {
  /** The negotiated language, sent back as `Content-Language`. */
  lang: string;
  text(source: string): string;
  text(source: string | null): string | null;
  /**
   * A service's comma-separated keywords in the answer's language first, then in every other
   * language the server knows, so a search matches what a resident types in any of them.
   */
  keywords(source: string): string;
}

const ranges = (header: string) =>
  header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => /^\s*q\s*=/i.test(p));
      // A q-value that is not a number makes the range unusable rather than the most wanted.
      const quality = q === undefined ? 1 : /^\s*q\s*=\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(q) ? Number(q.split('=')[1]) : 0;
      return { tag: tag.trim().toLowerCase(), quality, index };
    })
    .filter((r) => r.tag !== '' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);

/**
 * The best of `available` for an `Accept-Language` header (RFC 9110 §12.5.4, lookup as in
 * RFC 4647 §3.4): ranges by q-value, a range matches a language or its primary subtag
 * (`es-MX` → `es`), `*` takes the source language. No header or no match: the source language.
 */
export function negotiateLanguage(header: string | undefined, available: readonly string[]): string {
  const known = new Set(available.map((l) => l.toLowerCase()));
  for (const { tag } of ranges(header ?? '')) {
    if (tag === '*') return SOURCE_LANGUAGE;
    if (tag === SOURCE_LANGUAGE || known.has(tag)) return tag;
    const primary = tag.split('-')[0]!;
    if (primary === SOURCE_LANGUAGE || known.has(primary)) return primary;
  }
  return SOURCE_LANGUAGE;
}

const splitKeywords = (list: string) =>
  list
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);

/** A localiser for `lang` from the catalogs of every language (`source → text`). */
export function localiser(lang: string, catalogs: ReadonlyMap<string, ReadonlyMap<string, string>>): Localiser {
  const own = catalogs.get(lang);
  const others = [...catalogs].filter(([l]) => l !== lang).map(([, c]) => c);
  function text(source: string): string;
  function text(source: string | null): string | null;
  function text(source: string | null): string | null {
    return source === null ? null : (own?.get(source) ?? source);
  }
  return {
    lang,
    text,
    keywords(source) {
      const words = splitKeywords(source);
      const all = [...words.map((w) => text(w)), ...words, ...others.flatMap((c) => words.map((w) => c.get(w) ?? w))];
      return [...new Set(all)].join(', ');
    },
  };
}

/** English as stored: what a server without translations answers. */
export const SOURCE: Localiser = localiser(SOURCE_LANGUAGE, new Map());
