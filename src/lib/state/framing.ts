import type { AtlasData, Bounds, CameraView, FeatureRef } from '../atlas/contract.ts';
import { networkOf } from '../corpus/queries.ts';
import { toWorld, transformForView } from '../map/svg-view.ts';

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
  const { legs, others } = networkOf(data, place.id);
  const ends = others.map((id) => data.places.features.find((f) => f.properties.id === id)?.properties.bbox).filter((b) => b !== undefined);
  const around = union([place.bbox, ...legs.map((l) => l.bbox), ...ends]);
  if (legs.length && around[2] - around[0] <= WORLD_SPAN) return { bounds: around, maxZoom };
  return { bounds: place.bbox, maxZoom };
}

/** What the visitor can see of the map: its size in px and the room its panels and controls take at the edges. */
export interface Sight {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

/** Under this many px across, a country, zone or leg is too small to read or tap again: a tap on it frames it. */
export const SMALL_MARK_PX = 32;
/** A pin closer than this to the edge of what can be seen is half hidden: its label and its ring are cut. */
const PIN_EDGE_PX = 24;

/** Where a longitude/latitude falls on the map of this view, in px from its top-left: the same Web Mercator as both renderers (svg-view.ts). */
export function projectInView([lng, lat]: [number, number], view: CameraView, size: { width: number; height: number }): [number, number] {
  const t = transformForView(view, size.width, size.height);
  const [x, y] = toWorld(lng, lat);
  return [t.k * x + t.x, t.k * y + t.y];
}

/**
 * After a tap, whether the camera frames the mark tapped: only where the visitor has not moved the map themselves
 * (a visitor who has is never yanked away from the view they chose), and then only for a mark that is partly out of
 * sight (under a panel, past an edge) or too small to read. A mark in plain view leaves the camera where it is.
 */
export function frameAfterTap(data: AtlasData, ref: FeatureRef, view: CameraView, sight: Sight, visitorMoved: boolean): { bounds: Bounds; maxZoom: number } | null {
  if (visitorMoved) return null;
  const feature = ref.kind === 'leg' ? data.legs.features.find((f) => f.properties.id === ref.id) : data.places.features.find((f) => f.properties.id === ref.id);
  if (!feature) return null;
  const [w, s, e, n] = feature.properties.bbox;
  const [x0, y1] = projectInView([w, s], view, sight);
  const [x1, y0] = projectInView([e, n], view, sight);
  const seen = { left: sight.padding.left, top: sight.padding.top, right: sight.width - sight.padding.right, bottom: sight.height - sight.padding.bottom };
  const isPin = ref.kind === 'place' && 'precision' in feature.properties && feature.properties.precision === 'point';
  const edge = isPin ? PIN_EDGE_PX : 0;
  const inSight = x0 >= seen.left + edge && x1 <= seen.right - edge && y0 >= seen.top + edge && y1 <= seen.bottom - edge;
  const small = !isPin && Math.max(x1 - x0, y1 - y0) < SMALL_MARK_PX;
  return inSight && !small ? null : frameFor(data, ref);
}
