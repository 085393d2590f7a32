import type { Position } from 'geojson';

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
