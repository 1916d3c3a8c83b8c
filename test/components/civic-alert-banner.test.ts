import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicAlertBanner } from '../../src/define/civic-alert-banner.js';
import '../../src/define/civic-hall.js';
import { parseCap, type CivicAlert } from '../../src/api/index.js';
import { BACKEND_URL } from '../helpers/backend.js';

const FEED = '/test/api/fixtures/alerts/cap-feed.xml';
const NWS = '/test/api/fixtures/alerts/nws-point.json';
const DOWN = 'http://127.0.0.1:9/alerts/v1/active.json';
const DISMISSED_KEY = 'civic-alert-banner:dismissed';

const shadow = (el: CivicAlertBanner) => el.shadowRoot!;
const all = (el: CivicAlertBanner, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const headlines = (el: CivicAlertBanner) => all(el, '[part=headline]').map((h) => squash(h.textContent));
const announced = (el: CivicAlertBanner) => squash(shadow(el).querySelector('[aria-live=polite]')?.textContent);
const loaded = (el: CivicAlertBanner, count: number) =>
  waitUntil(() => all(el, '[part~=alert]').length === count, `${count} alerts shown`, { timeout: 10_000 });

/** A minimal Actual, Public alert with one English block. */
function alert(id: string, info: Partial<CivicAlert['info'][number]> = {}, extra: Partial<CivicAlert> = {}): CivicAlert {
  return {
    identifier: id,
    sender: 'alerts@hartford.ct.us',
    sent: new Date(),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    references: [],
    info: [{ language: 'en-US', category: ['Safety'], event: 'Notice', urgency: 'Expected', severity: 'Minor', certainty: 'Observed', areas: [], headline: `Headline ${id}`, ...info }],
    ...extra,
  };
}

/** Wraps window.fetch for one test, recording each URL and its If-None-Match. */
function recordFetches(): { calls: Array<{ url: string; ifNoneMatch: string | null }>; restore(): void } {
  const original = window.fetch;
  const calls: Array<{ url: string; ifNoneMatch: string | null }> = [];
  window.fetch = (input, init) => {
    calls.push({ url: String(input), ifNoneMatch: new Headers(init?.headers).get('if-none-match') });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

beforeEach(() => localStorage.removeItem(DISMISSED_KEY));

describe('<civic-alert-banner> with a CAP Atom feed', () => {
  it('is accessible, and shows only what is in force, most severe first', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED}></civic-alert-banner>`);
    await loaded(el, 3);
    await expect(el).to.be.accessible();
    expect(headlines(el)).to.deep.equal([
      'Tornado warning for Hartford until 9:30 a.m.',
      'Main Street closed at Pratt Street',
      'Parking ban extended to Saturday',
    ]);
    expect(all(el, '[part~=alert]').map((a) => a.getAttribute('part'))).to.deep.equal(['alert alert-emergency', 'alert alert-warning', 'alert alert-info']);
  });

  it('is a labelled landmark with a heading, and nothing shouts on page load', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED} heading-level="3"></civic-alert-banner>`);
    await loaded(el, 3);
    const region = shadow(el).querySelector('section')!;
    const title = shadow(el).getElementById(region.getAttribute('aria-labelledby')!)!;
    expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '3']);
    expect(squash(title.textContent)).to.equal('Alerts (3)');
    expect(all(el, '[part=headline]').map((h) => `${h.getAttribute('role')} ${h.getAttribute('aria-level')}`)).to.deep.equal(Array(3).fill('heading 4'));
    expect(shadow(el).querySelector('[role=alert]')).to.equal(null);
    expect(announced(el)).to.equal('');
  });

  it('an emergency cannot be hidden; a notice can, for good, and its link and details are keyboard controls', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED}></civic-alert-banner>`);
    await loaded(el, 3);
    const [tornado, closure, parking] = all(el, '[part~=alert]');
    expect(tornado!.querySelector('[part=dismiss-button]')).to.equal(null);
    expect(closure!.querySelector('[part=dismiss-button]')).not.to.equal(null);
    // Native controls only, in reading order: each is reached with Tab and works with Enter/Space.
    expect(all(el, 'a, button, summary, [tabindex="0"]').map((c) => c.tagName)).to.deep.equal(['BUTTON', 'SUMMARY', 'BUTTON']);
    const button = parking!.querySelector<HTMLButtonElement>('[part=dismiss-button]')!;
    expect(squash(button.textContent)).to.equal('Hide this alert: Parking ban extended to Saturday');
    button.focus();
    const dismissed = oneEvent(el, 'civic-alert-dismiss');
    button.click();
    expect((await dismissed).detail.alert.identifier).to.equal('HFD-EOC-0411');
    await el.updateComplete;
    expect(headlines(el)).to.deep.equal(['Tornado warning for Hartford until 9:30 a.m.', 'Main Street closed at Pratt Street']);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.title'));
    await waitUntil(() => announced(el) !== '', 'hiding announced');
    expect(announced(el)).to.equal('Alert hidden. It will show again if it changes.');
    await expect(el).to.be.accessible();
    // Another page of the site: still hidden.
    const next = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED}></civic-alert-banner>`);
    await loaded(next, 2);
  });

  it('a hidden notice comes back when its content changes', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [alert('A1', { headline: 'Leaf pickup delayed' })];
    await loaded(el, 1);
    all(el, '[part=dismiss-button]')[0]!.click();
    await loaded(el, 0);
    expect(shadow(el).querySelector('section')).to.equal(null);
    el.alerts = [alert('A1', { headline: 'Leaf pickup delayed' }), alert('A2', { headline: 'Leaf pickup delayed' })];
    await el.updateComplete;
    expect(all(el, '[part~=alert]')).to.have.length(0);
    el.alerts = [alert('A3', { headline: 'Leaf pickup delayed until Monday' }, { msgType: 'Update', references: [{ sender: 'alerts@hartford.ct.us', identifier: 'A1' }] })];
    await loaded(el, 1);
    expect(headlines(el)).to.deep.equal(['Leaf pickup delayed until Monday']);
  });
});

describe('<civic-alert-banner> in Spanish', () => {
  it('shows the Spanish block when there is one, and says when an alert is only in English', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><civic-alert-banner src=${FEED}></civic-alert-banner></div>`);
    const el = wrapper.querySelector('civic-alert-banner')!;
    await loaded(el, 3);
    await expect(el).to.be.accessible();
    expect(headlines(el)[0]).to.equal('Aviso de tornado para Hartford hasta las 9:30 a. m.');
    expect(all(el, '[part=headline]')[0]!.getAttribute('lang')).to.equal('es-US');
    const closure = all(el, '[part~=alert]')[1]!;
    expect(squash(closure.querySelector('[part=language-note]')?.textContent)).to.equal('Esta alerta solo está disponible en inglés.');
    expect(closure.querySelector('[part=headline]')!.getAttribute('lang')).to.equal('en-US');
    expect(squash(all(el, '.title')[0]!.textContent)).to.equal('Alertas (3)');
    expect(squash(closure.querySelector('[part=kind]')!.textContent)).to.equal('Advertencia: Road Closure');
  });
});

describe('<civic-alert-banner> and the page language', () => {
  it('follows a change of the page language while it is shown', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><civic-alert-banner src=${FEED}></civic-alert-banner></div>`);
    const el = wrapper.querySelector('civic-alert-banner')!;
    await loaded(el, 3);
    expect(squash(all(el, '.title')[0]!.textContent)).to.equal('Alerts (3)');
    wrapper.lang = 'es';
    await waitUntil(() => squash(all(el, '.title')[0]!.textContent) === 'Alertas (3)', 'Spanish title');
    expect(headlines(el)[0]).to.equal('Aviso de tornado para Hartford hasta las 9:30 a. m.');
    expect(squash(all(el, '[part=dismiss-button]')[0]!.textContent)).to.equal('Ocultar esta alerta: Main Street closed at Pratt Street');
    await expect(el).to.be.accessible();
  });

  it('speaks a third language from the page’s catalog file, English for the keys it leaves out', async () => {
    const catalog = { alertBannerTitle: { one: 'Alerte', other: 'Alertes ({count})' }, alertBannerDismiss: 'Masquer' };
    const link = document.createElement('link');
    link.rel = 'civic-catalog';
    link.hreflang = 'fr';
    link.href = `data:application/json,${encodeURIComponent(JSON.stringify(catalog))}`;
    document.head.append(link);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr-CA"><civic-alert-banner></civic-alert-banner></div>`);
      const el = wrapper.querySelector('civic-alert-banner')!;
      el.alerts = [alert('F1', { headline: 'Pool closed' })];
      await waitUntil(() => squash(all(el, '.title')[0]?.textContent) === 'Alerte', 'French title');
      const button = all(el, '[part=dismiss-button]')[0]!;
      expect(squash(button.textContent)).to.equal('Masquer this alert: Pool closed');
      // The alert has no French block: the English one, said so in the resident's language.
      expect(squash(all(el, '[part=language-note]')[0]!.textContent)).to.equal('This alert is only available in anglais.');
    } finally {
      link.remove();
    }
  });
});

describe('<civic-alert-banner> inside a <civic-hall>', () => {
  it('takes the hall’s strings, its own winning, and follows the hall when they change', async () => {
    const hallStrings = { alertBannerDismiss: 'Close', alertBannerTitle: { one: 'City alert', other: 'City alerts ({count})' } };
    const ownStrings = { alertBannerDismiss: 'Dismiss' };
    const hall = await fixture<HTMLElement & { strings?: unknown }>(
      html`<civic-hall .strings=${hallStrings}><civic-alert-banner .strings=${ownStrings}></civic-alert-banner></civic-hall>`,
    );
    const el = hall.querySelector('civic-alert-banner')!;
    el.alerts = [alert('H1', { headline: 'Pool closed' })];
    await loaded(el, 1);
    expect(squash(all(el, '.title')[0]!.textContent)).to.equal('City alert');
    expect(squash(all(el, '[part=dismiss-button]')[0]!.textContent)).to.equal('Dismiss this alert: Pool closed');
    hall.strings = { alertBannerTitle: { one: 'Town alert', other: 'Town alerts' } };
    await waitUntil(() => squash(all(el, '.title')[0]!.textContent) === 'Town alert', 'the hall’s new strings');
    el.remove();
    hall.append(el);
    await el.updateComplete;
    expect(squash(all(el, '.title')[0]!.textContent)).to.equal('Town alert');
  });
});

describe('<civic-alert-banner> with content it does not trust', () => {
  it('shows markup in an alert as text, and links only to web addresses', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [
      alert('X1', { headline: '<img src=x onerror="window.__pwned=1">Boil water', web: 'javascript:window.__pwned=1' }),
      alert('X2', { headline: 'Leaf pickup', web: 'https://www.hartfordct.gov/leaves' }),
    ];
    await loaded(el, 2);
    expect(headlines(el)).to.include('<img src=x onerror="window.__pwned=1">Boil water');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(all(el, '[part=link]').map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.hartfordct.gov/leaves']);
  });

  it('keeps an open disclosure open when another alert arrives', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [alert('Y1', { headline: 'Main Street closed', description: 'Until 7 p.m.', severity: 'Moderate' })];
    await loaded(el, 1);
    const details = shadow(el).querySelector('details')!;
    details.open = true;
    el.alerts = [...el.alerts, alert('Y2', { headline: 'Shelter open', severity: 'Severe' })];
    await loaded(el, 2);
    expect(headlines(el)).to.deep.equal(['Shelter open', 'Main Street closed']);
    expect(shadow(el).querySelector('details')).to.equal(details);
    expect(details.open).to.equal(true);
  });
});

describe('<civic-alert-banner> as alerts come and go', () => {
  it('announces an alert that arrives during the visit, politely; Update replaces and Cancel removes', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [alert('B1', { headline: 'Pool closed' })];
    await loaded(el, 1);
    expect(announced(el)).to.equal('');
    const changes = oneEvent(el, 'civic-alerts-change');
    el.alerts = [alert('B1', { headline: 'Pool closed' }), alert('B2', { headline: 'Shelter open at Weaver High School', severity: 'Severe' })];
    expect((await changes).detail.alerts.map((a: CivicAlert) => a.identifier)).to.deep.equal(['B2', 'B1']);
    await waitUntil(() => announced(el) !== '', 'new alert announced');
    expect(announced(el)).to.equal('New alert: Shelter open at Weaver High School');
    expect(shadow(el).querySelector('[aria-live=polite]')!.getAttribute('role')).to.equal('status');
    el.alerts = [
      ...el.alerts,
      alert('B3', { headline: 'Shelter moved to Bulkeley High School', severity: 'Severe' }, { msgType: 'Update', references: [{ sender: 'alerts@hartford.ct.us', identifier: 'B2' }] }),
      alert('B4', { headline: 'Cancelled' }, { msgType: 'Cancel', references: [{ sender: 'alerts@hartford.ct.us', identifier: 'B1' }] }),
    ];
    await el.updateComplete;
    expect(headlines(el)).to.deep.equal(['Shelter moved to Bulkeley High School']);
  });

  it('takes an alert down the moment it expires, while it is shown', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [alert('C1', { headline: 'Brief notice', expires: new Date(Date.now() + 300) }), alert('C2', { headline: 'Longer notice', expires: new Date(Date.now() + 3_600_000) })];
    await loaded(el, 2);
    await waitUntil(() => headlines(el).length === 1, 'expired alert removed', { timeout: 5000 });
    expect(headlines(el)).to.deep.equal(['Longer notice']);
  });

  it('never shows an alert that arrives already expired, a drill or a test', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = [
      alert('D1', { expires: new Date(Date.now() - 1000) }),
      alert('D2', {}, { status: 'Exercise' }),
      alert('D3', {}, { status: 'Test' }),
    ];
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<civic-alert-banner> polling', () => {
  let fetches: ReturnType<typeof recordFetches>;
  let delays: number[];
  const realSetTimeout = window.setTimeout;
  beforeEach(() => {
    fetches = recordFetches();
    delays = [];
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      delays.push(ms ?? 0);
      return realSetTimeout(fn, ms, ...args);
    }) as typeof window.setTimeout;
  });
  afterEach(() => {
    fetches.restore();
    window.setTimeout = realSetTimeout;
    delete (document as { hidden?: boolean }).hidden;
  });

  it('revalidates with the ETag it was given, and polls no faster than every 60 s nor slower than 120 s', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED} poll-interval="5"></civic-alert-banner>`);
    await loaded(el, 3);
    await waitUntil(() => delays.includes(60_000), 'poll scheduled at 60 s');
    await el.refresh();
    const reads = fetches.calls.filter((c) => c.url === FEED);
    expect(reads).to.have.length(2);
    expect(reads[0]!.ifNoneMatch).to.equal(null);
    expect(reads[1]!.ifNoneMatch).to.be.a('string').and.not.equal('');
    expect(all(el, '[part~=alert]')).to.have.length(3);
    el.pollInterval = 600;
    await el.updateComplete;
    expect(delays).to.include(120_000);
  });

  it('stops while the page is hidden and reads again when it is shown', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED} poll-interval="90"></civic-alert-banner>`);
    await loaded(el, 3);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    const before = fetches.calls.length;
    delays.length = 0;
    await el.refresh();
    expect(delays).not.to.include(90_000);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => fetches.calls.length === before + 2, 'read again on show');
    await waitUntil(() => delays.includes(90_000), 'polling resumed');
  });
});

describe('<civic-alert-banner> with NWS alerts', () => {
  it('adds the weather service’s alerts for the zone through the relay, with a link to each', async () => {
    const fetches = recordFetches();
    try {
      const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner nws-zone="CTZ002" nws-src=${NWS}></civic-alert-banner>`);
      await loaded(el, 1);
      expect(fetches.calls.map((c) => new URL(c.url, location.href).search)).to.include('?zone=CTZ002');
      expect(headlines(el)[0]).to.contain('Winter Storm Warning');
      const link = all(el, '[part=link]')[0] as HTMLAnchorElement;
      expect(link.href).to.equal('https://api.weather.gov/alerts/urn:oid:2.49.0.1.840.0.8d2b1c1e7a1.002.1');
      expect(squash(link.textContent)).to.contain('Full details and instructions');
      await expect(el).to.be.accessible();
    } finally {
      fetches.restore();
    }
  });

  it('defaults the relay to nws/active next to the city feed', async () => {
    const fetches = recordFetches();
    try {
      const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src="/alerts/v1/active.json" nws-point="41.76,-72.68"></civic-alert-banner>`);
      await waitUntil(() => fetches.calls.length >= 2, 'both feeds read');
      expect(fetches.calls.map((c) => new URL(c.url, location.href).pathname + new URL(c.url, location.href).search)).to.include(
        '/alerts/v1/nws/active?point=41.76%2C-72.68',
      );
      el.remove();
    } finally {
      fetches.restore();
    }
  });
});

describe('<civic-alert-banner> when the feed is down', () => {
  it('says so to the page (an event) and shows nothing to residents', async () => {
    const el = document.createElement('civic-alert-banner');
    el.src = DOWN;
    const failed = oneEvent(el, 'civic-alerts-error');
    document.body.append(el);
    try {
      expect((await failed).detail.url).to.equal(DOWN);
      await el.updateComplete;
      expect(shadow(el).querySelector('section')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('drops a feed’s alerts when the feed is no longer configured', async () => {
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${FEED}></civic-alert-banner>`);
    await loaded(el, 3);
    el.removeAttribute('src');
    await loaded(el, 0);
    expect(shadow(el).querySelector('section')).to.equal(null);
  });

  it('keeps the alerts it had when a later read fails', async () => {
    const messages = parseCap(await (await fetch(FEED)).text());
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner></civic-alert-banner>`);
    el.alerts = messages;
    await loaded(el, 3);
    const failed = oneEvent(el, 'civic-alerts-error');
    el.src = DOWN;
    await failed;
    expect(all(el, '[part~=alert]')).to.have.length(3);
  });
});

describe('<civic-alert-banner> against the reference backend', () => {
  /** The token web-test-runner.config.mjs starts the backend with. */
  const STAFF_TOKEN = 'wtr-staff-token-not-a-secret';
  const ALERTS = `${BACKEND_URL}/alerts/v1`;
  const issue = async (body: unknown) => {
    const res = await fetch(`${ALERTS}/alerts.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(res.status).to.equal(201);
    return ((await res.json()) as { alert: { identifier: string } }).alert.identifier;
  };
  const block = (headline: string, severity = 'Minor') => ({
    event: 'Service change',
    urgency: 'Expected',
    severity,
    certainty: 'Observed',
    expires: new Date(Date.now() + 3_600_000).toISOString(),
    headline,
  });

  it('shows what staff issued, and announces what staff issue while it is open; a Cancel takes it down', async () => {
    const first = await issue({ info: [block('Library opens late today')] });
    const el = await fixture<CivicAlertBanner>(html`<civic-alert-banner src=${`${ALERTS}/active.json`}></civic-alert-banner>`);
    await waitUntil(() => headlines(el).includes('Library opens late today'), 'issued alert shown', { timeout: 10_000 });
    expect(announced(el)).to.equal('');
    await issue({ info: [block('Shelter open at Weaver High School', 'Severe')] });
    await el.refresh();
    // Other files' alerts may share this backend: compare the two of this test only.
    const shown = headlines(el);
    expect(shown.indexOf('Shelter open at Weaver High School')).to.be.within(0, shown.indexOf('Library opens late today') - 1);
    await waitUntil(() => announced(el) !== '', 'announced');
    expect(announced(el)).to.equal('New alert: Shelter open at Weaver High School');
    await expect(el).to.be.accessible();
    await issue({ msgType: 'Cancel', references: [first] });
    await el.refresh();
    expect(headlines(el)).not.to.include('Library opens late today');
  });
});
