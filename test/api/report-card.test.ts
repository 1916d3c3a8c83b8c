// The report card's arithmetic against a small set whose figures are worked out by hand below.
import { expect } from '@open-wc/testing';
import { computeReportCard, percentile } from '../../src/api/report-card.js';
import type { ServiceRequest, ServiceRequestNote } from '../../src/api/types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2025-06-30T12:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const ago = (days: number) => NOW.getTime() - days * DAY;

let nextId = 1;
function request(fields: Partial<ServiceRequest> & { requested: number }, notes?: Array<[string, number]>): ServiceRequest {
  const { requested, ...rest } = fields;
  const r: ServiceRequest = {
    service_request_id: String(nextId++),
    status: 'open',
    requested_datetime: at(requested),
    ...rest,
  };
  if (notes) r.notes = notes.map(([type, when]): ServiceRequestNote => ({ type, datetime: at(when), summary: type }));
  return r;
}

/**
 * POTHOLE, 20 requests in the window (enough data):
 * - P1–P10 closed i days after received (expected 5 days after): P1–P5 on time (P5 exactly at
 *   the due time), P6–P10 late; each acknowledged (assigned) i hours after received. P5 was
 *   closed at 3 days, reopened at 4, closed again at 5: it counts as reopened, closed at 5.
 * - P11–P16 open, received 10 days ago, expected 5 days after: overdue. P11–P13 assigned 2 hours
 *   after received; P12 was closed after a day and reopened (open with a closed note).
 * - P17–P20 open, received a day ago, not yet due, no note but the opening one.
 * Outside the count: one received 40 days ago, and P1 again (a duplicate).
 *
 * GRAFFITI, 3 requests, no notes (a server without `extensions`), no expected dates:
 * G1 closed after 1 day, G2 after 3 days, G3 open since 5 days ago.
 */
function knownSet(): ServiceRequest[] {
  nextId = 1;
  const pothole = { service_code: 'POTHOLE', service_name: 'Pothole' };
  const list: ServiceRequest[] = [];
  for (let i = 1; i <= 10; i++) {
    const t0 = ago(20) + i * HOUR;
    const notes: Array<[string, number]> =
      i === 5
        ? [['opened', t0], ['assigned', t0 + 5 * HOUR], ['closed', t0 + 3 * DAY], ['assigned', t0 + 4 * DAY], ['closed', t0 + 5 * DAY]]
        : [['opened', t0], ['assigned', t0 + i * HOUR], ['closed', t0 + i * DAY]];
    list.push(
      request(
        { ...pothole, requested: t0, status: 'closed', updated_datetime: at(t0 + i * DAY), expected_datetime: at(t0 + 5 * DAY) },
        notes,
      ),
    );
  }
  for (let i = 11; i <= 16; i++) {
    const t0 = ago(10);
    const notes: Array<[string, number]> = [['opened', t0]];
    if (i <= 13) notes.push(['assigned', t0 + 2 * HOUR]);
    if (i === 12) notes.push(['closed', t0 + DAY], ['inspected', t0 + 2 * DAY]);
    list.push(request({ ...pothole, requested: t0, expected_datetime: at(t0 + 5 * DAY) }, notes));
  }
  for (let i = 17; i <= 20; i++) {
    const t0 = ago(1);
    list.push(request({ ...pothole, requested: t0, expected_datetime: at(t0 + 5 * DAY) }, [['opened', t0]]));
  }
  list.push(request({ ...pothole, requested: ago(40) }, [['opened', ago(40)]]));
  list.push({ ...list[0]! });
  const graffiti = { service_code: 'GRAFFITI', service_name: 'Graffiti Removal' };
  list.push(request({ ...graffiti, requested: ago(10), status: 'closed', updated_datetime: at(ago(9)) }));
  list.push(request({ ...graffiti, requested: ago(10), status: 'closed', updated_datetime: at(ago(7)) }));
  list.push(request({ ...graffiti, requested: ago(5) }));
  return list;
}

const hours = (n: number) => n / 24;

describe('computeReportCard on a known set', () => {
  const card = computeReportCard(knownSet(), { windowDays: 30, now: NOW, serviceLevels: { GRAFFITI: 2 } });
  const row = (code: string) => card.categories.find((c) => c.service_code === code)!;

  it('describes its window', () => {
    expect(card.window_days).to.equal(30);
    expect(card.computed_at).to.equal('2025-06-30T12:00:00.000Z');
    expect(card.start_date).to.equal('2025-05-31T12:00:00.000Z');
    expect(card.source).to.equal('requests');
    expect(card.complete).to.equal(true);
    expect(card.categories.map((c) => c.service_code)).to.deep.equal(['GRAFFITI', 'POTHOLE']);
  });

  it('counts received, closed, backlog and overdue per category, ignoring duplicates and requests outside the window', () => {
    const p = row('POTHOLE');
    expect([p.received, p.closed, p.open, p.overdue]).to.deep.equal([20, 10, 10, 6]);
    expect(p.service_name).to.equal('Pothole');
  });

  it('judges on time against expected_datetime: share = 5 ÷ (5 on time + 5 late + 6 overdue)', () => {
    const p = row('POTHOLE');
    expect([p.closed_on_time, p.closed_late]).to.deep.equal([5, 5]);
    expect(p.on_time_share).to.equal(5 / 16);
  });

  it('takes median and 90th percentile by nearest rank: close 1…10 days → 5 and 9', () => {
    expect(row('POTHOLE').days_to_close).to.deep.equal({ median: 5, p90: 9, count: 10 });
  });

  it('acknowledges at the first note after the opening one: 13 requests, 1–10 h and three at 2 h → 4 h and 9 h', () => {
    expect(row('POTHOLE').days_to_acknowledge).to.deep.equal({ median: hours(4), p90: hours(9), count: 13 });
  });

  it('counts a request closed then worked on again, and an open one with a closed note, as reopened', () => {
    expect(row('POTHOLE').reopened).to.equal(2);
  });

  it('says "not enough data" (null), not a number, for a category under 20 requests, but keeps its counts', () => {
    const g = row('GRAFFITI');
    expect(g.enough_data).to.equal(false);
    expect([g.on_time_share, g.days_to_close, g.days_to_acknowledge]).to.deep.equal([null, null, null]);
    expect([g.received, g.closed, g.open]).to.deep.equal([3, 2, 1]);
  });

  it('uses the service-level target when a request has no expected date: 1 on time, 1 late, 1 overdue', () => {
    const g = row('GRAFFITI');
    expect([g.closed_on_time, g.closed_late, g.overdue]).to.deep.equal([1, 1, 1]);
  });

  it('leaves reopened unknown (null) when the server sent no notes, or an empty timeline', () => {
    expect(row('GRAFFITI').reopened).to.equal(null);
    const empty = computeReportCard([{ service_request_id: 'x', status: 'closed', service_code: 'A', requested_datetime: at(ago(2)), notes: [] }], {
      windowDays: 30,
      now: NOW,
    });
    expect(empty.all.reopened).to.equal(null);
  });

  it('adds every category into the row for all', () => {
    const all = card.all;
    expect(all.service_code).to.equal(null);
    expect([all.received, all.closed, all.open, all.overdue, all.closed_on_time, all.closed_late]).to.deep.equal([23, 12, 11, 7, 6, 6]);
    expect(all.on_time_share).to.equal(6 / 19);
    // Close: 1,1,2,3,3,4,5,6,7,8,9,10 (G1 = 1, G2 = 3); acknowledgement only where notes exist.
    expect(all.days_to_close).to.deep.equal({ median: 4, p90: 9, count: 12 });
    expect(all.days_to_acknowledge).to.deep.equal({ median: hours(4), p90: hours(9), count: 13 });
    expect(all.reopened).to.equal(2);
    expect(all.enough_data).to.equal(true);
  });

  it('without a service-level target, a request with no expected date is left out of the on-time share', () => {
    const g = computeReportCard(knownSet(), { windowDays: 30, now: NOW }).categories.find((c) => c.service_code === 'GRAFFITI')!;
    expect([g.closed_on_time, g.closed_late, g.overdue]).to.deep.equal([0, 0, 0]);
  });

  it('a shorter window drops what was received before it', () => {
    const week = computeReportCard(knownSet(), { windowDays: 7, now: NOW, serviceLevels: { GRAFFITI: 2 } });
    // Received in the last 7 days: P17–P20 and G3.
    expect(week.all.received).to.equal(5);
    expect(week.categories.map((c) => [c.service_code, c.received])).to.deep.equal([['GRAFFITI', 1], ['POTHOLE', 4]]);
  });

  it('counts a request stamped a few minutes after now (a server clock running fast), not one from hours later', () => {
    const skewed = [
      request({ requested: NOW.getTime() + 90_000, service_code: 'POTHOLE' }),
      request({ requested: NOW.getTime() + 3 * HOUR, service_code: 'POTHOLE' }),
    ];
    const card = computeReportCard(skewed, { windowDays: 7, now: NOW });
    expect(card.all.received).to.equal(1);
    expect(card.all.open).to.equal(1);
  });

  it('gives empty counts and no figures for no requests', () => {
    const empty = computeReportCard([], { windowDays: 30, now: NOW });
    expect(empty.categories).to.deep.equal([]);
    expect([empty.all.received, empty.all.on_time_share, empty.all.days_to_close, empty.all.reopened]).to.deep.equal([0, null, null, null]);
  });
});

describe('percentile', () => {
  it('is nearest rank, like SQL percentile_disc', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).to.equal(2);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).to.equal(3);
    expect(percentile([7], 0.9)).to.equal(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).to.equal(10);
  });
});
