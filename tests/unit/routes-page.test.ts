import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEATURE_SOURCES, featureFile, PUBLISHED_FILES as FILE, type Atlas, type FeatureDetail, type PageRoutesFile } from '../../src/lib/atlas/contract.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';
import { readCorpusFiles, loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { expandRoutes, pageRoutes } from '../../src/lib/corpus/routes-page.ts';
import { pagePlaces, reportedDays } from '../../src/lib/corpus/page-layer.ts';
import { arcsFrom } from '../../src/lib/geo/legs.ts';
import { latestDay } from '../../src/lib/corpus/dates.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

// Issue 27: the page's legs and journeys come in one file, each route once (routes.page.json), and the page expands
// them back to exactly what legs.geojson and journeys.json hold, less the passages.

/** What the page must have of the legs and journeys: the downloads' own, less the passages, with each leg's document's day. */
function expected(atlas: Atlas) {
  const dates = new Map(atlas.documents.map((d) => [d.id, d.date]));
  const legs = atlas.legs.features.map(({ properties: { evidence, documents, ...rest }, ...feature }) => {
    expect(documents, rest.id).toHaveLength(1);
    const date = dates.get(documents[0]!);
    return { ...feature, properties: { ...rest, reported: { route: date ? latestDay(date) : '' }, firstDocuments: [evidence[0]!.document] } };
  });
  const journeys = atlas.journeys.map((j) => ({ ...j, steps: j.steps.map(({ evidence: _e, ...s }) => s) }));
  return { legs: { type: 'FeatureCollection', features: legs }, journeys };
}

const placesOf = (atlas: Atlas) => new Map(pagePlaces(atlas.places, reportedDays(atlas.documents)).features.map((f) => [f.properties.id, f.properties]));
const anchorsOf = (atlas: Atlas) => new Map(atlas.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));

describe('routes.page.json', () => {
  it('gives back the bundled corpus’s legs and journeys exactly, lines and all, less their passages', () => {
    const atlas = realAtlas();
    const files = serializeAtlas(atlas);
    const file = JSON.parse(files[FILE.pageRoutes]!) as PageRoutesFile;
    expect(files[FILE.pageRoutes]).not.toContain('"evidence":');
    expect(file.routes.map((r) => r.id)).toEqual(atlas.journeys.map((j) => j.id));
    expect(expandRoutes(file, placesOf(atlas))).toEqual(expected(atlas));
    // Each leg's passages are in its own file, its (document, role) pairs in the document switches' file.
    const sources = JSON.parse(files[FEATURE_SOURCES]!) as Record<string, unknown>;
    for (const { properties: leg } of atlas.legs.features) {
      expect((JSON.parse(files[featureFile({ kind: 'leg', id: leg.id })]!) as FeatureDetail).evidence, leg.id).toEqual(leg.evidence);
      expect(sources[`leg:${leg.id}`], leg.id).toEqual([{ document: leg.evidence[0]!.document, role: 'route' }]);
    }
  });

  it('names the Paris step of the return journey and its legs as the memo does', () => {
    const atlas = realAtlas();
    const { legs, journeys } = expandRoutes(pageRoutes(atlas, reportedDays(atlas.documents), { lines: true }), placesOf(atlas));
    const journey = journeys.find((j) => j.id === 'return-via-paris')!;
    const name = (id: string) => legs.features.find((f) => f.properties.id === id)!.properties.name;
    expect(journey.steps.map((s) => [s.branch ?? null, s.legs.map(name)])).toEqual([
      [null, ['Cuba → Paris']],
      ['To several Latin American countries, among them Colombia and Brazil', ['Paris → Colombia', 'Paris → Brazil']],
      ['From the re-entry points into Peru', ['Colombia → Peru', 'Brazil → Peru']],
    ]);
    expect(legs.features.find((f) => f.properties.id === 'return-via-paris-1')!.properties).toMatchObject({ routeName: journey.name, precision: 'country', reported: { route: '1963-04-11' } });
  });

  describe('past the tiles threshold (no lines)', () => {
    let dir: string;
    let atlas: Atlas;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'atlas-routes-'));
      generateCorpus(join(dir, 'corpus'), 60, 7);
      const { places50m, basemap110m } = loadWorldAtlas();
      atlas = deriveAtlas(loadCorpus(readCorpusFiles(join(dir, 'corpus'))), places50m, basemap110m);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('draws every line and box again from the label points, as the derivation drew them', () => {
      const file = pageRoutes(atlas, reportedDays(atlas.documents), { lines: false });
      expect(JSON.stringify(file)).not.toMatch(/"(line|bbox)":/);
      expect(atlas.legs.features.length).toBeGreaterThan(100);
      expect(atlas.journeys.some((j) => j.steps.some((s) => s.places))).toBe(true);
      expect(expandRoutes(file, placesOf(atlas), arcsFrom(anchorsOf(atlas)))).toEqual(expected(atlas));
      // Compressed, a fraction of what the legs' and journeys' page files held.
      const lines = JSON.stringify(pageRoutes(atlas, reportedDays(atlas.documents), { lines: true }));
      expect(JSON.stringify(file).length).toBeLessThan(lines.length / 2);
    });

    it('says which file, leg or place is wrong where the routes do not fit the places', () => {
      const file = pageRoutes(atlas, reportedDays(atlas.documents), { lines: false });
      const leg = file.routes[0]!.legs.find((l) => l.order)!;
      const id = `${file.routes[0]!.id}-${leg.order}`;
      expect(() => expandRoutes(file, placesOf(atlas))).toThrow(`routes.page.json: leg "${id}" has no line, and none is drawn here. Run "npm run derive" again.`);
      const places = placesOf(atlas);
      places.delete(leg.to);
      expect(() => expandRoutes(file, places, arcsFrom(anchorsOf(atlas)))).toThrow(`routes.page.json: route "`);
      expect(() => expandRoutes(file, places, arcsFrom(anchorsOf(atlas)))).toThrow(`goes to place "${leg.to}", which places.page.geojson does not have`);
      const anchors = anchorsOf(atlas);
      anchors.delete(leg.to);
      expect(() => expandRoutes(file, placesOf(atlas), arcsFrom(anchors))).toThrow(`routes.page.json: a leg ends at place "${leg.to}", which labels.geojson does not have`);
    });
  });
});
