import { kinks } from '@turf/kinks';
import type { Position } from 'geojson';

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * What is wrong with a zone's outline as a curator writes it (`area.polygon`, or a polygon in `area.parts`), in
 * words that say how to fix it; undefined when it can be drawn. An outline that crosses itself has no inside
 * renderers agree on; one whose edge jumps more than 180° of longitude would be drawn the long way round the world,
 * so a zone across the 180° meridian is written as two parts, one on each side.
 */
export function areaPolygonProblem(points: ReadonlyArray<Position>): string | undefined {
  const ring = [...points];
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  if (new Set(ring.map((p) => `${p[0]},${p[1]}`)).size < 3) return 'the polygon needs at least three different points';
  for (let i = 1; i < ring.length; i++) {
    const [from, to] = [ring[i - 1]![0]!, ring[i]![0]!];
    if (Math.abs(to - from) > 180) {
      return (
        `the polygon's edge from point ${i} to point ${(i % points.length) + 1} jumps from longitude ${from} to ${to}, across the 180° meridian; ` +
        'write the zone as "parts:", one polygon on each side of the meridian, ending at 180 and -180'
      );
    }
  }
  const crossings = kinks({ type: 'Polygon', coordinates: [ring] }).features.map((f) => f.geometry.coordinates.map(round));
  const unique = [...new Map(crossings.map((c) => [c.join(','), c])).values()];
  if (unique.length === 0) return undefined;
  const where = unique.slice(0, 3).map((c) => `[${c.join(', ')}]`).join(', ');
  return `the polygon's outline crosses itself at ${where}${unique.length > 3 ? ` and ${unique.length - 3} more` : ''}; list its points in order round the zone, so that no two edges cross`;
}
