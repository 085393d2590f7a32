import { intersect } from '@turf/intersect';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Splits a path wherever it jumps across the 180° meridian, adding the crossing point to both
 * sides (at +180 and -180, latitude interpolated), as RFC 7946 section 3.1.9 asks.
 */
export function cutAtAntimeridian(path: Position[]): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (const point of path) {
    const prev = current[current.length - 1];
    if (prev && Math.abs(point[0]! - prev[0]!) > 180) {
      const eastward = prev[0]! > point[0]!; // e.g. 179 → -179 goes east across 180
      const unwrappedLon = point[0]! + (eastward ? 360 : -360);
      const edge = eastward ? 180 : -180;
      const t = (edge - prev[0]!) / (unwrappedLon - prev[0]!);
      const lat = prev[1]! + t * (point[1]! - prev[1]!);
      current.push([edge, lat]);
      parts.push(current);
      current = [[-edge, lat]];
    }
    current.push(point);
  }
  parts.push(current);
  return parts.filter((p) => p.length >= 2);
}

/**
 * Makes a ring's longitudes continuous (179, 181 rather than 179, -179) so a renderer that wraps
 * worlds draws it whole instead of as a band across the map. Used only for the basemap.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let offset = 0;
  return ring.map((point, i) => {
    const prev = ring[i - 1];
    if (prev) {
      const jump = point[0]! - prev[0]!;
      if (jump > 180) offset -= 360;
      else if (jump < -180) offset += 360;
    }
    return [point[0]! + offset, point[1]!];
  });
}

const WORLD: Polygon = { type: 'Polygon', coordinates: [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]] };
const shifted = (polygons: Position[][][], dx: number) => polygons.map((p) => p.map((ring) => ring.map(([x, y]) => [x! + dx, y!])));

/**
 * Polygons whose longitudes run on past ±180 (unwrapped: 179, 181 rather than 179, -179), cut at the meridian
 * into parts that lie within ±180 as RFC 7946 section 3.1.9 asks: the part beyond is moved a world over.
 * The result is also repaired: the clipping (polyclip, via turf) reads a ring that crosses itself by the
 * non-zero rule and returns non-overlapping parts whose rings do not cross. Undefined when nothing is left.
 */
export function cutPolygonsAtAntimeridian(polygons: Position[][][]): Polygon | MultiPolygon | undefined {
  const all: MultiPolygon = { type: 'MultiPolygon', coordinates: [...polygons, ...shifted(polygons, 360), ...shifted(polygons, -360)] };
  const cut = intersect({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: all },
      { type: 'Feature', properties: {}, geometry: WORLD },
    ],
  });
  return cut?.geometry;
}
