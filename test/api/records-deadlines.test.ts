// Public-records deadlines per jurisdiction: weekends, holidays as observed, after-hours receipt,
// time zones, year ends, extensions and a clock that pauses while the city waits for the requester.
import { expect } from '@open-wc/testing';
import {
  california,
  connecticut,
  deadlineBasis,
  federal,
  florida,
  isBusinessDay,
  newYork,
  recordsDeadline,
  recordsRules,
  texas,
} from '../../src/api/index.js';

const due = (rule: Parameters<typeof recordsDeadline>[0], at: string) => recordsDeadline(rule, at).due;

describe('recordsDeadline: Connecticut (4 business days to comply or deny)', () => {
  it('counts business days from the day after receipt', () => {
    expect(due(connecticut, '2026-12-04T15:00:00Z')).to.equal('2026-12-10');
    expect(due(connecticut, '2026-12-03T21:59:00Z')).to.equal('2026-12-09');
  });

  it('a request after 5 pm, or on a weekend, counts as received the next business day', () => {
    const late = recordsDeadline(connecticut, '2026-12-04T22:30:00Z');
    expect(late.received).to.equal('2026-12-07');
    expect(late.due).to.equal('2026-12-11');
    expect(due(connecticut, '2026-12-05T15:00:00Z')).to.equal('2026-12-11');
  });

  it('uses the local date, not the UTC one (11 pm Thursday in Hartford is Friday in UTC)', () => {
    const r = recordsDeadline(connecticut, '2026-12-04T04:00:00Z');
    expect(r.received).to.equal('2026-12-04');
    expect(r.due).to.equal('2026-12-10');
  });

  it('skips Christmas, Good Friday, Lincoln Day and Washington’s Birthday', () => {
    expect(due(connecticut, '2026-12-22T15:00:00Z')).to.equal('2026-12-29');
    expect(due(connecticut, '2026-04-01T14:00:00Z')).to.equal('2026-04-08');
    expect(due(connecticut, '2026-02-10T15:00:00Z')).to.equal('2026-02-18');
  });

  it('observes a Saturday holiday on the Friday before, across the year end', () => {
    expect(isBusinessDay(connecticut, '2027-12-24')).to.equal(false);
    expect(isBusinessDay(connecticut, '2027-12-31')).to.equal(false);
    expect(due(connecticut, '2027-12-22T15:00:00Z')).to.equal('2027-12-29');
    expect(due(connecticut, '2027-12-29T15:00:00Z')).to.equal('2028-01-05');
  });

  it('a pause for clarification stops the clock until the requester answers', () => {
    const paused = recordsDeadline(connecticut, '2026-12-04T15:00:00Z', { pauses: [{ from: '2026-12-08T15:00:00Z' }] });
    expect(paused.paused).to.equal(true);
    expect(paused.due).to.equal(null);
    expect(paused.remainingDays).to.equal(2);
    const resumed = recordsDeadline(connecticut, '2026-12-04T15:00:00Z', {
      pauses: [{ from: '2026-12-08T15:00:00Z', to: '2026-12-14T15:00:00Z' }],
    });
    expect(resumed.paused).to.equal(false);
    expect(resumed.due).to.equal('2026-12-16');
  });

  it('says the basis in plain words, in English and Spanish', () => {
    const r = recordsDeadline(connecticut, '2026-12-04T15:00:00Z');
    expect(r.basis).to.contain("Connecticut's Freedom of Information Act gives the city 4 business days");
    expect(r.basis).to.contain('by Thursday, December 10, 2026.');
    expect(r.basis).to.contain('counts as a denial');
    const es = deadlineBasis(connecticut, r, 'es');
    expect(es).to.contain('4 días hábiles');
    expect(es).to.contain('jueves, 10 de diciembre de 2026');
  });
});

describe('recordsDeadline: New York (5 business days to grant, deny or acknowledge)', () => {
  it('skips Election Day', () => {
    expect(due(newYork, '2026-10-30T14:00:00Z')).to.equal('2026-11-09');
  });

  it('moves a Sunday holiday to Monday but not a Saturday one to Friday', () => {
    expect(isBusinessDay(newYork, '2027-07-05')).to.equal(false);
    expect(isBusinessDay(newYork, '2027-06-18')).to.equal(true);
    expect(isBusinessDay(newYork, '2022-12-26')).to.equal(false);
  });
});

describe('recordsDeadline: California (10 calendar days, +14 in unusual circumstances)', () => {
  it('counts calendar days and moves a closed last day to the next business day', () => {
    const r = recordsDeadline(california, '2026-12-01T18:00:00Z');
    expect(r.due).to.equal('2026-12-11');
    // Day 24 is Christmas (a Friday): the extension ends the Monday after.
    expect(r.extendedDue).to.equal('2026-12-28');
    expect(due(california, '2026-11-19T18:00:00Z')).to.equal('2026-11-30');
    expect(due(california, '2026-09-15T17:00:00Z')).to.equal('2026-09-28');
  });

  it('reads the cut-off in Pacific time', () => {
    const r = recordsDeadline(california, '2026-12-02T01:30:00Z');
    expect(r.received).to.equal('2026-12-02');
    expect(r.due).to.equal('2026-12-14');
  });

  it('mentions the extension in its basis', () => {
    expect(recordsDeadline(california, '2026-12-01T18:00:00Z').basis).to.match(/10 days .*Friday, December 11, 2026\. It can extend this in unusual circumstances.*Monday, December 28, 2026/);
  });
});

describe('recordsDeadline: Texas (promptly; 10 business days to certify a later date or ask the Attorney General)', () => {
  it('skips the state holidays of Gov. Code § 662.003(b)', () => {
    expect(due(texas, '2026-12-14T16:00:00Z')).to.equal('2026-12-30');
    expect(due(texas, '2026-02-26T16:00:00Z')).to.equal('2026-03-13');
  });

  it('does not move a weekend holiday', () => {
    expect(isBusinessDay(texas, '2026-07-03')).to.equal(true);
    expect(isBusinessDay(federal, '2026-07-03')).to.equal(false);
  });
});

describe('recordsDeadline: federal FOIA (20 working days, +10)', () => {
  it('skips Veterans Day and Thanksgiving, and extends by 10 working days', () => {
    const r = recordsDeadline(federal, '2026-11-02T15:00:00Z');
    expect(r.due).to.equal('2026-12-02');
    expect(r.extendedDue).to.equal('2026-12-16');
  });

  it('observes New Year’s Day 2028 (a Saturday) on Friday 31 December 2027', () => {
    expect(isBusinessDay(federal, '2027-12-31')).to.equal(false);
    expect(isBusinessDay(federal, '2028-01-03')).to.equal(true);
  });
});

describe('recordsDeadline: Florida (no fixed deadline)', () => {
  it('has no due date and says "promptly"', () => {
    const r = recordsDeadline(florida, '2026-12-04T15:00:00Z');
    expect(r.due).to.equal(null);
    expect(r.extendedDue).to.equal(null);
    expect(r.basis).to.contain('promptly');
    expect(deadlineBasis(florida, r, 'es')).to.contain('con prontitud');
  });
});

describe('recordsRules', () => {
  it('ships one rule per jurisdiction, by id', () => {
    expect(Object.keys(recordsRules).sort()).to.deep.equal(['us-ca', 'us-ct', 'us-federal', 'us-fl', 'us-ny', 'us-tx']);
  });

  it('is plain data that survives JSON (a backend can send it)', () => {
    const copy = JSON.parse(JSON.stringify(connecticut)) as typeof connecticut;
    expect(recordsDeadline(copy, '2026-12-04T15:00:00Z').due).to.equal('2026-12-10');
  });

  it('refuses an unreadable date', () => {
    expect(() => recordsDeadline(connecticut, 'not a date')).to.throw(RangeError);
  });
});
