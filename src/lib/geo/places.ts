import { circle } from '@turf/circle';
import { bboxClip } from '@turf/bbox-clip';
import { area } from '@turf/area';
import { centroid } from '@turf/centroid';
import { pointOnFeature } from '@turf/point-on-feature';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CountryIndex } from './countries.ts';
import { cutPolygonsAtAntimeridian } from './antimeridian.ts';
import type { CircleSpec, NaturalEarthRef, PlaceShape } from './shapes.ts';

export type PlaceGeometry = Point | Polygon | MultiPolygon;

export class GeometryProblem extends Error {}

export function naturalEarthShape(ref: NaturalEarthRef, countries: CountryIndex): Polygon | MultiPolygon {
  const country = countries.get(ref.natural_earth_id);
  if (!country) throw new GeometryProblem(`no Natural Earth country has id "${ref.natural_earth_id}"`);
  if (country.properties.name !== ref.natural_earth_name) {
    throw new GeometryProblem(
      `Natural Earth country ${ref.natural_earth_id} is "${country.properties.name}", not "${ref.natural_earth_name}"; fix the id or the name`,
    );
  }
  let shape: Polygon | MultiPolygon = country.geometry;
  if (ref.merge) {
    const unknown = ref.merge.filter((id) => !countries.has(id));
    if (unknown.length) throw new GeometryProblem(`"merge" names ${unknown.map((id) => `"${id}"`).join(', ')}, which no Natural Earth country has as its id`);
    shape = countries.mergeShapes([ref.natural_earth_id, ...ref.merge]);
  }
  if (!ref.clip) return shape;
  const clipped = bboxClip(shape, ref.clip).geometry as Polygon | MultiPolygon;
  const polygons: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  const kept = polygons.filter((poly) => poly.length > 0 && (poly[0]?.length ?? 0) >= 4);
  if (kept.length === 0) throw new GeometryProblem(`clip ${JSON.stringify(ref.clip)} leaves nothing of ${ref.natural_earth_name}`);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

/** The shape a place is drawn with: a pin only where the documents name a precise place. */
export function placeGeometry(place: PlaceShape, countries: CountryIndex): PlaceGeometry {
  if (place.precision === 'point') {
    if (!place.point) throw new GeometryProblem('a place with precision "point" needs "point: [longitude, latitude]"');
    return { type: 'Point', coordinates: place.point };
  }
  if (place.precision === 'country') {
    if (!place.country) throw new GeometryProblem('a place with precision "country" needs "country: { natural_earth_id, natural_earth_name }"');
    return naturalEarthShape(place.country, countries);
  }
  const spec = place.area;
  if (!spec) throw new GeometryProblem('a place with precision "area" needs "area:" with a circle, polygon or country');
  if (spec.circle) return circleZone(spec.circle);
  if (spec.polygon) return polygonZone(spec.polygon);
  if (spec.parts) {
    const parts = spec.parts.map((part) => (part.circle ? circleZone(part.circle) : polygonZone(part.polygon!)));
    return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.coordinates)) };
  }
  return naturalEarthShape(spec.country!, countries);
}

function circleZone(spec: CircleSpec): Polygon {
  return circle(spec.center, spec.radius_km, { steps: 48, units: 'kilometers' }).geometry;
}

function polygonZone(points: Array<[number, number]>): Polygon | MultiPolygon {
  const ring = [...points];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push(first);
  if (ring.some((p) => Math.abs(p[0]) > 180)) {
    // Written with longitudes past ±180 to cross the meridian (polygon-checks.ts): cut there.
    const cut = cutPolygonsAtAntimeridian([[ring]]);
    if (!cut) throw new GeometryProblem('the polygon encloses no area');
    return cut;
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** Where a label (and the end of a route leg) sits: inside the largest part of a shape. */
export function anchorPoint(geometry: PlaceGeometry): Position {
  if (geometry.type === 'Point') return geometry.coordinates;
  const parts: Polygon[] =
    geometry.type === 'Polygon'
      ? [geometry]
      : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  const largest = parts.reduce((a, b) => (area(b) > area(a) ? b : a));
  const c = centroid(largest).geometry;
  return booleanPointInPolygon(c, largest) ? c.coordinates : pointOnFeature(largest).geometry.coordinates;
}
