import { greatCircle } from '@turf/great-circle';
import type { LineString, MultiLineString, Position } from 'geojson';
import { boundsOf, type Bounds } from './bounds.ts';
import { cutAtAntimeridian } from './antimeridian.ts';
import { roundGeometry } from './round.ts';

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

/** A leg's line as published: the arc between its ends' anchors (their label points), rounded as every coordinate is. */
export const legArc = (from: Position, to: Position): LineString | MultiLineString => roundGeometry(legGeometry(from, to));

/** A leg's line and box drawn from its ends (by place id), where routes.page.json leaves them out. */
export type ArcOf = (from: string, to: string) => { line: LineString | MultiLineString; bbox: Bounds };

/**
 * The lines routes.page.json leaves out past the tiles threshold (thousands of legs repeat the same few arcs), drawn
 * again as the derivation drew them: legArc between the ends' anchors and its box, once for each pair of ends.
 * `anchors`: each place's label point, by id (labels.geojson).
 */
export function arcsFrom(anchors: ReadonlyMap<string, Position>): ArcOf {
  const arcs = new Map<string, ReturnType<ArcOf>>();
  const anchorOf = (place: string) => {
    const at = anchors.get(place);
    if (!at) throw new Error(`routes.page.json: a leg ends at place "${place}", which labels.geojson does not have. Run "npm run derive" again.`);
    return at;
  };
  return (from, to) => {
    const key = `${from}\u0000${to}`;
    let arc = arcs.get(key);
    if (!arc) {
      const line = legArc(anchorOf(from), anchorOf(to));
      arcs.set(key, (arc = { line, bbox: boundsOf(line) }));
    }
    return arc;
  };
}
