import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../src/build/chromium.ts';
export { clippedControls, countWebglContexts, mapIdle, overlappingControls, screenPoint, webglContexts, type AtlasWindow } from '../../src/build/atlas-page.ts';
import { screenPoint, type AtlasWindow } from '../../src/build/atlas-page.ts';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, LineString, Point } from 'geojson';

/** The screens the exhibit is shown on (issue 12): phones, a tablet, a laptop, a 1080p kiosk, a portrait kiosk. */
export const EXHIBIT_VIEWPORTS = [
  { width: 360, height: 640, touch: true },
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1280, height: 800, touch: false },
  { width: 1920, height: 1080, touch: false },
  { width: 1080, height: 1920, touch: true },
];

/** Every page openAtlas opened during the current test, checked after it, then closed or kept for the next test. */
const openedThisTest: OpenedPage[] = [];

/**
 * Pages a passing test left as any fresh page is, kept open for the next test of the same file that asks for a page
 * with the same context options: that test loads its address into the kept page, a full reload with new page state.
 * A new context and its page cost Chromium about 0.8 s of CPU before the page has loaded anything (of about 3 s
 * to `ready`), and the browser tests open over a hundred pages. The viewport is not part of the key: a kept page is
 * set to the size asked for before it loads, as a window resized. A page whose test changed what a reload does not
 * put back (the clock, routes, init scripts, media, permissions, a CDP session) is closed instead.
 */
const keptPages: OpenedPage[] = [];

interface OpenedPage {
  browser: Browser;
  /** The context options it was made with but the viewport, as a key: a kept page serves only a request for the same ones. */
  options: string;
  page: Page;
  /** What the current test sees: a kept page starts each test with empty lists. */
  record: AtlasPage;
  /** Opened with a `prepare` step, or changed by its test beyond what a reload resets. */
  changed: boolean;
}

/** Page and context methods whose effect outlives a reload (listeners, timeouts, routes, …): a test that calls one makes its page unfit to keep. */
const LASTING_PAGE_CHANGES = ['on', 'once', 'addListener', 'setDefaultTimeout', 'setDefaultNavigationTimeout', 'route', 'routeFromHAR', 'routeWebSocket', 'addInitScript', 'emulateMedia', 'exposeFunction', 'exposeBinding', 'setExtraHTTPHeaders'] as const;
const LASTING_CONTEXT_CHANGES = [...LASTING_PAGE_CHANGES.filter((m) => m !== 'emulateMedia'), 'setOffline', 'grantPermissions', 'clearPermissions', 'setGeolocation', 'addCookies', 'setHTTPCredentials', 'newPage', 'newCDPSession'] as const;

function markChangesOf(opened: OpenedPage) {
  const watch = (target: object, methods: readonly string[]) => {
    const record = target as Record<string, unknown>;
    for (const method of methods) {
      const original = record[method];
      if (typeof original !== 'function') continue;
      record[method] = (...args: unknown[]) => {
        opened.changed = true;
        return (original as (...a: unknown[]) => unknown).apply(target, args);
      };
    }
  };
  watch(opened.page, LASTING_PAGE_CHANGES);
  watch(opened.page.context(), LASTING_CONTEXT_CHANGES);
  // Any use of the page's clock (install, fastForward, setSystemTime, …) stays with the page.
  watch(opened.page.clock, Object.getOwnPropertyNames(Object.getPrototypeOf(opened.page.clock)).filter((m) => m !== 'constructor'));
}

/**
 * One Chromium per test file (with these extra command-line flags): launched before its tests, closed after them.
 * After every test, no page it opened may have met a Content-Security-Policy violation, whether or not the test
 * ended with expectCleanRun.
 */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(extraArgs);
  });
  afterEach(async ({ task }) => {
    const pages = openedThisTest.splice(0);
    const violations = pages.flatMap((p) => p.record.cspViolations);
    try {
      expect(violations, 'Content-Security-Policy violations on the pages this test opened').toEqual([]);
    } finally {
      const passed = task.result?.state !== 'fail' && violations.length === 0;
      for (const opened of pages) {
        if (passed && !opened.changed && !opened.page.isClosed() && (await leaveForLater(opened.page))) keptPages.push(opened);
        else await closeAtlas(opened.record);
      }
    }
  });
  afterAll(async () => {
    keptPages.splice(0);
    await browser?.close();
  });
  return () => browser!;
}

export interface AtlasPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
  /** Requests that tried to leave 127.0.0.1. */
  offsite: string[];
  /** Console messages about the Content-Security-Policy (violations, ignored directives); also in `errors`. A test that provokes one on purpose takes it out. */
  cspViolations: string[];
}

/** A new context and page, watched for errors, requests off this machine and CSP violations. */
async function newAtlasPage(browser: Browser, options: string, context: BrowserContextOptions): Promise<OpenedPage> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...context });
  // Content-Security-Policy violations are page errors too.
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await ctx.newPage();
  const opened: OpenedPage = { browser, options, page, record: { page, errors: [], offsite: [], cspViolations: [] }, changed: false };
  page.on('pageerror', (e) => opened.record.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') opened.record.errors.push(`console: ${m.text()}`);
    if (/^CSP violation:|Content Security Policy/.test(m.text())) opened.record.cspViolations.push(m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) opened.record.offsite.push(r.url());
  });
  markChangesOf(opened);
  return opened;
}

/**
 * Empties a page's storage and leaves it for about:blank, so that its timers, map and WebGL context stop until a test
 * asks for it again; false if the page would not (it is then closed).
 */
async function leaveForLater(page: Page): Promise<boolean> {
  try {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await page.goto('about:blank');
    return true;
  } catch {
    return false;
  }
}

/**
 * A page an earlier test of this file left with these options (on about:blank since, its storage emptied), set to
 * this viewport; or none.
 */
async function keptPage(browser: Browser, options: string, viewport: { width: number; height: number }): Promise<OpenedPage | undefined> {
  const at = keptPages.findIndex((p) => p.browser === browser && p.options === options && !p.page.isClosed());
  if (at < 0) return undefined;
  const [opened] = keptPages.splice(at, 1);
  const { page } = opened!;
  await page.context().clearCookies();
  await page.setViewportSize(viewport);
  opened!.record = { page, errors: [], offsite: [], cspViolations: [] };
  return opened;
}

/**
 * Opens the app and waits for window.atlas.ready: the data drawn and the map still. The page is a kept one (see
 * keptPages) when there is one for these options and nothing is to be prepared, else a new context's.
 */
export async function openAtlas(
  browser: Browser,
  baseURL: string,
  context: BrowserContextOptions = {},
  path = '',
  /** Runs before the page loads: routes, init scripts. */
  prepare?: (page: Page) => Promise<void>,
): Promise<AtlasPage> {
  // Under software WebGL each frame of the map costs about 0.1 s of CPU at 1280 × 800, so unless a test asks:
  // - no motion: a move draws three frames where motion (labels fading) draws a dozen; tests of motion say 'no-preference';
  // - half a pixel per CSS pixel: what the tests check is laid out and drawn in CSS pixels (where a mark is, what a
  //   tap opens, what overlaps), which the density does not change, and a frame costs about a third less.
  //   `npm run screenshots` keeps full density for looking at the map.
  const withDefaults = { reducedMotion: 'reduce', deviceScaleFactor: 0.5, ...context, viewport: context.viewport ?? { width: 1280, height: 800 } } satisfies BrowserContextOptions;
  const { viewport, ...keyed } = withDefaults;
  const options = JSON.stringify({ hasTouch: false, isMobile: false, ...keyed });
  const opened = (!prepare && (await keptPage(browser, options, viewport))) || (await newAtlasPage(browser, options, withDefaults));
  openedThisTest.push(opened);
  const { page } = opened;
  if (prepare) {
    await prepare(page);
    opened.changed = true;
  }
  await page.goto(new URL(path, baseURL).href);
  await page.waitForFunction(() => (window as unknown as Partial<AtlasWindow>).atlas !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => (window as unknown as AtlasWindow).atlas.ready);
  return opened.record;
}

/** The derived data as the built site serves it, for finding where features are drawn. */
const labels = () => JSON.parse(readFileSync('dist/data/labels.geojson', 'utf8')) as FeatureCollection<Point, { id: string }>;
const legs = () => JSON.parse(readFileSync('dist/data/legs.geojson', 'utf8')) as FeatureCollection<LineString, { id: string; from: string; to: string }>;
export const anchorOf = (id: string) => labels().features.find((f) => f.properties.id === id)!.geometry.coordinates as [number, number];
export const legMiddle = (from: string, to: string) => {
  const line = legs().features.find((f) => f.properties.from === from && f.properties.to === to)!.geometry.coordinates;
  return line[Math.floor(line.length / 2)] as [number, number];
};

/**
 * Two taps within half a second and 30 px are one double tap to the map (MapLibre's tap recognizer, as d3-zoom's on the
 * SVG map): it zooms and opens nothing. A visitor's taps on two things are further apart in time; a test's can come
 * faster, so a tap that near the page's last one waits out the window.
 */
const DOUBLE_TAP = { ms: 500, px: 30 };
const lastTap = new WeakMap<Page, { at: number; x: number; y: number }>();

/** A finger's tap at this point of the page, never read as the second half of a double tap. */
export async function touchTap(page: Page, x: number, y: number): Promise<void> {
  const last = lastTap.get(page);
  // 10 px and 20 ms to spare: the page measures both its own way.
  const wait = last && Math.hypot(x - last.x, y - last.y) < DOUBLE_TAP.px + 10 ? last.at + DOUBLE_TAP.ms + 20 - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await page.touchscreen.tap(x, y);
  lastTap.set(page, { at: Date.now(), x, y });
}

/** Clicks the MapLibre map where it draws this longitude/latitude (a place's anchor, a leg's middle). */
export async function clickMapAt(page: Page, lngLat: [number, number]): Promise<void> {
  const p = await screenPoint(page, lngLat);
  await page.mouse.click(p.x, p.y);
}

/** The heading of the passage panel: the name of what is selected (null while no panel is open). */
export async function panelHeading(page: Page): Promise<string | null> {
  const heading = page.getByTestId('passage-panel').locator('h2');
  return (await heading.count()) ? heading.textContent() : null;
}

/** Ids of the features the map has drawn on these layers. */
export function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ls) => {
    const map = (window as unknown as AtlasWindow).atlas.map!;
    return [...new Set(map.queryRenderedFeatures({ layers: ls }).map((f) => String(f.properties.id)))].sort();
  }, layers);
}

/**
 * Loses the map's WebGL context as a GPU reset or driver crash would, and gets it back once the map has taken the
 * loss; resolves once the browser has handed the context back (the map then has to rebuild everything on it).
 */
export function loseAndRestoreContext(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const map = (window as unknown as AtlasWindow).atlas.map!;
    const canvas = map.getCanvas();
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const lose = gl!.getExtension('WEBGL_lose_context')!;
    const lost = new Promise<Event>((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
    const mapTookTheLoss = map.once('webglcontextlost');
    lose.loseContext();
    const [event] = await Promise.all([lost, mapTookTheLoss]);
    // The browser gives a context back only to a page that claimed it (MapLibre prevents the loss's default), and
    // decides so once the loss's event has been dispatched to every listener: restoreContext is refused until the
    // next task (this resumes in a microtask, mid-dispatch).
    await new Promise((r) => setTimeout(r, 0));
    if (!event.defaultPrevented) throw new Error('the map did not claim its lost WebGL context, so the browser will not give it back');
    const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
    lose.restoreContext();
    await restored;
  });
}

/** Takes the Content-Security-Policy messages recorded so far out of `cspViolations` and `errors`, for a test that provokes them on purpose. */
export function takeCspViolations(atlas: AtlasPage): string[] {
  const taken = atlas.cspViolations.splice(0);
  const remaining = atlas.errors.filter((e) => !taken.some((t) => e === `console: ${t}`));
  atlas.errors.splice(0, atlas.errors.length, ...remaining);
  return taken;
}

/**
 * Moves the page's clock (Playwright's, installed before the page loaded) on a second at a time until the element
 * shows, instead of waiting the page's timers out in real time; at most `seconds`. A second at a time, so it stops
 * soon after the element shows. The clock also runs in real time between moves: give what must still be on screen
 * afterwards (a tour's step) a long time on the page's clock. Each move jumps (fastForward), as for a page left
 * alone: due timers fire once, not every animation frame in between, each of which draws the map in software here.
 */
export async function runClockUntilShown(page: Page, element: Locator, seconds: number): Promise<void> {
  await runClockUntil(page, () => element.isVisible(), seconds);
}

/** As runClockUntilShown, until `done` answers true (a step's text, say); fails naming what it waited for. */
export async function runClockUntil(page: Page, done: () => Promise<boolean>, seconds: number, what = 'the page to get there'): Promise<void> {
  for (let s = 0; s < seconds; s++) {
    if (await done()) return;
    await page.clock.fastForward(1_000);
  }
  await expect.poll(done, { message: `${what}, within ${seconds} s of the page's clock` }).toBe(true);
}

/** Every test ends by checking what a user would never want: page errors, or requests off this machine. */
export function expectCleanRun(atlas: AtlasPage) {
  expect(atlas.errors).toEqual([]);
  expect(atlas.offsite).toEqual([]);
}

/** Closes the page's context; route handlers still busy with a request are let go rather than failing afterwards. */
async function closeAtlas({ page }: AtlasPage) {
  if (!page.isClosed()) await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.context().close();
}

/** axe-core's violations on the page as it is now, as "rule (count)". Injected through the debugger, which CSP does not govern. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * Where a lng/lat is on the page, from the SVG map's own world transform and Web Mercator written out here (512 px
 * world at zoom 0, as MapLibre's): a check of the renderer's projection as well as a place to tap.
 */
export async function svgPoint(page: Page, [lng, lat]: [number, number]) {
  const t = await page.evaluate(() => {
    const svg = document.querySelector('svg.atlas-svg')!;
    const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(svg.querySelector('.world')!.getAttribute('transform')!)!;
    const r = svg.getBoundingClientRect();
    return { x: Number(m[1]) + r.left, y: Number(m[2]) + r.top, k: Number(m[3]) };
  });
  const wx = ((lng + 180) / 360) * 512;
  const wy = ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360) * 512;
  return { x: t.x + t.k * wx, y: t.y + t.k * wy };
}

/** A box MapLibre's collision detection placed for a label or a pin's shield, in the map's own px (its padding included). */
export interface PlacedBox {
  layer: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The boxes MapLibre's collision detection placed for the symbols of `layers`, in screen pixels (padding included),
 * read from its collision index: what the map itself holds to be taken. Reaches into MapLibre's internals
 * (style.placement, crossTileSymbolIndex), so an upgrade that renames them fails here, loudly, by name.
 */
export function placedBoxes(page: Page, layers: readonly string[]): Promise<PlacedBox[]> {
  return page.evaluate((layers) => {
    interface Internals {
      style: {
        placement?: { collisionIndex?: { grid?: { boxKeys: Array<{ bucketInstanceId: number }>; bboxes: number[] } } };
        crossTileSymbolIndex?: { layerIndexes: Record<string, { indexes: Record<string, Record<string, { bucketInstanceId: number }>> }> };
      };
    }
    const { style } = (window as unknown as { atlas: { map: Internals } }).atlas.map;
    const grid = style.placement?.collisionIndex?.grid;
    const byLayer = style.crossTileSymbolIndex?.layerIndexes;
    if (!grid || !byLayer) throw new Error('MapLibre no longer has style.placement.collisionIndex.grid or style.crossTileSymbolIndex: update placedBoxes for this version');
    const layerOfBucket = new Map<number, string>();
    for (const layer of layers) {
      for (const tiles of Object.values(byLayer[layer]?.indexes ?? {})) for (const tile of Object.values(tiles)) layerOfBucket.set(tile.bucketInstanceId, layer);
    }
    // The grid reaches 100 px past each edge of the viewport, so that labels half off the screen still collide.
    const boxes: Array<{ layer: string; x1: number; y1: number; x2: number; y2: number }> = [];
    grid.boxKeys.forEach((key, i) => {
      const layer = layerOfBucket.get(key.bucketInstanceId);
      const [x1, y1, x2, y2] = grid.bboxes.slice(i * 4, i * 4 + 4) as [number, number, number, number];
      if (layer) boxes.push({ layer, x1: x1 - 100, y1: y1 - 100, x2: x2 - 100, y2: y2 - 100 });
    });
    return boxes;
  }, layers);
}

/**
 * The labels of the network's places (the opening view's bounds, `meta.networkBounds`) that the map draws cut by its
 * edge or under a control lying on it (the key, the view buttons: `[data-overlay]`), as "Prague: cut by the right
 * edge". A label's box is its text plus MapLibre's 4 px of text padding, which may touch an edge.
 */
export async function networkLabelsHidden(page: Page): Promise<string[]> {
  const boxes = await placedBoxes(page, ['place-labels']);
  const networkBounds = (JSON.parse(readFileSync('dist/data/meta.json', 'utf8')) as { networkBounds: [number, number, number, number] }).networkBounds;
  return page.evaluate(
    ({ boxes, networkBounds: [west, south, east, north] }) => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const controls = [...document.querySelectorAll('[data-overlay]')]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x1: r.left - canvas.left, y1: r.top - canvas.top, x2: r.right - canvas.left, y2: r.bottom - canvas.top }));
      const PADDING = 4;
      const hidden: string[] = [];
      for (const b of boxes) {
        const text = { x1: b.x1 + PADDING, y1: b.y1 + PADDING, x2: b.x2 - PADDING, y2: b.y2 - PADDING };
        if (text.x2 <= 0 || text.x1 >= canvas.width || text.y2 <= 0 || text.y1 >= canvas.height) continue; // wholly off the map: not drawn
        const at: [number, number] = [Math.min(Math.max((text.x1 + text.x2) / 2, 1), canvas.width - 1), Math.min(Math.max((text.y1 + text.y2) / 2, 1), canvas.height - 1)];
        const label = map.queryRenderedFeatures(at, { layers: ['place-labels'] })[0];
        if (!label || label.geometry.type !== 'Point') continue;
        const [lng, lat] = label.geometry.coordinates as [number, number];
        if (lng < west || lng > east || lat < south || lat > north) continue;
        const why = [
          text.x1 < 0 && 'the left edge',
          text.x2 > canvas.width && 'the right edge',
          text.y1 < 0 && 'the top edge',
          text.y2 > canvas.height && 'the bottom edge',
          ...controls.filter((c) => text.x1 < c.x2 && text.x2 > c.x1 && text.y1 < c.y2 && text.y2 > c.y1).map((c) => `a control at [${c.x1.toFixed(0)}, ${c.y1.toFixed(0)}, ${c.x2.toFixed(0)}, ${c.y2.toFixed(0)}]`),
        ].filter(Boolean);
        if (why.length) hidden.push(`${String(label.properties.label ?? label.properties.name)}: cut by ${why.join(' and ')}`);
      }
      return hidden;
    },
    { boxes, networkBounds },
  );
}

/**
 * The colour a visitor sees at a point of the page, as [r, g, b]: the page's own pixels (a screenshot of the point),
 * decoded by the browser itself (an image drawn on a 2D canvas), so what WebGL, the DOM and the compositor drew together.
 */
export async function screenColour(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  return page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, `data:image/png;base64,${png.toString('base64')}`);
}
