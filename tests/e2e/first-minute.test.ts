import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anchorOf, type AtlasWindow, expectCleanRun, mapIdle, networkLabelsHidden, openAtlas, renderedIds, screenColour, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** Every place the map draws now, on any of its place layers: pins, country and zone fills, labels. */
const drawnPlaces = async (page: Page) => {
  await mapIdle(page);
  return [...new Set(await renderedIds(page, ['place-points', 'place-country-fill', 'place-area-fill', 'place-labels']))].sort();
};

/** Where the training family's sentences put people in training: Cuba, its rural hills, Havana. */
const TRAINING = ['cuba', 'cuba-rural-hills', 'havana'];

describe("a visitor's first minute with the key (issue 32, point 6)", () => {
  const cases = [
    { lang: 'en', size: { width: 1280, height: 800 }, touch: false, explore: 'Explore the map', training: 'Training', only: 'Show only these', all: 'Show all', hint: 'In the key, tap a colour, then “Show only these” to see one kind of mark.' },
    { lang: 'es', size: { width: 390, height: 844 }, touch: true, explore: 'Explorar el mapa', training: 'Entrenamiento', only: 'Mostrar solo estos', all: 'Mostrar todo', hint: 'En la leyenda, toque un color y luego «Mostrar solo estos» para ver un solo tipo de marca.' },
  ] as const;
  for (const c of cases) {
    it(`shows only one family when asked, and everything again with one tap (${c.lang}, ${c.size.width}×${c.size.height})`, async () => {
      const atlas = await openAtlas(browser(), baseURL, { viewport: c.size, hasTouch: c.touch, isMobile: c.touch }, `?lang=${c.lang}`);
      const { page } = atlas;
      const press = (l: ReturnType<Page['getByRole']>) => (c.touch ? l.tap() : l.click());
      // The start card tells the visitor how the key works, in the words of the key's own buttons.
      expect(await page.getByTestId('key-hint').innerText()).toBe(c.hint);
      await press(page.getByRole('button', { name: c.explore }));
      const before = await drawnPlaces(page);
      expect(before).toEqual(expect.arrayContaining(['havana', 'paris', 'lima', 'mexico']));
      // No "Show all" while everything is shown.
      expect(await page.getByTestId('show-all-roles').count()).toBe(0);

      const chip = page.getByTestId('legend').locator('summary[data-family="training"]');
      // On a phone's narrow map the key is one button ("Key and filters") until opened.
      const keyButton = page.getByTestId('legend').locator('.key-toggle');
      expect(await keyButton.isVisible()).toBe(c.size.width < 480);
      if (c.size.width < 480) await press(keyButton);
      expect(await chip.innerText()).toBe(c.training);
      await (c.touch ? chip.tap() : chip.click());
      await press(page.getByTestId('legend').getByRole('button', { name: c.only }));
      // Only the training places are drawn; the family's chip is not struck out, the others' are.
      await expect.poll(() => drawnPlaces(page)).toEqual(TRAINING);
      expect(await chip.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('none');
      expect(await page.getByTestId('legend').locator('summary[data-family="hubs"]').evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
      // The panel folded away so the map can be seen; "Show all" is on screen and brings everything back.
      expect(await page.getByTestId('legend').getByRole('button', { name: c.only }).isVisible()).toBe(false);
      const all = page.getByTestId('show-all-roles');
      expect(await all.innerText()).toBe(c.all);
      await (c.touch ? all.tap() : all.click());
      await expect.poll(() => drawnPlaces(page)).toEqual(before);
      expect(await all.count()).toBe(0);
      await expectCleanRun(atlas);
    });
  }

  it('frames what a link opens on in the room its panel leaves at the portrait kiosk: every place of a journey’s step, a place with its passages', async () => {
    // Step 3 of "Back by way of Paris": Colombia → Peru and Brazil → Peru. Framed before the step's panel (a chunk
    // still loading) took its room, Peru and Brazil lay under the map's foot.
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: true }, '#journey=return-via-paris:3');
    const { page } = atlas;
    await expect.poll(() => page.getByTestId('journey').locator('.count').innerText()).toContain('Step 3 of 3');
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    const outside = await page.evaluate(
      (places) => {
        const map = (window as unknown as AtlasWindow).atlas.map!;
        const canvas = map.getCanvas().getBoundingClientRect();
        return places.filter(([, at]) => {
          const p = map.project(at);
          return p.x < 0 || p.y < 0 || p.x > canvas.width || p.y > canvas.height;
        }).map(([id]) => id);
      },
      ['colombia', 'peru', 'brazil'].map((id) => [id, anchorOf(id)] as [string, [number, number]]),
    );
    expect(outside, 'the step’s places outside the map').toEqual([]);

    await expectCleanRun(atlas);

    // A place from a link: its passages come in under the map after it is framed; the frame follows the room they leave.
    const place = await openAtlas(browser(), baseURL, { viewport: { width: 1080, height: 1920 }, hasTouch: true, isMobile: true }, '#place=havana');
    await place.page.getByTestId('passage-panel').waitFor();
    await place.page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    const havana = await place.page.evaluate((at) => {
      const map = (window as unknown as AtlasWindow).atlas.map!;
      return { y: map.project(at).y, height: map.getCanvas().getBoundingClientRect().height };
    }, anchorOf('havana'));
    expect(havana.y, `Havana's pin against the map's height, ${havana.height} px`).toBeLessThan(havana.height - 24);
    await expectCleanRun(place);
  });

  it('gives the portrait kiosk’s height to the map, not to empty sheet under the start card (issue 25)', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1080, height: 1920 }, hasTouch: true }, '?kiosk');
    const { page } = atlas;
    await page.getByTestId('start-card').waitFor();
    const room = await page.evaluate(() => {
      const sheet = document.getElementById('side')!.getBoundingClientRect();
      const card = document.querySelector('[data-testid="start-card"]')!.getBoundingClientRect();
      // The map with the time bar's strip under it: what the sheet leaves the map's stage.
      const stage = document.querySelector('main.stage')!.getBoundingClientRect();
      return { emptyUnderCard: sheet.bottom - card.bottom, map: stage.height };
    });
    // Before: 45 % of the screen for the sheet whatever its content, about 250 px of it empty under the card.
    expect(room.emptyUnderCard, 'empty sheet under the start card, px').toBeLessThan(60);
    expect(room.map, 'the height of the map and its time bar, px').toBeGreaterThan(1920 * 0.55 - 120);
    // The time bar lies under the map, not on it: on it, it hid the places near the map's foot (Santiago de Cuba here).
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const time = (await page.locator('.timeline').boundingBox())!;
    expect(time.y, 'the time bar’s top, against the map’s foot').toBeGreaterThanOrEqual(canvas.y + canvas.height);
    await expectCleanRun(atlas);
  });

  it('folds the key into one button on a phone’s map, short or tall, and sets the view buttons in a row, so they do not cover the network (issue 32)', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, '#journey=return-via-paris:3');
    const { page } = atlas;
    const legend = page.getByTestId('legend');
    const toggle = legend.getByRole('button', { name: 'Key and filters' });
    const training = legend.locator('summary[data-family="training"]');
    await toggle.waitFor();
    // Before: three rows of chips over a 410 px map. Now one button; the families are a tap away.
    expect(await training.isVisible()).toBe(false);
    const key = (await legend.boundingBox())!;
    const map = (await page.locator('main.stage .map-area').boundingBox())!;
    expect(key.height / map.height, 'share of the map’s height the key covers').toBeLessThan(0.15);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => training.isVisible()).toBe(true);
    // With the sheet gone the map is tall again, and still narrow: the key stays one button and the view buttons a row.
    // Laid out in full, the key's three rows of chips and the buttons' column down the left hid Havana and Mexico.
    await toggle.tap();
    await page.getByRole('button', { name: 'Close journey' }).tap();
    // Back to the start, then the start card's way onto the map: the network framed in the map's full height.
    await page.getByRole('button', { name: 'Menu' }).tap(); // a phone's header keeps "Start here" in its menu
    await page.getByRole('button', { name: 'Start here' }).tap();
    await page.getByRole('button', { name: 'Explore the map' }).tap();
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    expect(await toggle.isVisible()).toBe(true);
    expect(await training.isVisible()).toBe(false);
    const zoomIn = (await page.getByRole('button', { name: 'Zoom in' }).boundingBox())!;
    const wholeMap = (await page.getByRole('button', { name: 'Whole map' }).boundingBox())!;
    expect(wholeMap.y, 'Whole map beside Zoom in, not under it').toBeLessThan(zoomIn.y + zoomIn.height / 2);
    expect((await networkLabelsHidden(page)).filter((hidden) => hidden.includes('a control')), 'network labels under the key or the buttons').toEqual([]);
    // At the widest zoom the tall map reaches past the world's northern edge, where MapLibre draws nothing: the visitor
    // sees sea there, not a band of the page's paper across the map under the key.
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const north = await page.evaluate(() => (window as unknown as AtlasWindow).atlas.map!.project([0, 85.05]).y);
    expect(north, 'the world’s northern edge lies inside the map').toBeGreaterThan(12);
    expect(await screenColour(page, canvas.x + canvas.width - 20, canvas.y + north / 2)).toEqual([223, 233, 239]);
    await expectCleanRun(atlas);
  });
});
