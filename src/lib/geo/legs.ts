import { greatCircle } from '@turf/great-circle';
import type { LineString, MultiLineString, Position } from 'geojson';
import { cutAtAntimeridian } from './antimeridian.ts';

/** A route leg as the great-circle arc between its ends, cut at 180° where it crosses it. */
export function legGeometry(from: Position, to: Position, npoints = 64): LineString | MultiLineString {
  if (from[0] === to[0] && from[1] === to[1]) return { type: 'LineString', coordinates: [from, to] };
  const arc = greatCircle(from, to, { npoints }).geometry;
  const path = arc.type === 'LineString' ? arc.coordinates : arc.coordinates.flat();
  const parts = cutAtAntimeridian(path);
  return parts.length === 1
    ? { type: 'LineString', coordinates: parts[0]! }
    : { type: 'MultiLineString', coordinates: parts };
}
