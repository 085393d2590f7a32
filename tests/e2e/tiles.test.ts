import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { expectCleanRun, mapIdle, openAtlas, screenPoint, svgPoint, useBrowser, type AtlasWindow, touchTap } from './browser.ts';
import { buildCorpus } from '../../src/build/derive.ts';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';
import { withData } from '../../src/build/bench/sites.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { DATA_DIR, PUBLISHED_FILES, type AtlasMeta, type LabelProps, type PageRoutesFile } from '../../src/lib/atlas/contract.ts';
import { LAYERS, TILE_SOURCE } from '../../src/lib/map/ids.ts';

/**
 * Issue 27 (2): past the derivation's size threshold the map draws its places, labels and legs from one PMTiles archive,
 * read over Range requests through the pmtiles protocol. Here a small generated corpus with the threshold lowered
 * (buildCorpus's option) is served with the production build, as the bench serves its generated corpora.
 */
describe('a corpus past the tiles threshold', () => {
  const browser = useBrowser();
  let work: string;
  let server: StaticServer;
  let labels: FeatureCollection<Point, LabelProps>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'atlas-tiled-site-'));
    generateCorpus(join(work, 'corpus'), 12, 5);
    buildCorpus(join(work, 'corpus'), join(work, 'data'), undefined, 12);
    const meta = JSON.parse(readFileSync(join(work, 'data', PUBLISHED_FILES.meta), 'utf8')) as AtlasMeta;
    expect(meta.tiles?.file).toBe(PUBLISHED_FILES.tiles);
    labels = JSON.parse(readFileSync(join(work, 'data', PUBLISHED_FILES.labels), 'utf8')) as typeof labels;
    withData('dist', join(work, 'data'), join(work, 'site'));
    server = await startStaticServer(join(work, 'site'));
  });
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('draws the map from the tiles (a pmtiles:// vector source, read in ranges) and a tapped place opens its passage', async () => {
    const archiveRequests: Array<{ status: number; range: string | undefined }> = [];
    const atlas = await openAtlas(browser(), server.url, { hasTouch: true }, '', async (page) => {
      page.on('response', (r) => {
        if (r.url().endsWith(`/${DATA_DIR}/${PUBLISHED_FILES.tiles}`)) archiveRequests.push({ status: r.status(), range: r.request().headers().range });
      });
    });
    const { page } = atlas;
    await mapIdle(page);
    // A corpus of many journeys: the start card offers the first eight and says where the rest are.
    const journeys = (JSON.parse(readFileSync(join(work, 'data', PUBLISHED_FILES.journeys), 'utf8')) as unknown[]).length;
    expect(journeys).toBeGreaterThan(8);
    expect(await page.getByTestId('start-card').locator('ul.journeys > li').count()).toBe(8);
    expect(await page.getByTestId('more-journeys').textContent()).toBe(`${journeys - 8} more journeys under “Journeys” at the top`);
    const drawn = await page.evaluate(
      ({ tileSource, layers }) => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const source = map.getSource(tileSource) as unknown as { type: string; url?: string } | undefined;
        const onLayer = (layer: string) => map.queryRenderedFeatures({ layers: [layer] });
        return {
          type: source?.type,
          url: source?.url,
          geojsonSources: ['places', 'labels', 'legs'].filter((id) => map.getSource(id)),
          sources: [...new Set([layers.points, layers.legs, layers.labels].flatMap((l) => onLayer(l).map((f) => `${l} ${f.source}/${f.sourceLayer}`)))].sort(),
        };
      },
      { tileSource: TILE_SOURCE, layers: LAYERS },
    );
    expect(drawn.type).toBe('vector');
    expect(drawn.url).toBe(`pmtiles://${server.url}${DATA_DIR}/${PUBLISHED_FILES.tiles}`);
    expect(drawn.geojsonSources, 'no GeoJSON left for MapLibre’s worker to cut').toEqual([]);
    expect(drawn.sources).toEqual([`${LAYERS.labels} ${TILE_SOURCE}/labels`, `${LAYERS.legs} ${TILE_SOURCE}/legs`, `${LAYERS.points} ${TILE_SOURCE}/places`].sort());
    expect(archiveRequests.length).toBeGreaterThan(1);
    expect(archiveRequests.every((r) => r.status === 206 && r.range?.startsWith('bytes=')), JSON.stringify(archiveRequests)).toBe(true);

    // Paris's pin, where the tiles put it: the tap is picked from the features MapLibre drew from them.
    const paris = labels.features.find((f) => f.properties.id === 'paris')!;
    const at = await screenPoint(page, paris.geometry.coordinates as [number, number]);
    const under = await page.evaluate(({ x, y, layer }) => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      const rect = map.getCanvas().getBoundingClientRect();
      return map.queryRenderedFeatures([x - rect.left, y - rect.top], { layers: [layer] }).map((f) => `${String(f.properties.id)} ${f.source}`);
    }, { ...at, layer: LAYERS.pointsHit });
    expect(under).toContain(`paris ${TILE_SOURCE}`);
    await touchTap(page, at.x, at.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Paris');
    expect(await panel.locator('mark').allTextContents()).toContain('Paris has emerged as the center of the network.');
    // The selection is drawn on the tiles' features (feature state on the vector source's layer).
    await expect
      .poll(() => page.evaluate((source) => (window as unknown as AtlasWindow).atlas.map!.getFeatureState({ source, sourceLayer: 'places', id: 'paris' }), TILE_SOURCE))
      .toEqual({ selected: true });
    await expectCleanRun(atlas);
  });

  it('opens a leg drawn from the tiles where a finger taps its line, away from any place', async () => {
    const atlas = await openAtlas(browser(), server.url, { hasTouch: true });
    const { page } = atlas;
    await mapIdle(page);
    // A point on a leg as MapLibre drew it from the tiles, with no pin or label within 40 px, and the legs within a finger of it.
    const spot = await page.evaluate(
      ({ layers, tileSource }) => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const rect = map.getCanvas().getBoundingClientRect();
        const box = (x: number, y: number, r: number): [[number, number], [number, number]] => [[x - r, y - r], [x + r, y + r]];
        for (const leg of map.queryRenderedFeatures({ layers: [layers.legs] })) {
          if (leg.source !== tileSource || leg.geometry.type !== 'LineString') continue;
          const line = leg.geometry.coordinates;
          const p = map.project(line[Math.floor(line.length / 2)] as [number, number]);
          if (p.x < 60 || p.y < 60 || p.x > rect.width - 60 || p.y > rect.height - 60) continue;
          if (map.queryRenderedFeatures(box(p.x, p.y, 40), { layers: [layers.pointsHit, layers.labels] }).length) continue;
          const near = map.queryRenderedFeatures(box(p.x, p.y, 12), { layers: [layers.legsHit] });
          return { x: rect.left + p.x, y: rect.top + p.y, names: [...new Set(near.map((f) => String(f.properties.name)))], sources: [...new Set(near.map((f) => f.source))] };
        }
        return null;
      },
      { layers: LAYERS, tileSource: TILE_SOURCE },
    );
    expect(spot, 'a leg drawn clear of the places').not.toBeNull();
    expect(spot!.sources).toEqual([TILE_SOURCE]);
    await touchTap(page, spot!.x, spot!.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toMatch(/ (→|↔|–) /);
    expect(spot!.names).toContain(await panel.locator('h2').textContent());
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    // The opened leg is highlighted on the line the tiles draw it on (legs drawn alike are one line there).
    const highlighted = await page.evaluate(
      ({ x, y, layer }) => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const rect = map.getCanvas().getBoundingClientRect();
        const [px, py] = [x - rect.left, y - rect.top];
        return map.queryRenderedFeatures([[px - 4, py - 4], [px + 4, py + 4]], { layers: [layer] }).filter((f) => map.getFeatureState(f).selected === true).length;
      },
      { x: spot!.x, y: spot!.y, layer: LAYERS.legs },
    );
    expect(highlighted, 'lines under the finger drawn as selected').toBeGreaterThan(0);
    await expectCleanRun(atlas);
  });

  it('draws every leg on the SVG map without WebGL, its line drawn from its ends (routes.page.json has none here), and a leg tapped there opens its words', async () => {
    const atlas = await openAtlas(browser(), server.url, { hasTouch: true }, '', async (page) => {
      // A GPU that gives no WebGL: the SVG map stays, drawn from the page's data alone.
      await page.addInitScript(() => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
          return /webgl/.test(type) ? null : (getContext as (...a: unknown[]) => unknown).call(this, type, ...rest);
        } as typeof getContext;
      });
    });
    const { page } = atlas;
    expect(await page.getByTestId('simplified-map').textContent()).toBe('Simplified map (no WebGL)');
    await mapIdle(page); // the legs come after the first view, past the tiles threshold
    const slim = JSON.parse(readFileSync(join(work, 'data', PUBLISHED_FILES.pageRoutes), 'utf8')) as PageRoutesFile;
    expect(slim.routes.every((r) => r.legs.every((l) => !l.line)), 'the page file carries no line').toBe(true);
    const legs = JSON.parse(readFileSync(join(work, 'data', PUBLISHED_FILES.legs), 'utf8')) as FeatureCollection<LineString | MultiLineString, { id: string; name: string }>;
    const drawn = await page.$$eval('svg.atlas-svg [data-feature-kind="leg"]', (nodes) => nodes.filter((n) => (n.querySelector('path.line')?.getAttribute('d') ?? '').length > 10).map((n) => n.getAttribute('data-feature-id')!).sort());
    expect(drawn).toEqual(legs.features.map((f) => f.properties.id).sort());
    // A leg whose middle, as legs.geojson has it, is where the SVG map draws that leg and nothing on top of it.
    let tapped: { x: number; y: number; name: string } | null = null;
    for (const leg of legs.features) {
      if (leg.geometry.type !== 'LineString') continue;
      const p = await svgPoint(page, leg.geometry.coordinates[Math.floor(leg.geometry.coordinates.length / 2)] as [number, number]);
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-feature-kind]')?.getAttribute('data-feature-id') ?? null, p);
      if (hit === leg.properties.id) {
        tapped = { ...p, name: leg.properties.name };
        break;
      }
    }
    expect(tapped, 'a leg drawn on the SVG map where legs.geojson has it').not.toBeNull();
    await touchTap(page, tapped!.x, tapped!.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(tapped!.name);
    expect(await panel.locator('mark').count()).toBeGreaterThan(0);
    await expectCleanRun(atlas);
  });
});
