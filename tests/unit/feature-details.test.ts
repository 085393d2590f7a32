import { describe, expect, it } from 'vitest';
import { FEATURE_BUNDLE } from '../../src/lib/atlas/contract.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { FeatureDetailStore } from '../../src/lib/state/feature-details.svelte.ts';
import { realAtlas } from '../helpers/real-atlas.ts';
import { fakeSite } from '../helpers/fake-site.ts';

/** A store over a site at http://atlas.test/ serving what derive writes for the bundled corpus, refusing the files in `broken`. */
function createStore(broken: Set<string> = new Set()) {
  const files = serializeAtlas(realAtlas());
  const site = fakeSite(files, broken);
  return { store: new FeatureDetailStore(site.pageUrl, site.fetch), requests: site.requests, files };
}
const HAVANA = { kind: 'place', id: 'havana' } as const;
const havanaEvidence = () => realAtlas().places.features.find((f) => f.properties.id === 'havana')!.properties.evidence;

describe('FeatureDetailStore: a feature’s passages, from its own file when its panel opens', () => {
  it('fetches a place’s own file once and gives exactly its passages', async () => {
    const { store, requests } = createStore();
    expect(store.get(HAVANA)).toBeUndefined();
    await Promise.all([store.loadFeature(HAVANA), store.loadFeature(HAVANA)]);
    expect(requests).toEqual(['features/place/havana.json']);
    expect(store.get(HAVANA)?.evidence).toEqual(havanaEvidence());
    expect(store.get(HAVANA)?.namedIn?.length).toBeGreaterThan(0);
  });

  it('says loading, then why it failed, and tries again when asked again', async () => {
    const broken = new Set(['features/place/havana.json']);
    const { store, requests } = createStore(broken);
    store.requestFeatures([HAVANA]);
    expect(store.status(HAVANA)).toEqual({ state: 'loading' });
    await expect.poll(() => store.status(HAVANA)?.state).toBe('failed');
    expect(store.status(HAVANA)).toEqual({ state: 'failed', message: 'Could not load http://atlas.test/data/features/place/havana.json (HTTP 404). Run "npm run derive" and reload.' });
    broken.clear();
    store.requestFeatures([HAVANA]);
    await expect.poll(() => store.status(HAVANA)?.state).toBe('loaded');
    expect(requests).toHaveLength(2);
  });

  it('takes a small corpus’s passages from the one bundled file, and then fetches no feature’s own', async () => {
    const { store, requests } = createStore();
    await store.preloadAll(new AbortController().signal);
    expect(requests).toEqual([FEATURE_BUNDLE]);
    expect(store.get(HAVANA)?.evidence).toEqual(havanaEvidence());
    store.requestFeatures([HAVANA, { kind: 'leg', id: 'outbound-via-mexico-1' }]);
    expect(requests).toHaveLength(1);
  });

  it('without the bundle (a large corpus), leaves each feature to its own file', async () => {
    const { store, requests } = createStore(new Set([FEATURE_BUNDLE]));
    await store.preloadAll(new AbortController().signal);
    expect(store.status(HAVANA)).toBeUndefined();
    await store.loadFeature(HAVANA);
    expect(requests).toEqual([FEATURE_BUNDLE, 'features/place/havana.json']);
  });
});
