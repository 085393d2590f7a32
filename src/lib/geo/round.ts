import type { Geometry, Position } from 'geojson';

/** Five decimals is about a metre: far finer than any place here, and keeps output byte-stable. */
export function roundPosition(p: Position, digits = 5): Position {
  const f = 10 ** digits;
  return p.map((v) => Math.round(v * f) / f + 0); // + 0 turns -0 into 0
}

export function roundGeometry<G extends Geometry>(g: G, digits = 5): G {
  const r = (p: Position) => roundPosition(p, digits);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: r(g.coordinates) };
    case 'LineString':
    case 'MultiPoint':
      return { ...g, coordinates: g.coordinates.map(r) };
    case 'Polygon':
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map((l) => l.map(r)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((l) => l.map(r))) };
    default:
      return g;
  }
}
