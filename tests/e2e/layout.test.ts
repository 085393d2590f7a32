import { describe, expect, inject, it } from 'vitest';
import { expectCleanRun, mapIdle, openAtlas, overlappingControls, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** The screens the exhibit is shown on (issue 12): phones, a tablet, a laptop, a 1080p kiosk, a portrait kiosk. */
const VIEWPORTS = [
  { width: 360, height: 640, touch: true },
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1280, height: 800, touch: false },
  { width: 1920, height: 1080, touch: false },
  { width: 1080, height: 1920, touch: true },
];

describe('the layout at every screen size', () => {
  it.each(VIEWPORTS)('puts no control on top of another at $width × $height, with the panel closed and open', async ({ width, height, touch }) => {
    for (const hash of ['', '#place=havana']) {
      const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height }, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' }, hash);
      await mapIdle(atlas.page);
      expect(await overlappingControls(atlas.page), `${width} × ${height} ${hash || 'start'}`).toEqual([]);
      if (hash) expect(await atlas.page.getByTestId('passage-panel').isVisible()).toBe(true);
      await expectCleanRun(atlas);
    }
  });
});
