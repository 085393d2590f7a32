import { describe, expect, it } from 'vitest';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import { cutAtAntimeridian, cutPolygonsAtAntimeridian, unwrapRing } from '../../src/lib/geo/antimeridian.ts';
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

  it('cuts basemap shapes at ±180° so Russia and Fiji draw whole, within the world, not as bands across the map', () => {
    expect(unwrapRing([[179, 1], [-179, 1], [-179, 2], [179, 2]])).toEqual([[179, 1], [181, 1], [181, 2], [179, 2]]);
    const basemap = basemapCountries(loadWorldAtlas().basemap110m);
    for (const f of basemap.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!), String(f.properties.name)).toBeLessThan(180);
        for (const p of ring) expect(Math.abs(p[0]!), String(f.properties.name)).toBeLessThanOrEqual(180);
      }
    }
  });

  it('cuts a polygon written past 180° into two parts that meet at ±180°, and repairs one whose ring crosses itself', () => {
    const cut = cutPolygonsAtAntimeridian([[[[170, -10], [190, -10], [190, 10], [170, 10], [170, -10]]]]);
    expect(cut?.type).toBe('MultiPolygon');
    const parts = cut?.type === 'MultiPolygon' ? cut.coordinates : [];
    const spans = parts.map((poly) => [Math.min(...poly[0]!.map((p) => p[0]!)), Math.max(...poly[0]!.map((p) => p[0]!))]).sort((a, b) => a[0]! - b[0]!);
    expect(spans).toEqual([[-180, -170], [170, 180]]);
    // A bow tie comes back as its two triangles, each valid, meeting only at the crossing.
    const bowTie = cutPolygonsAtAntimeridian([[[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]]);
    expect(kinks({ type: 'Polygon', coordinates: [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]] }).features.length).toBeGreaterThan(0);
    const triangles = bowTie?.type === 'MultiPolygon' ? bowTie.coordinates : [];
    expect(triangles).toHaveLength(2);
    for (const coordinates of triangles) {
      const part = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates } };
      expect([booleanValid(part), kinks(part).features.length, coordinates[0]!.length]).toEqual([true, 0, 4]);
      expect(coordinates[0]!).toContainEqual([5, 5]);
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
