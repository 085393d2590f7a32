import { describe, expect, inject, it } from 'vitest';
import { expectCleanRun, mapIdle, openAtlas, overlappingControls, useBrowser, EXHIBIT_VIEWPORTS } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

describe('the layout at every screen size', () => {
  it.each(EXHIBIT_VIEWPORTS)('puts no control on top of another at $width × $height, with the panel closed and open', async ({ width, height, touch }) => {
    for (const hash of ['', '#place=havana']) {
      const atlas = await openAtlas(browser(), baseURL, { viewport: { width, height }, hasTouch: touch, isMobile: touch, reducedMotion: 'reduce' }, hash);
      await mapIdle(atlas.page);
      expect(await overlappingControls(atlas.page), `${width} × ${height} ${hash || 'start'}`).toEqual([]);
      if (hash) expect(await atlas.page.getByTestId('passage-panel').isVisible()).toBe(true);
      await expectCleanRun(atlas);
    }
  });
});
