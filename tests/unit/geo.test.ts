import { describe, expect, it } from 'vitest';
import { cutAtAntimeridian, unwrapRing } from '../../src/lib/geo/antimeridian.ts';
import { legGeometry } from '../../src/lib/geo/legs.ts';
import { anchorPoint } from '../../src/lib/geo/places.ts';
import { basemapCountries } from '../../src/lib/geo/countries.ts';
import { loadWorldAtlas } from '../../src/build/corpus-files.ts';

describe('antimeridian cutting (RFC 7946 §3.1.9)', () => {
  it.each([
    { name: 'eastward', path: [[170, 10], [-170, 20]], expected: [[[170, 10], [180, 15]], [[-180, 15], [-170, 20]]] },
    { name: 'westward', path: [[-170, 20], [170, 10]], expected: [[[-170, 20], [-180, 15]], [[180, 15], [170, 10]]] },
    { name: 'not crossing', path: [[-80, 20], [2, 48]], expected: [[[-80, 20], [2, 48]]] },
  ])('$name', ({ path, expected }) => {
    expect(cutAtAntimeridian(path)).toEqual(expected);
  });

  it('cuts a great-circle leg from Tokyo to San Francisco into two parts that meet at ±180°', () => {
    const leg = legGeometry([139.7, 35.7], [-122.4, 37.8]);
    expect(leg.type).toBe('MultiLineString');
    if (leg.type !== 'MultiLineString') return;
    const [west, east] = leg.coordinates;
    expect(west!.at(-1)![0]).toBe(180);
    expect(east![0]![0]).toBe(-180);
    expect(west!.at(-1)![1]).toBeCloseTo(east![0]![1]!, 9);
    for (const p of leg.coordinates.flat()) expect(Math.abs(p[0]!)).toBeLessThanOrEqual(180);
  });

  it('keeps a leg that does not cross as one arc, curved along the great circle', () => {
    const leg = legGeometry([-82.38, 23.13], [2.35, 48.85]);
    expect(leg.type).toBe('LineString');
    if (leg.type !== 'LineString') return;
    expect(leg.coordinates[0]).toEqual([-82.38, 23.13]);
    expect(leg.coordinates.at(-1)).toEqual([2.35, 48.85]);
    const maxLat = Math.max(...leg.coordinates.map((p) => p[1]!));
    expect(maxLat).toBeGreaterThan(48.85); // a great circle bows towards the pole
  });

  it('unwraps basemap rings so Russia and Fiji do not draw as bands across the map', () => {
    expect(unwrapRing([[179, 1], [-179, 1], [-179, 2], [179, 2]])).toEqual([[179, 1], [181, 1], [181, 2], [179, 2]]);
    const basemap = basemapCountries(loadWorldAtlas().basemap110m);
    for (const f of basemap.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!), String(f.properties.name)).toBeLessThan(180);
    }
  });
});

describe('anchor points', () => {
  it('puts a country’s label inside its largest part', () => {
    const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];
    expect(anchorPoint({ type: 'MultiPolygon', coordinates: [square(0, 0, 1), square(10, 10, 4)] })).toEqual([12, 12]);
    expect(anchorPoint({ type: 'Point', coordinates: [2, 48] })).toEqual([2, 48]);
  });
});
