import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectCleanRun, mapIdle, openAtlas, runClockUntilShown, useBrowser, touchTap } from './browser.ts';
import { serveSite } from '../../src/build/serve-site.ts';
import type { StaticServer } from '../../src/build/static-server.ts';
import { visitLogFiles } from '../../src/build/visit-log-file.ts';
import { formatSessions, readNames, readVisitLog, summarizeVisits } from '../../src/build/kiosk-report.ts';
import { reportHtml } from '../../src/build/kiosk-report-html.ts';
import { figuresByDay } from '../../src/lib/kiosk/sessions.ts';
import type { KioskConfig } from '../../src/lib/kiosk/config.ts';
import type { KioskRecord } from '../../src/lib/kiosk/visit-event.ts';

const browser = useBrowser();
const JOURNEY = 'Back by way of Paris';

/** The kiosk on the page's clock (installed before the page loads), with its settings as a technician would write them. */
function openKiosk(url: string, config: Partial<KioskConfig>) {
  return openAtlas(browser(), url, { viewport: { width: 1920, height: 1080 }, hasTouch: true, reducedMotion: 'no-preference' }, '?kiosk&visits', async (page) => {
    await page.clock.install();
    await page.route('**/kiosk/config.json', (route) => route.fulfill({ json: { attractTour: ['return-via-paris'], ...config } }));
  });
}

/** A point of the map under no mark, nor near one (open sea), and not under a panel: a tap there opens nothing. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  await mapIdle(page);
  const spot = await page.evaluate(() => {
    const canvas = document.querySelector('canvas.maplibregl-canvas')!;
    const box = canvas.getBoundingClientRect();
    const map = (window as unknown as { atlas: { map: { queryRenderedFeatures(b: [[number, number], [number, number]]): Array<{ source: string }> } } }).atlas.map;
    for (let y = box.top + 120; y < box.bottom - 120; y += 40) {
      for (let x = box.left + 120; x < box.right - 120; x += 40) {
        if (document.elementFromPoint(x, y) !== canvas) continue;
        const near: [[number, number], [number, number]] = [[x - box.left - 40, y - box.top - 40], [x - box.left + 40, y - box.top + 40]];
        if (!map.queryRenderedFeatures(near).some((f) => f.source === 'places' || f.source === 'legs')) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error('no empty spot on the map to tap: every part of it is near a mark or under a panel');
  return spot;
}

describe('a day at the kiosk, in numbers', () => {
  let server: StaticServer;
  let folder: string;
  beforeAll(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'atlas-sessions-')), 'visits');
    ({ server } = await serveSite({ site: 'dist', port: 0, hostNames: [], heartbeat: false, visitLog: { folder, maxBytes: 100_000, keep: 5 }, log: (line) => console.error(`kiosk test: ${line}`) }));
  });
  afterAll(async () => {
    await server?.close();
  });

  const lines = (): KioskRecord[] =>
    (existsSync(folder) ? visitLogFiles(folder) : []).flatMap((name) =>
      readFileSync(join(folder, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as KioskRecord),
    );

  it('plays two visitors on the page’s clock; the report counts two sessions, their lengths and how far each went into the journey', { timeout: 120_000 }, async () => {
    // Steps of 30 s on the page's clock, so real time spent acting cannot move the tour on.
    const atlas = await openKiosk(server.url, { idleSeconds: 20, countdownSeconds: 20, attractStepSeconds: 30, publicUrl: 'https://atlas.museum.example/exhibit/' });
    const { page } = atlas;
    const stepper = page.getByTestId('journey');
    const step = () => stepper.locator('.count').textContent();
    const attract = page.getByTestId('attract');
    const prompt = page.getByTestId('idle-prompt');

    // The first visitor follows the journey from the start card to its last step, 10 s a step, taps the map where there
    // is nothing, answers "Still there?" once, then walks away. (The kiosk offers no search: it has no keyboard.)
    expect(await page.locator('#atlas-search').count()).toBe(0);
    await page.getByTestId('start-card').getByRole('button', { name: new RegExp(JOURNEY) }).tap();
    await expect.poll(step).toMatch(/^Step 1 of 3/);
    await page.clock.fastForward(10_000);
    await stepper.getByRole('button', { name: 'Next →' }).tap();
    await expect.poll(step).toMatch(/^Step 2 of 3/);
    await page.clock.fastForward(10_000);
    await stepper.getByRole('button', { name: 'Next →' }).tap();
    await expect.poll(step).toMatch(/^Step 3 of 3/);
    await page.clock.fastForward(10_000);
    const empty = await emptySpot(page);
    await touchTap(page, empty.x, empty.y);
    await page.clock.fastForward(21_000);
    await prompt.getByRole('button', { name: 'Yes, keep exploring' }).tap();
    await prompt.waitFor({ state: 'hidden' });
    await page.clock.fastForward(21_000);
    await prompt.waitFor();
    await runClockUntilShown(page, attract, 25);
    await expect.poll(() => lines().filter((l) => l.kind === 'session-end').length, { timeout: 10_000 }).toBe(1);

    // The second visitor stops the tour, starts the same journey, goes on to its second step, switches to Spanish and
    // leaves.
    await attract.tap();
    await attract.waitFor({ state: 'hidden' });
    await page.getByTestId('start-card').getByRole('button', { name: new RegExp(JOURNEY) }).tap();
    await expect.poll(step).toMatch(/^Step 1 of 3/);
    await page.clock.fastForward(15_000);
    await stepper.getByRole('button', { name: 'Next →' }).tap();
    await expect.poll(step).toMatch(/^Step 2 of 3/);
    await page.getByTestId('language-switch').tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.clock.fastForward(21_000);
    await prompt.waitFor();
    await runClockUntilShown(page, attract, 25);
    await expect.poll(() => lines().filter((l) => l.kind === 'session-end').length, { timeout: 10_000 }).toBe(2);

    // What a curator sees: the report's figures for the whole log.
    const { records, problems } = readVisitLog(folder);
    expect(problems).toEqual([]);
    const all = figuresByDay(records).at(-1)!;
    expect(all.sessions).toBe(2);
    const sessions = [...new Set(records.map((r) => r.session))];
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => /^[0-9a-f]{16}$/.test(s ?? ''))).toBe(true);
    // First touch to last on the page's clock: 51 s and 15 s, and the little real time the taps took besides.
    const lengths = records.flatMap((r) => (r.kind === 'session-end' ? [r.dwellMs / 1000] : []));
    expect(lengths[0]).toBeGreaterThanOrEqual(51);
    expect(lengths[0]).toBeLessThan(70);
    expect(lengths[1]).toBeGreaterThanOrEqual(15);
    expect(lengths[1]).toBeLessThan(30);
    expect(all.medianSeconds).toBe(Math.round(((lengths[0]! + lengths[1]!) / 2) * 10) / 10);
    expect(all.journeys).toEqual([{ id: 'return-via-paris', steps: 3, started: 2, finished: 1, reached: [2, 2, 1], leftAfter: [0, 1, 0], mostLeaveAfter: 1 }]);
    expect(all.attract).toEqual([{ id: 'return-via-paris', interruptions: 1 }]);
    expect(all.startChoices).toEqual({ journey: 2, explore: 0, documents: 0 });
    expect(all.prompts).toEqual({ 'still-here': 1, 'ran-out': 2 });
    expect(all.tapsNothing).toBe(1);
    expect(all.openedShare).toBe(1);
    expect(all.searches).toBe(0);
    // A code on each step shown: three for the first visitor, two for the second.
    expect([all.takeHome, all.takeHomePerSession]).toEqual([5, 2.5]);
    expect([all.languages, all.languageSwitches]).toEqual([[{ language: 'en', sessions: 2 }, { language: 'es', sessions: 1 }], 1]);
    const printed = formatSessions(figuresByDay(records), readNames('dist'));
    expect(printed).toMatch(/\nall days +2 +/);
    expect(printed).toMatch(/\n2 +1 +step 2 \(1 of 1\) +2 → 2 → 1 +Back by way of Paris\n/);
    // Every line names its session.
    expect(records.every((r) => typeof r.session === 'string')).toBe(true);
    await expectCleanRun(atlas);
  });

  it('writes an HTML report that opens with its charts, no console errors and no requests', async () => {
    const { records } = readVisitLog('tests/fixtures/kiosk-sessions');
    const names = readNames('dist');
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-report-')), 'report.html');
    writeFileSync(file, reportHtml(records, summarizeVisits(records, names), figuresByDay(records), names));

    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.waitForLoadState('load');
    // Each chart is an SVG drawn by Plot, with its label; the funnel has a bar per step.
    for (const [chart, label] of [
      ['chart-per-hour', 'Sessions started in each hour of the day'],
      ['chart-lengths', 'How long sessions lasted'],
      ['chart-funnels', 'Sessions that reached each step of Back by way of Paris'],
      ['chart-passages', 'The passages opened most'],
    ]) {
      await expect.poll(() => page.getByTestId(chart!).locator(`svg[aria-label="${label}"]`).count(), { message: chart }).toBe(1);
    }
    expect(await page.getByTestId('chart-funnels').locator('svg [aria-label="bar"] rect').count()).toBe(3);
    expect(await page.getByTestId('chart-funnels').locator('figcaption').allTextContents()).toEqual(['Back by way of Paris']);
    expect(await page.getByTestId('headline').textContent()).toMatch(/^6 sessions; median length 1 min 35 s, 90th percentile 4 min 00 s; 83 % opened at least one passage/);
    expect(await page.getByTestId('days').locator('tbody tr').count()).toBe(4);
    expect(errors).toEqual([]);
    // The page itself, and nothing else: no library, font or image fetched from anywhere.
    expect(requests).toEqual([url]);
    await context.close();
  });
});
