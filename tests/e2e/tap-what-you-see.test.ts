import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectCleanRun, mapIdle, openAtlas, panelHeading, useBrowser, type AtlasWindow, touchTap } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

interface DrawnPlace {
  id: string;
  name: string;
  /** Where the map draws it: its pin, or its label point. */
  x: number;
  y: number;
  /** Another place's pin covers the point, or another place's label point is on it: that one may open, this one is offered beside it. */
  shared: boolean;
}

/**
 * Every place the opening view shows, where the map draws it: a city's or site's pin, a country's or zone's label
 * point; read from what MapLibre holds and projects, not from a list of ids. Only points the visitor can reach: on
 * the map itself, not under the panel, the sheet or a control.
 */
function drawnPlaces(page: Page): Promise<DrawnPlace[]> {
  return page.evaluate(() => {
    const map = (window as unknown as AtlasWindow).atlas.map!;
    const canvas = map.getCanvas();
    const rect = canvas.getBoundingClientRect();
    const out = new Map<string, { id: string; name: string; x: number; y: number; pin: boolean }>();
    for (const f of map.querySourceFeatures('labels')) {
      const id = String(f.properties.id);
      if (out.has(id) || f.geometry.type !== 'Point') continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const [x, y] = [rect.left + p.x, rect.top + p.y];
      // A fingertip's room inside the map's edges, and nothing over the point but the map.
      if (x < rect.left + 12 || y < rect.top + 12 || x > rect.right - 12 || y > rect.bottom - 12) continue;
      if (document.elementFromPoint(x, y) !== canvas) continue;
      out.set(id, { id, name: String(f.properties.name), x, y, pin: f.properties.precision === 'point' });
    }
    const all = [...out.values()];
    // A pin is drawn 9 px round (with its outline); a label point, a point.
    return all.map(({ pin, ...p }) => ({
      ...p,
      shared: all.some((o) => o.id !== p.id && Math.hypot(o.x - p.x, o.y - p.y) <= (o.pin ? 9 : pin ? 0 : 6)),
    }));
  });
}

/** The names the tap's chooser offers ("Here: …"), the open one included. */
const chooserNames = (page: Page) => page.getByTestId('here-chooser').locator('li').allTextContents().catch(() => [] as string[]);

const SIZES = [
  { width: 1280, height: 800, touch: false, atLeast: 25 },
  { width: 390, height: 844, touch: true, atLeast: 10 },
];

describe('what a visitor taps is what opens', () => {
  it.each(SIZES)('opens every place tapped at its drawn point at the opening view, $width × $height', async ({ width, height, touch, atLeast }) => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height }, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' });
    const { page } = atlas;
    await mapIdle(page);
    const opening = await page.evaluate(() => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      return { center: map.getCenter().toArray(), zoom: map.getZoom() };
    });
    const places = await drawnPlaces(page);
    expect(places.length, 'places drawn within reach at the opening view').toBeGreaterThanOrEqual(atLeast);
    const wrong: string[] = [];
    for (const { id } of places) {
      // Back to the opening view where a reset left the map elsewhere (a jump to where it already is still draws).
      const moved = await page.evaluate((view) => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const [lng, lat] = map.getCenter().toArray();
        const away = Math.abs(lng - view.center[0]) + Math.abs(lat - view.center[1]) > 1e-9 || Math.abs(map.getZoom() - view.zoom) > 1e-9;
        if (away) map.jumpTo(view);
        return away;
      }, opening);
      if (moved) await mapIdle(page);
      // Where it is drawn now (a reset frames the network again, which need not be the first load's exact view).
      const place = (await drawnPlaces(page)).find((p) => p.id === id);
      if (!place) {
        wrong.push(`${id} no longer within reach after a reset`);
        continue;
      }
      if (touch) await touchTap(page, place.x, place.y);
      else await page.mouse.click(place.x, place.y);
      const opened = await expect
        .poll(() => panelHeading(page), { timeout: 2000 })
        .not.toBeNull()
        .then(() => panelHeading(page), () => 'nothing');
      if (opened !== place.name && !(place.shared && (await chooserNames(page)).includes(place.name))) wrong.push(`${place.name} (${place.x.toFixed(0)}, ${place.y.toFixed(0)}) opened ${opened}`);
      // Back to the opening view for the next tap.
      await page.evaluate(() => (window as unknown as AtlasWindow).atlas.reset());
      await expect.poll(() => panelHeading(page)).toBeNull();
      await mapIdle(page);
    }
    expect(wrong, `${wrong.length} of ${places.length} places opened something else`).toEqual([]);
    await expectCleanRun(atlas);
    // About thirty taps, each with a reset and a wait for the map to be still: a minute's work on a busy machine.
  }, 120_000);

  it('names every fair reading of a touch in a chooser: a country beside a line offers the line', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page } = atlas;
    await mapIdle(page);
    // A point 12 to 20 px beside a drawn leg, inside a country and clear of every pin and label: the finger is on the country.
    const spot = await page.evaluate(() => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      const rect = map.getCanvas().getBoundingClientRect();
      const anchors = map.querySourceFeatures('labels').map((f) => map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]));
      for (const f of map.queryRenderedFeatures({ layers: ['legs-line'] })) {
        if (f.geometry.type !== 'LineString') continue;
        const line = f.geometry.coordinates.map((c) => map.project(c as [number, number]));
        for (let i = 1; i < line.length; i++) for (const off of [12, 16, 20, -12, -16, -20]) {
          const [a, b] = [line[i - 1]!, line[i]!];
          const len = Math.hypot(b.x - a.x, b.y - a.y);
          if (len < 1) continue;
          const x = (a.x + b.x) / 2 - ((b.y - a.y) / len) * off;
          const y = (a.y + b.y) / 2 + ((b.x - a.x) / len) * off;
          if (x < 20 || y < 20 || x > rect.width - 20 || y > rect.height - 20) continue;
          const box: [[number, number], [number, number]] = [[x - 16, y - 16], [x + 16, y + 16]];
          const countries = map.queryRenderedFeatures([x, y], { layers: ['place-country-fill'] });
          if (countries.length !== 1 || map.queryRenderedFeatures(box, { layers: ['place-points'] }).length || map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: ['place-labels', 'place-area-fill'] }).length) continue;
          if (anchors.some((a) => Math.hypot(a.x - x, a.y - y) < 20)) continue;
          // No line under the finger itself (then the line would rightly open), one beside it.
          if (map.queryRenderedFeatures([[x - 8, y - 8], [x + 8, y + 8]], { layers: ['legs-line', 'legs-line-from-context'] }).length) continue;
          const legsNear = map.queryRenderedFeatures([[x - 14, y - 14], [x + 14, y + 14]], { layers: ['legs-line', 'legs-line-from-context'] });
          // At most three lines near (a fan's legs run close): the chooser names the country and up to three more.
          if (new Set(legsNear.map((l) => l.properties.id)).size > 3) continue;
          if (document.elementFromPoint(rect.left + x, rect.top + y) !== map.getCanvas()) continue;
          return { x: rect.left + x, y: rect.top + y, country: String(countries[0]!.properties.name), leg: String(f.properties.name) };
        }
      }
      return null;
    });
    expect(spot, 'a point beside a leg, inside a country').not.toBeNull();
    await page.mouse.click(spot!.x, spot!.y);
    await expect.poll(() => panelHeading(page)).toBe(spot!.country);
    const chooser = page.getByRole('navigation', { name: 'Here' });
    expect(await chooser.textContent()).toMatch(/^\s*Here:/);
    const offered = await chooserNames(page);
    expect(offered[0], 'the country under the finger opens, named first').toBe(spot!.country);
    expect(offered, 'the line beside the finger is offered').toContain(spot!.leg);
    await chooser.getByRole('button', { name: spot!.leg, exact: true }).click();
    await expect.poll(() => panelHeading(page)).toBe(spot!.leg);
    // The chooser stays, with the country a tap away again.
    await page.getByRole('navigation', { name: 'Here' }).getByRole('button', { name: spot!.country, exact: true }).click();
    await expect.poll(() => panelHeading(page)).toBe(spot!.country);
    await expectCleanRun(atlas);
  });

  it('frames Lima when a shared link #place=lima opens on a phone: readable, on the map above the sheet', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' }, '#place=lima');
    const { page } = atlas;
    await expect.poll(() => panelHeading(page)).toBe('Lima');
    await mapIdle(page);
    const seen = await page.evaluate(() => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      const lima = map.querySourceFeatures('places').find((f) => f.properties.id === 'lima')!;
      const p = map.project((lima.geometry as GeoJSON.Point).coordinates as [number, number]);
      const rect = map.getCanvas().getBoundingClientRect();
      const [x, y] = [rect.left + p.x, rect.top + p.y];
      return { zoom: map.getZoom(), onMap: document.elementFromPoint(x, y) === map.getCanvas(), inside: x > rect.left && x < rect.right && y > rect.top && y < rect.bottom };
    });
    // Before: the whole network at zoom 1.1, Lima a dot under the sheet.
    expect(seen.zoom, 'a readable zoom').toBeGreaterThanOrEqual(4);
    expect(seen, 'Lima on the map, not under the sheet or a control').toMatchObject({ inside: true, onMap: true });
    await expectCleanRun(atlas);
  });

  it('frames a journey step with both its ends well inside the map at 1920 × 1080 (Cuba → Paris)', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' }, '#journey=return-via-paris:1');
    const { page } = atlas;
    await expect.poll(() => page.getByTestId('journey').locator('.count').textContent()).toContain('Cuba → Paris');
    await mapIdle(page);
    const ends = await page.evaluate(() => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      const rect = map.getCanvas().getBoundingClientRect();
      return ['cuba', 'paris'].map((id) => {
        const f = map.querySourceFeatures('labels').find((l) => l.properties.id === id)!;
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        // How far the end is from the map's nearest edge, and whether a control lies over it.
        return { id, clear: Math.min(p.x, p.y, rect.width - p.x, rect.height - p.y), onMap: document.elementFromPoint(rect.left + p.x, rect.top + p.y) === map.getCanvas() };
      });
    });
    // Before: Paris 12 px from the right edge, its pin and label cut by the side panel.
    for (const end of ends) expect(end, end.id).toMatchObject({ onMap: true });
    for (const end of ends) expect(end.clear, `${end.id}: px from the map's edge`).toBeGreaterThanOrEqual(30);
    await expectCleanRun(atlas);
  });

  it('frames a country too small to read when it is tapped, and leaves a view the visitor chose alone (issue 25)', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const { page } = atlas;
    await mapIdle(page);
    const camera = () =>
      page.evaluate(() => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        return { ...map.getCenter(), zoom: map.getZoom() };
      });
    const tapPanama = async () => {
      const panama = (await drawnPlaces(page)).find((p) => p.id === 'panama')!;
      expect(panama, 'Panama drawn within reach').toBeDefined();
      await page.mouse.click(panama.x, panama.y);
      await expect.poll(() => panelHeading(page)).toBe('Panama');
      await mapIdle(page);
    };
    const opening = await camera();
    // Panama is a few px across at the opening view: the tap brings it, with its leg to Cuba, to a readable size.
    await tapPanama();
    await expect.poll(async () => (await camera()).zoom).toBeGreaterThan(opening.zoom + 1);

    // A visitor who has dragged the map keeps their view when they tap.
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.reset());
    await expect.poll(() => panelHeading(page)).toBeNull();
    await mapIdle(page);
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await page.mouse.down();
    await page.mouse.move(canvas.x + canvas.width / 2 - 60, canvas.y + canvas.height / 2 - 20, { steps: 6 });
    await page.mouse.up();
    await mapIdle(page);
    const chosen = await camera();
    await tapPanama();
    const after = await camera();
    expect(after.zoom).toBeCloseTo(chosen.zoom, 3);
    expect(after.lng).toBeCloseTo(chosen.lng, 3);
    expect(after.lat).toBeCloseTo(chosen.lat, 3);
    await expectCleanRun(atlas);
  });
});
