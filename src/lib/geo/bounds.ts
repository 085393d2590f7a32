import { bbox } from '@turf/bbox';
import type { GeoJSON } from 'geojson';

/** [west, south, east, north], in degrees. */
export type Bounds = [number, number, number, number];

/** A bounding box rounded to 0.001° (about 100 m): enough to frame a shape, and stable across runs. */
export function roundBounds(b: readonly number[]): Bounds {
  const [w, s, e, n] = b.map((v) => Math.round(v * 1000) / 1000);
  return [w!, s!, e!, n!];
}

/** The rounded bounding box of a geometry, feature or collection. */
export function boundsOf(geojson: GeoJSON): Bounds {
  return roundBounds(bbox(geojson));
}
