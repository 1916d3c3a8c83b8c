import { expect } from '@open-wc/testing';
import { deleteDraft, loadDraft, saveDraft } from '../../src/core/storage/drafts.js';

describe('drafts (IndexedDB)', () => {
  it('keeps a draft, photo Blob included, until it is deleted', async () => {
    const key = `storage-test-${Date.now()}`;
    expect(await loadDraft(key)).to.be.undefined;
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    expect(await saveDraft(key, { step: 'details', description: 'Hole', photo })).to.be.true;
    const found = await loadDraft<{ step: string; description: string; photo: Blob }>(key);
    expect(found!.value.step).to.equal('details');
    expect(found!.value.description).to.equal('Hole');
    expect(found!.value.photo.type).to.equal('image/png');
    expect([...new Uint8Array(await found!.value.photo.arrayBuffer())]).to.deep.equal([1, 2, 3]);
    expect(found!.savedAt).to.be.a('number');
    await saveDraft(key, { step: 'review', description: 'Hole 2' });
    expect((await loadDraft<{ step: string }>(key))!.value.step).to.equal('review');
    await deleteDraft(key);
    expect(await loadDraft(key)).to.be.undefined;
  });

  it('keeps drafts of different keys apart', async () => {
    await saveDraft('storage-a', { n: 1 });
    await saveDraft('storage-b', { n: 2 });
    expect((await loadDraft<{ n: number }>('storage-a'))!.value.n).to.equal(1);
    expect((await loadDraft<{ n: number }>('storage-b'))!.value.n).to.equal(2);
    await deleteDraft('storage-a');
    expect(await loadDraft('storage-a')).to.be.undefined;
    expect((await loadDraft<{ n: number }>('storage-b'))!.value.n).to.equal(2);
    await deleteDraft('storage-b');
  });
});
