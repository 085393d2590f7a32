import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { DATA_FILES, featureFile, featurePageFile, journeyPassagesFile, PUBLISHED_FILES, type FeatureDetail, type JourneyPassages, type PageRoute, type PageRoutesFile } from '../../src/lib/atlas/contract.ts';
import { passagePages } from '../../src/lib/corpus/passage-pages.ts';
import { anchorOf, clickMapAt, expectCleanRun, openAtlas, useBrowser, type AtlasPage } from './browser.ts';

// Issue 27: at 10,000 documents a place's passages run to thousands, so its own file holds a first page of them and
// "More passages" brings the rest, page by page. The bundled corpus's places fit on one page, so these tests serve
// Havana's file as derive writes a large corpus's: in pages of two passages. Likewise a journey's own passages, which
// the page's list of journeys leaves out.

const baseURL = inject('baseURL');
const browser = useBrowser();
const HAVANA = { kind: 'place', id: 'havana' } as const;
const dataFile = (name: string) => `**/data/${name}`;

/** Havana's own file (one page on the bundled corpus) cut into pages of two passages, as derive cuts a large corpus's. */
function createHavanaPages() {
  const whole = JSON.parse(readFileSync(`dist/data/${featureFile(HAVANA)}`, 'utf8')) as FeatureDetail;
  const [first, ...further] = passagePages(whole.evidence, whole.namedIn, { passages: 2, bytes: 16 * 1024, namedIn: 1 });
  const names = further.map((_, i) => featurePageFile(HAVANA, i + 2));
  const detail: FeatureDetail = { ...first!, namedInCount: whole.namedIn!.length, passageCount: whole.evidence.length, pages: names };
  return { whole, detail, further: new Map(further.map((page, i) => [names[i]!, page])) };
}

/** The page with the bundle refused (as past its size) and Havana's file in pages; page 2 refused `refusals` times first. */
async function openWithHavanaInPages(path: string, refusals: number): Promise<{ atlas: AtlasPage; pages: ReturnType<typeof createHavanaPages> }> {
  const pages = createHavanaPages();
  let refused = 0;
  const atlas = await openAtlas(browser(), baseURL, {}, path, async (page: Page) => {
    await page.route(dataFile('features/all.json'), (route: Route) => route.fulfill({ status: 404, body: 'no' }));
    await page.route(dataFile(featureFile(HAVANA)), (route: Route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(pages.detail) }));
    for (const [name, content] of pages.further) {
      await page.route(dataFile(name), (route: Route) =>
        name.endsWith('.2.json') && refused++ < refusals ? route.fulfill({ status: 503, body: 'no' }) : route.fulfill({ contentType: 'application/json', body: JSON.stringify(content) }),
      );
    }
  });
  return { atlas, pages };
}

/** The browser reports refused files in the console: those errors were provoked by the test. */
function forgetProvokedErrors(atlas: AtlasPage) {
  const provoked = (e: string) => /status of (503|404)/.test(e);
  atlas.errors.splice(0, atlas.errors.length, ...atlas.errors.filter((e) => !provoked(e)));
}
const titleOf = (id: string) => (JSON.parse(readFileSync('dist/data/documents.index.json', 'utf8')) as Array<{ id: string; title: string }>).find((d) => d.id === id)!.title;
const markedWords = (page: Page) => page.getByTestId('passage-panel').locator('mark').allTextContents().then((t) => t.join(''));

describe('a place whose passages come in pages', () => {
  it('shows the first page at once, and "More passages" (keyboard, large target) brings the rest, retrying a refused page', async () => {
    const { atlas, pages } = await openWithHavanaInPages('', 1);
    const { page } = atlas;
    const total = pages.whole.evidence.length;
    expect(pages.further.size).toBeGreaterThanOrEqual(2);
    await clickMapAt(page, anchorOf('havana'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    const firstQuotes = pages.detail.evidence.map((e) => e.exact);
    for (const quote of firstQuotes) await expect.poll(() => markedWords(page)).toContain(quote);
    const later = pages.whole.evidence.map((e) => e.exact).filter((q) => !firstQuotes.some((f) => f.includes(q)));
    expect(later.length).toBeGreaterThan(0);
    for (const quote of later) expect(await markedWords(page)).not.toContain(quote);

    const more = panel.getByTestId('more-passages');
    await expect.poll(() => more.textContent()).toBe(`More passages (2 of ${total} shown)`);
    // "Named in" comes in the same pages: the panel says how many documents are still to come.
    const namedInLater = pages.whole.namedIn!.length - pages.detail.namedIn!.length;
    expect(namedInLater).toBeGreaterThan(0);
    expect(await panel.getByTestId('named-in-more').textContent()).toBe(`${namedInLater} more document${namedInLater > 1 ? 's name it: “More passages” brings them' : ' names it: “More passages” brings it'}.`);
    expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // From the keyboard: it is a button in the tab order, and Enter presses it.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/^The passages could not be loaded: Could not load .*data\/features\/place\/havana\.2\.json \(HTTP 503\)/);
    await expect.poll(() => more.textContent()).toBe('Try again');
    // What was shown stays.
    for (const quote of firstQuotes) expect(await markedWords(page)).toContain(quote);
    await page.keyboard.press('Enter');
    await expect.poll(() => more.textContent()).toBe(`More passages (4 of ${total} shown)`);
    expect(await panel.getByRole('alert').count()).toBe(0);
    while ((await more.count()) > 0) {
      await more.click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="passage-panel"] [aria-busy="true"]'));
    }
    // Every passage, each with its way to the whole document (a later role's section starts folded: counted all the same).
    for (const quote of pages.whole.evidence.map((e) => e.exact)) await expect.poll(() => markedWords(page)).toContain(quote);
    expect(await panel.locator('button', { hasText: 'Read the whole document' }).count()).toBe(await panel.getByTestId('passage').count());
    // "Named in": every document, once every page is here.
    for (const m of pages.whole.namedIn!) await expect.poll(() => panel.getByTestId('network').getByRole('button', { name: titleOf(m.document) }).count()).toBe(1);
    expect(await panel.getByTestId('named-in-more').count()).toBe(0);
    forgetProvokedErrors(atlas);
    await expectCleanRun(atlas);
  });

  it('says "More passages" in Spanish', async () => {
    const { atlas, pages } = await openWithHavanaInPages('?lang=es', 0);
    await clickMapAt(atlas.page, anchorOf('havana'));
    const more = atlas.page.getByTestId('passage-panel').getByTestId('more-passages');
    await expect.poll(() => more.textContent()).toBe(`Más fragmentos (2 de ${pages.whole.evidence.length} mostrados)`);
    forgetProvokedErrors(atlas);
    await expectCleanRun(atlas);
  });
});

describe('a journey’s own passages, fetched when it opens', () => {
  it('shows a step drawn with no line its words once its journey’s file has come, and says so while it comes or if it cannot', async () => {
    const journeys = JSON.parse(readFileSync('dist/data/journeys.json', 'utf8')) as Array<{ id: string; steps: Array<{ evidence?: Array<{ exact: string }> }> }>;
    const journey = journeys.find((j) => j.steps.some((s) => s.evidence))!;
    const step = journey.steps.findIndex((s) => s.evidence);
    const own = readFileSync(`dist/data/${journeyPassagesFile(journey.id)}`, 'utf8');
    expect((JSON.parse(own) as JourneyPassages).steps[step]).toEqual(journey.steps[step]!.evidence);
    let release: (status: number) => void = () => {};
    const held = new Promise<number>((resolve) => (release = resolve));
    const atlas = await openAtlas(browser(), baseURL, {}, `#journey=${journey.id}:${step + 1}`, async (page) => {
      await page.route(dataFile('journeys/all.json'), (route: Route) => route.fulfill({ status: 404, body: 'no' }));
      await page.route(dataFile(journeyPassagesFile(journey.id)), async (route: Route) => route.fulfill({ status: await held, body: 'no' }));
    });
    const { page } = atlas;
    const stepper = page.locator('.stepper');
    await expect.poll(() => stepper.getByRole('status').allTextContents()).toContain('Loading the passages…');
    const words = journey.steps[step]!.evidence![0]!.exact;
    expect(await stepper.locator('mark').allTextContents()).not.toContain(words);
    release(503);
    await expect.poll(() => stepper.getByRole('alert').textContent()).toMatch(/could not be loaded: .*journeys\/steps\/.*\.json \(HTTP 503\)/);
    await page.unroute(dataFile(journeyPassagesFile(journey.id)));
    await stepper.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => stepper.locator('mark').allTextContents().then((t) => t.join(''))).toContain(words);
    forgetProvokedErrors(atlas);
    await expectCleanRun(atlas);
  });
});

describe('a place that thousands of legs touch', () => {
  it('lists its first 20 legs, and every one on asking', async () => {
    // As at a large corpus, where Paris has thousands: Paris given a route of 30 more legs, copies of one of its own.
    const file = JSON.parse(readFileSync(`dist/${DATA_FILES.pageRoutes}`, 'utf8')) as PageRoutesFile;
    const legs = file.routes.flatMap((r) => r.legs.filter((l) => l.order && (l.from === 'paris' || l.to === 'paris')));
    expect(legs.length).toBeGreaterThan(0);
    const copies: PageRoute = { ...file.routes[0]!, id: 'copies', name: 'Copies', legs: Array.from({ length: 30 }, (_, i) => ({ ...legs[0]!, order: i + 1 })) };
    const total = legs.length + copies.legs.length;
    const atlas = await openAtlas(browser(), baseURL, {}, '', async (p) => {
      await p.route(dataFile(PUBLISHED_FILES.pageRoutes), (route: Route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ routes: [...file.routes, copies] }) }));
    });
    await clickMapAt(atlas.page, anchorOf('paris'));
    const network = atlas.page.getByTestId('passage-panel').getByTestId('network');
    await expect.poll(() => network.locator('p').first().textContent()).toBe(`${total} route legs touch Paris:`);
    expect(await network.locator('ul').first().getByRole('button').count()).toBe(20);
    const all = network.getByTestId('all-legs');
    expect(await all.textContent()).toBe(`Show all ${total} route legs`);
    await all.click();
    await expect.poll(() => network.locator('ul').first().getByRole('button').count()).toBe(total);
    expect(await network.getByTestId('all-legs').count()).toBe(0);
    await expectCleanRun(atlas);
  });
});
