import { en, type CoreMessages, type Message, type PluralMessage } from './locales/en.js';

export type { Message, PluralMessage };

/**
 * Every message the library knows, by key. The shared ones come from `locales/en.ts`; each
 * widget adds its own from its `strings.ts` (module augmentation), so `t()` is typed against
 * exactly the messages that exist.
 */
export interface CivicMessages extends CoreMessages {}

/** Every message key the library knows. */
export type MessageKey = keyof CivicMessages;

/** Messages in one language: any subset of the keys (a missing one falls back to English). */
export type Catalog = Partial<Record<MessageKey, Message>>;

/** Strings that replace built-in messages: any subset of a catalog. */
export type Strings = Catalog;

/** Values for `{name}` placeholders; numbers are formatted for the locale, `count` picks the plural form. */
export type MessageParams = Record<string, string | number>;

/** Looks up and fills a message; what widgets pass to the form primitives (`this.t`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const DEFAULT_LANGUAGE = 'en';

/** Loads one language's messages of one module (a chunk of its own, fetched on first use). */
export type CatalogLoader = () => Promise<Catalog>;

/** Per language, every message loaded so far (the shared ones, then each widget's). */
const catalogs = new Map<string, Catalog>([['en', { ...en }]]);

/** Per language, messages registered but not fetched yet: a page in English never downloads them. */
const pendingLoaders = new Map<string, CatalogLoader[]>();

/** Per language, the fetch under way, so widgets that ask at once share it. */
const loading = new Map<string, Promise<void>>();

/**
 * Adds messages, per language: `registerMessages({ en: {...}, es: () => import('./strings.es.js')… })`.
 * Each widget registers its own when its module loads, so a page carries only the strings of
 * the widgets it uses; a language given as a loader is fetched only when a widget resolves to
 * it (`languageReady`). Later registrations win for the same key.
 */
export function registerMessages(byLanguage: Record<string, Catalog | CatalogLoader>): void {
  for (const [language, messages] of Object.entries(byLanguage)) {
    const key = language.toLowerCase();
    if (typeof messages === 'function') {
      pendingLoaders.set(key, [...(pendingLoaders.get(key) ?? []), messages]);
      // Known (resolveLocale accepts it) but not loaded: languageReady(key) fetches it.
      catalogs.set(key, catalogs.get(key) ?? {});
    } else {
      catalogs.set(key, { ...catalogs.get(key), ...messages });
    }
  }
}

/**
 * Fetches whatever messages registered for `locale`'s language are not loaded yet; `undefined`
 * when there is nothing to fetch. A catalog that cannot be fetched (its chunk missing, offline)
 * leaves those messages in English rather than blocking the widget; it is not asked for again.
 */
export function languageReady(locale: string): Promise<void> | undefined {
  const language = locale.toLowerCase().split('-')[0]!;
  const loaders = pendingLoaders.get(language);
  if (!loaders?.length) return loading.get(language);
  pendingLoaders.delete(language);
  const previous = loading.get(language) ?? Promise.resolve();
  const done = Promise.all([
    previous,
    ...loaders.map((load) =>
      load().then(
        (messages) => registerMessages({ [language]: messages }),
        (error: unknown) => console.error(`civic-elements: could not load the "${language}" messages`, error),
      ),
    ),
  ]).then(() => {
    if (loading.get(language) === done) loading.delete(language);
  });
  loading.set(language, done);
  return done;
}

registerMessages({ es: () => import('./locales/es.js').then((m) => m.es) });

/**
 * Adds a language the library does not ship, or replaces some of a language's messages:
 * `registerCatalog('fr', { tryAgain: 'Réessayer', … })`. Keys it leaves out fall back to
 * English. Widgets pick it up on their next render.
 */
export function registerCatalog(language: string, catalog: Catalog): void {
  registerMessages({ [language]: catalog });
}

/**
 * A city's own catalog files, one per language, which win over the built-in words of that
 * language (a third language, or corrections to Spanish). Kept apart from `catalogs` so a
 * built-in chunk that arrives after the file cannot undo it.
 */
const fileCatalogs = new Map<string, Catalog>();
const linkedFiles = new Set<string>();

/**
 * Adds a language from one JSON catalog file: `{ "tryAgain": "Réessayer", "serviceListCount":
 * { "one": "…", "other": "…" } }`, the keys of the English template `npm run catalog` writes.
 * Fetched only when a widget first speaks `language`; keys it leaves out stay English. Pages
 * need no code for it: `<link rel="civic-catalog" hreflang="fr" href="/civic/fr.json">` does the same.
 */
export function registerCatalogUrl(language: string, url: string | URL): void {
  const key = language.toLowerCase().split('-')[0]!;
  catalogs.set(key, catalogs.get(key) ?? {});
  pendingLoaders.set(key, [
    ...(pendingLoaders.get(key) ?? []),
    async () => {
      // Its reader loads with it: pages in the shipped languages never carry it.
      const messages = await (await import('./catalog-file.js')).fetchCatalogFile(url);
      fileCatalogs.set(key, { ...fileCatalogs.get(key), ...messages });
      return {};
    },
  ]);
}

/** Registers the page's `<link rel="civic-catalog" hreflang="…">` files for `language`, once each. */
function linkCatalogFiles(language: string): void {
  if (typeof document === 'undefined') return;
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="civic-catalog"][hreflang]')) {
    if (link.hreflang.toLowerCase().split('-')[0] !== language || !link.href || linkedFiles.has(link.href)) continue;
    linkedFiles.add(link.href);
    registerCatalogUrl(language, link.href);
  }
}

/**
 * The locale a widget speaks for a requested language tag: the tag itself when a catalog
 * exists for it or its primary subtag (`es-MX` keeps Mexican date formats with the `es`
 * catalog; a page's catalog file counts), else English. Dates and numbers follow the same
 * locale as the words, so a page in a language without a catalog never mixes English sentences
 * with foreign dates.
 */
export function resolveLocale(requested: string | null | undefined): string {
  const tag = canonicalTag(requested);
  if (!tag) return DEFAULT_LANGUAGE;
  const primary = tag.split('-')[0]!.toLowerCase();
  linkCatalogFiles(primary);
  if (catalogs.has(tag.toLowerCase())) return tag;
  return catalogs.has(primary) ? tag : DEFAULT_LANGUAGE;
}

function canonicalTag(requested: string | null | undefined): string | undefined {
  const raw = requested?.trim().replace(/_/g, '-');
  if (!raw) return undefined;
  try {
    return Intl.getCanonicalLocales(raw)[0];
  } catch {
    // Not a valid BCP 47 tag (e.g. "english"): treat as unknown.
    return undefined;
  }
}

/** The messages loaded so far for a resolved locale (`es-MX` → Spanish); see `languageReady`. */
export function catalogFor(locale: string): Catalog {
  const lower = locale.toLowerCase();
  return catalogs.get(lower) ?? catalogs.get(lower.split('-')[0]!) ?? catalogs.get(DEFAULT_LANGUAGE)!;
}

/**
 * The language in effect for a node: the nearest `lang` attribute on it or an ancestor,
 * walking out of shadow roots through their hosts (`closest()` stops at a shadow boundary).
 * An empty `lang=""` means "unknown" (HTML spec) and ends the search.
 */
export function nearestLang(node: Node): string | undefined {
  let current: Element | null = node instanceof Element ? node : node.parentElement;
  while (current) {
    const withLang: Element | null = current.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? undefined;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Picks the plural form of a message for `count` (falls back to `other`). */
export function selectPlural(message: PluralMessage, count: number, locale: string): string {
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  const category = rules.select(count) as keyof PluralMessage;
  return message[category] ?? message.other;
}

/**
 * Fills a message: plural form from `params.count`, then `{name}` placeholders. Numbers are
 * formatted for the locale; a placeholder without a value is left visible so a missing
 * parameter is noticed rather than silently dropped.
 */
export function formatMessage(message: Message, params: MessageParams | undefined, locale: string): string {
  const count = params?.count;
  const text =
    typeof message === 'string' ? message : selectPlural(message, typeof count === 'number' ? count : Number(count ?? 0), locale);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/**
 * Looks a message up (override strings first, then the locale's catalog, then English) and
 * fills it. This is what `CivicElement#t` calls.
 */
export function translate(
  key: MessageKey,
  params: MessageParams | undefined,
  locale: string,
  ...overrides: Array<Strings | undefined>
): string {
  for (const strings of overrides) {
    const message = strings?.[key];
    if (message !== undefined) return formatMessage(message, params, locale);
  }
  // A key no catalog has means its widget's strings were never registered: show the key, which
  // a tester notices, rather than an empty string nobody does.
  const lower = locale.toLowerCase();
  const file = fileCatalogs.get(lower) ?? fileCatalogs.get(lower.split('-')[0]!);
  const message = file?.[key] ?? catalogFor(locale)[key] ?? catalogFor(DEFAULT_LANGUAGE)[key] ?? key;
  return formatMessage(message, params, locale);
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options ?? {})}`;
  return cached(numberFormats, key, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** Anything a date can be made from: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type DateInput = Date | number | string;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A date for people to read, e.g. "March 3, 2025" / "3 de marzo de 2025". Defaults to `dateStyle: 'long'`. */
export function formatDate(value: DateInput, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${locale}|${JSON.stringify(options)}`;
  return cached(dateFormats, key, () => new Intl.DateTimeFormat(locale, options)).format(date);
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * Time from `now` to `value` in words: "3 days ago", "in 2 hours", "yesterday" /
 * "hace 3 días", "dentro de 2 horas", "ayer". Uses the largest whole unit.
 */
export function formatRelative(value: DateInput, locale: string, now: DateInput = Date.now()): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.round((date.getTime() - toDate(now).getTime()) / 1000);
  const format = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return '';
}

type LangListener = () => void;
const langListeners = new Set<LangListener>();
const observedRoots = new WeakSet<Node>();
let langObserver: MutationObserver | undefined;

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the document or in the
 * shadow roots enclosing `node` (a MutationObserver's subtree does not enter shadow roots, so
 * each enclosing root is observed too). Returns the unsubscribe function.
 */
export function observeLang(node: Node, listener: LangListener): () => void {
  langObserver ??= new MutationObserver(() => {
    for (const notify of [...langListeners]) notify();
  });
  let root = node.getRootNode();
  while (true) {
    if (!observedRoots.has(root)) {
      observedRoots.add(root);
      langObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    if (!(root instanceof ShadowRoot)) break;
    root = root.host.getRootNode();
  }
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}
