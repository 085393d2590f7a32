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

/** MapLibre's world is 512 CSS px tall (and wide) at zoom 0, doubling with each zoom level. */
const WORLD_PX = 512;
const mercatorY = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

/**
 * Where the camera may be, for a map `height` CSS px tall: within the zoom range, its centre on the world (latitude
 * within Web Mercator's edge), so the world always reaches the map's middle line. MapLibre's own rule keeps the world
 * over the whole map, which moved the geography as a panel closed under it: zoomed in where the world at the widest
 * zoom is shorter than the map (a phone with its sheet closed), and pushed it back from the poles where it is barely
 * taller. Here a panel closing leaves a strip of sea beyond the pole instead, as the SVG map's d3-zoom does.
 */
export function constrainView(lng: number, lat: number, zoom: number, height: number): { lng: number; lat: number; zoom: number } {
  void height; // the map's height no longer bounds the centre: the world need only reach its middle
  return { lng, lat: Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)), zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) };
}

/**
 * The padding a frame keeps clear: the controls' room, each way (across, up and down) where the bounds fit in what it
 * leaves (at least 80 px) even at the widest zoom; where they would not (a phone's short map under the key and two rows
 * of buttons in Spanish), as much of that room as still leaves them space at the widest zoom, shared out in proportion,
 * down to a plain margin. Falling back to the plain margin alone left the network's hubs under the buttons.
 */
export function framePadding(bounds: readonly [number, number, number, number], width: number, height: number, padding: Padding | undefined, margin = 24): Padding {
  if (!padding) return { top: margin, right: margin, bottom: margin, left: margin };
  const [west, south, east0, north] = bounds;
  const east = east0 < west ? east0 + 360 : east0;
  const widest = 2 ** MIN_ZOOM * WORLD_PX;
  const spanX = ((east - west) / 360) * widest;
  const spanY = (mercatorY(Math.max(south, -MAX_LATITUDE)) - mercatorY(Math.min(north, MAX_LATITUDE))) * widest;
  const fitted = { ...padding };
  const fit = (a: keyof Padding, b: keyof Padding, size: number, span: number) => {
    const needed = Math.max(span, 80);
    if (size - padding[a] - padding[b] >= needed) return;
    const spare = Math.max(0, size - needed);
    const scale = spare / (padding[a] + padding[b]);
    fitted[a] = Math.max(Math.min(margin, padding[a]), Math.floor(padding[a] * scale));
    fitted[b] = Math.max(Math.min(margin, padding[b]), Math.floor(padding[b] * scale));
  };
  fit('top', 'bottom', height, spanY);
  fit('left', 'right', width, spanX);
  return fitted;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
/**
 * Where, in a map's own px before a resize, the centre must go so that its geography stays still on the page once the
 * box has become `after`: the old map's point that lies under the new box's middle. A panel opening or closing beside
 * the map or under it then leaves every place where the visitor saw it (issue 32: a phone's map jumped 190 px, and
 * the next tap, aimed at Cusco, opened "United States").
 */
export function stillCentre(before: Box, after: Box): [number, number] {
  return [after.left - before.left + (after.right - after.left) / 2, after.top - before.top + (after.bottom - after.top) / 2];
}

export const hasArea = (b: Box) => b.right > b.left && b.bottom > b.top;
export const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Room a framed view leaves for controls lying on the map: each control pushes in from the edge it needs least room
 * from (a key along the top, buttons down the left, the time bar along the bottom), plus a margin (one across and one
 * up and down, if given so). Never more than `most` of the map's width or height in all, so the framed places keep
 * some room.
 */
export function paddingAround(stage: Box, controls: readonly Box[], margin: number | { x: number; y: number } = 12, most = 0.6): Padding {
  const { x, y } = typeof margin === 'number' ? { x: margin, y: margin } : margin;
  const padding: Padding = { top: y, right: x, bottom: y, left: x };
  for (const c of controls) {
    const need: Padding = { top: c.bottom - stage.top, right: stage.right - c.left, bottom: stage.bottom - c.top, left: c.right - stage.left };
    const side = (Object.keys(need) as Array<keyof Padding>).reduce((a, b) => (need[b] < need[a] ? b : a));
    padding[side] = Math.max(padding[side], need[side] + (side === 'left' || side === 'right' ? x : y));
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
