import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorOf, expectCleanRun, mapIdle, openAtlas, screenPoint, useBrowser, touchTap } from './browser.ts';
import { serveSite } from '../../src/build/serve-site.ts';
import type { StaticServer } from '../../src/build/static-server.ts';
import { visitLogFiles } from '../../src/build/visit-log-file.ts';
import type { KioskConfig } from '../../src/lib/kiosk/config.ts';
import { isVisit, type KioskRecord, type VisitRecord } from '../../src/lib/kiosk/visit-event.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const PUBLIC_URL = 'https://atlas.museum.example/exhibit/';

/** The kiosk page on the given server, with its configuration replaced as a technician would edit it. */
function openKiosk(url: string, search: string, config: Partial<KioskConfig>, viewport = { width: 1920, height: 1080 }) {
  return openAtlas(browser(), url, { viewport, hasTouch: true, reducedMotion: 'no-preference' }, search, async (page) => {
    await page.route('**/kiosk/config.json', (route) => route.fulfill({ json: { attractTour: ['return-via-paris'], ...config } }));
  });
}

async function tap(page: Page, lngLat: [number, number]) {
  await mapIdle(page);
  const p = await screenPoint(page, lngLat);
  await touchTap(page, p.x, p.y);
}

const JSQR = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');

/** Reads the QR code inside `scope` as a phone would: the drawn SVG rasterised onto a canvas and decoded by jsQR. */
async function decodeQr(page: Page, scope: string): Promise<string | null> {
  // Injected through the debugger, which the page's CSP does not govern (as axe is, in browser.ts).
  await page.evaluate(JSQR);
  return page.evaluate(async (selector) => {
    const svg = document.querySelector(`${selector} [data-testid="take-home"] svg`);
    if (!svg) return null;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, size, size);
    const pixels = context.getImageData(0, 0, size, size);
    const jsQR = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return jsQR(pixels.data, size, size)?.data ?? null;
  }, scope);
}

describe('“Take this passage home” at the kiosk', () => {
  it('shows a QR code of the selected passage’s link on the public address, and follows the selection and the journey’s step', async () => {
    const atlas = await openKiosk(baseURL, '?kiosk', { publicUrl: PUBLIC_URL });
    const { page } = atlas;
    await tap(page, anchorOf('paris'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Paris');
    // The code comes with its own chunk (the QR encoder), a moment after the panel.
    await expect.poll(() => panel.getByTestId('take-home').getByText('Take this passage home: scan to open it on your phone').isVisible()).toBe(true);
    await expect.poll(() => decodeQr(page, '[data-testid="passage-panel"]')).toBe(`${PUBLIC_URL}#place=paris`);
    // The code sits at the top of the panel, in view without scrolling, and there is no "Copy citation" to take away.
    const [code, side] = await Promise.all([panel.getByTestId('take-home').boundingBox(), page.locator('#side').boundingBox()]);
    expect(code!.y + code!.height).toBeLessThanOrEqual(side!.y + side!.height);
    expect(await panel.getByRole('button', { name: 'Copy citation' }).count()).toBe(0);

    await tap(page, anchorOf('havana'));
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    await expect.poll(() => decodeQr(page, '[data-testid="passage-panel"]')).toBe(`${PUBLIC_URL}#place=havana`);

    await page.getByRole('button', { name: 'Journeys' }).tap();
    await page.getByRole('button', { name: /Back by way of Paris/ }).tap();
    const stepper = page.getByTestId('journey');
    await expect.poll(() => decodeQr(page, '[data-testid="journey"]')).toBe(`${PUBLIC_URL}#journey=return-via-paris:1`);
    await stepper.getByRole('button', { name: 'Next →' }).tap();
    await expect.poll(() => decodeQr(page, '[data-testid="journey"]')).toBe(`${PUBLIC_URL}#journey=return-via-paris:2`);
    expect(await stepper.getByTestId('take-home').getByText('Take this step home: scan to open it on your phone').isVisible()).toBe(true);
    await expectCleanRun(atlas);
  });

  it('shows the passage without a code, and says why on the console, when the link is too long for a QR code (issue 26)', async () => {
    const atlas = await openKiosk(baseURL, '?kiosk', { publicUrl: `http://a/${'x'.repeat(3000)}` });
    const { page } = atlas;
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await tap(page, anchorOf('havana'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    await expect.poll(() => panel.locator('blockquote').first().isVisible()).toBe(true);
    expect(await page.getByTestId('take-home').count()).toBe(0);
    await expect.poll(() => warnings).toEqual([expect.stringMatching(/^take-home: no QR code for http:\/\/a\/x+… \(a \d+-character link needs a QR code denser than version 10, too dense to scan\); the passage shows without it$/)]);
    await expectCleanRun(atlas);
  });

  it('shows no code when the museum configured no public address, nor outside the kiosk', async () => {
    for (const search of ['?kiosk', '']) {
      const atlas = search ? await openKiosk(baseURL, search, {}) : await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 } });
      const { page } = atlas;
      const p = await screenPoint(page, anchorOf('paris'));
      await mapIdle(page);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Paris');
      expect(await page.getByTestId('take-home').count()).toBe(0);
      await page.getByRole('button', { name: 'Journeys' }).click();
      await page.getByRole('button', { name: /Back by way of Paris/ }).click();
      await page.getByTestId('journey').getByRole('button', { name: 'Next →' }).click();
      await expect.poll(() => page.getByTestId('journey').locator('.count').textContent()).toMatch(/^Step 2 of 3/);
      expect(await page.getByTestId('take-home').count()).toBe(0);
      await expectCleanRun(atlas);
    }
  });
});

describe('the kiosk’s visit log and heartbeat', () => {
  let server: StaticServer;
  let folder: string;
  beforeAll(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'atlas-kiosk-')), 'visits');
    ({ server } = await serveSite({ site: 'dist', port: 0, hostNames: [], heartbeat: true, visitLog: { folder, maxBytes: 100_000, keep: 5 }, log: (line) => console.error(`kiosk test: ${line}`) }));
  });
  afterAll(async () => {
    await server?.close();
  });

  // The folder is made at the first line: none yet is no lines yet. The visits, without the session's other lines.
  const logged = (): VisitRecord[] =>
    (existsSync(folder) ? visitLogFiles(folder) : [])
      .flatMap((name) =>
        readFileSync(join(folder, name), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as KioskRecord),
      )
      .filter(isVisit);

  it('writes a line for a place once another replaces it: what it was, how long, in which language', async () => {
    const atlas = await openKiosk(server.url, '?kiosk&visits', {});
    const { page } = atlas;
    await tap(page, anchorOf('paris'));
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Paris');
    expect(logged()).toEqual([]);
    // A visitor reads for a moment: at least 300 ms on the page's own clock, which measures the dwell.
    const opened = await page.evaluate(() => performance.now());
    await page.waitForFunction((since) => performance.now() - since >= 300, opened);
    await tap(page, anchorOf('havana'));
    await expect.poll(() => logged().length, { timeout: 10_000 }).toBe(1);
    const [line] = logged();
    expect(line).toMatchObject({ kind: 'place', id: 'paris', language: 'en', session: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(line!.dwellMs).toBeGreaterThanOrEqual(300);
    expect(Number.isNaN(Date.parse(line!.at))).toBe(false);
    await expectCleanRun(atlas);
  });

  it('sends heartbeats and visits to the server’s own endpoints from a page opened at "//" (issue 26)', async () => {
    const before = Date.now();
    const already = logged().length;
    // http://127.0.0.1:PORT//?kiosk&heartbeat&visits: relative addresses there read as //kiosk/…
    const atlas = await openKiosk(`${server.url}/`, '?kiosk&heartbeat&visits', {});
    const { page } = atlas;
    expect(new URL(page.url()).pathname).toBe('//');
    await expect.poll(() => server.lastHeartbeat() ?? 0, { timeout: 15_000 }).toBeGreaterThan(before);
    await tap(page, anchorOf('paris'));
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Paris');
    await tap(page, anchorOf('havana'));
    // This page's session's lines only: the page the test before closed may send its last line (the visit it had
    // open) after `already` was counted, as CI once saw.
    const thisSession = () => {
      const since = logged().slice(already);
      const paris = since.find((line) => line.kind === 'place' && line.id === 'paris');
      return paris ? since.filter((line) => line.session === paris.session).map((line) => `${line.kind}:${line.id}`) : [];
    };
    await expect.poll(thisSession, { timeout: 10_000 }).toEqual(['place:paris']);
    await expectCleanRun(atlas);
  });

  it('beats with the renderer it draws with', async () => {
    const atlas = await openKiosk(server.url, '?kiosk&heartbeat', {});
    await expect.poll(() => server.lastRenderer(), { timeout: 15_000 }).toBe('maplibre');
    await expectCleanRun(atlas);
  });
});

describe('a page opened at an address starting with "//" (issue 26)', () => {
  it('keeps its address up to date as things are chosen, with no error', async () => {
    const atlas = await openAtlas(browser(), `${baseURL}/`, { viewport: { width: 1280, height: 800 } }, '#place=havana');
    const { page } = atlas;
    expect(new URL(page.url()).pathname).toBe('//');
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Havana');
    await mapIdle(page);
    // A pin in the frame a shared link to Havana opens on (Havana with what is near it).
    const p = await screenPoint(page, anchorOf('guantanamo-base'));
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Guantanamo base');
    await expect.poll(() => page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\/#place=guantanamo-base/);
    await page.goBack();
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Havana');
    await expectCleanRun(atlas);
  });
});
