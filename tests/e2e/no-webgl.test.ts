import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeatureCollection, Geometry } from 'geojson';
import { anchorOf, axeViolations, expectCleanRun, legMiddle, openAtlas, runClockUntil, runClockUntilShown, svgPoint, useBrowser, touchTap } from './browser.ts';

const baseURL = inject('baseURL');
// A browser that gives no WebGL at all, as on a blocklisted GPU or a remote desktop without a software fallback.
const browser = useBrowser(['--disable-webgl', '--disable-webgl2']);
const browserWithWebgl = useBrowser();

interface SvgAtlas {
  atlas: { map: unknown; renderer: string; reset(): void };
}

type Props = { id: string; name: string; evidence: Array<{ exact: string }> };
const collection = (file: string) => JSON.parse(readFileSync(`dist/data/${file}`, 'utf8')) as FeatureCollection<Geometry, Props>;
const places = () => collection('places.geojson');
const legs = () => collection('legs.geojson');
const evidenceOf = (id: string) => [...places().features, ...legs().features].find((f) => f.properties.id === id)!.properties.evidence.map((e) => e.exact);

const heading = (page: Page) => page.getByTestId('passage-panel').locator('h2').textContent();
const marks = (page: Page) => page.getByTestId('passage-panel').locator('mark').allTextContents();
const stepText = (page: Page) => page.getByTestId('journey').locator('.count').textContent();
const list = (page: Page) => page.getByRole('navigation', { name: 'Places and routes' });
// `map` as whether there is one: a live MapLibre map returned from the page would be serialised whole.
const rendererOf = (page: Page) => page.evaluate(() => ({ renderer: (window as unknown as SvgAtlas).atlas.renderer, map: (window as unknown as SvgAtlas).atlas.map === null ? null : 'MapLibre' }));
const drawnIds = (page: Page, kind: 'place' | 'leg') =>
  page.$$eval(`svg.atlas-svg [data-feature-kind="${kind}"]`, (nodes) => nodes.map((n) => n.getAttribute('data-feature-id')!).sort());
const viewInAddress = (page: Page) => page.evaluate(() => /view=([^&]*)/.exec(location.hash)?.[1]?.split(',').map(Number) ?? null);

/** A point of a zone or country that nothing else lies near (no pin, leg or other shape within a tap's reach of it). */
async function clearPointOf(page: Page, id: string) {
  const p = await page.evaluate((featureId) => {
    const g = document.querySelector(`svg.atlas-svg [data-feature-id="${featureId}"]`)!;
    const r = g.getBoundingClientRect();
    const ownerAt = (x: number, y: number) => document.elementFromPoint(x, y)?.closest('[data-feature-id]')?.getAttribute('data-feature-id');
    for (let fy = 0.1; fy < 0.95; fy += 0.05) for (let fx = 0.1; fx < 0.95; fx += 0.05) {
      const [x, y] = [r.left + fx * r.width, r.top + fy * r.height];
      const around = [[0, 0], [-40, 0], [40, 0], [0, -40], [0, 40], [-28, -28], [28, 28], [-28, 28], [28, -28]];
      if (around.every(([dx, dy]) => ownerAt(x + dx!, y + dy!) === featureId)) return { x, y };
    }
    return null;
  }, id);
  if (!p) throw new Error(`no clear point of ${id} on the SVG map at this view; frame it first`);
  return p;
}

describe('a browser without WebGL, on the SVG map', () => {
  it('draws every place and leg as a focusable, named feature, notes the simplified map, and passes axe', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    // The browser really has no WebGL, or this test would pass on a page that never left the map.
    expect(await page.evaluate(() => [document.createElement('canvas').getContext('webgl'), document.createElement('canvas').getContext('webgl2')])).toEqual([null, null]);
    expect(await rendererOf(page)).toEqual({ renderer: 'svg', map: null });
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.getByTestId('no-map').count()).toBe(0);
    expect(await page.getByTestId('simplified-map').textContent()).toBe('Simplified map (no WebGL)');
    expect(await page.locator('.simplified').textContent()).toContain('Basemap: Natural Earth');
    // The list is not forced open: the map is the way in.
    expect(await list(page).count()).toBe(0);
    expect(await drawnIds(page, 'place')).toEqual(places().features.map((f) => f.properties.id).sort());
    expect(await drawnIds(page, 'leg')).toEqual(legs().features.map((f) => f.properties.id).sort());
    expect(await page.locator('svg.atlas-svg .leg.unstated[data-feature-id="return-via-paris-4"]').count()).toBe(1);
    expect(await page.locator('svg.atlas-svg .zone[data-feature-id="west-indies"]').count()).toBe(1);
    const paris = page.locator('svg.atlas-svg [data-feature-id="paris"]');
    expect(await paris.getAttribute('tabindex')).toBe('0');
    expect(await paris.getAttribute('role')).toBe('button');
    expect(await paris.getAttribute('aria-label')).toMatch(/^Paris, \S/);
    expect(await page.locator('svg.atlas-svg text.label:not(.hidden-label)').count()).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    await expectCleanRun(atlas);
  });

  it('opens the same passages as the MapLibre map when a pin, a leg, a zone and a country are tapped', async () => {
    const atlas = await openAtlas(browser(), baseURL, { hasTouch: true });
    const { page } = atlas;
    let p = await svgPoint(page, anchorOf('paris'));
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Paris');
    expect(await marks(page)).toContain('Paris has emerged as the center of the network.');
    expect(await page.locator('svg.atlas-svg [data-feature-id="paris"].selected').count()).toBe(1);

    p = await svgPoint(page, legMiddle('cuba', 'paris'));
    await touchTap(page, p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Cuba → Paris');
    expect(await marks(page)).toEqual(['Groups are sent from Cuba to Paris to be sent on to various Latin American countries for eventual re-entry into Peru.']);

    // A tap on Havana's pin offers the zone under it, as on the MapLibre map.
    p = await svgPoint(page, anchorOf('havana'));
    await touchTap(page, p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Havana');
    expect(await marks(page)).toContain('He received his first training in Habana.');
    await page.getByTestId('passage-panel').getByRole('navigation', { name: 'Here' }).getByRole('button', { name: 'Rural hill areas of Cuba', exact: true }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    await expectCleanRun(atlas);

    // A country and a zone, each seen closer: at the opening view no zone is a finger wide (Europe's contacts are
    // small circles round its capitals), and legs cross Brazil.
    const brazil = await openAtlas(browser(), baseURL, { hasTouch: true }, '#view=-50,-12,3.2');
    p = await clearPointOf(brazil.page, 'brazil');
    await brazil.page.mouse.click(p.x, p.y);
    await expect.poll(() => heading(brazil.page)).toBe('Brazil');
    expect(await marks(brazil.page)).toContain(evidenceOf('brazil')[0]);
    await expectCleanRun(brazil);
    const closer = await openAtlas(browser(), baseURL, { hasTouch: true }, '#view=-76.5,24.5,5.5');
    p = await clearPointOf(closer.page, 'west-indies');
    await touchTap(closer.page, p.x, p.y);
    await expect.poll(() => heading(closer.page)).toBe(places().features.find((f) => f.properties.id === 'west-indies')!.properties.name);
    expect(await closer.page.getByTestId('passage-panel').textContent()).toContain('drawn as a zone, not a precise location');
    expect(await marks(closer.page)).toContain(evidenceOf('west-indies')[0]);
    await expectCleanRun(closer);
  });

  it('opens every place tapped at its drawn point at the opening view, as the MapLibre map does (one pick order)', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page } = atlas;
    const labelPoints = collection('labels.geojson').features;
    // Where the SVG map draws each place: a pin, or a label point; on the map, not under the panel.
    const drawn: Array<{ id: string; name: string; x: number; y: number; pin: boolean }> = [];
    for (const f of labelPoints) {
      const p = await svgPoint(page, anchorOf(f.properties.id));
      const onMap = await page.evaluate(([x, y]) => Boolean(document.elementFromPoint(x!, y!)?.closest('svg.atlas-svg')), [p.x, p.y]);
      if (onMap) drawn.push({ id: f.properties.id, name: f.properties.name, ...p, pin: f.geometry.type === 'Point' && places().features.find((x) => x.properties.id === f.properties.id)!.geometry.type === 'Point' });
    }
    expect(drawn.length).toBeGreaterThanOrEqual(25);
    const wrong: string[] = [];
    for (const first of drawn) {
      // Where it is drawn now: the reset frames the network as the page opened.
      const place = { ...first, ...(await svgPoint(page, anchorOf(first.id))) };
      const shared = drawn.some((o) => o.id !== place.id && Math.hypot(o.x - place.x, o.y - place.y) <= (o.pin ? 9 : place.pin ? 0 : 6));
      await page.mouse.click(place.x, place.y);
      const opened = await expect.poll(() => page.getByTestId('passage-panel').locator('h2').count(), { timeout: 2000 }).toBe(1).then(() => heading(page), () => 'nothing');
      const offered = await page.getByTestId('here-chooser').locator('li').allTextContents().catch(() => [] as string[]);
      if (opened !== place.name && !(shared && offered.includes(place.name))) wrong.push(`${place.name} opened ${opened}`);
      // Back to the opening view (the start card and the network framed) for the next tap.
      await page.evaluate(() => (window as unknown as SvgAtlas).atlas.reset());
      await expect.poll(() => page.getByTestId('start-card').count()).toBe(1);
    }
    expect(wrong, `${wrong.length} of ${drawn.length} places opened something else`).toEqual([]);
    await expectCleanRun(atlas);
  });

  it('names the places in Spanish on the SVG map, in its labels and its screen-reader names', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 } }, '?lang=es');
    const { page } = atlas;
    const labels = await page.locator('svg.atlas-svg text.label:not(.hidden-label)').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['La Habana', 'México', 'Perú', 'Brasil', 'París']));
    expect(labels).not.toContain('Havana');
    expect(await page.locator('svg.atlas-svg [data-feature-id="paris"]').getAttribute('aria-label')).toBe('París, Centro de mando de la red');
    expect(await page.locator('svg.atlas-svg [data-feature-id="mexico"]').getAttribute('aria-label')).toBe('México, Punto de tránsito');
    const legNames = await page.locator('svg.atlas-svg [data-feature-kind="leg"]').evaluateAll((legs) => legs.map((l) => l.getAttribute('aria-label')));
    expect(legNames.length).toBeGreaterThan(0);
    for (const name of legNames) expect(name).toMatch(/, Tramo de ruta$/);
    await expectCleanRun(atlas);
  });

  it('opens a feature from the keyboard, and zooms by its buttons with the view in the address', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: /^Prague, / }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Prague');
    expect(await marks(page)).toContain('Many of the returning trainees go through Paris and Prague.');
    await page.getByRole('button', { name: /^Cuba → Paris, Route leg$/ }).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => heading(page)).toBe('Cuba → Paris');

    const scale = () => page.evaluate(() => Number(/scale\(([-\d.e]+)\)/.exec(document.querySelector('svg.atlas-svg .world')!.getAttribute('transform')!)![1]));
    // The map frames the leg it opened: read its scale once the camera has come to rest (three reads alike).
    const reads: number[] = [];
    await expect.poll(async () => (reads.push(await scale()), reads.length >= 3 && reads.slice(-3).every((r) => r === reads.at(-1)))).toBe(true);
    const k = reads.at(-1)!;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(scale).toBeCloseTo(2 * k, 3);
    await expect.poll(async () => (await viewInAddress(page))?.[2], { timeout: 5000 }).toBeCloseTo(Math.log2(2 * k), 1);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(async () => (await viewInAddress(page))?.[2], { timeout: 5000 }).toBeCloseTo(Math.log2(k), 1);
    const before = (await viewInAddress(page))!;
    // A drag pans the map.
    const box = (await page.locator('svg.atlas-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await viewInAddress(page))![0], { timeout: 5000 }).toBeLessThan(before[0]! - 1);
    await expectCleanRun(atlas);
  });

  it('opens a shared link’s place and view at that view, a journey step’s link, and resets to the start', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=prague&view=10,20,3');
    const { page } = atlas;
    await expect.poll(() => heading(page)).toBe('Prague');
    expect(await marks(page)).toContain('Many of the returning trainees go through Paris and Prague.');
    expect(await page.evaluate(() => location.hash)).toBe('#place=prague&view=10,20,3');
    // The view's centre is at the middle of the map, at zoom 3 (the world 512 · 2³ px wide), as MapLibre shows it.
    const box = (await page.locator('svg.atlas-svg').boundingBox())!;
    const centre = await svgPoint(page, [10, 20]);
    expect(centre.x).toBeCloseTo(box.x + box.width / 2, 0);
    expect(centre.y).toBeCloseTo(box.y + box.height / 2, 0);
    const east = await svgPoint(page, [11, 20]);
    expect(east.x - centre.x).toBeCloseTo((512 * 8) / 360, 1);
    await page.evaluate(() => (window as unknown as SvgAtlas).atlas.reset());
    await expect.poll(() => page.getByTestId('passage-panel').count()).toBe(0);
    await expectCleanRun(atlas);

    const linked = await openAtlas(browser(), baseURL, {}, '#journey=return-via-paris:3');
    await expect.poll(() => stepText(linked.page)).toBe('Step 3 of 3: From the re-entry points into Peru');
    await expect.poll(() => linked.page.locator('svg.atlas-svg [data-feature-id="return-via-paris-4"]').getAttribute('data-emphasis')).toBe('current');
    await expectCleanRun(linked);
  });

  it('steps a journey with its legs emphasised, finds a place by search and filters by time', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: /Back by way of Paris/ }).click();
    await expect.poll(() => stepText(page)).toBe('Step 1 of 3: Cuba → Paris');
    await expect.poll(() => page.locator('svg.atlas-svg [data-feature-id="return-via-paris-1"]').getAttribute('data-emphasis')).toBe('current');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: To several Latin American countries, among them Colombia and Brazil');
    await expect.poll(() => page.locator('svg.atlas-svg [data-feature-id="return-via-paris-1"]').getAttribute('data-emphasis')).toBe('done');

    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('Habana');
    await expect.poll(() => page.getByTestId('search-results').getByRole('button').first().textContent()).toContain('Havana');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Havana');

    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Reported by the end of December 1961');
    await expect.poll(() => page.locator('svg.atlas-svg [data-feature-id="paris"]').isVisible()).toBe(false);
    expect(await page.locator('svg.atlas-svg [data-feature-id="cuba"]').isVisible()).toBe(true);
    await expectCleanRun(atlas);
  });

  it('keeps the kiosk running: heartbeats, and after idling the attract loop steps through a journey', { timeout: 120_000 }, async () => {
    let heartbeats = 0;
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1920, height: 1080 }, hasTouch: true }, '?kiosk&heartbeat', async (page) => {
      // Playwright's clock, moved on by the test instead of waiting the idle time and the countdown out.
      await page.clock.install();
      await page.route('**/kiosk/config.json', (route) => route.fulfill({ json: { attractTour: ['return-via-paris'], attractStepSeconds: 30, idleSeconds: 10, countdownSeconds: 20 } }));
      await page.route('**/kiosk/heartbeat', (route) => {
        heartbeats += 1;
        return route.fulfill({ status: 204 });
      });
    });
    const { page } = atlas;
    expect((await rendererOf(page)).renderer).toBe('svg');
    await runClockUntilShown(page, page.getByTestId('idle-prompt'), 12);
    await runClockUntilShown(page, page.getByTestId('attract'), 22);
    await expect.poll(() => stepText(page)).toBe('Step 1 of 3: Cuba → Paris');
    await runClockUntil(page, async () => (await stepText(page)) === 'Step 2 of 3: To several Latin American countries, among them Colombia and Brazil', 40, 'the tour’s second step');
    // One beat at load, then one every 10 s: the page's clock has run for over a minute.
    expect(heartbeats).toBeGreaterThanOrEqual(3);
    await expectCleanRun(atlas);
  });
});

describe('a browser whose WebGL2 refuses what the map asks for', () => {
  it('falls back to the SVG map when MapLibre cannot get its context, though a bare one was given', async () => {
    const atlas = await openAtlas(browserWithWebgl(), baseURL, {}, '', async (page) => {
      // A driver that grants a plain WebGL2 context (the page's probe) but none with the stencil buffer the map needs.
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, attributes?: WebGLContextAttributes) {
          if (type === 'webgl2' && attributes?.stencil) {
            this.dispatchEvent(new WebGLContextEvent('webglcontextcreationerror', { statusMessage: 'no stencil buffer on this driver' }));
            return null;
          }
          return (original as (...a: unknown[]) => unknown).call(this, type, attributes);
        } as typeof original;
      });
    });
    const { page } = atlas;
    expect((await rendererOf(page)).renderer).toBe('svg');
    expect(await page.locator('canvas').count()).toBe(0);
    const p = await svgPoint(page, anchorOf('paris'));
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Paris');
    expect(await marks(page)).toContain('Paris has emerged as the center of the network.');
    await expectCleanRun(atlas);
  });

  it('switches to the SVG map when a lost WebGL context is not given back, keeping the view and the open passage', { timeout: 60_000 }, async () => {
    const atlas = await openAtlas(browserWithWebgl(), baseURL, {}, '#place=paris&view=0,40,3');
    const { page } = atlas;
    expect((await rendererOf(page)).renderer).toBe('maplibre');
    await expect.poll(() => heading(page)).toBe('Paris');
    await page.evaluate(() => {
      const canvas = (window as unknown as { atlas: { map: { getCanvas(): HTMLCanvasElement } } }).atlas.map.getCanvas();
      (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await expect.poll(() => rendererOf(page), { timeout: 15_000 }).toEqual({ renderer: 'svg', map: null });
    expect(await heading(page)).toBe('Paris');
    await expect.poll(() => page.locator('svg.atlas-svg [data-feature-id="paris"].selected').count()).toBe(1);
    const box = (await page.locator('svg.atlas-svg').boundingBox())!;
    const centre = await svgPoint(page, [0, 40]);
    expect(centre.x).toBeCloseTo(box.x + box.width / 2, 0);
    const p = await svgPoint(page, anchorOf('prague'));
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Prague');
    await expectCleanRun(atlas);
  });
});
