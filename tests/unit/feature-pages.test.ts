import { describe, expect, it } from 'vitest';
import { PASSAGES_PER_PAGE, featureFile } from '../../src/lib/atlas/contract.ts';
import { featureDetailFiles } from '../../src/build/derive.ts';
import { FeatureDetailStore } from '../../src/lib/state/feature-details.svelte.ts';
import { realAtlas } from '../helpers/real-atlas.ts';
import { fakeSite } from '../helpers/fake-site.ts';

const PARIS = { kind: 'place', id: 'paris' } as const;

/** A site at http://atlas.test/ where Paris is quoted `passages` times (its file in pages), refusing the files in `broken`. */
function createStore(passages: number, broken: Set<string> = new Set()) {
  const atlas = realAtlas();
  const paris = atlas.places.features.find((f) => f.properties.id === 'paris')!;
  const [template] = paris.properties.evidence;
  paris.properties.evidence = Array.from({ length: passages }, (_, i) => ({ ...template!, document: atlas.documents[i % atlas.documents.length]!.id, start: template!.start, end: template!.end, note: `passage ${i}` }));
  const site = fakeSite(new Map(featureDetailFiles(atlas)), broken);
  return { store: new FeatureDetailStore(site.pageUrl, site.fetch), requests: site.requests, evidence: paris.properties.evidence };
}
const notes = (store: FeatureDetailStore) => store.get(PARIS)!.evidence.map((e) => e.note);

describe('FeatureDetailStore: a feature’s further pages of passages, on asking', () => {
  it('gives the first page with its count, then each next page after it when asked, until every passage is here', async () => {
    const { store, requests, evidence } = createStore(45);
    await store.loadFeature(PARIS);
    expect(requests).toEqual([featureFile(PARIS)]);
    expect(store.get(PARIS)!.evidence).toHaveLength(PASSAGES_PER_PAGE);
    expect(store.more(PARIS)).toEqual({ shown: 20, total: 45 });
    store.requestMore(PARIS);
    expect(store.more(PARIS)).toEqual({ shown: 20, total: 45, next: { state: 'loading' } });
    await expect.poll(() => store.more(PARIS)?.shown).toBe(40);
    store.requestMore(PARIS);
    await expect.poll(() => store.more(PARIS)?.shown).toBe(45);
    expect(store.more(PARIS)).toEqual({ shown: 45, total: 45 });
    expect(notes(store)).toEqual(evidence.map((e) => e.note));
    expect(requests).toEqual([featureFile(PARIS), 'features/place/paris.2.json', 'features/place/paris.3.json']);
    store.requestMore(PARIS); // nothing left to ask for
    expect(requests).toHaveLength(3);
  });

  it('says why a page failed, keeps what is here, and tries that page again when asked again', async () => {
    const broken = new Set(['features/place/paris.2.json']);
    const { store, requests } = createStore(30, broken);
    await store.loadFeature(PARIS);
    store.requestMore(PARIS);
    await expect.poll(() => store.more(PARIS)?.next?.state).toBe('failed');
    expect(store.more(PARIS)).toMatchObject({ shown: 20, total: 30, next: { state: 'failed', message: expect.stringContaining('paris.2.json (HTTP 404)') } });
    expect(store.get(PARIS)!.evidence).toHaveLength(20);
    broken.clear();
    store.requestMore(PARIS);
    await expect.poll(() => store.more(PARIS)?.shown).toBe(30);
    expect(requests.filter((r) => r.endsWith('paris.2.json'))).toHaveLength(2);
  });
});
