import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { expectCleanRun, mapIdle, openAtlas, screenPoint, touchTap, useBrowser } from './browser.ts';
import { deriveCorpus, siteFiles } from '../../src/build/derive.ts';
import { writeFolderAtomically } from '../../src/build/write-atomic.ts';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { DATA_DIR, JOURNEY_FOLDER, featureFile, PUBLISHED_FILES, type AtlasMeta, type FeatureDetail, type LabelProps } from '../../src/lib/atlas/contract.ts';

/**
 * Issue 27: the page on a generated corpus of 10,000 documents, derived as `npm run derive` does (its tiles, its files
 * per feature and document, its search shards) and served with the production build. Not timed (the bench is): a
 * visitor taps a place where it is drawn, reads its passage, searches a word and opens the reader at it.
 */
describe('a corpus of 10,000 documents', () => {
  const browser = useBrowser();
  let work: string;
  let server: StaticServer;
  let data: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'atlas-10k-'));
    generateCorpus(join(work, 'corpus'), 10_000, 5);
    // Derived into the built site's data folder, as `npm run derive` writes static/data: its 0.4 GB not copied again.
    const site = join(work, 'site');
    cpSync('dist', site, { recursive: true });
    data = join(site, DATA_DIR);
    rmSync(data, { recursive: true, force: true });
    // Every file the page may ask for, as derive writes them; not the downloads (0.3 GB) nor the journeys' passages,
    // which this visit never opens: CI's time (a request for one would still be seen below, and fail).
    const atlas = deriveCorpus(join(work, 'corpus'));
    const { documents, places, legs, journeys, linkedPlaces, annotations, placesTable, legsTable, passagesTable } = PUBLISHED_FILES;
    const unread = new Set<string>([documents, places, legs, journeys, linkedPlaces, annotations, placesTable, legsTable, passagesTable]);
    const read = (function* () {
      for (const file of siteFiles(atlas)) if (!unread.has(file[0]) && !file[0].startsWith(`${JOURNEY_FOLDER}/`)) yield file;
    })();
    writeFolderAtomically(data, read);
    server = await startStaticServer(site);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens a tapped place’s passage, finds a word and opens the reader at it', { timeout: 120_000 }, async () => {
    const read = <T,>(name: string) => JSON.parse(readFileSync(join(data, name), 'utf8')) as T;
    const meta = read<AtlasMeta>(PUBLISHED_FILES.meta);
    expect(meta.counts.documents).toBe(10_000);
    expect(meta.tiles?.file, 'drawn from tiles at this size').toBe(PUBLISHED_FILES.tiles);

    const fetched: string[] = [];
    const atlas = await openAtlas(browser(), server.url, { hasTouch: true }, '', async (page) => {
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    });
    const { page } = atlas;
    await mapIdle(page);
    // The first view is the map: the routes and the documents' index, which grow with the corpus, were asked for only
    // after it had parsed its own data, and came before the page was idle.
    const askedAfterFirstView = await page.evaluate((names) => {
      const parsed = performance.getEntriesByName('atlas:data-parsed')[0]!.startTime;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return names.map((name) => {
        const entry = resources.find((r) => r.name.endsWith(`/${name}`));
        return entry ? entry.startTime > parsed && entry.responseEnd > 0 : 'never asked for';
      });
    }, [PUBLISHED_FILES.pageRoutes, PUBLISHED_FILES.documentIndex]);
    expect(askedAfterFirstView).toEqual([true, true]);

    // The key's document switches: forty and a way to find the others, not 10,000 (they were most of the page).
    const key = page.getByTestId('legend');
    await key.getByText('Routes and documents').click();
    const switches = key.getByRole('group', { name: 'Documents' });
    await expect.poll(() => switches.getByRole('checkbox').count()).toBe(40);
    expect(await switches.getByRole('status').textContent()).toMatch(/^40 of 10,000 documents here: type a word/);
    await switches.getByRole('searchbox', { name: 'Find a document' }).fill('Ecuadorian partisans');
    await expect.poll(async () => (await switches.locator('label:has(input[type=checkbox])').allTextContents()).every((text) => text.includes('Ecuadorian partisans'))).toBe(true);
    expect(await switches.getByRole('checkbox').count()).toBe(40);
    // Folded, the key forgets what was typed: opened again, it lists the first forty.
    await key.getByText('Routes and documents').click();
    await key.getByText('Routes and documents').click();
    await expect.poll(() => switches.getByRole('searchbox', { name: 'Find a document' }).inputValue()).toBe('');
    expect(await switches.locator('label:has(input[type=checkbox])').first().textContent()).not.toContain('Ecuadorian');
    await key.getByText('Routes and documents').click();

    // The Journeys panel: forty of some 15,000, and a way to find the others by a word of their names.
    await page.getByRole('button', { name: 'Journeys' }).click();
    const journeys = page.getByTestId('journey');
    await expect.poll(() => journeys.locator('ul.journeys > li').count()).toBe(40);
    const listed = /^40 of ([\d,]+) journeys here: type a word of a name \(a place, a country\) to find others\.$/.exec((await journeys.getByRole('status').textContent()) ?? '');
    expect(Number(listed?.[1]?.replaceAll(',', '')), 'journeys in the corpus').toBeGreaterThan(10_000);
    await journeys.getByRole('searchbox', { name: 'Find a journey' }).fill('Prague');
    await expect.poll(async () => (await journeys.locator('ul.journeys > li button').allTextContents()).every((name) => name.includes('Prague'))).toBe(true);
    expect(await journeys.locator('ul.journeys > li').count()).toBeGreaterThan(0);
    await journeys.getByRole('button', { name: 'Close journeys' }).click();

    // Paris, tapped where the map draws its pin: its panel opens on its first passage, from its own file.
    const paris = read<FeatureCollection<Point, LabelProps>>(PUBLISHED_FILES.labels).features.find((f) => f.properties.id === 'paris')!;
    const firstPassage = read<FeatureDetail>(featureFile({ kind: 'place', id: 'paris' })).evidence[0]!;
    const at = await screenPoint(page, paris.geometry.coordinates as [number, number]);
    await touchTap(page, at.x, at.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Paris');
    await expect.poll(() => panel.locator('mark').allTextContents()).toContain(firstPassage.exact);

    // A word, searched across the shards: a passage result opens the reader with the word marked in its document.
    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('explosives');
    const results = page.getByTestId('search-results');
    const passage = results.getByRole('button').filter({ hasText: /explosives/i }).first();
    await passage.waitFor();
    await passage.click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    await expect.poll(() => reader.locator('mark').allTextContents()).toEqual([expect.stringMatching(/^explosives$/i)]);
    const title = await reader.locator('h2').textContent();
    const index = read<Array<{ title: string }>>(PUBLISHED_FILES.documentIndex);
    expect(index.some((d) => d.title === title), `"${title}" is a document of the corpus`).toBe(true);
    // Never the downloads of the whole corpus: the page's own slim files, and each feature's and document's as opened.
    const downloads = [PUBLISHED_FILES.documents, PUBLISHED_FILES.places, PUBLISHED_FILES.legs, PUBLISHED_FILES.journeys].map((f) => `/${DATA_DIR}/${f}`);
    expect(fetched.filter((path) => downloads.includes(path))).toEqual([]);
    expect(fetched).toContain(`/${DATA_DIR}/${featureFile({ kind: 'place', id: 'paris' })}`);
    await expectCleanRun(atlas);
  });
});
