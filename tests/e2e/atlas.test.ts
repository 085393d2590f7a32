import { describe, expect, inject, it } from 'vitest';
import { anchorOf, axeViolations, clickMapAt, panelHeading, useBrowser, legMiddle, openAtlas, renderedIds, screenPoint, expectCleanRun, touchTap } from './browser.ts';

const baseURL = inject('baseURL');

const browser = useBrowser();

describe('the map on the bundled corpus', () => {
  it('draws the documents’ places and routes from local files only', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const drawn = {
      points: await renderedIds(atlas.page, ['place-points']),
      legs: await renderedIds(atlas.page, ['legs-line']),
      legsFromContext: await renderedIds(atlas.page, ['legs-line-from-context']),
      countries: await renderedIds(atlas.page, ['place-country-fill']),
      zones: await renderedIds(atlas.page, ['place-area-fill']),
    };
    expect(drawn.points).toEqual(expect.arrayContaining(['havana', 'paris', 'prague', 'lima', 'cusco']));
    expect(drawn.legs).toContain('return-via-paris-1');
    // A leg whose start its sentence does not state is drawn dashed, apart from the firm lines.
    expect(drawn.legsFromContext).toEqual(expect.arrayContaining(['return-via-paris-4', 'return-via-paris-5']));
    expect(drawn.legs).not.toContain('return-via-paris-4');
    expect(drawn.countries).toEqual(expect.arrayContaining(['peru', 'mexico', 'colombia', 'brazil', 'venezuela']));
    expect(drawn.zones).toEqual(expect.arrayContaining(['west-indies', 'cuba-rural-hills']));
    await expectCleanRun(atlas);
  });

  it('opens the sentence that names Paris as the centre of the network when Paris is clicked', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await clickMapAt(page, anchorOf('paris'));
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panelHeading(page)).toBe('Paris');
    const marks = await panel.locator('mark').allTextContents();
    expect(marks).toContain('Paris has emerged as the center of the network.');
    expect(await panel.textContent()).toContain('Activities of Cuban-Trained Peruvian Guerrillas');
    await expectCleanRun(atlas);
  });

  it('opens a route leg’s own words when the leg is tapped with a finger', async () => {
    const atlas = await openAtlas(browser(), baseURL, { hasTouch: true });
    const { page } = atlas;
    const p = await screenPoint(page, legMiddle('cuba', 'paris'));
    await touchTap(page, p.x, p.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Cuba → Paris');
    expect(await panel.locator('mark').allTextContents()).toEqual([
      'Groups are sent from Cuba to Paris to be sent on to various Latin American countries for eventual re-entry into Peru.',
    ]);
    await expectCleanRun(atlas);
  });

  it('lets the user choose among features that overlap under a tap', async () => {
    const atlas = await openAtlas(browser(), baseURL, { hasTouch: true });
    const { page } = atlas;
    const p = await screenPoint(page, anchorOf('havana'));
    await touchTap(page, p.x, p.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Havana');
    expect(await panel.locator('mark').allTextContents()).toContain('He received his first training in Habana.');
    await panel.getByRole('navigation', { name: 'Here' }).getByRole('button', { name: 'Rural hill areas of Cuba', exact: true }).click();
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Rural hill areas of Cuba');
    expect(await panel.textContent()).toContain('drawn as a zone, not a precise location');
    await expectCleanRun(atlas);
  });

  it('says when a paragraph is dated once, not once per highlighted quote (Paris, paragraph 8)', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=paris');
    const { page } = atlas;
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Paris');
    const passages = await panel.getByTestId('passage').evaluateAll((items) =>
      items.map((li) => ({ marks: li.querySelectorAll('blockquote mark').length, when: [...li.querySelectorAll('.when')].map((w) => w.textContent!.trim()) })),
    );
    // Not a pass by default: a paragraph with several quotes, all undated, is there.
    const several = passages.filter((p) => p.marks >= 3 && p.when.every((w) => w.startsWith('When: undated')));
    expect(several.length, JSON.stringify(passages)).toBeGreaterThan(0);
    for (const p of several) expect(p.when).toHaveLength(1);
    // Nowhere the same line twice in a row.
    for (const p of passages) expect(p.when.filter((w, i) => w === p.when[i - 1])).toEqual([]);
    await expectCleanRun(atlas);
  });

  it('opens the whole document with the passage highlighted and scrolled into view', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    const p = await screenPoint(page, anchorOf('prague'));
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Prague');
    await panel.getByRole('button', { name: 'Read the whole document' }).first().click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor({ state: 'visible' });
    expect(await reader.locator('h2').textContent()).toBe('Activities of Cuban-Trained Peruvian Guerrillas');
    const mark = reader.locator('mark');
    // Place names inside the passage are links of their own, so the highlight comes in pieces.
    expect((await mark.allTextContents()).join('')).toBe('Many of the returning trainees go through Paris and Prague.');
    await expect.poll(async () => {
      const [m, r] = await Promise.all([mark.first().boundingBox(), reader.boundingBox()]);
      return Boolean(m && r && m.y >= r.y && m.y + m.height <= r.y + r.height);
    }, { timeout: 5000 }).toBe(true);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    await expectCleanRun(atlas);
  });

  it('reaches every feature by keyboard through the list of places and routes', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'List' }).focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('navigation', { name: 'Places and routes' });
    await list.getByRole('button', { name: 'Mexico', exact: true }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Mexico');
    expect(await panel.locator('mark').allTextContents()).toContain('His contingent traveled in groups by way of Mexico.');
    await expectCleanRun(atlas);
  });

  it('copies a passage as a citation that names the words and the archive record', async () => {
    const atlas = await openAtlas(browser(), baseURL, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = atlas;
    const p = await screenPoint(page, anchorOf('paris'));
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('passage-panel');
    const button = panel.getByRole('button', { name: 'Copy citation' }).first();
    await button.click();
    // "Copied" shows beside the button pressed, not at the end of the panel.
    const status = button.locator('xpath=following-sibling::*[@role="status"]');
    await expect.poll(() => status.textContent()).toBe('Citation copied.');
    expect(await panel.getByRole('status').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The quote on its own line, then one Chicago note: record, a day-month-year date, the memo's paragraph, the link.
    const [quote, note] = copied.split('\n');
    expect(quote).toBe('“Paris has emerged as the center of the network.”');
    expect(note).toMatch(/^CIA, “Activities of Cuban-Trained Peruvian Guerrillas,” to The Director of Central Intelligence, 11 April 1963, record 176-10036-10058, NARA, .*, para\. 8, Archive Atlas, http:\/\/127\.0\.0\.1:\d+\/#doc=cia-1963-04-11:\d+-\d+\.$/);
    // The link opens the passage in the reader.
    await page.goto(note!.match(/http\S+(?=\.$)/)![0]);
    await page.evaluate(() => (window as unknown as { atlas: { ready: Promise<void> } }).atlas.ready);
    await expect.poll(async () => (await page.getByTestId('document-reader').locator('mark').allTextContents()).join('')).toBe('Paris has emerged as the center of the network.');
    await page.keyboard.press('Escape');
    await expectCleanRun(atlas);
  });

  it('offers the data for download from “About this data”', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'About this data' }).click();
    const dialog = page.getByRole('dialog', { name: 'About this data' });
    await dialog.waitFor();
    const links = await dialog.getByRole('link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((l) => l.split('/').pop())).toEqual(['places.geojson', 'legs.geojson', 'places.lpf.json', 'annotations.jsonld', 'places.csv', 'legs.csv', 'passages.csv', 'documents.json']);
    for (const link of links) {
      const response = await page.request.get(link);
      expect(response.status(), link).toBe(200);
      expect((await response.body()).length, link).toBeGreaterThan(1000);
    }
    await expectCleanRun(atlas);
  });

  it('has no accessibility violations (axe-core) with the panels closed and open', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    const violations = () => axeViolations(page);
    expect(await violations()).toEqual([]);
    // The list, then a place chosen from it: the passage opens above the list (opening the list replaces a passage).
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByRole('navigation', { name: 'Places and routes' }).getByRole('button', { name: 'Paris', exact: true }).click();
    await page.getByTestId('passage-panel').waitFor();
    expect(await page.getByRole('navigation', { name: 'Places and routes' }).count()).toBe(1);
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Read the whole document' }).first().click();
    await page.getByTestId('document-reader').waitFor();
    expect(await violations()).toEqual([]);
    await expectCleanRun(atlas);
  });

  it('sets the Alekseev cable’s footnote marker as a superscript in the passage and the reader, never as tag text', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=havana');
    const { page } = atlas;
    // Havana is drawn as a training site: the cable is political context, in a section that starts folded.
    const section = page.getByTestId('passage-panel').getByTestId('role-section').filter({ hasText: 'President Dorticos' });
    await section.locator(':scope > summary').click();
    const passage = section.getByTestId('passage').filter({ hasText: 'President Dorticos' });
    await passage.waitFor();
    expect(await passage.locator('sup').allTextContents()).toEqual(['[1]']);
    expect(await passage.locator('blockquote').innerText()).toContain('I gave both letters to President Dorticos.[1]');
    expect(await page.getByTestId('passage-panel').innerText()).not.toMatch(/<\/?sup>/);
    await passage.getByRole('button', { name: 'Read the whole document' }).click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect(await reader.locator('article sup').allTextContents()).toEqual(['[1]']);
    expect(await reader.innerText()).not.toMatch(/<\/?[a-z]+>/i);
    await expectCleanRun(atlas);
  });
});
