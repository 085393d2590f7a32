/**
 * The opening view that index.html carries (drawn at build time: src/build/first-view-svg.ts), from the page's
 * mounting to its own map's first frame: moved into the map's stage, above the map and under its controls, framed as
 * the map frames the network (MapLibre's fitBounds, as svg-view.ts computes it), and removed once the map has drawn.
 * A page that opens on anything else (a link to a place, a view, a journey) or whose map cannot frame the network so
 * (a phone's small map, at its widest zoom) drops it at once rather than show one frame and then another.
 */
import type { Bounds } from '../lib/atlas/contract.ts';
import { MIN_ZOOM, type Padding } from '../lib/map/camera.ts';
import { toWorld } from '../lib/map/svg-view.ts';

const ID = 'first-view';

export interface FirstView {
  /** The page's first frame: the picture is fitted to it, or removed if it shows something else. */
  frame(bounds: Bounds, maxZoom: number, room: Padding | undefined): void;
  remove(): void;
}

/** Moves the picture into `stage` before `before`; null where there is none (the dev server, or already gone). */
export function adoptFirstView(stage: HTMLElement, before: Element | null, opensOnSomething: boolean): FirstView | null {
  const picture = document.getElementById(ID);
  if (!picture) return null;
  const svg = picture.querySelector('svg');
  if (opensOnSomething || !svg || getComputedStyle(picture).display === 'none') {
    picture.remove();
    return null;
  }
  stage.insertBefore(picture, before);
  const drawn = (picture.dataset.bounds ?? '').split(',').map(Number);
  let framed = false;
  return {
    frame(bounds, maxZoom, room) {
      if (framed) return;
      framed = true;
      if (!picture.isConnected) return;
      const [west, south, east0, north] = bounds;
      if (drawn.length !== 4 || bounds.some((v, i) => Math.abs(v - drawn[i]!) > 1e-9)) return picture.remove();
      const east = east0 < west ? east0 + 360 : east0;
      const [x0, y1] = toWorld(west, south);
      const [x1, y0] = toWorld(east, north);
      // As the SVG map frames (svg-renderer.ts): the controls' room where it leaves 80 px, else a 24-px margin.
      const fits = room && room.left + room.right < stage.clientWidth - 80 && room.top + room.bottom < stage.clientHeight - 80;
      const pad = fits ? room : { top: 24, right: 24, bottom: 24, left: 24 };
      const width = stage.clientWidth - pad.left - pad.right;
      const height = stage.clientHeight - pad.top - pad.bottom;
      const zoom = Math.log2(Math.min(width / (x1 - x0), height / (y1 - y0)));
      // The map clamps its zoom where the picture would not: it would show another frame.
      if (!(width > 0 && height > 0) || zoom < MIN_ZOOM || zoom > maxZoom) return picture.remove();
      // CSSOM, which the CSP allows (a style attribute it would not).
      Object.assign(svg.style, { left: `${pad.left}px`, top: `${pad.top}px`, width: `${width}px`, height: `${height}px` });
    },
    remove: () => picture.remove(),
  };
}
