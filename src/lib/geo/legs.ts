import { greatCircle } from '@turf/great-circle';
import type { Feature, FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
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

/**
 * Legs published without their lines (legs.page.geojson past the tiles threshold, where thousands of legs repeat the
 * same few arcs) with each line drawn again as the derivation drew it: legArc between its ends' anchors, once for
 * each pair of ends. `anchors`: each place's label point, by id (labels.geojson).
 */
export function withLegArcs<P extends { id: string; from: string; to: string }>(
  legs: FeatureCollection<LineString | MultiLineString | null, P>,
  anchors: ReadonlyMap<string, Position>,
): FeatureCollection<LineString | MultiLineString, P> {
  const arcs = new Map<string, LineString | MultiLineString>();
  const anchorOf = (leg: P, place: string) => {
    const at = anchors.get(place);
    if (!at) throw new Error(`legs.page.geojson: leg "${leg.id}" ends at place "${place}", which labels.geojson does not have. Run "npm run derive" again.`);
    return at;
  };
  const features = legs.features.map((feature): Feature<LineString | MultiLineString, P> => {
    if (feature.geometry) return feature as Feature<LineString | MultiLineString, P>;
    const leg = feature.properties;
    const key = `${leg.from}\u0000${leg.to}`;
    let geometry = arcs.get(key);
    if (!geometry) arcs.set(key, (geometry = legArc(anchorOf(leg, leg.from), anchorOf(leg, leg.to))));
    return { ...feature, geometry };
  });
  return { ...legs, features };
}
