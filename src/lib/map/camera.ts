import type { MapView } from './renderer.ts';

/** The map's zoom range: the map is created with it, and a view from outside (a link) must fall inside it. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 9;
/** Web Mercator's edge: MapLibre cannot centre the map further north or south. */
export const MAX_LATITUDE = 85.051129;

/** The same meridian, as a longitude in [-180, 180); a longitude already in range is returned as it is. */
export function wrapLongitude(lng: number): number {
  if (lng >= -180 && lng < 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/**
 * A view the map can show, or null: longitude wrapped into [-180, 180) (any finite one names a meridian),
 * latitude within Web Mercator's edge and zoom within the map's range (beyond them there is nothing to show).
 */
export function mappableView(lng: number, lat: number, zoom: number): MapView | null {
  if (![lng, lat, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lat) > MAX_LATITUDE || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  return { lng: wrapLongitude(lng), lat, zoom };
}
