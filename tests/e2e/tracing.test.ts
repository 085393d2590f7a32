import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { anchorOf, axeViolations, expectCleanRun, loseAndRestoreContext, useBrowser, mapIdle, openAtlas, renderedIds, screenPoint } from './browser.ts';
import { decodeUrlState } from '../../src/lib/address/url-state.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const heading = (page: Page) => page.getByTestId('passage-panel').locator('h2').textContent();
const stepText = (page: Page) => page.getByTestId('journey').locator('.count').textContent();
const stepMarks = async (page: Page) => (await page.getByTestId('journey').locator('mark').allTextContents()).sort();

/** Is this longitude/latitude inside the visible map? */
async function inView(page: Page, lngLat: [number, number]) {
  const p = await screenPoint(page, lngLat);
  const box = (await page.locator('.stage .map-area').boundingBox())!;
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

describe('tracing a journey', () => {
  it('steps leg by leg through the return by way of Paris, each step with its own words, the camera following', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' });
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: /Back by way of Paris/ }).click();
    const steps = [
      ['Step 1 of 3: Cuba → Paris', ['Groups are sent from Cuba to Paris to be sent on to various Latin American countries for eventual re-entry into Peru.']],
      [
        'Step 2 of 3: To several Latin American countries, among them Colombia and Brazil',
        ['From Paris, the travelers fan out to a number of different Latin American countries from which they attempt clandestine re-entry. Colombia and Brazil have been used extensively as re-entry points.'],
      ],
      ['Step 3 of 3: From the re-entry points into Peru', ['Colombia and Brazil have been used extensively as re-entry points.']],
    ] as const;
    for (const [i, [text, marks]] of steps.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Next →' }).click();
      await expect.poll(() => stepText(page)).toBe(text);
      expect(await stepMarks(page)).toEqual([...marks]);
    }
    // The last step's sentence names Colombia and Brazil, not Peru: the card must not say the text names the legs together.
    const journey = await page.getByTestId('journey').textContent();
    expect(await page.getByTestId('step-words').textContent()).toBe(
      'The sentence names Colombia and Brazil together; Peru is not in it and is read from “for eventual re-entry into Peru” (dashed on the map). Each leg is drawn, none is preferred.',
    );
    expect(journey).not.toContain('The text names these 2 legs together');
    expect(journey).toContain('The sentence names Colombia as a re-entry point but not the country re-entered');
    expect(journey).toContain('The sentence names Brazil as a re-entry point');
    await mapIdle(page);
    expect(await inView(page, anchorOf('colombia'))).toBe(true);
    expect(await inView(page, anchorOf('brazil'))).toBe(true);
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: To several Latin American countries, among them Colombia and Brazil');
    await expectCleanRun(atlas);
  });

  it('moves with the arrow keys and with a swipe', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' });
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: /Out to Cuba by way of Mexico/ }).click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: Mexico → Cuba');
    const card = (await page.getByRole('group', { name: /Current step/ }).boundingBox())!;
    await page.mouse.move(card.x + card.width - 20, card.y + 20);
    await page.mouse.down();
    await page.mouse.move(card.x + 20, card.y + 25, { steps: 5 });
    await page.mouse.up();
    // No arrow in the title: the step draws no line, and the card says what the text does not give.
    await expect.poll(() => stepText(page)).toBe('Step 3 of 3: Havana, then Rural hill areas of Cuba');
    // A move within Cuba: no line, the two places highlighted together.
    expect(await page.getByTestId('step-words').textContent()).toBe(
      'Havana and Rural hill areas of Cuba are highlighted together: the text tells of a move inside one area but not where in it, so no line is drawn.',
    );
    const onStep = (id: string) => page.evaluate((placeId) => (window as unknown as { atlas: { map: { getFeatureState(f: object): Record<string, unknown> } } }).atlas.map.getFeatureState({ source: 'places', id: placeId }).onStep === true, id);
    await expect.poll(() => onStep('havana')).toBe(true);
    expect(await onStep('cuba-rural-hills')).toBe(true);
    // A GPU reset (the kiosk's all-day life) must not drop the highlight: feature states are not in MapLibre's snapshot.
    await loseAndRestoreContext(page);
    await mapIdle(page);
    await expect.poll(() => onStep('havana')).toBe(true);
    expect(await onStep('cuba-rural-hills')).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => onStep('havana')).toBe(false);
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: Mexico → Cuba');
    await expectCleanRun(atlas);
  });
});

describe('paths that finish (issue 32)', () => {
  it('on a phone: brings the step’s highlighted words into view, and the last step’s Next leads on to the next journey', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' }, '#journey=return-via-paris:3');
    const { page } = atlas;
    await expect.poll(() => stepText(page)).toBe('Step 3 of 3: From the re-entry points into Peru');
    const side = page.locator('#side');
    const inPanel = async () => {
      const [m, r] = await Promise.all([page.getByTestId('journey').locator('mark').first().boundingBox(), side.boundingBox()]);
      return Boolean(m && r && m.y >= r.y && m.y + m.height <= r.y + r.height);
    };
    await expect.poll(inPanel).toBe(true);
    // Seen, not under the step's buttons fixed at the foot of the sheet: the words themselves are at their middle.
    const seen = () => page.getByTestId('journey').locator('mark').first().evaluate((m) => {
      const b = m.getBoundingClientRect();
      return m.contains(document.elementFromPoint(b.left + Math.min(20, b.width / 2), b.top + b.height / 2));
    });
    await expect.poll(seen).toBe(true);
    // The step's buttons stay in reach at the foot of the screen.
    const previous = (await page.getByRole('button', { name: '← Previous' }).boundingBox())!;
    expect(previous.y + previous.height).toBeGreaterThan(844 - 80);
    // "Other journeys" is on the card, not at the bottom of the panel.
    expect(await page.getByTestId('journey').getByRole('button', { name: 'Other journeys' }).count()).toBe(1);
    const next = page.getByTestId('next-journey');
    expect(await next.textContent()).toBe('Next journey: Through Paris and Prague →');
    await next.click();
    await expect.poll(() => page.getByTestId('journey').locator('h2').textContent()).toBe('Through Paris and Prague');
    await expect.poll(() => stepText(page)).toBe('Step 1 of 1: Paris and Prague');
    await expectCleanRun(atlas);
  });

  it('offers every journey on the start card, replaces the panel when a journey opens, and marks every fold open or closed', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' });
    const { page } = atlas;
    const cards = page.getByTestId('start-card').locator('.journeys li');
    const published = await page.evaluate(async () => ((await (await fetch('data/journeys.json')).json()) as unknown[]).length);
    expect(published).toBeGreaterThan(3);
    expect(await cards.count()).toBe(published);
    await page.getByRole('button', { name: 'Explore the map' }).click();
    await page.evaluate(() => (location.hash = '#place=paris'));
    await expect.poll(() => heading(page)).toBe('Paris');
    // A fold ("Archival citation", a later role's passages) shows a marker that turns when it opens.
    const fold = page.getByTestId('passage-panel').locator('details').first();
    const marker = () => fold.locator('summary').evaluate((s) => ({ width: getComputedStyle(s, '::before').borderLeftWidth, turn: getComputedStyle(s, '::before').transform }));
    const closed = await marker();
    expect(parseFloat(closed.width)).toBeGreaterThan(3);
    await fold.locator('summary').click();
    expect((await marker()).turn).not.toBe(closed.turn);
    // Opening a journey replaces the passage instead of stacking under it; the list then replaces the journey.
    await page.getByRole('button', { name: 'Journeys' }).click();
    expect(await page.getByTestId('passage-panel').count()).toBe(0);
    await page.getByRole('button', { name: 'List' }).click();
    expect(await page.getByTestId('journey').count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Places and routes' }).count()).toBe(1);
    await expectCleanRun(atlas);
  });
});

describe('what a leg’s panel says of its words (issue 24)', () => {
  it('says a round trip is there and back, numbers no leg of a group, and quotes the context an unstated end is read from', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '#leg=to-cuba-and-back-1');
    const { page } = atlas;
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => heading(page)).toBe('Venezuela ↔ Cuba');
    const roles = (await panel.locator('.roles').textContent())!.replace(/\s+/g, ' ').trim();
    expect(roles).toBe('In “To Cuba for training and back”, one of 10 legs the text names together, one step and not a sequence: From ten named countries to Cuba, and back (there and back, as the text says)');
    expect(roles).not.toMatch(/order of travel not stated|Route leg \d/);

    await page.evaluate(() => (location.hash = '#leg=return-via-paris-4'));
    await expect.poll(() => heading(page)).toBe('Colombia → Peru');
    expect(await panel.getByTestId('unstated-ends').textContent()).toBe(
      'The end of this leg is not stated in its sentence: it is read from “for eventual re-entry into Peru” (dashed on the map).',
    );
    await expectCleanRun(atlas);
  });
});

describe('the network around a place', () => {
  it('shows Paris as the centre: its legs, the places at their ends, the document that names it', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    const p = await screenPoint(page, anchorOf('paris'));
    await page.mouse.click(p.x, p.y);
    const network = page.getByTestId('network');
    await network.waitFor();
    expect((await network.getByRole('list').first().getByRole('button').allTextContents()).sort()).toEqual(['Cuba → Paris', 'Paris → Brazil', 'Paris → Colombia']);
    expect(await network.textContent()).toContain('Activities of Cuban-Trained Peruvian Guerrillas');
    await expectCleanRun(atlas);
  });
});

describe('time and filters', () => {
  it('shows only what the documents had reported by the end of 1961, and everything again after', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' });
    const { page } = atlas;
    await page.getByRole('button', { name: 'Whole map' }).click();
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Reported by the end of December 1961');
    await mapIdle(page);
    expect(await renderedIds(page, ['place-points', 'place-country-fill', 'place-area-fill', 'legs-line'])).toEqual(['cuba', 'moscow', 'united-states', 'ussr']);
    await page.getByRole('button', { name: 'All dates' }).click();
    await mapIdle(page);
    expect((await renderedIds(page, ['place-points'])).length).toBeGreaterThan(5);
    await expectCleanRun(atlas);
  });

  it('switches a role off from its family in the key (one row at laptop width), on the map and in the list', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 } });
    const { page } = atlas;
    const key = page.getByTestId('legend');
    // The families, one hue each, in one row: every chip at the same height on the page.
    const families = key.locator('summary[data-family]');
    expect(await families.allTextContents()).toEqual(['Training', 'Network hubs', 'Trainees’ movements', 'Plans', 'Context']);
    const tops = await families.evaluateAll((chips) => chips.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(new Set(tops).size, `family chips' tops: ${tops.join(', ')}`).toBe(1);
    // A family opens onto its roles; the roles are switches, folded away until then.
    expect(await page.getByRole('checkbox', { name: 'Trainees came from' }).isVisible()).toBe(false);
    await key.locator('summary[data-family="movements"]').click();
    expect(await key.getByRole('group', { name: 'Trainees’ movements' }).getByRole('checkbox').count()).toBe(4);
    // Venezuela is where trainees came from and, "their return to these countries", where they went back to.
    await page.getByRole('checkbox', { name: 'Trainees came from' }).uncheck();
    await mapIdle(page);
    expect(await renderedIds(page, ['place-country-fill'])).toContain('venezuela');
    await page.getByRole('checkbox', { name: 'Trainees went back to' }).uncheck();
    await mapIdle(page);
    const countries = await renderedIds(page, ['place-country-fill']);
    expect(countries).not.toContain('venezuela');
    expect(countries).toContain('peru');
    await page.getByRole('button', { name: 'List' }).click();
    const list = page.getByRole('navigation', { name: 'Places and routes' });
    expect(await list.getByRole('button', { name: 'Venezuela', exact: true }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Trainees went back to' }).check();
    await expect.poll(() => list.getByRole('button', { name: 'Venezuela', exact: true }).count()).toBe(1);
    await expectCleanRun(atlas);
  });
});

describe('switching a document off', () => {
  it('takes off the map and the list what only that document says, and puts it back', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 } });
    const { page } = atlas;
    const key = page.getByTestId('legend');
    // The document switches are under "Routes and documents", made only when it opens.
    expect(await key.getByRole('group', { name: 'Documents' }).count()).toBe(0);
    await key.getByText('Routes and documents').click();
    const documents = key.getByRole('group', { name: 'Documents' });
    await expect.poll(() => documents.getByRole('checkbox').count()).toBe(5);
    // On the screen, below the key (its panel once opened leftwards off it, from the chip's right edge).
    const box = (await documents.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    // Paris is named by the 1963 CIA memo alone; Havana by others too.
    const cia = documents.getByRole('checkbox', { name: /Activities of Cuban-Trained Peruvian Guerrillas/ });
    await cia.uncheck();
    await mapIdle(page);
    await expect.poll(() => renderedIds(page, ['place-points'])).not.toContain('paris');
    expect(await renderedIds(page, ['place-points'])).toContain('havana');
    expect(await key.getByText('Routes and documents').textContent()).toMatch(/1 off/);
    await cia.check();
    await mapIdle(page);
    await expect.poll(() => renderedIds(page, ['place-points'])).toContain('paris');
    await expectCleanRun(atlas);
  });
});

describe('finding things', () => {
  it('finds Havana by the memo’s spelling, Habana', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('Habana');
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.getByRole('button').first().textContent()).toContain('Havana');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Havana');
    await expectCleanRun(atlas);
  });

  it('finds a passage by its words and opens it in the reader', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('swiss banks');
    await page.getByTestId('search-results').getByRole('button').first().click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect((await reader.locator('mark').allTextContents()).join('')).toBe('Swiss banks');
    await expectCleanRun(atlas);
  });
});

describe('text to map', () => {
  it('turns a place name in the reader into a link that selects the place on the map', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('four fronts');
    await page.getByTestId('search-results').getByRole('button').first().click();
    const reader = page.getByTestId('document-reader');
    await reader.getByRole('button', { name: 'Cusco' }).click();
    await reader.waitFor({ state: 'hidden' });
    await expect.poll(() => heading(page)).toBe('Cusco');
    expect(await page.getByTestId('passage-panel').locator('mark').allTextContents()).toContain('One is in the south with headquarters in Cusco');
    await expectCleanRun(atlas);
  });
});

describe('deep links', () => {
  it('reopens the same passage after a reload', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    const p = await screenPoint(page, anchorOf('prague'));
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => heading(page)).toBe('Prague');
    await page.getByRole('button', { name: 'Read the whole document' }).first().click();
    await page.getByTestId('document-reader').waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('doc=cia-1963-04-11:');
    await page.reload();
    await page.evaluate(() => (window as unknown as { atlas: { ready: Promise<void> } }).atlas.ready);
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect((await reader.locator('mark').allTextContents()).join('')).toBe('Many of the returning trainees go through Paris and Prague.');
    await page.keyboard.press('Escape');
    await expect.poll(() => heading(page)).toBe('Prague');
    await expectCleanRun(atlas);
  });

  it('restores a journey step and filters from a shared link', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#journey=return-via-paris:3&hide=origin');
    const { page } = atlas;
    await expect.poll(() => stepText(page)).toBe('Step 3 of 3: From the re-entry points into Peru');
    // The family says one of its roles is off; opened, the role's switch is off.
    const movements = page.getByTestId('legend').locator('summary[data-family="movements"]');
    expect(await movements.textContent()).toContain('1 off');
    await movements.click();
    expect(await page.getByRole('checkbox', { name: 'Trainees came from' }).isChecked()).toBe(false);
    await expectCleanRun(atlas);
  });

  it('wraps a longitude of 1e305 into the world, writes the wrapped view to the address, and still resets', async () => {
    const atlas = await openAtlas(browser(), baseURL, { reducedMotion: 'reduce' }, '#view=1e305,23.1,3');
    const { page } = atlas;
    const hash = await page.evaluate(() => location.hash);
    expect(hash).not.toContain('e305');
    const written = decodeUrlState(hash).view;
    expect(written, hash).not.toBeNull();
    expect(written!.lng).toBeGreaterThanOrEqual(-180);
    expect(written!.lng).toBeLessThan(180);
    expect([written!.lat, written!.zoom]).toEqual([23.1, 3]);
    const center = await page.evaluate(() => {
      const { map } = (window as unknown as { atlas: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).atlas;
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(center.lng).toBeCloseTo(written!.lng, 2);
    await page.evaluate(() => (window as unknown as { atlas: { reset(): void } }).atlas.reset());
    await mapIdle(page);
    expect(await renderedIds(page, ['place-points'])).toEqual(expect.arrayContaining(['havana', 'paris', 'prague']));
    await expectCleanRun(atlas);
  });

  it('leaves the reader closed for a passage that runs past the end of its document, and takes it out of the address', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=paris&doc=cia-1963-04-11:10-99999999');
    const { page } = atlas;
    await expect.poll(() => heading(page)).toBe('Paris');
    expect(await page.getByTestId('document-reader').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).not.toContain('doc=');
    await expectCleanRun(atlas);
  });

  it('walks back and forward through selections', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    for (const id of ['paris', 'prague']) {
      await mapIdle(page); // the panel opening resizes the map
      const p = await screenPoint(page, anchorOf(id));
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`place=${id}`);
    }
    await page.goBack();
    await expect.poll(() => heading(page)).toBe('Paris');
    await page.goForward();
    await expect.poll(() => heading(page)).toBe('Prague');
    await expectCleanRun(atlas);
  });
});

describe('keyboard only', () => {
  it('walks through a journey and the reader without a pointer', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).focus();
    await page.keyboard.press('Enter'); // focus moves to the stepper's heading
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Trace a journey');
    await page.keyboard.press('Tab'); // close button
    await page.keyboard.press('Tab'); // first journey
    await page.keyboard.press('Enter');
    await expect.poll(() => stepText(page)).toBe('Step 1 of 3: Peru → Mexico');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: Mexico → Cuba');
    await page.getByTestId('journey').getByRole('button', { name: 'Read the whole document' }).focus();
    await page.keyboard.press('Enter');
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect(await reader.locator('mark').allTextContents()).toContain(' and thence to ');
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    await expectCleanRun(atlas);
  });

  it('has no accessibility violations with a journey and the filters open', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: /Back by way of Paris/ }).click();
    await page.getByTestId('legend').getByText('Routes and documents').click();
    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('Paris');
    expect(await axeViolations(page)).toEqual([]);
    await expectCleanRun(atlas);
  });
});
