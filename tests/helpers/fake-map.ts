import { vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { ControlledMap } from '../../src/lib/map/controller.ts';

export type QueryBox = [[number, number], [number, number]];
/** What the fake map draws, for a test of what a tap picks: its rendered features and its projection. */
export interface FakeScene {
  /** queryRenderedFeatures(box, { layers }): the features drawn in the box on those layers (with `layer.id`, `source`, `geometry`, `properties`). */
  query?: (where: QueryBox | [number, number], layers: string[]) => unknown[];
  project?: (lngLat: [number, number]) => { x: number; y: number };
  unproject?: (point: [number, number]) => { lng: number; lat: number };
}

/** A feature as MapLibre would have drawn it on a layer: geometry in screen px (the fake projects lng/lat as px). */
export interface DrawnFeature {
  layer: string;
  source: string;
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: Array<[number, number]> } | { type: 'Polygon'; coordinates: Array<Array<[number, number]>> };
  /** How far round its geometry it is drawn (a hit layer's radius, half a line's width), in px. */
  reach?: number;
}

/**
 * queryRenderedFeatures over drawn features, as MapLibre answers it: those on the asked layers whose drawn extent
 * (geometry's bounding box grown by its reach) meets the point or box asked about.
 */
export function drawnFeatures(features: readonly DrawnFeature[]): NonNullable<FakeScene['query']> {
  return (where, layers) => {
    const [[qx0, qy0], [qx1, qy1]] = typeof where[0] === 'number' ? [where as [number, number], where as [number, number]] : (where as QueryBox);
    return features
      .filter((f) => layers.includes(f.layer))
      .filter((f) => {
        const points = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.type === 'LineString' ? f.geometry.coordinates : f.geometry.coordinates.flat();
        const r = f.reach ?? 0;
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        return Math.min(...xs) - r <= qx1 && Math.max(...xs) + r >= qx0 && Math.min(...ys) - r <= qy1 && Math.max(...ys) + r >= qy0;
      })
      .map((f) => ({ layer: { id: f.layer }, source: f.source, properties: { id: f.id }, geometry: f.geometry }));
  };
}

/** The map's box on the page, as the controller measures it; `box` is the test's to change (a panel opening beside it). */
export function createFakeContainer(box = { left: 0, top: 0, right: 800, bottom: 600 }) {
  return { box, element: { style: {}, getBoundingClientRect: () => ({ ...box, width: box.right - box.left, height: box.bottom - box.top }) } as unknown as HTMLElement };
}

type Listener = (event: unknown) => void;

/**
 * A MapLibre map reduced to what the controller uses (ControlledMap): it records listeners, data and feature states,
 * and fires events when the test says. Only what the controller reads back is modelled.
 */
export function createFakeMap(scene: FakeScene = {}) {
  const listeners = new Map<string, Set<Listener>>();
  const domListeners = new Map<string, Set<EventListenerOrEventListenerObject>>();
  const data = new Map<string, FeatureCollection>();
  const states = new Map<string, Record<string, unknown>>();
  const filters = new Map<string, unknown>();
  /** The style's sources and layers the controller added or removed after the style loaded (ids in order). */
  const style = { added: { sources: new Map<string, unknown>(), layers: [] as Array<{ id: string; source?: string; 'source-layer'?: string }> }, removed: { sources: [] as string[], layers: [] as string[] }, layout: new Map<string, unknown>() };
  const listen = (type: string, fn: Listener) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(fn);
  };
  const canvasContainer = {
    addEventListener: (type: string, fn: EventListenerOrEventListenerObject) => {
      if (!domListeners.has(type)) domListeners.set(type, new Set());
      domListeners.get(type)!.add(fn);
    },
    removeEventListener: (type: string, fn: EventListenerOrEventListenerObject) => domListeners.get(type)?.delete(fn),
    getBoundingClientRect: () => ({ left: 0, top: 0, width: 800, height: 600 }),
  };
  const canvas = { style: { cursor: '' }, getBoundingClientRect: () => ({ width: 800, height: 600 }) };
  const stateKey = (target: { source: string; sourceLayer?: string; id?: string | number }) => `${target.source}${target.sourceLayer ? `/${target.sourceLayer}` : ''}:${String(target.id)}`;
  /** What MapLibre would answer: the test sets it. */
  const status = { moving: false, tilesLoaded: true, loaded: true };
  const drawFrame = vi.fn(); // MapLibre's own triggerRepaint, which the controller wraps
  const map = {
    on: (type: string, fn: Listener) => (listen(type, fn), map),
    once: (type: string, fn: Listener) => {
      const wrapped: Listener = (e) => {
        listeners.get(type)?.delete(wrapped);
        fn(e);
      };
      listen(type, wrapped);
      return map;
    },
    off: (type: string, fn: Listener) => (listeners.get(type)?.delete(fn), map),
    touchZoomRotate: { disableRotation: vi.fn() },
    keyboard: { disableRotation: vi.fn() },
    hasImage: () => false,
    addImage: vi.fn(),
    getSource: (id: string) => ({ setData: (fc: FeatureCollection) => data.set(id, fc) }),
    addSource: (id: string, source: unknown) => style.added.sources.set(id, source),
    removeSource: (id: string) => style.removed.sources.push(id),
    addLayer: (layer: { id: string }) => style.added.layers.push(layer),
    removeLayer: (id: string) => style.removed.layers.push(id),
    // Layout set after the style: "layer/property" → value.
    setLayoutProperty: (layer: string, property: string, value: unknown) => (style.layout.set(`${layer}/${property}`, value), map.triggerRepaint()),
    addControl: vi.fn(),
    removeControl: vi.fn(),
    // Each change asks for a frame, as MapLibre's does (through the triggerRepaint the controller put in its place).
    setFilter: (layer: string, filter: unknown) => (filters.set(layer, filter), map.triggerRepaint()),
    setFeatureState: (target: { source: string; id: string }, state: Record<string, unknown>) => {
      states.set(stateKey(target), { ...states.get(stateKey(target)), ...state });
      map.triggerRepaint();
    },
    removeFeatureState: (target: { source: string; id: string }, key: string) => {
      const state = { ...states.get(stateKey(target)) };
      delete state[key];
      states.set(stateKey(target), state);
      map.triggerRepaint();
    },
    queryRenderedFeatures: (box: unknown, options?: { layers?: string[] }) => scene.query?.(box as QueryBox, options?.layers ?? []) ?? [],
    project: (lngLat: [number, number]) => scene.project?.(lngLat) ?? { x: 0, y: 0 },
    getCanvas: () => canvas,
    getCanvasContainer: () => canvasContainer,
    getCenter: () => ({ lng: 0, lat: 0 }),
    getZoom: () => 2,
    unproject: (point: [number, number]) => scene.unproject?.(point) ?? { lng: 0, lat: 0 },
    jumpTo: vi.fn(),
    resize: vi.fn(),
    redraw: vi.fn(),
    fitBounds: vi.fn(),
    easeTo: vi.fn(),
    triggerRepaint: drawFrame,
    remove: vi.fn(),
    isMoving: () => status.moving,
    areTilesLoaded: () => status.tilesLoaded,
    loaded: () => status.loaded,
  };
  const fire = (type: string, event: unknown = {}) => {
    for (const fn of [...(listeners.get(type) ?? [])]) fn(event);
  };
  const count = (of: Map<string, Set<unknown>>) => [...of.values()].reduce((n, set) => n + set.size, 0);
  return {
    // The fake implements the members ControlledMap names, not their every overload: one cast, here.
    map: map as unknown as ControlledMap,
    fire,
    data,
    style,
    /** The feature state the map holds for a feature of a source. */
    state: (source: string, id: string) => states.get(`${source}:${id}`) ?? {},
    listenerCount: () => count(listeners) + count(domListeners),
    /** Dispatches a DOM event on the map's canvas container (a mouse moving over the map). */
    fireDom: (type: string, event: Partial<PointerEvent>) => {
      for (const fn of [...(domListeners.get(type) ?? [])]) (typeof fn === 'function' ? fn : fn.handleEvent.bind(fn))(event as Event);
    },
    canvas,
    forgetFeatureStates: () => states.clear(),
    remove: map.remove,
    status,
    filter: (layer: string) => filters.get(layer),
    /** Frames the controller let through to MapLibre (its own triggerRepaint is wrapped). */
    framesDrawn: () => drawFrame.mock.calls.length,
  };
}

