import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { anchorOf, countWebglContexts, runClockUntil, runClockUntilShown, expectCleanRun, useBrowser, loseAndRestoreContext, mapIdle, openAtlas, renderedIds, screenPoint, webglContexts, touchTap } from './browser.ts';
import type { KioskConfig } from '../../src/lib/kiosk/config.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const TOUCH_SCREEN: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, hasTouch: true };

/** The kiosk page, with its configuration replaced (shortened timings) as a technician would edit it. */
function openKiosk(config: Partial<KioskConfig> = {}, prepare?: (page: Page) => Promise<void>) {
  return openAtlas(browser(), baseURL, TOUCH_SCREEN, '?kiosk', async (page) => {
    await page.route('**/kiosk/config.json', (route) => route.fulfill({ json: { attractTour: ['return-via-paris'], attractStepSeconds: 2, ...config } }));
    await prepare?.(page);
  });
}

async function tap(page: Page, lngLat: [number, number]) {
  await mapIdle(page);
  const p = await screenPoint(page, lngLat);
  await touchTap(page, p.x, p.y);
}

/** Everything a finger can operate that is smaller than 44 × 44 CSS pixels. */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const targets = document.querySelectorAll('button, a[href], summary, input[type="range"], input[type="search"], label, [role="slider"]');
    return [...targets]
      .filter((el) => !el.closest('.visually-hidden'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

describe('the kiosk on a touch screen', () => {
  it('makes every control at least 44 × 44 px, with panels and the reader open', async () => {
    const atlas = await openKiosk();
    const { page } = atlas;
    expect(await smallTargets(page)).toEqual([]);
    // No search box a visitor could not type into: the kiosk has no keyboard (issue 32).
    expect(await page.getByRole('searchbox').count()).toBe(0);
    // The journeys first: opening them replaces a passage, while a place chosen after opens beside them.
    await page.getByRole('button', { name: 'Journeys' }).tap();
    await tap(page, anchorOf('paris'));
    await page.getByTestId('passage-panel').waitFor();
    await page.getByTestId('legend').getByText('Routes and documents').tap();
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('passage-panel').getByRole('button', { name: 'Read the whole document' }).first().tap();
    await page.getByTestId('document-reader').waitFor();
    expect(await smallTargets(page)).toEqual([]);
    await expectCleanRun(atlas);
  });

  it('cannot be pinch-zoomed, scrolled away, right-clicked or navigated away', async () => {
    const atlas = await openKiosk();
    const { page } = atlas;
    const session = await page.context().newCDPSession(page);
    await session.send('Input.synthesizePinchGesture', { x: 300, y: 300, scaleFactor: 2, gestureSourceType: 'touch' });
    expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
    const prevented = await page.evaluate(() => {
      const fire = (event: Event) => (document.body.dispatchEvent(event), event.defaultPrevented);
      return {
        contextmenu: fire(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })),
        ctrlWheel: fire(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 })),
        zoomKey: fire(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ctrlKey: true, key: '+' })),
        select: fire(new Event('selectstart', { bubbles: true, cancelable: true })),
        newWindow: window.open('about:blank') === null,
      };
    });
    expect(prevented).toEqual({ contextmenu: true, ctrlWheel: true, zoomKey: true, select: true, newWindow: true });
    expect(page.context().pages()).toHaveLength(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toContain('user-scalable=no');
    await page.getByRole('button', { name: 'About this data' }).tap();
    const about = page.getByRole('dialog', { name: 'About this data' });
    await about.waitFor();
    expect(await about.getByRole('link').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectCleanRun(atlas);
  });

  it('asks whether anyone is still there, counts down, resets everything and plays the attract tour; a touch hands control back to the start card', async () => {
    // Playwright's clock: time runs as usual while the page loads and the visitor acts, then the test moves it on
    // instead of waiting the idle time out. Installed before the page loads, so every timer the page makes is on it.
    // Each tour step lasts 30 s of the page's clock, so real time spent checking the reset cannot end the first step.
    const atlas = await openKiosk({ idleSeconds: 20, countdownSeconds: 20, textScale: 1.25, attractStepSeconds: 30 }, (page) => page.clock.install());
    const { page } = atlas;
    // A block body: the assignment's value is the map, which Playwright would serialise whole as the result.
    await page.evaluate(() => {
      (window as unknown as { firstMap: unknown; atlas: { map: unknown } }).firstMap = (window as unknown as { atlas: { map: unknown } }).atlas.map;
    });

    // A visitor: selects Paris, opens the document, hides a role, enlarges the text.
    await tap(page, anchorOf('paris'));
    await page.getByTestId('passage-panel').getByRole('button', { name: 'Read the whole document' }).first().tap();
    await page.getByTestId('document-reader').waitFor();
    await page.getByRole('button', { name: 'Close document' }).tap();
    await page.getByTestId('legend').locator('summary[data-family="movements"]').tap();
    await page.getByRole('checkbox', { name: 'Trainees came from' }).uncheck();
    await page.getByRole('button', { name: 'A+ larger text' }).tap();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale'))).toBe('1.5');

    // Idle: the prompt, and its countdown runs out. (Answering it, the nightly reload and the tour's order are
    // tested against a fake clock in tests/unit/kiosk-state.test.ts; this is the cycle on the real page, once.)
    const prompt = page.getByTestId('idle-prompt');
    await page.clock.fastForward(15_000);
    expect(await prompt.count(), 'no prompt before the idle time is up').toBe(0);
    await page.clock.fastForward(6_000);
    await prompt.waitFor();
    const first = Number(await page.getByTestId('countdown').textContent());
    expect(first).toBeGreaterThanOrEqual(19);
    await page.clock.fastForward(1_000);
    await expect.poll(async () => Number(await page.getByTestId('countdown').textContent())).toBeLessThan(first);
    const attract = page.getByTestId('attract');
    await runClockUntilShown(page, attract, 25);

    // Everything is back at the start, on the same map, and the tour is playing.
    expect(await page.getByTestId('passage-panel').count()).toBe(0);
    expect(await page.getByTestId('document-reader').count()).toBe(0);
    expect(await page.getByTestId('legend').locator('summary[data-family="movements"]').textContent()).not.toContain('off');
    expect(await page.getByRole('checkbox', { name: 'Trainees came from', includeHidden: true }).isChecked()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale'))).toBe('1.25');
    expect(await page.evaluate(() => (window as unknown as { firstMap: unknown; atlas: { map: unknown } }).firstMap === (window as unknown as { atlas: { map: unknown } }).atlas.map)).toBe(true);
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    const step = () => page.getByTestId('journey').locator('.count').textContent();
    await expect.poll(step).toBe('Step 1 of 3: Cuba → Paris');
    await runClockUntil(page, async () => (await step()) === 'Step 2 of 3: To several Latin American countries, among them Colombia and Brazil', 40, 'the tour’s second step');

    // A touch stops the tour and hands the map to the visitor, on the start card's ways in.
    await attract.tap();
    await attract.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('journey').count()).toBe(0);
    expect(await page.getByTestId('start-card').getByRole('button', { name: /Back by way of Paris/ }).isVisible()).toBe(true);
    await tap(page, anchorOf('prague'));
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Prague');
    await expectCleanRun(atlas);
  });

  it('recovers from a lost WebGL context with every layer, feature and selection back', async () => {
    const atlas = await openKiosk();
    const { page } = atlas;
    await tap(page, anchorOf('paris'));
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Paris');
    await mapIdle(page);
    const before = await renderedIds(page, ['place-points', 'place-country-fill', 'place-area-fill', 'legs-line', 'legs-line-from-context', 'place-labels']);
    // Twice, so a recovery that works only once (a listener added with `once`) fails; 20 losses in a row are
    // hardening.test.ts's, on a smaller window.
    for (let i = 0; i < 2; i++) {
      await loseAndRestoreContext(page);
      await mapIdle(page);
      expect(await renderedIds(page, ['place-points', 'place-country-fill', 'place-area-fill', 'legs-line', 'legs-line-from-context', 'place-labels'])).toEqual(before);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { atlas: { map: { getFeatureState(f: object): { selected?: boolean } } } }).atlas.map.getFeatureState({ source: 'places', id: 'paris' }).selected))
        .toBe(true);
    }
    await tap(page, anchorOf('prague'));
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Prague');
    await expectCleanRun(atlas);
  });

  it('returns DOM nodes, listeners and WebGL contexts to the same counts after each visitor (short soak)', { timeout: 120_000 }, async () => {
    const atlas = await openKiosk({}, async (page) => {
      // What a visitor leaves behind is counted, not how the camera flies: camera flights, each drawn frame by frame
      // in software here, took a quarter of the soak's time (tracing and the exhibit test cover them).
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.addInitScript(countWebglContexts);
    });
    const { page } = atlas;
    const session = await page.context().newCDPSession(page);
    // The page's own tree is counted exactly. The renderer's count of every node it holds also takes in nodes outside
    // the page (templates, caches) and moves by a few between visitors without growing: it may not grow past a margin
    // that a leak of even a few nodes a visitor exceeds within the three visitors measured.
    const counts = async () => {
      await session.send('HeapProfiler.collectGarbage');
      const { nodes, jsEventListeners } = await session.send('Memory.getDOMCounters');
      const inPage = await page.evaluate(() => {
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
        let count = 0;
        while (walker.nextNode()) count++;
        return count;
      });
      return { inPage, nodes, listeners: jsEventListeners, contexts: await webglContexts(page) };
    };
    const visitor = async () => {
      await tap(page, anchorOf('havana'));
      await page.getByTestId('passage-panel').getByRole('button', { name: 'Read the whole document' }).first().tap();
      await page.getByTestId('document-reader').waitFor();
      await page.getByRole('button', { name: 'Close document' }).tap();
      await page.getByRole('button', { name: 'Journeys' }).tap();
      await page.getByRole('button', { name: /Back by way of Paris/ }).tap();
      await page.getByRole('button', { name: 'Next →' }).tap();
      await page.evaluate(() => (window as unknown as { atlas: { reset(): void } }).atlas.reset());
      await mapIdle(page);
    };
    // Warm-up: first-time allocations (fonts, glyphs, lazily built panels) settle over the first visitors.
    await visitor();
    await visitor();
    // Work still in flight when a visitor's last tap has settled (on a loaded machine, once, two listeners that were
    // gone a moment later) is not what a visitor leaves behind: the baseline is the least of a few reads, and each
    // visitor's counts may take a few seconds to come back to it. A leak never comes back, so it still fails.
    const reads: Array<Awaited<ReturnType<typeof counts>>> = [];
    for (let k = 0; k < 3; k++) {
      if (k) await page.waitForTimeout(300);
      reads.push(await counts());
    }
    const least = (key: keyof (typeof reads)[number]) => Math.min(...reads.map((read) => read[key]));
    const baseline = { inPage: least('inPage'), nodes: least('nodes'), listeners: least('listeners'), contexts: least('contexts') };
    // The renderer's count is polled too: CI once read 20 nodes over the baseline right after a visitor, where the
    // count a second later is the baseline exactly (twelve visitors read here: 1528 after each).
    const withinMargin = `within ${baseline.nodes} + 12`;
    for (let i = 0; i < 3; i++) {
      await visitor();
      await expect
        .poll(
          async () => {
            const now = await counts();
            return { ...now, nodes: now.nodes <= baseline.nodes + 12 ? withinMargin : now.nodes };
          },
          { message: `after visitor ${i + 3}`, timeout: 8_000 },
        )
        .toEqual({ ...baseline, nodes: withinMargin });
    }
    // Two ever made: the WebGL2 probe's, released at once, and the one map's, never remade.
    expect(baseline.contexts).toBe(2);
    await expectCleanRun(atlas);
  });
});
