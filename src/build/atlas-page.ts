/**
 * Probes of a page that keeps the app's `window.atlas = { map, ready, reset }` contract (README), shared by the
 * browser tests and the benchmark. The functions run in the page, so they carry their own types.
 */
import type { Page } from 'playwright-core';

interface AtlasWindow {
  atlas: {
    map: {
      project(lngLat: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
      once(type: string, listener: () => void): void;
      triggerRepaint(): void;
    };
  };
  webglContexts?: () => number;
}

/** The on-screen position (page pixels) of a longitude/latitude, via the live map. */
export function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const { map } = (window as unknown as AtlasWindow).atlas;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/** Resolves once the map has stopped moving and drawn. */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const { map } = (window as unknown as AtlasWindow).atlas;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** An init script: counts the WebGL contexts the page creates, so a leak of contexts can be seen. */
export function countWebglContexts() {
  const contexts = new Set<unknown>();
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    if (ctx && /webgl/.test(type)) contexts.add(ctx);
    return ctx;
  } as typeof original;
  (window as unknown as AtlasWindow).webglContexts = () => contexts.size;
}

/** How many WebGL contexts the page has created (needs countWebglContexts as an init script). */
export function webglContexts(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as AtlasWindow).webglContexts?.() ?? Number.NaN);
}
