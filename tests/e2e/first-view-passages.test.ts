import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { anchorOf, clickMapAt, expectCleanRun, openAtlas, useBrowser } from './browser.ts';

// Issue 27: the first view carries no passages (each feature's come in its own file when its panel opens), and a
// visitor still taps a place where it is drawn and reads its words; while they come, and if they cannot, the panel says so.

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Havana's passages as the researchers' download has them: what the panel must show. */
const havanaQuotes = () => {
  const places = JSON.parse(readFileSync('dist/data/places.geojson', 'utf8')) as { features: Array<{ properties: { id: string; evidence: Array<{ exact: string }> } }> };
  return places.features.find((f) => f.properties.id === 'havana')!.properties.evidence.map((e) => e.exact);
};
const HAVANA_FILE = '**/data/features/place/havana.json';
const BUNDLE_FILE = '**/data/features/all.json';

describe('the passages behind a place, fetched when it is opened', () => {
  // The bundled corpus's passages also come in one file with the first view (features/all.json, FEATURE_DETAILS_PRELOADED_UP_TO),
  // in the feature folder: the page's own files for the map, the lists and the filters carry none.
  it('the page’s places, legs, labels and list of documents carry no passage, and tapping Havana where it is drawn opens its words', async () => {
    const firstView: string[] = [];
    let loaded = false;
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '', async (page) => {
      page.on('response', async (r) => {
        // journeys.json still carries the passage of a step drawn with no line (a move within an area): not a place's or leg's.
        if (loaded || !/\/data\/[^/]+\.(geo)?json$/.test(new URL(r.url()).pathname) || r.url().endsWith('/journeys.json')) return;
        firstView.push(await r.text().catch(() => ''));
      });
    });
    loaded = true;
    const { page } = atlas;
    expect(firstView.length).toBeGreaterThanOrEqual(4); // places, labels, legs, the documents' index (and meta)
    // No quote of any passage, and no passage's fields, in what the first view fetched.
    const quotes = havanaQuotes();
    for (const body of firstView) {
      expect(body).not.toContain('"evidence":');
      for (const quote of quotes) expect(body).not.toContain(JSON.stringify(quote));
    }

    await clickMapAt(page, anchorOf('havana'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    await expect.poll(() => panel.locator('mark').allTextContents()).toContain('He received his first training in Habana.');
    await expect.poll(() => panel.locator('blockquote').allTextContents().then((t) => t.join(' '))).toContain(quotes[0]!);
    await expectCleanRun(atlas);
  });

  it('shows the place’s name and a loading line while its passages come, and a clear error with “Try again” when they cannot', async () => {
    let release: (status: number) => void = () => {};
    const held = new Promise<number>((resolve) => (release = resolve));
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '', async (page) => {
      // As at a corpus too large for one file of all passages: the page fetches each feature's file when it is opened.
      await page.route(BUNDLE_FILE, (route: Route) => route.fulfill({ status: 404, body: 'no' }));
      // Havana's own file is held, then refused.
      await page.route(HAVANA_FILE, async (route: Route) => route.fulfill({ status: await held, body: 'no' }));
    });
    const { page } = atlas;
    await clickMapAt(page, anchorOf('havana'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    await expect.poll(() => panel.getByRole('status').allTextContents()).toContain('Loading the passages…');
    expect(await panel.locator('blockquote').count()).toBe(0);

    release(503);
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/^The passages could not be loaded: Could not load .*data\/features\/place\/havana\.json \(HTTP 503\)/);
    expect(await panel.locator('h2').textContent()).toBe('Havana');
    // The browser reports the refused files in the console: those errors were provoked here.
    const provoked = (e: string) => /status of (503|404)/.test(e);
    expect(atlas.errors.filter(provoked).length).toBeGreaterThan(0);
    atlas.errors.splice(0, atlas.errors.length, ...atlas.errors.filter((e) => !provoked(e)));

    await page.unroute(HAVANA_FILE);
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => panel.locator('mark').allTextContents()).toContain('He received his first training in Habana.');
    expect(await panel.getByRole('alert').count()).toBe(0);
    await expectCleanRun(atlas);
  });
});
