/**
 * Probes of a page that keeps the app's `window.atlas = { map, ready, reset }` contract (README), shared by the
 * browser tests and the benchmark. The functions run in the page, so they carry their own types.
 */
import type { Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RendererKind } from '../lib/atlas/contract.ts';

/**
 * The page as the app leaves it for tests and operators: `window.atlas` (README). `map` is MapLibre's map, null when
 * another renderer draws (`renderer`: 'svg' or 'none'); the probes here run on MapLibre pages only.
 */
export type AtlasWindow = Window & {
  atlas: { map: MapLibreMap | null; renderer: RendererKind; ready: Promise<void>; reset(): void; idle(): Promise<void> };
  webglContexts?: () => number;
};

/** The on-screen position (page pixels) of a longitude/latitude, via the live map. */
export function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as AtlasWindow).atlas.map!;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

/**
 * Resolves once the map has stopped moving and drawn all that was asked of it: the app's own `atlas.idle()`, which
 * waits for the next paint first (the app draws highlights after it, so a tap's passage shows first) and draws no
 * frame to find out when the map is already still.
 */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
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

/**
 * Pairs of visible controls whose boxes overlap (one drawn over the other: a finger meant for one hits the other),
 * named by their accessible text. A control inside another (a label's checkbox) is not an overlap.
 */
export function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // tsx (the screenshots script) names inner functions with a helper the page does not have.
    const scope = globalThis as unknown as { __name?: unknown };
    scope.__name ??= (f: unknown) => f;
    const selector = 'button, a[href], input, select, textarea, summary, [role="slider"], [tabindex="0"], .maplibregl-ctrl-attrib';
    const name = (e: Element) =>
      (e.getAttribute('aria-label') || (e as HTMLInputElement).labels?.[0]?.innerText || (e as HTMLElement).innerText || e.getAttribute('placeholder') || e.getAttribute('name') || e.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
    const controls = [...document.querySelectorAll(selector)].flatMap((e) => {
      const r = e.getBoundingClientRect();
      // checkVisibility also sees what a closed <details> holds (laid out, never painted).
      const shown = r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const onScreen = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      // The map's canvas lies under every map control by design; what counts is controls on top of each other.
      const isMap = e.classList.contains('maplibregl-canvas');
      return shown && onScreen && !isMap && !e.closest('[inert], [aria-hidden="true"]') ? [{ e, r }] : [];
    });
    const pairs: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i]!, controls[j]!];
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const overlapX = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const overlapY = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        // Scrolled out of its own box (a list inside a panel) is not on top of anything.
        const clippedAway = [a, b].some(({ e }) => {
          const box = e.getBoundingClientRect();
          const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
          const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
          const top = document.elementFromPoint(x, y);
          return top !== null && !e.contains(top) && !top.contains(e) && ![a.e, b.e].some((c) => c.contains(top));
        });
        if (overlapX > 1 && overlapY > 1 && !clippedAway) pairs.push(`"${name(a.e)}" and "${name(b.e)}"`);
      }
    }
    return pairs;
  });
}

/**
 * Visible buttons whose words do not fit their box (cut off, or run past its edge or the window's): a word a visitor
 * cannot read ("Empiec aquí") is a defect even where nothing overlaps. Named by their text.
 */
export function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as { __name?: unknown };
    scope.__name ??= (f: unknown) => f;
    return [...document.querySelectorAll('button, summary, a[href]')]
      .filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && (e as HTMLElement).innerText.trim() !== '')
      .filter((e) => {
        const el = e as HTMLElement;
        const r = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || r.right > innerWidth + 0.5 || r.left < -0.5;
      })
      .map((e) => (e as HTMLElement).innerText.trim().replace(/\s+/g, ' '));
  });
}
