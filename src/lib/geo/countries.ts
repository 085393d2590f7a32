import { feature, merge } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, FeatureCollection } from 'geojson';
import { unwrapRing } from './antimeridian.ts';

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
  const mergeShapes = (ids: readonly string[]) => merge(topology, wanted(ids) as Parameters<typeof merge>[1]);
  return Object.assign(byId, { mergeShapes });
}

// Antarctica encloses the pole: its ring cannot be unwrapped, and no document mentions it.
const LEFT_OUT_OF_BASEMAP = new Set(['010']);

/** The basemap's country shapes, with rings that cross 180° unwrapped so they draw whole. */
export function basemapCountries(topology: Topology): FeatureCollection<Polygon | MultiPolygon, { name: string }> {
  const features: CountryFeature[] = [];
  for (const [id, f] of countriesById(topology)) {
    if (LEFT_OUT_OF_BASEMAP.has(id)) continue;
    const g = f.geometry;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map(unwrapRing) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
    features.push({ type: 'Feature', id, properties: { name: f.properties.name }, geometry });
  }
  features.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return { type: 'FeatureCollection', features };
}
