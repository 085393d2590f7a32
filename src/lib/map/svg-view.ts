import { geoMercator, geoTransform, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
import { MAX_ZOOM, MIN_ZOOM, wrapLongitude, type Padding } from './camera.ts';
import type { Bounds, CameraView } from '../atlas/contract.ts';

/**
 * The SVG map's view maths, pure (d3-geo only): MapLibre's Web Mercator camera expressed as a d3 projection, so a
 * view (a link's `#view=lng,lat,zoom`, the kiosk's start view) means the same thing on either renderer.
 */

/** MapLibre's world is 512 CSS px wide at zoom 0 and doubles with each zoom level. */
export const WORLD_SIZE = 512;

/** A pan and zoom of the world drawn at zoom 0: screen = k · world + (x, y), with k = 2^zoom (d3-zoom's transform). */
export interface WorldTransform {
  k: number;
  x: number;
  y: number;
}

/** Lng/lat → CSS px of the world at zoom 0: (0, 0) at 180° W on Web Mercator's north edge, as in MapLibre. */
export const worldProjection = (): GeoProjection =>
  geoMercator()
    .scale(WORLD_SIZE / (2 * Math.PI))
    .translate([WORLD_SIZE / 2, WORLD_SIZE / 2]);

/** The projection MapLibre shows for a view on a map of this size: the view's centre at the middle. */
export const viewProjection = (view: CameraView, width: number, height: number): GeoProjection =>
  geoMercator()
    .scale((WORLD_SIZE * 2 ** view.zoom) / (2 * Math.PI))
    .center([view.lng, view.lat])
    .translate([width / 2, height / 2]);

/**
 * World px at zoom 0 for a lng/lat: worldProjection's Mercator written out, so the page's first view does not carry
 * d3-geo's projection machinery (tests/unit/svg-view.test.ts holds the two to the same numbers). Longitudes past
 * ±180 (a line drawn on across the antimeridian, as MapLibre draws it) stay on their side rather than wrapping back.
 */
export function toWorld(lng: number, lat: number): [number, number] {
  const phi = (lat * Math.PI) / 180;
  return [((lng + 180) / 360) * WORLD_SIZE, WORLD_SIZE / 2 - (WORLD_SIZE / (2 * Math.PI)) * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

/** Lng/lat for world px at zoom 0: toWorld undone. */
function fromWorld(x: number, y: number): [number, number] {
  const lat = (2 * Math.atan(Math.exp(((WORLD_SIZE / 2 - y) * 2 * Math.PI) / WORLD_SIZE)) - Math.PI / 2) * (180 / Math.PI);
  return [(x / WORLD_SIZE) * 360 - 180, lat];
}

/**
 * A d3 stream that projects GeoJSON into world px as MapLibre does: planar in Web Mercator, each vertex projected
 * and joined by straight lines (no spherical clipping or resampling, no winding rule to get backwards).
 */
export const worldStream = (): GeoStreamWrapper =>
  geoTransform({
    point(this: { stream: GeoStream }, lng: number, lat: number) {
      const [x, y] = toWorld(lng, lat);
      this.stream.point(x, y);
    },
  });

export function transformForView(view: CameraView, width: number, height: number): WorldTransform {
  const k = 2 ** view.zoom;
  const [wx, wy] = toWorld(view.lng, view.lat);
  return { k, x: width / 2 - k * wx, y: height / 2 - k * wy };
}

export function viewForTransform(t: WorldTransform, width: number, height: number): CameraView {
  const [lng, lat] = fromWorld((width / 2 - t.x) / t.k, (height / 2 - t.y) / t.k);
  return { lng: wrapLongitude(lng), lat, zoom: Math.log2(t.k) };
}

/** MapLibre's fitBounds: the largest zoom (up to maxZoom) at which the bounds fit inside the padding, centred there. */
export function fitTransform(bounds: Bounds, width: number, height: number, padding: Padding, maxZoom = MAX_ZOOM): WorldTransform {
  const [west, south, east0, north] = bounds;
  const east = east0 < west ? east0 + 360 : east0;
  const [x0, y1] = toWorld(west, south);
  const [x1, y0] = toWorld(east, north);
  const innerW = Math.max(1, width - padding.left - padding.right);
  const innerH = Math.max(1, height - padding.top - padding.bottom);
  const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, Math.log2(Math.min(innerW / Math.max(x1 - x0, 1e-9), innerH / Math.max(y1 - y0, 1e-9)))));
  const k = 2 ** zoom;
  return { k, x: padding.left + innerW / 2 - (k * (x0 + x1)) / 2, y: padding.top + innerH / 2 - (k * (y0 + y1)) / 2 };
}
