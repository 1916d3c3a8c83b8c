/**
 * The script-tag autoloader (`dist/civic-elements.js`): registers nothing itself, watches the
 * page and imports the code of each `civic-` tag the first time one appears — at load, added
 * later, or inside a shadow root the page creates. Chunks are imported relative to this file,
 * so the loader works from any CDN folder or from another origin.
 *
 * Until its code arrives (or if it never does) an element shows its light-DOM content: the
 * page's fallback, e.g. "Call 311 to report a problem". A widget's shadow root replaces it.
 */

const loaders: Record<string, () => Promise<unknown>> = {
  'civic-hall': () => import('./define/civic-hall.js'),
  'civic-service-list': () => import('./define/civic-service-list.js'),
  'civic-service-request': () => import('./define/civic-service-request.js'),
  'civic-location-picker': () => import('./define/civic-location-picker.js'),
  'civic-status-tracker': () => import('./define/civic-status-tracker.js'),
  'civic-request-map': () => import('./define/civic-request-map.js'),
  'civic-report-card': () => import('./define/civic-report-card.js'),
  'civic-alert-banner': () => import('./define/civic-alert-banner.js'),
  'civic-records-request': () => import('./define/civic-records-request.js'),
  'civic-records-status': () => import('./define/civic-records-status.js'),
  'civic-notify-signup': () => import('./define/civic-notify-signup.js'),
  'civic-follow': () => import('./define/civic-follow.js'),
  'civic-form': () => import('./define/civic-form.js'),
  'civic-form-list': () => import('./define/civic-form-list.js'),
};

const selector = Object.keys(loaders).join(',');
const requested = new Set<string>();
const observed = new WeakSet<Node>();

function load(tag: string): void {
  const loader = loaders[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    // Offline or a missing file: the fallback content stays; the tag's next appearance retries.
    requested.delete(tag);
    console.error(`civic-elements: could not load <${tag}>`, error);
  });
}

/** Loads every known tag at or under `node`, and watches the open shadow roots found there. */
function scan(node: Node): void {
  if (!(node instanceof Element || node instanceof Document || node instanceof DocumentFragment)) return;
  if (node instanceof Element) {
    load(node.localName);
    if (node.shadowRoot) watch(node.shadowRoot);
  }
  for (const element of node.querySelectorAll(selector)) load(element.localName);
}

const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) scan(node);
});

function watch(root: Document | ShadowRoot): void {
  if (observed.has(root)) return;
  // A widget's own shadow root needs no watching: each widget imports what it renders.
  if (root instanceof ShadowRoot && root.host.localName.startsWith('civic-')) return;
  observed.add(root);
  observer.observe(root, { childList: true, subtree: true });
  scan(root);
}

/** Shadow roots attached after this point (a page's own components) are watched too. */
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  watch(root);
  return root;
};

watch(document);
// Open shadow roots that exist already (a component that rendered before this script ran).
for (const element of document.querySelectorAll('*')) if (element.shadowRoot) watch(element.shadowRoot);

// A module (for `import()` in tests and for bundlers), though it exports nothing.
export {};
