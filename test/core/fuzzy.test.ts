// The forms catalog's search: typos, accents, half-typed words, and what must not match.
import { expect } from '@open-wc/testing';
import { editDistance, fuzzyFilter, fuzzyScore, typoLimit } from '../../src/core/fuzzy.js';

const titles = [
  'Block party permit',
  'Dumpster on the street permit',
  'Residential parking permit',
  'Building permit pre-application',
  'Elderly property tax relief application',
  'Contact the Mayor’s office',
  'Youth program registration',
  'Comment on a public hearing',
  'Solicitud de alivio del impuesto a la propiedad',
];

describe('editDistance', () => {
  it('counts a swapped pair of letters as one edit, and stops past the limit', () => {
    expect(editDistance('permit', 'premit', 2)).to.equal(1);
    expect(editDistance('kitten', 'sitting', 5)).to.equal(3);
    expect(editDistance('abc', 'xyzuvw', 1)).to.equal(2);
  });
});

describe('typoLimit', () => {
  it('allows no typo in a short word, one in a middle-sized word, two in a long one', () => {
    expect([typoLimit(3), typoLimit(4), typoLimit(7), typoLimit(8)]).to.deep.equal([0, 1, 1, 2]);
  });
});

describe('fuzzyFilter', () => {
  const search = (q: string) => fuzzyFilter(titles, q, (t) => t);

  it('finds a title through typos in every word', () => {
    expect(search('dumpstr')).to.deep.equal(['Dumpster on the street permit']);
    expect(search('buidling premit')).to.deep.equal(['Building permit pre-application']);
    expect(search('elderley tax releif')).to.deep.equal(['Elderly property tax relief application']);
  });

  it('ignores accents and case both ways', () => {
    expect(search('MAYOR')).to.deep.equal(['Contact the Mayor’s office']);
    expect(search('solicitúd alívio')).to.deep.equal(['Solicitud de alivio del impuesto a la propiedad']);
  });

  it('matches half-typed words as prefixes, ranking exact words first', () => {
    // "park" starts "parking" and is one letter off the start of "party".
    expect(search('park')).to.deep.equal(['Residential parking permit', 'Block party permit']);
    expect(fuzzyScore('park', 'Residential parking permit')).to.be.greaterThan(fuzzyScore('park', 'Block party permit'));
    expect(search('permit')[0]).to.equal('Block party permit');
    expect(search('permit')).to.have.length(4);
  });

  it('needs every word to match, and short words to be spelt right', () => {
    expect(search('parking dumpster')).to.deep.equal([]);
    expect(search('tex')).to.deep.equal([]);
    expect(search('zzzzzz')).to.deep.equal([]);
  });

  it('an empty query keeps everything in order', () => {
    expect(search('  ')).to.deep.equal(titles);
  });
});
