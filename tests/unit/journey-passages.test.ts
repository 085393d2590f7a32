import { describe, expect, it } from 'vitest';
import { JOURNEY_PASSAGES_BUNDLE, PUBLISHED_FILES as FILE, journeyPassagesFile, type JourneyPassages } from '../../src/lib/atlas/contract.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { JourneyPassageStore } from '../../src/lib/state/journey-passages.svelte.ts';
import { indexAtlas } from '../../src/lib/state/atlas-data.ts';
import { realAtlas, realAtlasData } from '../helpers/real-atlas.ts';
import { fakeSite } from '../helpers/fake-site.ts';

// Issue 27: a journey's steps drawn with no line carry their words; the page's journeys (from routes.page.json)
// leaves them out, and each journey's come in its own file when it opens.

const createFiles = () => ({ atlas: realAtlas(), files: serializeAtlas(realAtlas()) });

describe('what derive writes for the journeys', () => {
  it('gives the page its journeys without any step’s passages, and the download keeps them', () => {
    const { atlas, files } = createFiles();
    expect(atlas.journeys.some((j) => j.steps.some((s) => s.evidence?.length))).toBe(true);
    expect(files[FILE.pageRoutes]).not.toContain('"evidence":');
    expect(realAtlasData().journeys).toEqual(atlas.journeys.map((j) => ({ ...j, steps: j.steps.map(({ evidence: _e, ...s }) => s) })));
    expect(JSON.parse(files[FILE.journeys]!)).toEqual(atlas.journeys);
  });

  it('writes each journey’s steps’ passages in its own file, by step, and a small corpus’s all in one', () => {
    const { atlas, files } = createFiles();
    const bundle = JSON.parse(files[JOURNEY_PASSAGES_BUNDLE]!) as Record<string, JourneyPassages>;
    expect(Object.keys(bundle).sort()).toEqual(atlas.journeys.map((j) => j.id).sort());
    for (const j of atlas.journeys) {
      const own = JSON.parse(files[journeyPassagesFile(j.id)]!) as JourneyPassages;
      expect(own.steps, j.id).toEqual(j.steps.map((s) => s.evidence ?? null));
      expect(bundle[j.id], j.id).toEqual(own);
    }
  });
});

describe('JourneyPassageStore: a journey’s own passages, fetched when it opens', () => {
  const journeyWithWords = () => realAtlas().journeys.find((j) => j.steps.some((s) => s.evidence))!;

  function createStore(broken: Set<string> = new Set()) {
    const site = fakeSite(serializeAtlas(realAtlas()), broken);
    return { store: new JourneyPassageStore(site.pageUrl, site.fetch), requests: site.requests };
  }

  it('fetches the journey’s file once and gives each step drawn with no line its words', async () => {
    const journey = journeyWithWords();
    const { store, requests } = createStore();
    const data = realAtlasData();
    const index = indexAtlas(data, undefined, undefined, store);
    const step = journey.steps.findIndex((s) => s.evidence);
    expect(index.stepPassages(journey.id, step)).toBeUndefined();
    store.request([journey.id]);
    store.request([journey.id]);
    await expect.poll(() => index.stepPassages(journey.id, step)).toEqual(journey.steps[step]!.evidence);
    expect(requests).toEqual([journeyPassagesFile(journey.id)]);
    expect(index.stepPassages(journey.id, journey.steps.findIndex((s) => !s.evidence))).toBeUndefined();
  });

  it('takes a small corpus’s from the one file, and says why a journey’s own failed', async () => {
    const journey = journeyWithWords();
    const { store, requests } = createStore(new Set([journeyPassagesFile(journey.id)]));
    store.request([journey.id]);
    await expect.poll(() => store.status(journey.id)?.state).toBe('failed');
    expect(store.status(journey.id)).toMatchObject({ message: expect.stringContaining(`${journeyPassagesFile(journey.id)} (HTTP 404)`) });
    await store.preloadAll(new AbortController().signal);
    expect(store.step(journey.id, journey.steps.findIndex((s) => s.evidence))).toEqual(journey.steps.find((s) => s.evidence)!.evidence);
    expect(requests).toEqual([journeyPassagesFile(journey.id), JOURNEY_PASSAGES_BUNDLE]);
  });
});
