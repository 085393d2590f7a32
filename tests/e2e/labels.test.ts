import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type AtlasWindow, expectCleanRun, mapIdle, networkLabelsHidden, openAtlas, placedBoxes, renderedIds, useBrowser, type PlacedBox as Box } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const LABELS = 'place-labels';
const PIN_SHIELDS = 'place-pin-shields';
const placedLabelsAndShields = (page: Page) => placedBoxes(page, [LABELS, PIN_SHIELDS]);

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
    const boxes = await placedLabelsAndShields(page);
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
    expect(overlaps(await placedLabelsAndShields(page)).length, 'overlaps found once labels may overlap').toBeGreaterThan(0);
    await expectCleanRun(atlas);
  });

  it('frames the opening view again when larger text grows the key and the buttons, so the network’s labels stay whole', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page } = atlas;
    await mapIdle(page);
    expect(await networkLabelsHidden(page), 'at the start').toEqual([]);
    // The header folds into its menu once its row no longer fits the larger words.
    for (let i = 0; i < 3; i++) {
      const larger = page.getByRole('button', { name: 'A+ larger text' });
      if (!(await larger.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
      await larger.click();
    }
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--text-scale'))).toBe('1.75');
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    // Prague's and Switzerland's labels, grown too, ran past the right edge until the frame was made again.
    expect(await networkLabelsHidden(page), 'at the largest text').toEqual([]);
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
