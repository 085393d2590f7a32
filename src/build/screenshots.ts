/**
 * `npm run screenshots`: pictures of the built app to look at before a change lands (overlaps, clipped labels,
 * literal markup), at the viewports the issues name. Serves dist/ on 127.0.0.1 and writes PNGs to
 * test-results/screenshots/, and the laptop view once more as seen with deuteranopia and protanopia (simulated by
 * Chromium). Build first (`npm run build`).
 * With --readme it writes only the README's two pictures (desktop and phone) to static/.readme/, which is committed;
 * static/ is the site's public folder, and its hidden folders are kept out of the build.
 * With --only TEXT it writes only the pictures whose file name contains TEXT (e.g. --only no-webgl).
 * With --walkthrough it acts out issue 32's twelve visitor tasks at the kiosk, phone and laptop sizes instead.
 * Usage: tsx src/build/screenshots.ts [--out test-results/screenshots] [--readme] [--only TEXT]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { mapIdle } from './atlas-page.ts';
import { startStaticServer } from './static-server.ts';

const VIEWPORTS = [
  { name: 'small-phone', width: 360, height: 640, touch: true },
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'tablet', width: 768, height: 1024, touch: true },
  { name: 'laptop', width: 1280, height: 800, touch: false },
  { name: '1080p', width: 1920, height: 1080, touch: false },
  { name: 'kiosk-portrait', width: 1080, height: 1920, touch: true },
];

/** What to look at: the opening view, a step within Cuba, the ten-country round trip, a leg read from context, stops named together, Europe's capitals. */
const SCENES = [
  { name: 'start', hash: '' },
  { name: 'havana-to-rural-hills', hash: '#journey=outbound-via-mexico:3' },
  { name: 'to-cuba-and-back', hash: '#journey=to-cuba-and-back:1' },
  { name: 're-entry-into-peru', hash: '#journey=return-via-paris:3' },
  { name: 'paris-and-prague', hash: '#journey=through-paris-and-prague:1' },
  { name: 'europe-contacts', hash: '#place=europe-contacts' },
  { name: 'west-indies', hash: '#place=west-indies' },
  { name: 'ussr', hash: '#place=ussr' },
  { name: 'havana', hash: '#place=havana' },
  // The Spanish interface (issue 15): the query string comes before the hash.
  { name: 'es-start', hash: '?lang=es' },
  { name: 'es-havana', hash: '?lang=es#place=havana' },
  { name: 'es-re-entry-into-peru', hash: '?lang=es#journey=return-via-paris:3' },
];

/** Without WebGL the page runs on the simplified SVG map: pictured too (a blocklisted GPU, a remote desktop). */
const NO_WEBGL_SCENES = [
  { name: 'no-webgl-start', hash: '' },
  { name: 'no-webgl-across-the-border', hash: '#journey=return-via-paris:3' },
  { name: 'no-webgl-havana', hash: '#place=havana' },
];

/**
 * The laptop view as a reader with a colour-vision deficiency sees it (Chromium's own simulation): the role colours
 * must stay apart there too (tests/unit/palette.test.ts checks the numbers; these are to look at).
 */
const VISION_DEFICIENCIES = ['deuteranopia', 'protanopia'] as const;
const VISION_SCENES = [SCENES[0]!, SCENES[2]!];

/** Opens the page at this size and hash, waits for the map to be still, and writes the PNG. */
async function shoot(withBrowser: Browser, viewport: (typeof VIEWPORTS)[number], hash: string, name: string, deficiency?: (typeof VISION_DEFICIENCIES)[number]) {
  if (values.only && !name.includes(values.only)) return;
  const context = await withBrowser.newContext({ viewport, hasTouch: viewport.touch, isMobile: viewport.touch, reducedMotion: 'reduce' });
  const page = await context.newPage();
  if (deficiency) await (await context.newCDPSession(page)).send('Emulation.setEmulatedVisionDeficiency', { type: deficiency });
  await page.goto(`${server.url}${hash}`);
  await page.waitForFunction(() => (window as unknown as { atlas?: { ready?: Promise<void> } }).atlas?.ready !== undefined);
  await page.evaluate(() => (window as unknown as { atlas: { ready: Promise<void> } }).atlas.ready);
  // The journey's camera move after ready; the SVG map moves at once, and is drawn when ready resolves.
  const drawsMapLibre = await page.evaluate(() => (window as unknown as { atlas: { renderer: string } }).atlas.renderer === 'maplibre');
  if (drawsMapLibre) await mapIdle(page);
  const file = join(out, name);
  await page.screenshot({ path: file });
  console.log(`screenshots: ${file}`);
  await context.close();
}

/**
 * Issue 32's twelve tasks, as three first-time users try them (a museum visitor at the 1920 × 1080 kiosk, a Spanish
 * speaker on a 390 × 844 phone, a historian on a laptop), each acted out through the interface and pictured at the
 * point where the path finishes or fails: `--walkthrough` runs every task at the three sizes.
 */
const WALKTHROUGH_SIZES = ['1080p', 'phone', 'laptop'] as const;
const PUBLIC_URL = 'https://atlas.museum.example/';
type Act = (page: Page) => Promise<void>;
const tapOrClick = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
const WALKTHROUGH: Array<{ name: string; path: string; act: Act }> = [
  { name: '01-kiosk-start-card', path: '?kiosk', act: async () => {} },
  { name: '02-kiosk-journey-leads-on', path: '?kiosk#journey=return-via-paris:3', act: async () => {} },
  { name: '03-kiosk-take-home', path: '?kiosk#place=paris', act: async () => {} },
  { name: '04-kiosk-no-search-key-open', path: '?kiosk', act: async (page) => void (await page.getByTestId('legend').locator('summary, button').first().click()) },
  { name: '05-es-menu', path: '?lang=es', act: async (page) => { if (await page.getByRole('button', { name: 'Menú' }).isVisible()) await tapOrClick(page, 'Menú'); } },
  { name: '06-es-search-paris-centro', path: '?lang=es', act: async (page) => {
    if (await page.getByRole('button', { name: 'Buscar' }).isVisible()) await tapOrClick(page, 'Buscar');
    await page.getByRole('searchbox').fill('París centro');
  } },
  { name: '07-es-passage-cusco', path: '?lang=es#place=cusco', act: async () => {} },
  { name: '08-es-panel-closed-map-still', path: '?lang=es#place=cusco', act: async (page) => void (await page.getByTestId('passage-panel').getByRole('button', { name: /^Cerrar/ }).click()) },
  { name: '09-historian-citation-copied', path: '#place=paris', act: async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('passage-panel').getByRole('button', { name: 'Copy citation' }).first().click();
    await page.getByTestId('passage-panel').locator('details summary').first().click();
  } },
  { name: '10-historian-journey-replaces-passage', path: '#place=paris', act: async (page) => {
    if (await page.getByRole('button', { name: 'Menu' }).isVisible()) await tapOrClick(page, 'Menu');
    await tapOrClick(page, 'Journeys');
  } },
  { name: '11-historian-reader-es', path: '?lang=es#place=havana', act: async (page) => void (await page.getByRole('button', { name: 'Leer el documento completo' }).first().click()) },
  { name: '12-historian-save-view', path: '#place=havana', act: async (page) => void (await page.getByRole('button', { name: 'Save this view' }).click()) },
];

/** One task: the page at this size, the kiosk's take-home switched on (the museum's address), the task acted out, the picture. */
async function walk(withBrowser: Browser, viewport: (typeof VIEWPORTS)[number], task: (typeof WALKTHROUGH)[number]) {
  const name = `walkthrough-${viewport.name}-${task.name}.png`;
  if (values.only && !name.includes(values.only)) return;
  const context = await withBrowser.newContext({ viewport, hasTouch: viewport.touch, isMobile: viewport.touch, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.route('**/kiosk/config.json', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), publicUrl: PUBLIC_URL } });
  });
  await page.goto(`${server.url}${task.path}`);
  await page.waitForFunction(() => (window as unknown as { atlas?: { ready?: Promise<void> } }).atlas?.ready !== undefined);
  await page.evaluate(() => (window as unknown as { atlas: { ready: Promise<void> } }).atlas.ready);
  try {
    await task.act(page);
  } catch (e) {
    // A path that cannot be finished is pictured where it stopped, and said.
    console.log(`screenshots: ${name}: the task stopped: ${(e as Error).message.split('\n')[0]}`);
  }
  if (await page.evaluate(() => (window as unknown as { atlas: { renderer: string } }).atlas.renderer === 'maplibre')) await mapIdle(page);
  await page.screenshot({ path: join(out, name) });
  console.log(`screenshots: ${join(out, name)}`);
  await context.close();
}

/** The README's pictures: a passage open beside the map on a laptop, the start card on a phone. */
const README_SHOTS = [
  { file: 'desktop.png', viewport: 'laptop', scene: 'havana' },
  { file: 'phone.png', viewport: 'phone', scene: 'start' },
];

const { values } = parseArgs({ options: { out: { type: 'string', default: 'test-results/screenshots' }, readme: { type: 'boolean', default: false }, only: { type: 'string' }, walkthrough: { type: 'boolean', default: false } } });
const out = values.readme ? 'static/.readme' : values.out;
mkdirSync(out, { recursive: true });
const server = await startStaticServer('dist');
const browser = await launchChromium();
const browserWithoutWebGl = await launchChromium(['--disable-webgl', '--disable-webgl2']);
try {
  if (values.walkthrough) {
    for (const size of WALKTHROUGH_SIZES) for (const task of WALKTHROUGH) await walk(browser, VIEWPORTS.find((v) => v.name === size)!, task);
  }
  if (values.readme) {
    for (const shot of README_SHOTS) {
      const viewport = VIEWPORTS.find((v) => v.name === shot.viewport)!;
      await shoot(browser, viewport, SCENES.find((s) => s.name === shot.scene)!.hash, shot.file);
    }
  }
  for (const viewport of values.readme || values.walkthrough ? [] : VIEWPORTS) {
    for (const [scenes, withWebGl] of [[SCENES, browser], [NO_WEBGL_SCENES, browserWithoutWebGl]] as const) {
      for (const scene of scenes) {
        await shoot(withWebGl, viewport, scene.hash, `${viewport.name}-${scene.name}.png`);
      }
    }
  }
  const laptop = VIEWPORTS.find((v) => v.name === 'laptop')!;
  for (const deficiency of values.readme || values.walkthrough ? [] : VISION_DEFICIENCIES) {
    for (const scene of VISION_SCENES) await shoot(browser, laptop, scene.hash, `${laptop.name}-${deficiency}-${scene.name}.png`, deficiency);
  }
} finally {
  await Promise.all([browser.close(), browserWithoutWebGl.close()]);
  await server.close();
}
