// Alert feeds in the three formats the banner reads, from fixtures written after the published
// formats (CAP 1.2, Atom with inline CAP, api.weather.gov GeoJSON): what a resident should see.
import { expect } from '@open-wc/testing';
import {
  HtmlErrorPageError,
  MalformedResponseError,
  activeAlerts,
  contentHash,
  infoFor,
  isEmergency,
  nextExpiry,
  parseAlerts,
  parseCap,
  parseNws,
  type CivicAlert,
} from '../../src/api/index.js';

const fixture = async (file: string) => {
  const res = await fetch(`/test/api/fixtures/alerts/${file}`);
  if (!res.ok) throw new Error(`fixture ${file} not found`);
  return res.text();
};
const headlines = (alerts: CivicAlert[]) => alerts.map((a) => a.info[0]!.headline);

describe('CAP 1.2: a single alert', () => {
  it('reads every field of both language blocks', async () => {
    const [alert, ...rest] = parseCap(await fixture('cap-single.xml'));
    expect(rest).to.have.length(0);
    expect(alert!.identifier).to.equal('HFD-EOC-2026-0412');
    expect(alert!.sender).to.equal('eoc@hartfordct.gov');
    expect(alert!.sent.toISOString()).to.equal('2026-04-12T10:15:00.000Z');
    expect([alert!.status, alert!.msgType, alert!.scope]).to.deep.equal(['Actual', 'Alert', 'Public']);
    expect(alert!.info.map((i) => i.language)).to.deep.equal(['en-US', 'es-US']);
    const en = alert!.info[0]!;
    expect(en).to.deep.include({
      category: ['Infra'],
      event: 'Water Main Break',
      urgency: 'Expected',
      severity: 'Moderate',
      certainty: 'Observed',
      senderName: 'City of Hartford Emergency Operations',
      headline: 'Boil water notice for the North End',
      instruction: 'Boil tap water for one minute before drinking or cooking.',
      web: 'https://www.hartfordct.gov/alerts/water-main',
      contact: '311',
      areas: ['North End, Hartford'],
    });
    expect(en.expires!.toISOString()).to.equal('2099-04-13T10:00:00.000Z');
  });

  it('picks the reader’s language block, and says when it had to fall back', async () => {
    const [alert] = parseCap(await fixture('cap-single.xml'));
    expect(infoFor(alert!, 'es-MX')).to.deep.include({ translated: true });
    expect(infoFor(alert!, 'es-MX')!.info.headline).to.equal('Aviso de hervir el agua en el North End');
    expect(infoFor(alert!, 'en')!.info.language).to.equal('en-US');
    const fr = infoFor(alert!, 'fr')!;
    expect(fr.translated).to.equal(false);
    expect(fr.info.language).to.equal('en-US');
  });

  it('rejects XML that is not CAP 1.2, and text that is not XML', async () => {
    expect(() => parseCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"><identifier>x</identifier></alert>')).to.throw(MalformedResponseError);
    expect(() => parseCap('<alert')).to.throw(MalformedResponseError);
    expect(() => parseAlerts('<!doctype html><html><body>Bad gateway</body></html>', 502)).to.throw(HtmlErrorPageError);
  });
});

describe('CAP 1.2 in an Atom feed: several at once, updated, cancelled, expired, a drill', () => {
  it('reads every entry’s alert, prefix and all', async () => {
    const messages = parseCap(await fixture('cap-feed.xml'));
    expect(messages.map((m) => m.identifier)).to.deep.equal([
      'HFD-EOC-0411', 'HFD-EOC-0410', 'HFD-EOC-0407', 'HFD-EOC-0409', 'HFD-EOC-0301', 'HFD-EOC-DRILL-1', 'HFD-DPW-0412', 'HFD-EOC-0413',
    ]);
    expect(messages[0]!.references).to.deep.equal([{ sender: 'eoc@hartfordct.gov', identifier: 'HFD-EOC-0410', sent: '2026-04-11T18:00:00-04:00' }]);
    // No <language>: CAP's default.
    expect(messages[0]!.info[0]!.language).to.equal('en-US');
  });

  it('shows only what is in force, most severe first', async () => {
    const active = activeAlerts(parseCap(await fixture('cap-feed.xml')), new Date('2026-04-12T13:00:00Z'));
    // The update replaced the original ban; the cancel removed the flood warning and is not shown
    // itself; the heat alert expired in 2020; the drill is an Exercise.
    expect(headlines(active)).to.deep.equal([
      'Tornado warning for Hartford until 9:30 a.m.',
      'Main Street closed at Pratt Street',
      'Parking ban extended to Saturday',
    ]);
    expect(active.map(isEmergency)).to.deep.equal([true, false, false]);
  });

  it('drops an alert once its expiry has passed, and says when the next one does', async () => {
    const messages = parseCap(await fixture('cap-feed.xml'));
    const before = activeAlerts(messages, new Date('2099-04-12T13:00:00Z'));
    expect(nextExpiry(before)!.toISOString()).to.equal('2099-04-12T13:30:00.000Z');
    const after = activeAlerts(messages, new Date('2099-04-12T13:31:00Z'));
    expect(headlines(after)).to.deep.equal(['Main Street closed at Pratt Street', 'Parking ban extended to Saturday']);
    expect(activeAlerts(messages, new Date('2099-04-15T00:00:00Z'))).to.deep.equal([]);
  });

  it('falls back to English for an alert with no Spanish block', async () => {
    const active = activeAlerts(parseCap(await fixture('cap-feed.xml')), new Date('2026-04-12T13:00:00Z'));
    expect(infoFor(active[0]!, 'es')).to.deep.include({ translated: true });
    expect(infoFor(active[1]!, 'es')).to.deep.include({ translated: false });
  });
});

describe('NWS alerts GeoJSON', () => {
  it('maps the properties onto CAP fields', async () => {
    const messages = parseNws(JSON.parse(await fixture('nws-point.json')));
    expect(messages).to.have.length(4);
    const warning = messages[0]!;
    expect(warning.msgType).to.equal('Update');
    expect(warning.references.map((r) => r.identifier)).to.deep.equal(['urn:oid:2.49.0.1.840.0.8d2b1c1e7a1.001.1']);
    expect(warning.info[0]).to.deep.include({
      language: 'en-US',
      event: 'Winter Storm Warning',
      severity: 'Moderate',
      urgency: 'Expected',
      certainty: 'Likely',
      senderName: 'NWS Boston/Norton MA',
      areas: ['Hartford; Tolland'],
      web: 'https://api.weather.gov/alerts/urn:oid:2.49.0.1.840.0.8d2b1c1e7a1.002.1',
    });
    // `instruction: null` is absent, not "null".
    expect(messages[1]!.info[0]).not.to.have.property('instruction');
  });

  it('shows the warning only: the watch it updates, the ended advisory and the test are gone', async () => {
    const active = activeAlerts(parseAlerts(await fixture('nws-point.json')), new Date('2026-04-12T13:00:00Z'));
    expect(active.map((a) => a.info[0]!.event)).to.deep.equal(['Winter Storm Warning']);
  });

  it('rejects JSON that is not a FeatureCollection', () => {
    expect(() => parseNws({ type: 'Feature' })).to.throw(MalformedResponseError);
  });
});

describe('the reference backend’s JSON', () => {
  it('keeps the city’s emergency flag, which outranks a more severe alert', async () => {
    const city = parseAlerts(await fixture('civic-active.json'));
    expect(city[0]!.emergency).to.equal(true);
    expect(city[0]!.info[0]!.areas).to.deep.equal(['City of Hartford']);
    const feed = parseCap(await fixture('cap-feed.xml'));
    const active = activeAlerts([...feed, ...city], new Date('2026-04-12T13:00:00Z'));
    expect(headlines(active).slice(0, 2)).to.deep.equal(['Emergency: Tropical Storm Elsa', 'Tornado warning for Hartford until 9:30 a.m.']);
    expect(isEmergency(active[0]!)).to.equal(true);
  });

  it('rejects JSON of another shape', () => {
    expect(() => parseAlerts('{"services":[]}')).to.throw(MalformedResponseError);
    expect(() => parseAlerts('not json')).to.throw(MalformedResponseError);
  });
});

describe('content hash', () => {
  it('changes with the words, not with a re-send', async () => {
    const [alert] = parseCap(await fixture('cap-single.xml'));
    const info = alert!.info[0]!;
    expect(contentHash({ ...info, expires: new Date() })).to.equal(contentHash(info));
    expect(contentHash({ ...info, headline: 'Boil water notice lifted' })).not.to.equal(contentHash(info));
  });
});
