import type { CameraView } from '../atlas/contract.ts';

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
export function mappableView(lng: number, lat: number, zoom: number): CameraView | null {
  if (![lng, lat, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lat) > MAX_LATITUDE || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  return { lng: wrapLongitude(lng), lat, zoom };
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Room a framed view leaves for controls lying on the map: each control pushes in from the edge it needs least room
 * from (a key along the top, buttons down the left, the time bar along the bottom), plus a margin. Never more than
 * `most` of the map's width or height in all, so the framed places keep some room.
 */
export function paddingAround(stage: Box, controls: readonly Box[], margin = 12, most = 0.6): Padding {
  const padding: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  for (const c of controls) {
    const need: Padding = { top: c.bottom - stage.top, right: stage.right - c.left, bottom: stage.bottom - c.top, left: c.right - stage.left };
    const side = (Object.keys(need) as Array<keyof Padding>).reduce((a, b) => (need[b] < need[a] ? b : a));
    padding[side] = Math.max(padding[side], need[side] + margin);
  }
  const fit = (a: keyof Padding, b: keyof Padding, size: number) => {
    const scale = Math.min(1, (size * most) / (padding[a] + padding[b]));
    padding[a] = Math.round(padding[a] * scale);
    padding[b] = Math.round(padding[b] * scale);
  };
  fit('top', 'bottom', stage.bottom - stage.top);
  fit('left', 'right', stage.right - stage.left);
  return padding;
}
