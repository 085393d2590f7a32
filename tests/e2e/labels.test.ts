import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectCleanRun, mapIdle, openAtlas, renderedIds, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const LABELS = 'place-labels';
const PIN_SHIELDS = 'place-pin-shields';

interface Box {
  layer: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The boxes MapLibre's collision detection placed for the labels and the pins' shields, in screen pixels (padding
 * included), read from its collision index: what the map itself holds to be taken. Reaches into MapLibre's
 * internals (style.placement, crossTileSymbolIndex), so an upgrade that renames them fails here, loudly, by name.
 */
function placedBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(
    ([layers]) => {
      interface Internals {
        style: {
          placement?: { collisionIndex?: { grid?: { boxKeys: Array<{ bucketInstanceId: number }>; bboxes: number[] } } };
          crossTileSymbolIndex?: { layerIndexes: Record<string, { indexes: Record<string, Record<string, { bucketInstanceId: number }>> }> };
        };
      }
      const { style } = (window as unknown as { atlas: { map: Internals } }).atlas.map;
      const grid = style.placement?.collisionIndex?.grid;
      const byLayer = style.crossTileSymbolIndex?.layerIndexes;
      if (!grid || !byLayer) throw new Error('MapLibre no longer has style.placement.collisionIndex.grid or style.crossTileSymbolIndex: update placedBoxes for this version');
      const layerOfBucket = new Map<number, string>();
      for (const layer of layers) {
        for (const tiles of Object.values(byLayer[layer]?.indexes ?? {})) for (const tile of Object.values(tiles)) layerOfBucket.set(tile.bucketInstanceId, layer);
      }
      // The grid reaches 100 px past each edge of the viewport, so that labels half off the screen still collide.
      const boxes: Array<{ layer: string; x1: number; y1: number; x2: number; y2: number }> = [];
      grid.boxKeys.forEach((key, i) => {
        const layer = layerOfBucket.get(key.bucketInstanceId);
        const [x1, y1, x2, y2] = grid.bboxes.slice(i * 4, i * 4 + 4) as [number, number, number, number];
        if (layer) boxes.push({ layer, x1: x1 - 100, y1: y1 - 100, x2: x2 - 100, y2: y2 - 100 });
      });
      return boxes;
    },
    [[LABELS, PIN_SHIELDS]] as const,
  );
}

/** Pairs of boxes drawn over one another: two labels, or a label over a pin. Pins may touch each other (two cities close together). */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.layer === PIN_SHIELDS && b.layer === PIN_SHIELDS) continue;
      const x = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const y = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (x > 0.5 && y > 0.5) found.push(`${a.layer} [${a.x1.toFixed(0)},${a.y1.toFixed(0)}] and ${b.layer} [${b.x1.toFixed(0)},${b.y1.toFixed(0)}] overlap by ${x.toFixed(0)}×${y.toFixed(0)} px`);
    }
  }
  return found;
}

const VIEWPORTS = [
  { width: 390, height: 844, touch: true },
  { width: 1280, height: 800, touch: false },
];

describe('map labels', () => {
  it.each(VIEWPORTS)('never overlap each other or a pin at $width × $height, and give way by role', async ({ width, height, touch }) => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height }, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' });
    const { page } = atlas;
    await mapIdle(page);
    const boxes = await placedBoxes(page);
    const labels = await renderedIds(page, [LABELS]);
    // Not a pass by default: the labels are there, each with its box (more boxes than labels on screen: the grid also
    // holds labels just past the edges, and a world copy's), and the pins' shields with them.
    expect(labels.length).toBeGreaterThanOrEqual(width < 600 ? 10 : 20);
    expect(boxes.filter((b) => b.layer === LABELS).length).toBeGreaterThanOrEqual(labels.length);
    expect(boxes.some((b) => b.layer === PIN_SHIELDS)).toBe(true);
    expect(overlaps(boxes), `${width} × ${height}`).toEqual([]);
    // Where Havana (a training site) and Cuba's rural hills (the same place, as a zone) meet, Havana's label wins.
    expect(labels).toContain('havana');
    expect(labels).toContain('paris');

    // The check can fail: let labels overlap, as the map did before it ranked them, and it finds the pile-ups.
    await page.evaluate((layer) => {
      (window as unknown as { atlas: { map: { setLayoutProperty(l: string, p: string, v: unknown): void } } }).atlas.map.setLayoutProperty(layer, 'text-allow-overlap', true);
    }, LABELS);
    await mapIdle(page);
    expect(overlaps(await placedBoxes(page)).length, 'overlaps found once labels may overlap').toBeGreaterThan(0);
    await expectCleanRun(atlas);
  });

  it('prints a zone’s short label on the map while the list and the panel give its full name', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page } = atlas;
    const texts = await page.evaluate(() => {
      const { map } = (window as unknown as { atlas: { map: { querySourceFeatures(s: string): Array<{ properties: { id: string; name: string; label: string } }> } } }).atlas;
      return map.querySourceFeatures('labels').filter((f) => f.properties.id === 'peru-central-sierra').map((f) => [f.properties.label, f.properties.name]);
    });
    expect(texts[0]).toEqual(['Central Sierra', 'The Sierra of central Peru']);
    await page.getByRole('button', { name: 'List' }).click();
    const item = page.getByRole('button', { name: 'The Sierra of central Peru', exact: true });
    await item.click();
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('The Sierra of central Peru');
    expect(await page.getByRole('button', { name: 'Central Sierra' }).count()).toBe(0);
    await expectCleanRun(atlas);
  });

  /** The places each step of each journey names: its legs' ends and the places a line-less step highlights. */
  const journeySteps = () => {
    const legs = new Map((JSON.parse(readFileSync('dist/data/legs.geojson', 'utf8')) as { features: Array<{ properties: { id: string; from: string; to: string } }> }).features.map((f) => [f.properties.id, f.properties]));
    const journeys = JSON.parse(readFileSync('dist/data/journeys.json', 'utf8')) as Array<{ id: string; steps: Array<{ legs: string[]; places?: string[] }> }>;
    return journeys.flatMap((j) => j.steps.map((s, i) => ({ journey: j.id, step: i + 1, places: [...new Set([...(s.places ?? []), ...s.legs.flatMap((id) => [legs.get(id)!.from, legs.get(id)!.to])])] })));
  };

  // The story's hubs named at the opening view, at every screen size (issue 25): exhibit.test.ts, on its page a size.

  it.each(VIEWPORTS)('name every place of a journey at one of its steps at $width × $height (issue 25)', async ({ width, height, touch }) => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height }, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' });
    const { page } = atlas;
    const labelled = new Map<string, Set<string>>();
    for (const { journey, step, places } of journeySteps()) {
      await page.evaluate((hash) => (location.hash = hash), `#journey=${journey}:${step}`);
      await expect.poll(() => page.getByTestId('journey').locator('.count').textContent()).toContain(String(step));
      await mapIdle(page);
      const drawn = await renderedIds(page, [LABELS]);
      const seen = labelled.get(journey) ?? new Set<string>();
      for (const p of places) if (drawn.includes(p)) seen.add(p);
      labelled.set(journey, seen);
    }
    const unnamed = journeySteps().flatMap(({ journey, places }) => places.filter((p) => !labelled.get(journey)!.has(p)).map((p) => `${journey}: ${p}`));
    // On a 390 px phone the KGB report's step frames ten countries in a 400 px map: Nicaragua's label finds no room
    // between Honduras's and Panama's (it is named once the visitor zooms in). Listed, so any change shows here.
    expect([...new Set(unnamed)]).toEqual(width < 600 ? ['to-cuba-and-back: nicaragua'] : []);
    await expectCleanRun(atlas);
  });
});
