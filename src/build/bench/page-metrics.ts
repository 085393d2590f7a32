/**
 * What the benchmark measures in the browser: first idle, bytes on the wire, tap → passage, and a long soak.
 * Every page it opens keeps the app's `window.atlas = { map, ready, reset }` contract (README), baselines included.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { countWebglContexts, mapIdle, screenPoint, webglContexts, type AtlasWindow } from '../atlas-page.ts';

/**
 * Recorded by an init script the moment `window.atlas.ready` resolves: ms since navigation start. And whether the HTML
 * itself carried a drawn map, shown (the app's opening view drawn at build time), looked at once the document is
 * parsed and before any deferred or module script has run: then the first contentful paint is that map.
 */
const RECORD_FIRST_IDLE = () => {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const picture = document.querySelector('#first-view');
    const box = picture?.getBoundingClientRect();
    (window as unknown as { mapInHtml: boolean }).mapInHtml = Boolean(picture?.querySelector('svg path') && box && box.width > 0 && box.height > 0 && getComputedStyle(picture!).display !== 'none');
  });
  let atlas: { ready: Promise<void> } | undefined;
  Object.defineProperty(window, 'atlas', {
    configurable: true,
    get: () => atlas,
    set(value: { ready: Promise<void> }) {
      atlas = value;
      void value.ready.then(() => ((window as unknown as { firstIdleAt: number }).firstIdleAt = performance.now()));
    },
  });
};

export const VIEWPORT = { width: 1280, height: 800 };

export type ByteKind = 'html' | 'js' | 'css' | 'data' | 'fonts' | 'other';
export interface Transfer {
  /** Compressed bytes on the wire (body as sent plus headers), by kind. */
  byKind: Record<ByteKind, number>;
  total: number;
  /** JavaScript that is not MapLibre's (its main chunk and its worker). */
  jsBeyondMapLibre: number;
  requests: number;
  /** The data folder's files, by path under the site, with their bytes on the wire summed (a tile archive's ranges together), largest first. */
  dataFiles: Array<{ path: string; bytes: number }>;
}

export interface FirstIdleRun {
  firstIdleMs: number;
  /**
   * When the first map was on screen: the first contentful paint where the HTML carried a drawn map (the app's opening
   * view, before any script ran); else the app's `atlas:first-map` mark (its SVG map, before MapLibre); on a page
   * without either (the baselines draw only the one map), its first idle.
   */
  firstMapMs: number;
  /** Whether that first map came with the HTML, drawn before any script ran. */
  mapInHtml: boolean;
  /** When the last data file had arrived, ms since navigation start. */
  dataArrivedMs: number;
  /** When the app had parsed it all (its `atlas:data-parsed` mark), or null on a page without the mark. */
  dataParsedMs: number | null;
  transfer: Transfer;
  /**
   * The app past the tiles threshold: what its first view left for later (the routes, journeys and documents' index)
   * and when it had come and the page was idle again (window.atlas.idle), ms since navigation start; the bytes of the
   * requests started after first idle until then. Absent on a page without `idle` (the baselines).
   */
  afterFirstIdle?: { completeMs: number; bytes: number };
}

function kindOf(url: URL): ByteKind {
  const path = url.pathname;
  if (/\/data\//.test(path)) return 'data';
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.css$/.test(path)) return 'css';
  if (/\.woff2?$/.test(path)) return 'fonts';
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  return 'other';
}

/** A small screen for the soak: it measures what stays behind, not drawing speed, and software WebGL draws 2.5× fewer pixels. */
export const SOAK_VIEWPORT = { width: 800, height: 500 };

async function newBenchContext(browser: Browser, hasTouch = false, viewport = VIEWPORT): Promise<BrowserContext> {
  // Reduced motion: the app and the baselines frame the map without an animation, so first idle is not a flight's length.
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', hasTouch });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`; the functions
  // handed to the page carry those calls with them, so the page gets the helper too.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  await context.addInitScript(RECORD_FIRST_IDLE);
  return context;
}

/** Opens a page in a fresh context (empty cache) and reports when it first stood still with the data drawn. */
export async function measureFirstIdle(browser: Browser, url: string): Promise<FirstIdleRun> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sizes: Array<Promise<{ kind: ByteKind; url: string; bytes: number; startedAt: number } | null>> = [];
  // On the context, not the page: MapLibre's worker fetches the basemap itself.
  context.on('requestfinished', (request) => {
    // Requests the page makes once idle (the app fetches its panels' chunks then) end after the context is closed: ignored.
    sizes.push(request.sizes().then((s) => ({ kind: kindOf(new URL(request.url())), url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize, startedAt: request.timing().startTime })).catch(() => null));
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstIdleAt?: number }).firstIdleAt !== undefined, null, { timeout: 120_000, polling: 50 });
  const timing = await page.evaluate(() => ({
    firstIdleMs: (window as unknown as { firstIdleAt: number }).firstIdleAt,
    mapInHtml: (window as unknown as { mapInHtml?: boolean }).mapInHtml === true,
    firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    firstMapMs: performance.getEntriesByName('atlas:first-map')[0]?.startTime ?? (window as unknown as { firstIdleAt: number }).firstIdleAt,
    dataArrivedMs: Math.max(0, ...performance.getEntriesByType('resource').filter((r) => r.name.includes('/data/')).map((r) => (r as PerformanceResourceTiming).responseEnd)),
    dataParsedMs: performance.getEntriesByName('atlas:data-parsed')[0]?.startTime ?? null,
  }));
  // What the first load cost: the requests started before first idle (wall clock), MapLibre's worker's included.
  const idleAt = await page.evaluate(() => performance.timeOrigin + (window as unknown as { firstIdleAt: number }).firstIdleAt);
  // Then what came after it, until the page was idle with everything (the app's own contract; the baselines have none).
  const completeMs = await page.evaluate(async () => {
    const atlas = (window as unknown as { atlas: { idle?: () => Promise<void> } }).atlas;
    return atlas.idle ? atlas.idle().then(() => performance.now()) : null;
  });
  const requests = (await Promise.all(sizes)).filter((s) => s !== null).map((s) => s!);
  const all = requests.filter((s) => s.startedAt <= idleAt);
  const afterFirstIdle = completeMs === null ? undefined : { completeMs, bytes: requests.filter((s) => s.startedAt > idleAt).reduce((sum, s) => sum + s.bytes, 0) };
  await context.close();
  if (errors.length) throw new Error(`${url}: the page failed while loading: ${errors.join('; ')}`);
  const { firstContentfulPaintMs, ...times } = timing;
  if (times.mapInHtml && firstContentfulPaintMs !== null) times.firstMapMs = Math.min(times.firstMapMs, firstContentfulPaintMs);
  const byKind: Record<ByteKind, number> = { html: 0, js: 0, css: 0, data: 0, fonts: 0, other: 0 };
  for (const s of all) byKind[s.kind] += s.bytes;
  const jsBeyondMapLibre = all.filter((s) => s.kind === 'js' && !/maplibre/.test(new URL(s.url).pathname)).reduce((sum, s) => sum + s.bytes, 0);
  const dataBytes = new Map<string, number>();
  for (const s of all) {
    const path = new URL(s.url).pathname.slice(1);
    if (s.kind === 'data') dataBytes.set(path, (dataBytes.get(path) ?? 0) + s.bytes);
  }
  const dataFiles = [...dataBytes].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => b.bytes - a.bytes);
  return { ...times, transfer: { byKind, total: all.reduce((sum, s) => sum + s.bytes, 0), jsBeyondMapLibre, requests: all.length, dataFiles }, ...(afterFirstIdle && { afterFirstIdle }) };
}

/** The app opened for interaction: waited until ready, with the helpers the tap and soak measurements need. */
export async function openApp(browser: Browser, url: string, hasTouch = false, viewport = VIEWPORT) {
  const context = await newBenchContext(browser, hasTouch, viewport);
  await context.addInitScript(countWebglContexts);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstIdleAt?: number }).firstIdleAt !== undefined, null, { timeout: 120_000, polling: 50 });
  return { context, page, errors };
}

export interface Target {
  name: string;
  lngLat: [number, number];
}

/**
 * Resolves once the page draws frames at its display's pace again (three in a row under 25 ms apart), or after 3 s.
 * `mapIdle` forces a map frame; under software WebGL its pixels are still being filled, on both cores, long after
 * MapLibre says idle, and a tap then would wait for them before its own events are even dispatched. A finger
 * comes to a map that has been still for a while: the taps are measured from there.
 */
export function framesSettled(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const began = performance.now();
        let last = 0;
        let inARow = 0;
        const frame = (t: number) => {
          inARow = last && t - last < 25 ? inARow + 1 : 0;
          last = t;
          if (inARow >= 3 || performance.now() - began > 3000) resolve(performance.now() - began);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

/** Where a tap lands: on the place on the map (the app), or on the page's button named after it (the bare tap page). */
export type TapOn = 'map' | 'button';

/**
 * Tap → passage: from the pointer going down on a place to the first frame in which the passage panel shows it.
 * Alternates between targets so each tap changes what the panel says, and taps once the page's frames have settled.
 * The bare tap page (src/bench/tap.html) is measured by the same code, through the same input pipeline, on its buttons.
 */
/** Whether a page point is on the map itself (its canvas is what lies there), not under a panel, a control or off it. */
const onTheMap = (page: Page, point: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const canvas = (window as unknown as AtlasWindow).atlas.map?.getCanvas();
    return Boolean(canvas) && document.elementFromPoint(x, y) === canvas;
  }, point);

export async function measureTapToPassage(browser: Browser, url: string, targets: Target[], taps: number, on: TapOn = 'map'): Promise<number[]> {
  const { context, page, errors } = await openApp(browser, url, true);
  const buttonCentre = (name: string) =>
    page.evaluate((n) => {
      const r = document.querySelector(`button[data-target="${n}"]`)!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, name);
  const latencies: number[] = [];
  for (let i = 0; i < taps; i++) {
    const target = targets[i % targets.length]!;
    if (on === 'map') await mapIdle(page); // the panel opening resizes the map: project only once it is still
    await framesSettled(page);
    let point = on === 'map' ? await screenPoint(page, target.lngLat) : await buttonCentre(target.name);
    // The last tap may have framed its place (a pin under the panel is brought into view), taking this one off the
    // map's visible box: back to the opening view first, as a visitor would press "Whole map".
    if (on === 'map' && !(await onTheMap(page, point))) {
      await page.evaluate(() => (window as unknown as AtlasWindow).atlas.reset());
      await mapIdle(page);
      await framesSettled(page);
      point = await screenPoint(page, target.lngLat);
    }
    const shown = page.evaluate(
      (name) =>
        new Promise<number>((resolve) => {
          let downAt = 0;
          addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true, capture: true });
          const check = () => {
            const heading = document.querySelector('[data-testid="passage-panel"] h2');
            if (downAt && heading?.textContent === name) requestAnimationFrame(() => resolve(performance.now() - downAt));
            else requestAnimationFrame(check);
          };
          check();
        }),
      target.name,
    );
    await page.touchscreen.tap(point.x, point.y);
    // A tap that opens something else would wait for ever: fail with what was tapped instead.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`tap → passage: a tap at (${Math.round(point.x)}, ${Math.round(point.y)}) did not open ${target.name} within 10 s`)), 10_000));
    latencies.push(await Promise.race([shown, timeout]));
  }
  await context.close();
  if (errors.length) throw new Error(`tap → passage: the page failed: ${errors.join('; ')}`);
  return latencies;
}

/** In the page: read the passage's document, close it, step a journey, then leave (the kiosk's reset); ends when the map is still. */
const VISIT_AFTER_TAP = async ({ place, journey }: { place: string; journey: string }) => {
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const until = async <T>(what: string, find: () => T | null | undefined): Promise<T> => {
    for (let i = 0; i < 600; i++) {
      const found = find();
      if (found) return found;
      await frame();
    }
    throw new Error(`soak: gave up waiting for ${what}`);
  };
  const button = (name: string) => () =>
    [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().startsWith(name));
  await until(`the passage panel to show ${place}`, () => document.querySelector('[data-testid="passage-panel"] h2')?.textContent === place);
  (await until('"Read the whole document"', button('Read the whole document'))).click();
  await until('the reader', () => document.querySelector('[data-testid="document-reader"]'));
  (await until('"Close document"', button('Close document'))).click();
  (await until('"Journeys"', button('Journeys'))).click();
  (await until(`the journey "${journey}"`, button(journey))).click();
  (await until('"Next →"', button('Next →'))).click();
  const atlas = (window as unknown as { atlas: { reset(): void; map: { once(t: string, f: () => void): void; triggerRepaint(): void } } }).atlas;
  atlas.reset();
  await new Promise<void>((resolve) => {
    atlas.map.once('idle', () => resolve());
    atlas.map.triggerRepaint();
  });
};

export interface SoakSample {
  cycle: number;
  heapBytes: number;
  domNodes: number;
  listeners: number;
  webglContexts: number;
}

export interface SoakResult {
  cycles: number;
  warmupCycles: number;
  seconds: number;
  samples: SoakSample[];
  /** Median heap of the samples in the first quarter of the soak after warm-up. */
  plateauHeapBytes: number;
  start: SoakSample;
  end: SoakSample;
}

/**
 * A day at the museum, compressed: each cycle is a visitor who taps a place, opens the reader, steps a journey,
 * and leaves (the idle reset). Counts are taken after a forced garbage collection.
 */
export async function soak(
  browser: Browser,
  url: string,
  place: Target,
  options: { cycles: number; warmupCycles: number; sampleEvery: number; onProgress?: (cycle: number) => void },
): Promise<SoakResult> {
  const { context, page, errors } = await openApp(browser, url, true, SOAK_VIEWPORT);
  const session = await context.newCDPSession(page);
  const sample = async (cycle: number): Promise<SoakSample> => {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await session.send('Memory.getDOMCounters');
    return { cycle, heapBytes: usedSize, domNodes: nodes, listeners: jsEventListeners, webglContexts: await webglContexts(page) };
  };
  // The tap is real input (through the browser's input pipeline, as a finger's would be); the rest of the visit is
  // scripted in the page, so that under software WebGL 2,000 visitors take minutes rather than hours.
  const visitor = async () => {
    const point = await screenPoint(page, place.lngLat);
    await page.touchscreen.tap(point.x, point.y);
    await page.evaluate(VISIT_AFTER_TAP, { place: place.name, journey: 'Back by way of Paris' });
  };
  for (let i = 0; i < options.warmupCycles; i++) await visitor();
  const began = performance.now();
  const samples = [await sample(0)];
  for (let cycle = 1; cycle <= options.cycles; cycle++) {
    await visitor();
    if (cycle % options.sampleEvery === 0 || cycle === options.cycles) {
      samples.push(await sample(cycle));
      options.onProgress?.(cycle);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  await context.close();
  if (errors.length) throw new Error(`soak: the page failed: ${errors.slice(0, 3).join('; ')}`);
  const early = samples.filter((s) => s.cycle <= options.cycles / 4).map((s) => s.heapBytes);
  return {
    cycles: options.cycles,
    warmupCycles: options.warmupCycles,
    seconds,
    samples,
    plateauHeapBytes: median(early),
    start: samples[0]!,
    end: samples[samples.length - 1]!,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
