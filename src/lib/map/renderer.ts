import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AtlasMeta, Bounds, CameraView, FeatureRef, LegEmphasis, RendererKind, Visibility } from '../atlas/contract.ts';
import type { Padding } from './camera.ts';

export interface MapData {
  places: FeatureCollection;
  labels: FeatureCollection;
  legs: FeatureCollection;
  /** `tiles`: past the derivation's size threshold, MapLibre draws from this archive instead (the SVG map keeps the GeoJSON). */
  meta?: Pick<AtlasMeta, 'tiles'>;
}

/**
 * What the page asks of whatever draws the map. MapLibre's controller implements it; without WebGL the page runs on
 * the map-free one below. Another renderer plugs in by implementing it too.
 */
export interface MapRenderer {
  readonly kind: RendererKind;
  /** The MapLibre map (window.atlas.map, for tests and operators); null when MapLibre is not drawing. */
  readonly map: MapLibreMap | null;
  setData(data: MapData): Promise<void>;
  select(ref: FeatureRef | null): void;
  /** Shows only these places and legs (null: all). */
  setVisible(visible: Visibility): void;
  /** Emphasis per leg id; legs not named lose any emphasis. */
  emphasizeLegs(emphasis: Map<string, LegEmphasis>): void;
  /** Places a journey step shows together (a move within an area), highlighted like a selection. */
  emphasizePlaces(ids: readonly string[]): void;
  frame(bounds: Bounds, maxZoom?: number, padding?: Padding): void;
  /** The camera as drawn at this moment (null: no map draws one). */
  view(): CameraView | null;
  /** The element the map is drawn in, whose size is the map's (null: no map). */
  readonly container: HTMLElement | null;
  jumpTo(view: CameraView): void;
  zoomBy(delta: number): void;
  /** Resolves the next time the map has drawn everything it has and is still. */
  whenIdle(): Promise<void>;
  destroy(): void;
}

/**
 * No map at all: nothing to draw, frame or zoom. A view handed in (from a shared link, or the kiosk's start view) is
 * reported back as the current one, so the address keeps it for a machine that can draw it.
 */
export function createNoMapRenderer(onViewChange?: (view: CameraView) => void): MapRenderer {
  return {
    kind: 'none',
    map: null,
    setData: () => Promise.resolve(),
    select() {},
    setVisible() {},
    emphasizeLegs() {},
    emphasizePlaces() {},
    frame() {},
    view: () => null,
    container: null,
    jumpTo: (view) => onViewChange?.(view),
    zoomBy() {},
    whenIdle: () => Promise.resolve(),
    destroy() {},
  };
}
