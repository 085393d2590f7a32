import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Debian's Chromium; CHROMIUM_PATH overrides it. Playwright's own browser download is not used. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface AtlasPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
  /** Requests that tried to leave 127.0.0.1. */
  offsite: string[];
}

/** Opens the app and waits for window.atlas.ready: the data drawn and the map still. */
export async function openAtlas(browser: Browser, baseURL: string, context: BrowserContextOptions = {}, path = ''): Promise<AtlasPage> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...context });
  const page = await ctx.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offsite.push(r.url());
  });
  await page.goto(new URL(path, baseURL).href);
  await page.waitForFunction(() => (window as unknown as { atlas?: unknown }).atlas !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => (window as unknown as { atlas: { ready: Promise<void> } }).atlas.ready);
  return { page, errors, offsite };
}

/** The on-screen position (page pixels) of a longitude/latitude, via the live map. */
export async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as { atlas: { map: { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } } }).atlas.map;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}
