// The demo city site: one layout (head, header with the language switch, navigation, footer) around
// each page of demo/pages/, rendered on the server the way a city's CMS renders its theme, so the
// page works under the strict CSP with no script of its own and a new page is one small file.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, MiddlewareHandler } from 'hono';
import { CSP } from './static.js';

export const DEMO_LANGUAGES = ['en', 'es'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export interface DemoPageText {
  /** The page's name in the navigation and breadcrumbs, and its `<title>` unless `title` is given. */
  label: string;
  title?: string;
  /** The content of `<main>` after the breadcrumbs: authored markup, inserted as is. */
  main: string;
}

/** What a file in demo/pages/ exports as its default (or a list of them). */
export interface DemoPage extends Record<DemoLanguage, DemoPageText> {
  /**
   * The URL path it answers, e.g. `/report.html`; `/` is the home page. One `{slug}` segment
   * (`/forms/{slug}.html`) answers any slug of lowercase letters, digits and hyphens that no other
   * page has, with `{slug}` in its texts replaced by it.
   */
  path: string;
  /** Its place in the main navigation (ascending); a page without one is not in the navigation. */
  nav?: number;
  /** Path of the page above it in the breadcrumbs (the home page is always first). */
  parent?: string;
  /** The page shows `<civic-alert-banner>` itself, so the layout leaves its own out. */
  ownAlerts?: boolean;
}

/** The demo's own words, around every page. */
const LAYOUT: Record<DemoLanguage, Record<'city' | 'suffix' | 'skip' | 'notice' | 'home' | 'mainNav' | 'breadcrumb' | 'language' | 'address' | 'emergency', string>> = {
  en: {
    city: 'City of Hartford',
    suffix: 'City of Hartford (demo)',
    skip: 'Skip to main content',
    notice: 'Demonstration site for civic-elements with made-up data. This is not an official City of Hartford website.',
    home: 'Home',
    mainNav: 'Main',
    breadcrumb: 'Breadcrumb',
    language: 'Language',
    address: 'City Hall, 550 Main Street, Hartford, CT 06103 · Call 311, or (860) 757-9311 from outside the city.',
    emergency: 'For emergencies call 911.',
  },
  es: {
    city: 'Ciudad de Hartford',
    suffix: 'Ciudad de Hartford (demo)',
    skip: 'Saltar al contenido principal',
    notice: 'Sitio de demostración de civic-elements con datos inventados. Este no es un sitio web oficial de la Ciudad de Hartford.',
    home: 'Inicio',
    mainNav: 'Principal',
    breadcrumb: 'Ruta de navegación',
    language: 'Idioma',
    address: 'Ayuntamiento, 550 Main Street, Hartford, CT 06103 · Llame al 311, o al (860) 757-9311 desde fuera de la ciudad.',
    emergency: 'En caso de emergencia, llame al 911.',
  },
};

/** Each language's name in itself, as the switch shows it. */
const ENDONYMS: Record<DemoLanguage, string> = { en: 'English', es: 'Español' };

/** The query parameter that switches language; the choice is kept in this cookie for the next pages. */
export const LANG_PARAM = 'lang';
export const LANG_COOKIE = 'demo_lang';

const isLanguage = (value: string | undefined): value is DemoLanguage => (DEMO_LANGUAGES as readonly string[]).includes(value ?? '');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function cookieLanguage(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === LANG_COOKIE) return value;
  }
  return undefined;
}

/** The same address in another language: the rest of the query (e.g. `?request=1234`) is kept. */
function switchHref(url: URL, lang: DemoLanguage): string {
  const params = new URLSearchParams(url.search);
  params.set(LANG_PARAM, lang);
  return `${url.pathname}?${params}`;
}

export function renderDemoPage(page: DemoPage, pages: readonly DemoPage[], lang: DemoLanguage, url: URL): string {
  const words = LAYOUT[lang];
  const text = page[lang];
  const navPages = pages.filter((p) => p.nav !== undefined).sort((a, b) => a.nav! - b.nav!);
  const current = (p: DemoPage) => (p.path === page.path ? ' aria-current="page"' : '');
  const nav = navPages.map((p) => `      <li><a href="${p.path}"${current(p)}>${escapeHtml(p[lang].label)}</a></li>`).join('\n');
  const switcher = DEMO_LANGUAGES.map(
    (l) =>
      `<li><a href="${escapeHtml(switchHref(url, l))}" lang="${l}" hreflang="${l}"${l === lang ? ' aria-current="true"' : ''}>${ENDONYMS[l]}</a></li>`,
  ).join('');
  const trail: DemoPage[] = [];
  for (let p = pages.find((q) => q.path === page.parent); p && p.path !== '/' && !trail.includes(p); p = pages.find((q) => q.path === p!.parent)) trail.unshift(p);
  const crumbs =
    page.path === '/'
      ? ''
      : `    <nav class="breadcrumbs" aria-label="${words.breadcrumb}"><ol><li><a href="/">${words.home}</a></li>${trail
          .map((p) => `<li><a href="${p.path}">${escapeHtml(p[lang].label)}</a></li>`)
          .join('')}<li aria-current="page">${escapeHtml(text.label)}</li></ol></nav>\n`;
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(text.title ?? text.label)} | ${words.suffix}</title>
  <link rel="stylesheet" href="/city.css">
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <!-- What a web team pastes: one script tag... -->
  <script type="module" src="/dist/civic-elements.js"></script>
</head>
<body>
  <a class="skip-link" href="#main">${words.skip}</a>
  <p class="demo-notice">${words.notice}</p>
  <header class="site-header">
    <div class="inner">
      <span class="seal" aria-hidden="true">H</span><a class="site-name" href="/">${words.city}</a>
      <nav class="lang-switch" aria-label="${words.language}"><ul>${switcher}</ul></nav>
    </div>
  </header>
${page.ownAlerts ? '' : '  <div class="site-alerts"><civic-alert-banner src="/alerts/v1/active.json"></civic-alert-banner></div>\n'}  <nav class="site-nav" aria-label="${words.mainNav}">
    <ul>
${nav}
    </ul>
  </nav>
  <main id="main">
${crumbs}${text.main.replace(/^\n/, "").trimEnd()}
  </main>
  <footer class="site-footer">
    <div class="inner">
      <p>${words.address}</p>
      <p>${words.emergency}</p>
    </div>
  </footer>
</body>
</html>
`;
}

/** Every page in `dir`, one module each; none when the folder does not exist (a root with plain HTML files). */
export async function loadDemoPages(dir: string): Promise<DemoPage[]> {
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  const files = names.filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.endsWith('.d.ts')).sort();
  const pages: DemoPage[] = [];
  for (const file of files) {
    // A module exports one page, or a list of pages made from data (one page per city form).
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: DemoPage | DemoPage[] };
    const exported = Array.isArray(mod.default) ? mod.default : [mod.default];
    if (exported.some((p) => !p?.path)) throw new Error(`demo page ${file} has no default export with a path`);
    pages.push(...(exported as DemoPage[]));
  }
  return pages;
}

/** The page a `{slug}` path makes for `path`, if one matches. */
function fromTemplate(pages: readonly DemoPage[], path: string): DemoPage | undefined {
  for (const template of pages) {
    const [before, after, ...more] = template.path.split('{slug}');
    if (after === undefined || more.length > 0 || !path.startsWith(before!) || !path.endsWith(after)) continue;
    const slug = path.slice(before!.length, path.length - after.length);
    if (!/^[a-z0-9-]+$/.test(slug)) continue;
    const fill = (text: DemoPageText): DemoPageText => ({
      label: text.label.replaceAll('{slug}', slug),
      main: text.main.replaceAll('{slug}', slug),
      ...(text.title === undefined ? {} : { title: text.title.replaceAll('{slug}', slug) }),
    });
    return { ...template, path, en: fill(template.en), es: fill(template.es) };
  }
  return undefined;
}

/**
 * Answers the demo's page addresses with the rendered layout and hands everything else (styles,
 * images) to the next handler. The language comes from `?lang=`, which is remembered in a cookie,
 * else from that cookie, else English.
 */
export function demoPages(dir: string): MiddlewareHandler {
  let loaded: Promise<DemoPage[]> | undefined;
  return async (c: Context, next) => {
    const path = c.req.path === '/index.html' ? '/' : c.req.path;
    // The page sources live under the served folder; they are code, not content.
    if (path.startsWith('/pages/')) return c.text('Not found\n', 404);
    loaded ??= loadDemoPages(dir);
    const pages = await loaded;
    const page = pages.find((p) => p.path === path && !p.path.includes('{slug}')) ?? fromTemplate(pages, path);
    if (!page) return next();
    const asked = c.req.query(LANG_PARAM);
    const kept = cookieLanguage(c.req.header('Cookie'));
    const lang: DemoLanguage = isLanguage(asked) ? asked : isLanguage(kept) ? kept : 'en';
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      Vary: 'Cookie',
    };
    if (isLanguage(asked)) headers['Set-Cookie'] = `${LANG_COOKIE}=${asked}; Path=/; Max-Age=31536000; SameSite=Lax`;
    return c.body(renderDemoPage(page, pages, lang, new URL(c.req.url)), 200, headers);
  };
}
