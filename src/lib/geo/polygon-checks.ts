import { kinks } from '@turf/kinks';
import type { Position } from 'geojson';

export interface PolygonProblem {
  /** The point (0-based, as written) the problem is seen at, when there is one. */
  vertex?: number;
  message: string;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * What is wrong with a zone's outline as a curator writes it (`area.polygon` in places.yaml), in words that say
 * how to fix it; empty when it can be drawn. A zone that crosses the 180° meridian is written with continuous
 * longitudes (170 to 190, not 170 to -170) and is cut at ±180 when derived.
 */
export function areaPolygonProblems(points: ReadonlyArray<Position>): PolygonProblem[] {
  const ring = [...points];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3) return [{ message: 'the polygon needs at least three different points' }];

  for (let i = 1; i < ring.length; i++) {
    const [from, to] = [ring[i - 1]![0]!, ring[i]![0]!];
    if (Math.abs(to - from) > 180) {
      const vertex = i % points.length;
      const continuous = to + (to < from ? 360 : -360);
      return [
        {
          vertex,
          message:
            `the polygon jumps from longitude ${from} to ${to} (points ${i} and ${vertex + 1}), across the 180° meridian or the long way round the world; ` +
            `to cross the meridian, keep longitudes continuous past ±180 (write ${continuous} for ${to}): the zone is cut at ±180° when drawn`,
        },
      ];
    }
  }
  const longitudes = ring.map((p) => p[0]!);
  const span = Math.max(...longitudes) - Math.min(...longitudes);
  if (span > 180) {
    return [{ message: `the polygon spans ${round(span)}° of longitude, more than half the world; a zone may span at most 180°: check the signs of its longitudes` }];
  }
  const crossings = kinks({ type: 'Polygon', coordinates: [ring] }).features.map((f) => f.geometry.coordinates.map(round));
  const unique = [...new Map(crossings.map((c) => [c.join(','), c])).values()];
  if (unique.length > 0) {
    const where = unique.slice(0, 3).map((c) => `[${c.join(', ')}]`).join(', ');
    return [
      {
        message: `the polygon's outline crosses itself at ${where}${unique.length > 3 ? ` and ${unique.length - 3} more` : ''}; list its points in order round the zone, so that no two edges cross`,
      },
    ];
  }
  return [];
}
