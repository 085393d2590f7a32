import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, expectCleanRun, openAtlas, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
// A browser that gives no WebGL at all, as on a blocklisted GPU or a remote desktop without a software fallback.
const browser = useBrowser(['--disable-webgl', '--disable-webgl2']);
const browserWithWebgl = useBrowser();

interface MaplessAtlas {
  atlas: { map: unknown; renderer: string; reset(): void };
}

const heading = (page: Page) => page.getByTestId('passage-panel').locator('h2').textContent();
const stepText = (page: Page) => page.getByTestId('journey').locator('.count').textContent();
const list = (page: Page) => page.getByRole('navigation', { name: 'Places and routes' });

describe('a browser without WebGL', () => {
  it('says the map cannot be drawn, opens the list, and a place in it opens its passage and its document', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    // The browser really has no WebGL, or this test would pass on a page that never left the map.
    expect(await page.evaluate(() => [document.createElement('canvas').getContext('webgl'), document.createElement('canvas').getContext('webgl2')])).toEqual([null, null]);
    expect(await page.evaluate(() => ({ renderer: (window as unknown as MaplessAtlas).atlas.renderer, map: (window as unknown as MaplessAtlas).atlas.map }))).toEqual({ renderer: 'none', map: null });
    const message = page.getByTestId('no-map');
    expect(await message.isVisible()).toBe(true);
    expect(await message.textContent()).toContain('This computer cannot draw the map (WebGL is unavailable).');
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await list(page).getByRole('button', { name: 'Paris', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Paris');
    expect(await page.getByTestId('passage-panel').locator('mark').allTextContents()).toContain('Paris has emerged as the center of the network.');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('passage-panel').getByRole('button', { name: 'Read the whole document' }).first().click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect(await reader.locator('h2').textContent()).toBe('Activities of Cuban-Trained Peruvian Guerrillas');
    expect((await reader.locator('mark').allTextContents()).join('')).toContain('Paris has emerged as the center of the network.');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    await expectCleanRun(atlas);
  });

  it('steps a journey, finds a place by search and filters by time, all without a map', async () => {
    const atlas = await openAtlas(browser(), baseURL);
    const { page } = atlas;
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: /Back by way of Paris/ }).click();
    await expect.poll(() => stepText(page)).toBe('Step 1 of 3: Cuba → Paris');
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => stepText(page)).toBe('Step 2 of 3: To several Latin American countries, among them Colombia and Brazil');
    expect(await page.getByTestId('journey').locator('mark').allTextContents()).toEqual([
      'From Paris, the travelers fan out to a number of different Latin American countries from which they attempt clandestine re-entry. Colombia and Brazil have been used extensively as re-entry points.',
    ]);

    await page.getByRole('searchbox', { name: 'Search places and passages' }).fill('Habana');
    await expect.poll(() => page.getByTestId('search-results').getByRole('button').first().textContent()).toContain('Havana');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading(page)).toBe('Havana');

    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Reported by the end of December 1961');
    await expect.poll(() => list(page).getByRole('button', { name: 'Paris', exact: true }).count()).toBe(0);
    expect(await list(page).getByRole('button', { name: 'Cuba', exact: true }).count()).toBe(1);
    await expectCleanRun(atlas);
  });

  it('opens a shared link’s place, journey step and view, and resets to the start with the list still open', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=prague&journey=return-via-paris:3&view=10,20,3');
    const { page } = atlas;
    await expect.poll(() => heading(page)).toBe('Prague');
    expect(await page.getByTestId('passage-panel').locator('mark').allTextContents()).toContain('Many of the returning trainees go through Paris and Prague.');
    await expect.poll(() => stepText(page)).toBe('Step 3 of 3: Across the border into Peru');
    // The view stays in the address, for a machine that can draw it.
    expect(await page.evaluate(() => location.hash)).toBe('#place=prague&journey=return-via-paris:3&view=10,20,3');
    await page.evaluate(() => (window as unknown as MaplessAtlas).atlas.reset());
    await expect.poll(() => page.getByTestId('passage-panel').count()).toBe(0);
    expect(await page.getByTestId('journey').count()).toBe(0);
    expect(await list(page).getByRole('button', { name: 'Prague', exact: true }).isVisible()).toBe(true);
    await expectCleanRun(atlas);
  });

  it('keeps the kiosk running: heartbeats, and after idling the attract loop steps through a journey', { timeout: 120_000 }, async () => {
    let heartbeats = 0;
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1920, height: 1080 }, hasTouch: true }, '?kiosk&heartbeat', async (page) => {
      await page.route('**/kiosk/config.json', (route) => route.fulfill({ json: { attractTour: ['return-via-paris'], attractStepSeconds: 2, idleSeconds: 10, countdownSeconds: 20 } }));
      await page.route('**/kiosk/heartbeat', (route) => {
        heartbeats += 1;
        return route.fulfill({ status: 204 });
      });
    });
    const { page } = atlas;
    expect(await page.evaluate(() => (window as unknown as MaplessAtlas).atlas.renderer)).toBe('none');
    await page.getByTestId('idle-prompt').waitFor({ timeout: 20_000 });
    await page.getByTestId('attract').waitFor({ timeout: 30_000 });
    await expect.poll(() => stepText(page)).toBe('Step 1 of 3: Cuba → Paris');
    await expect.poll(() => stepText(page), { timeout: 6000 }).toBe('Step 2 of 3: To several Latin American countries, among them Colombia and Brazil');
    // One beat at load, then one every 10 s: the page has been up for over 30 s.
    expect(heartbeats).toBeGreaterThanOrEqual(3);
    await expectCleanRun(atlas);
  });
});

describe('a browser whose WebGL2 refuses what the map asks for', () => {
  it('falls back to the map-free page when MapLibre cannot get its context, though a bare one was given', async () => {
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
    expect(await page.evaluate(() => (window as unknown as MaplessAtlas).atlas.renderer)).toBe('none');
    expect(await page.getByTestId('no-map').isVisible()).toBe(true);
    expect(await page.locator('canvas').count()).toBe(0);
    await list(page).getByRole('button', { name: 'Paris', exact: true }).click();
    await expect.poll(() => heading(page)).toBe('Paris');
    expect(await page.getByTestId('passage-panel').locator('mark').allTextContents()).toContain('Paris has emerged as the center of the network.');
    await expectCleanRun(atlas);
  });
});
