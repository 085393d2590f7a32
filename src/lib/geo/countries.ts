import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, FeatureCollection } from 'geojson';
import { unwrapRing } from './antimeridian.ts';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/** Natural Earth countries from a world-atlas topology, keyed by their ISO 3166 numeric id. */
export function countriesById(topology: Topology): Map<string, CountryFeature> {
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const byId = new Map<string, CountryFeature>();
  for (const f of (collection as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features) {
    if (f.id !== undefined) byId.set(String(f.id), f as CountryFeature);
  }
  return byId;
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
