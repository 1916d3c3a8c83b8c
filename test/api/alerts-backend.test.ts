// The alerts client against the real reference backend over HTTP (cross-origin, so CORS and the
// exposed ETag are exercised too): what staff issue is what a page reads, in JSON and in CAP XML.
import { expect } from '@open-wc/testing';
import { AlertsClient, activeAlerts, isEmergency } from '../../src/api/index.js';
import { BACKEND_URL } from '../helpers/backend.js';

/** The token web-test-runner.config.mjs starts the backend with. */
const STAFF_TOKEN = 'wtr-staff-token-not-a-secret';
const ALERTS = `${BACKEND_URL}/alerts/v1`;

async function issue(body: unknown): Promise<{ identifier: string }> {
  const res = await fetch(`${ALERTS}/alerts.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { alert: { identifier: string } }).alert;
}

const block = (headline: string, extra: Record<string, unknown> = {}) => ({
  event: 'Road Closure',
  urgency: 'Expected',
  severity: 'Moderate',
  certainty: 'Observed',
  expires: new Date(Date.now() + 3_600_000).toISOString(),
  headline,
  ...extra,
});

describe('AlertsClient against the reference backend', () => {
  it('reads the same alerts from active.json and active.xml, and revalidates with the exposed ETag', async () => {
    const issued = await issue({ info: [block('Main Street closed'), block('Main Street cerrada', { language: 'es-US' })], emergency: true });
    const client = new AlertsClient();
    for (const feed of ['active.json', 'active.xml']) {
      const first = await client.read(`${ALERTS}/${feed}`);
      if (!first.modified) throw new Error('first read must have a body');
      const mine = activeAlerts(first.alerts).find((a) => a.identifier === issued.identifier)!;
      expect(mine.info.map((i) => i.headline), feed).to.deep.equal(['Main Street closed', 'Main Street cerrada']);
      expect(isEmergency(mine), feed).to.equal(true);
      expect(first.etag, feed).to.be.a('string');
      expect(await client.read(`${ALERTS}/${feed}`, { etag: first.etag! }), feed).to.deep.equal({ modified: false, etag: first.etag });
    }
  });

  it('an Update replaces the alert it references for every reader', async () => {
    const original = await issue({ info: [block('Pool closed')] });
    const update = await issue({ msgType: 'Update', references: [original.identifier], info: [block('Pool closed until Friday')] });
    const read = await new AlertsClient().read(`${ALERTS}/active.xml`);
    if (!read.modified) throw new Error('must have a body');
    const ids = activeAlerts(read.alerts).map((a) => a.identifier);
    expect(ids).to.include(update.identifier);
    expect(ids).not.to.include(original.identifier);
    const mine = read.alerts.find((a) => a.identifier === update.identifier)!;
    expect(mine.references.map((r) => r.identifier)).to.deep.equal([original.identifier]);
  });
});
