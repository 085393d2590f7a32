import { describe, expect, inject, it } from 'vitest';
import { expectCleanRun, mapIdle, openAtlas, useBrowser, type AtlasWindow } from './browser.ts';

/**
 * Issue 25's leftover: the KGB report's ten round trips are drawn as one bundled fan from Cuba (map/bundle.ts), and
 * their arrowheads piled up where the legs run together. Where two would meet, the later one is left out, on MapLibre
 * (symbol collision) and on the SVG map alike; the key says what the fan is.
 */
const baseURL = inject('baseURL');

describe('the KGB fan reads as one bundle of round trips', () => {
  describe('on MapLibre', () => {
    const browser = useBrowser();
    it('draws the fan’s arrowheads on their own layer, which leaves out those that would meet, and names the fan in the key', async () => {
      const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
      const { page } = atlas;
      await mapIdle(page);
      const drawn = await page.evaluate(() => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const ids = (layer: string) => [...new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => `${String(f.properties.id)}${f.properties.fan ? ' fan' : ''}`))];
        return { overlapping: ids('legs-arrows'), fan: ids('legs-fan-arrows'), allowOverlap: map.getLayoutProperty('legs-fan-arrows', 'icon-allow-overlap') };
      });
      expect(drawn.overlapping.filter((id) => id.endsWith(' fan')), 'no fan leg on the layer whose arrowheads may pile up').toEqual([]);
      expect(drawn.fan.length, 'the fan still shows round trips').toBeGreaterThan(0);
      expect(drawn.allowOverlap).toBe(false);
      await page.getByText('Routes and documents', { exact: true }).click();
      await expect.poll(() => page.getByText(/Fan of thin lines from one place: round trips/).isVisible()).toBe(true);
      await expectCleanRun(atlas);
    });
  });

  describe('on the SVG map (no WebGL)', () => {
    const browser = useBrowser(['--disable-webgl', '--disable-webgl2']);
    it.each([1280, 390])('keeps the fan’s arrowheads apart at the opening view, %i px wide', async (width) => {
      const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height: 800 } });
      const { page } = atlas;
      const arrows = await page.$$eval('svg.atlas-svg .arrow.fan', (nodes) =>
        nodes.filter((n) => getComputedStyle(n).display !== 'none').map((n) => {
          const r = n.getBoundingClientRect();
          return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
        }),
      );
      expect(arrows.length, 'the fan still shows round trips').toBeGreaterThan(0);
      const closest = Math.min(...arrows.flatMap((a, i) => arrows.slice(i + 1).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1]))));
      expect(closest, 'px between the two closest arrowheads of the fan').toBeGreaterThanOrEqual(14);
      await expectCleanRun(atlas);
    });
  });
});
