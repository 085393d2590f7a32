import { feature, merge } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, FeatureCollection, Position } from 'geojson';
import { area } from '@turf/area';
import { kinks } from '@turf/kinks';
import { cutPolygonsAtAntimeridian, unwrapRing } from './antimeridian.ts';
import { roundGeometry } from './round.ts';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** Natural Earth countries by ISO 3166 numeric id, and a way to draw several as one state. */
export type CountryIndex = Map<string, CountryFeature> & {
  /** The countries' shapes merged through the topology's shared arcs, so inner borders vanish. */
  mergeShapes(ids: readonly string[]): MultiPolygon;
};

/** Natural Earth countries from a world-atlas topology, keyed by their ISO 3166 numeric id. */
export function countriesById(topology: Topology): CountryIndex {
  const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
  const collection = feature(topology, countries);
  const byId = new Map<string, CountryFeature>();
  for (const f of (collection as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features) {
    if (f.id !== undefined) byId.set(String(f.id), f as CountryFeature);
  }
  const wanted = (ids: readonly string[]) => countries.geometries.filter((g) => g.id !== undefined && ids.includes(String(g.id)));
  // merge() wants Polygon/MultiPolygon geometries; world-atlas countries are only those.
  const mergeShapes = (ids: readonly string[]): MultiPolygon => {
    const merged = merge(topology, wanted(ids) as Parameters<typeof merge>[1]);
    // A merged state that crosses the 180° meridian (the Soviet Union) would draw as bands across the world: cut it there.
    const cut = cutPolygonsAtAntimeridian(merged.coordinates.map((poly) => poly.map(unwrapRing)));
    if (!cut) return merged;
    return cut.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [cut.coordinates] } : cut;
  };
  return Object.assign(byId, { mergeShapes });
}

// Antarctica encloses the pole: its ring cannot be unwrapped, and no document mentions it.
const LEFT_OUT_OF_BASEMAP = new Set(['010']);

type Polygons = Position[][][];
const key = (p: Position) => `${p[0]},${p[1]}`;

/** Rounded, with the repeated points rounding leaves taken out. */
function roundPolygons(polygons: Polygons, digits: number): Polygons {
  return polygons.map((poly) => poly.map((ring) => roundGeometry({ type: 'LineString', coordinates: ring }, digits).coordinates.filter((p, i, r) => i === 0 || key(p) !== key(r[i - 1]!))));
}

/** Beyond ±180, a ring too small to be one, or edges that cross: what RFC 7946, GDAL and turf refuse. */
function needsRepair(polygons: Polygons): boolean {
  const rings = polygons.flat();
  if (rings.some((ring) => ring.length < 4 || ring.some((p) => Math.abs(p[0]!) > 180))) return true;
  // Polygon by polygon: the parts of one country do not overlap in the source, and it is four times faster.
  return polygons.some((coordinates) => kinks({ type: 'Polygon', coordinates }).features.length > 0);
}

/**
 * A ring that crosses itself comes out of the clipping as parts that touch at the crossing (Sudan's border with
 * South Sudan in the 1:110m data). GDAL accepts that, turf does not: the smaller part, a sliver, is left out.
 */
function withoutTouchingParts(polygons: Polygons): Polygons {
  const kept: Polygons = [];
  const taken = new Set<string>();
  const byArea = [...polygons].sort((a, b) => area({ type: 'Polygon', coordinates: b }) - area({ type: 'Polygon', coordinates: a }));
  for (const poly of byArea) {
    const vertices = poly.flat().map(key);
    if (vertices.some((v) => taken.has(v))) continue;
    for (const v of vertices) taken.add(v);
    kept.push(poly);
  }
  return polygons.filter((poly) => kept.includes(poly));
}

function repair(polygons: Polygons, digits: number): Polygons {
  const cut = cutPolygonsAtAntimeridian(polygons);
  if (!cut) return [];
  const parts = roundPolygons(cut.type === 'Polygon' ? [cut.coordinates] : cut.coordinates, digits)
    .map((poly) => poly.filter((ring) => ring.length >= 4))
    .filter((poly) => poly.length > 0);
  return withoutTouchingParts(parts);
}

/**
 * The basemap's country shapes, published as data: within ±180 (a shape that crosses it, Russia or Fiji, is cut
 * there into parts, so it draws whole and not as a band across the map), rounded to `digits` decimals, and
 * repaired where the source or the rounding leaves rings that cross or collapse, so every feature is valid.
 */
export function basemapCountries(topology: Topology, digits = 3): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  const features: CountryFeature[] = [];
  for (const [id, f] of countriesById(topology)) {
    if (LEFT_OUT_OF_BASEMAP.has(id)) continue;
    const g = f.geometry;
    const rounded = roundPolygons((g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((poly) => poly.map(unwrapRing)), digits);
    const polygons = needsRepair(rounded) ? repair(rounded, digits) : rounded;
    if (polygons.length === 0) continue;
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
    features.push({ type: 'Feature', id, properties: { name: f.properties.name }, geometry });
  }
  features.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return { type: 'FeatureCollection', features };
}
