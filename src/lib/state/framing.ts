import type { AtlasData, Bounds, FeatureRef } from '../atlas/contract.ts';
import { connectionsOf } from '../corpus/queries.ts';

/** Wider than this (degrees of longitude), a place's connections span the world: the place is framed alone. */
const WORLD_SPAN = 150;

/** How far in a frame may zoom: a city's pin to a readable street-free view, a country or zone to its own extent. */
export const READABLE_ZOOM = { point: 5, shape: 4.5 } as const;

const union = (boxes: Bounds[]): Bounds => [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];

/**
 * What the camera frames for a chosen feature (a search result, a list entry, a shared link, a place named in the
 * reader): a place with the legs that touch it and the places at their other ends, or the place alone at a readable
 * zoom where they span the world (or it has none); a leg with its two ends.
 */
export function frameFor(data: AtlasData, ref: FeatureRef): { bounds: Bounds; maxZoom: number } | null {
  if (ref.kind === 'leg') {
    const leg = data.legs.features.find((f) => f.properties.id === ref.id)?.properties;
    return leg ? { bounds: leg.bbox, maxZoom: READABLE_ZOOM.shape } : null;
  }
  const place = data.places.features.find((f) => f.properties.id === ref.id)?.properties;
  if (!place) return null;
  const maxZoom = place.precision === 'point' ? READABLE_ZOOM.point : READABLE_ZOOM.shape;
  const { legs, others } = connectionsOf(data, place.id);
  const ends = others.map((id) => data.places.features.find((f) => f.properties.id === id)?.properties.bbox).filter((b) => b !== undefined);
  const around = union([place.bbox, ...legs.map((l) => l.bbox), ...ends]);
  if (legs.length && around[2] - around[0] <= WORLD_SPAN) return { bounds: around, maxZoom };
  return { bounds: place.bbox, maxZoom };
}
