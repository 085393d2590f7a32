import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anchorOf, expectCleanRun, openAtlas, screenPoint, svgPoint, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

interface FirstPaintWindow {
  atlas?: { renderer: string | null; ready: Promise<void>; map: { getFeatureState(f: { source: string; id: string }): { selected?: boolean } } };
  readyAt?: number;
}

const heading = (page: Page) => page.getByTestId('passage-panel').locator('h2').textContent();

describe('the first paint', () => {
  it('draws the SVG map before MapLibre, keeps a tap made meanwhile, and swaps at the same view', { timeout: 120_000 }, async () => {
    // MapLibre's chunk is held back until the SVG phase has been looked at and tapped.
    let releaseMapLibre: () => void = () => {};
    const mapLibreHeld = new Promise<void>((resolve) => (releaseMapLibre = resolve));
    let page!: Page;
    const opening = openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '', async (p) => {
      page = p;
      await p.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
        await mapLibreHeld;
        await route.continue();
      });
      // When ready resolves, beside the marks, to order them.
      await p.addInitScript(() => {
        let atlas: FirstPaintWindow['atlas'];
        Object.defineProperty(window, 'atlas', {
          configurable: true,
          get: () => atlas,
          set(value: NonNullable<FirstPaintWindow['atlas']>) {
            atlas = value;
            void value.ready.then(() => ((window as FirstPaintWindow).readyAt ??= performance.now()));
          },
        });
      });
    });
    opening.catch(() => {}); // awaited below; a failure before then must not go unhandled
    await expect.poll(() => page?.evaluate(() => performance.getEntriesByName('atlas:first-map').length) ?? 0, { timeout: 60_000 }).toBe(1);

    // The SVG phase: the map is drawn, there is no MapLibre yet, and a tap on a pin opens its passage.
    expect(await page.locator('svg.atlas-svg [data-feature-id="paris"]').count()).toBe(1);
    expect(await page.locator('canvas').count()).toBe(0);
    // window.atlas is there from the start, but names no map until the one that stays has taken over.
    expect(await page.evaluate(() => (window as FirstPaintWindow).atlas?.renderer)).toBeNull();
    const paris = anchorOf('paris');
    const tapAt = await svgPoint(page, paris);
    await page.mouse.click(tapAt.x, tapAt.y);
    await expect.poll(() => heading(page)).toBe('Paris');
    const onSvg = await svgPoint(page, paris);

    releaseMapLibre();
    const atlas = await opening;
    const order = await page.evaluate(() => ({
      firstMap: performance.getEntriesByName('atlas:first-map')[0]!.startTime,
      ready: (window as FirstPaintWindow).readyAt!,
      renderer: (window as FirstPaintWindow).atlas!.renderer,
    }));
    expect(order.renderer).toBe('maplibre');
    expect(order.firstMap).toBeLessThan(order.ready);

    // Same view: Paris is where the SVG map drew it, to the pixel.
    const onMapLibre = await screenPoint(page, paris);
    expect(Math.abs(onMapLibre.x - onSvg.x)).toBeLessThan(1);
    expect(Math.abs(onMapLibre.y - onSvg.y)).toBeLessThan(1);

    // The tap survived the swap: the passage is still open and MapLibre draws Paris selected.
    expect(await heading(page)).toBe('Paris');
    expect(await page.evaluate(() => (window as FirstPaintWindow).atlas!.map.getFeatureState({ source: 'places', id: 'paris' }).selected)).toBe(true);
    expect(await page.evaluate(() => location.hash)).toContain('place=paris');
    // With reduced motion the SVG map goes at once, without a fade.
    await expect.poll(() => page.locator('svg.atlas-svg').count(), { timeout: 2_000 }).toBe(0);
    await expectCleanRun(atlas);
  });

  it('fades the SVG map out over MapLibre when motion is welcome', { timeout: 120_000 }, async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'no-preference' }, '', async (p) => {
      // Records the SVG map's box starting a fade (a transition that takes time), whenever it happens.
      await p.addInitScript(() => {
        new MutationObserver((records) => {
          for (const r of records) {
            const box = r.target as HTMLElement;
            if (box.classList?.contains('fading') && parseFloat(getComputedStyle(box).transitionDuration) > 0) (window as { sawFade?: boolean }).sawFade = true;
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
      });
    });
    const { page } = atlas;
    await expect.poll(() => page.evaluate(() => (window as { sawFade?: boolean }).sawFade ?? false), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => page.locator('svg.atlas-svg').count(), { timeout: 5_000 }).toBe(0);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await expectCleanRun(atlas);
  });
});
