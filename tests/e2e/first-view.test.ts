import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { expectCleanRun, openAtlas, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Where the opening view in the HTML draws a place's pin, in page px (its world px through the SVG's own transform). */
const pictured = (page: Page, id: string) =>
  page.evaluate((placeId) => {
    const pin = document.querySelector<SVGPathElement>(`#first-view [data-place="${placeId}"] path`);
    const ctm = pin?.ownerSVGElement?.getScreenCTM();
    const m = /^M([-\d.]+) ([-\d.]+)/.exec(pin?.getAttribute('d') ?? '');
    if (!pin || !ctm || !m) return null;
    const p = new DOMPoint(Number(m[1]), Number(m[2])).matrixTransform(ctm);
    return { x: p.x, y: p.y };
  }, id);

const pointPlaces = () => (JSON.parse(readFileSync('dist/data/places.geojson', 'utf8')) as FeatureCollection).features.filter((f) => f.properties?.precision === 'point').map((f) => f.properties!.id as string);

interface FirstViewWindow {
  /** The last frame in which the opening view and the page's own map both showed Paris: each one's pin, in page px. */
  lastBoth?: { pictured: { x: number; y: number }; live: { x: number; y: number } };
}

describe('the opening view drawn into index.html', () => {
  it('is a map on screen with no script at all: the network’s pins, where the map will be', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseURL);
    const box = (await page.locator('#first-view svg').boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    expect(box.height).toBeGreaterThan(400);
    expect(await page.locator('#first-view [data-place]').evaluateAll((pins) => pins.map((p) => p.getAttribute('data-place')).sort())).toEqual(pointPlaces().sort());
    // Paris and Havana are on the screen, inside the map's box, not under the start card's column.
    const mapBox = (await page.locator('#first-view').boundingBox())!;
    for (const id of ['paris', 'havana']) {
      const at = (await pictured(page, id))!;
      expect(at.x, id).toBeGreaterThan(mapBox.x);
      expect(at.x, id).toBeLessThan(mapBox.x + mapBox.width);
      expect(at.y, id).toBeGreaterThan(mapBox.y);
      expect(at.y, id).toBeLessThan(mapBox.y + mapBox.height);
    }
    await context.close();
  });

  it('gives way to the page’s own map at the same frame, and is gone once the map is drawn', { timeout: 90_000 }, async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '', async (page) => {
      await page.addInitScript(() => {
        const look = () => {
          const pin = document.querySelector<SVGPathElement>('#first-view [data-place="paris"] path');
          const live = document.querySelector('svg.atlas-svg [data-feature-id="paris"] .pin');
          const ctm = pin?.ownerSVGElement?.getScreenCTM();
          const m = /^M([-\d.]+) ([-\d.]+)/.exec(pin?.getAttribute('d') ?? '');
          if (pin && live && ctm && m && live.getBoundingClientRect().width > 0) {
            const p = new DOMPoint(Number(m[1]), Number(m[2])).matrixTransform(ctm);
            const r = live.getBoundingClientRect();
            (window as FirstViewWindow).lastBoth = { pictured: { x: p.x, y: p.y }, live: { x: r.x + r.width / 2, y: r.y + r.height / 2 } };
          }
          if (document.readyState === 'loading' || document.getElementById('first-view')) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    });
    const { page } = atlas;
    expect(await page.locator('#first-view').count()).toBe(0);
    const both = await page.evaluate(() => (window as FirstViewWindow).lastBoth);
    expect(both, 'a frame with the opening view and the SVG map both on the page').toBeDefined();
    expect(Math.abs(both!.pictured.x - both!.live.x)).toBeLessThan(2);
    expect(Math.abs(both!.pictured.y - both!.live.y)).toBeLessThan(2);
    await expectCleanRun(atlas);
  });

  it('is dropped at once for a link that opens on a place, which frames another view', { timeout: 60_000 }, async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '#place=prague', async (page) => {
      await page.addInitScript(() => {
        // When the picture left the page, to hold against the SVG map's first frame.
        let seen = false;
        new MutationObserver((_, observer) => {
          if (document.getElementById('first-view')) return void (seen = true);
          if (!seen) return;
          (window as { pictureGoneAt?: number }).pictureGoneAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
    });
    const times = await atlas.page.evaluate(() => ({ gone: (window as { pictureGoneAt?: number }).pictureGoneAt, firstMap: performance.getEntriesByName('atlas:first-map')[0]?.startTime }));
    expect(times.gone, 'the picture was removed').toBeDefined();
    expect(times.firstMap, 'the SVG map drew').toBeDefined();
    expect(times.gone!).toBeLessThan(times.firstMap!);
    expect(await atlas.page.locator('#first-view').count()).toBe(0);
    await expectCleanRun(atlas);
  });
});
