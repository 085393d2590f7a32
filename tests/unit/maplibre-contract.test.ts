import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { DATA_LAYERS } from '../../src/lib/map/style.ts';
import { trimToMapProperties, MAP_PROPERTIES } from '../../src/lib/map/map-features.ts';

// The controller is the only code touching MapLibre. If an upgrade drops a method it calls, this fails by name.
const CALLED_ON_MAP = ['on', 'off', 'once', 'queryRenderedFeatures', 'project', 'getCanvas', 'getSource', 'setFeatureState', 'fitBounds', 'easeTo', 'getZoom', 'triggerRepaint', 'remove', 'addImage', 'hasImage', 'setFilter', 'removeFeatureState', 'getCenter', 'jumpTo', 'getCanvasContainer', 'isMoving', 'areTilesLoaded', 'loaded', 'unproject', 'resize', 'redraw', 'addSource', 'removeSource', 'addLayer', 'removeLayer', 'addControl', 'removeControl', 'setLayoutProperty'];
/** Calls one step further in: `map.keyboard.disableRotation()`, by the class MapLibre exports for that handler. */
const CALLED_ON_HANDLERS = { touchZoomRotate: { class: 'TwoFingersTouchZoomRotateHandler', methods: ['disableRotation'] }, keyboard: { class: 'KeyboardHandler', methods: ['disableRotation'] } };
const CALLED_ON_GEOJSON_SOURCE = ['setData'];
const FUNCTIONS_IMPORTED = ['addProtocol', 'AttributionControl', 'LngLat', 'setWorkerUrl'];

const controllerSource = () => readFileSync('src/lib/map/controller.ts', 'utf8');
const hasMethod = (prototype: unknown, name: string) => typeof (prototype as Record<string, unknown>)[name] === 'function';

describe('maplibre-gl contract', () => {
  it('still has every Map method the controller calls', async () => {
    const { Map } = await import('maplibre-gl');
    expect(CALLED_ON_MAP.filter((m) => !hasMethod(Map.prototype, m))).toEqual([]);
  });

  it('still has the handlers the controller reaches into, with their methods', async () => {
    const maplibre = (await import('maplibre-gl')) as unknown as Record<string, { prototype: unknown } | undefined>;
    const missing = Object.entries(CALLED_ON_HANDLERS).flatMap(([handler, { class: name, methods }]) =>
      methods.filter((m) => !hasMethod(maplibre[name]?.prototype, m)).map((m) => `map.${handler}.${m} (${name})`),
    );
    expect(missing).toEqual([]);
  });

  it('still has GeoJSONSource.setData and the functions the controller imports', async () => {
    const maplibre = await import('maplibre-gl');
    expect(CALLED_ON_GEOJSON_SOURCE.filter((m) => !hasMethod(maplibre.GeoJSONSource.prototype, m))).toEqual([]);
    expect(FUNCTIONS_IMPORTED.filter((name) => typeof (maplibre as unknown as Record<string, unknown>)[name] !== 'function')).toEqual([]);
  });

  it('still exports the error its constructor throws without WebGL2, which start-renderer.ts tells from a fault', async () => {
    const { GPUInitializationError } = await import('maplibre-gl');
    expect(typeof GPUInitializationError).toBe('function');
    expect(new GPUInitializationError({}, null)).toBeInstanceOf(Error);
  });

  it('lists every map method the controller source calls, nested ones included', () => {
    const source = controllerSource();
    const direct = new Set([...source.matchAll(/\bmap\.(\w+)\(/g)].map((m) => m[1]!));
    expect([...direct].filter((m) => !CALLED_ON_MAP.includes(m))).toEqual([]);
    const nested = [...source.matchAll(/\bmap\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
    const listed = Object.entries(CALLED_ON_HANDLERS).flatMap(([handler, { methods }]) => methods.map((m) => `${handler}.${m}`));
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.filter((call) => !listed.includes(call) && !call.startsWith('triggerRepaint.'))).toEqual([]);
  });

  it('lists every GeoJSONSource method and every maplibre-gl function the controller source calls', () => {
    const source = controllerSource();
    const onSource = new Set([...source.matchAll(/as GeoJSONSource\)\.(\w+)\(/g)].map((m) => m[1]!));
    expect([...onSource]).toEqual(CALLED_ON_GEOJSON_SOURCE);
    const imported = [...source.matchAll(/^import \{([^}]*)\} from 'maplibre-gl';/gm)].flatMap((m) => m[1]!.split(','));
    const values = imported.map((name) => name.trim()).filter((name) => name && !name.startsWith('type ') && !name.startsWith('Map as'));
    expect(values).toEqual(FUNCTIONS_IMPORTED);
  });

  it('the fake map of the controller tests models every one of them (ControlledMap)', () => {
    const picked = /export type ControlledMap = Pick<\s*MapLibreMap,([^>]*)>/.exec(controllerSource())?.[1] ?? '';
    const members = [...picked.matchAll(/'(\w+)'/g)].map((m) => m[1]!).sort();
    expect(members).toEqual([...CALLED_ON_MAP, ...Object.keys(CALLED_ON_HANDLERS)].sort());
  });
});

describe('what the map is given', () => {
  it('has every property the style reads, so trimming the features never blanks a label or a colour', () => {
    const read = new Set([...JSON.stringify(DATA_LAYERS).matchAll(/\["get","(\w+)"\]/g)].map((m) => m[1]!));
    read.add('id'); // picking and the visibility filter
    expect([...read].filter((p) => !(MAP_PROPERTIES as readonly string[]).includes(p))).toEqual([]);
  });

  it('keeps the geometry and those properties, and leaves the passages with the app', () => {
    const places = JSON.parse(readFileSync('static/data/places.geojson', 'utf8')) as FeatureCollection;
    const paris = places.features.find((f) => f.properties?.id === 'paris')!;
    expect(paris.properties?.evidence.length).toBeGreaterThan(0);
    const trimmed = trimToMapProperties(places).features.find((f) => f.properties?.id === 'paris')!;
    expect(trimmed.geometry).toEqual(paris.geometry);
    expect(trimmed.properties).toEqual({ id: 'paris', name: 'Paris', precision: 'point', primaryRole: paris.properties?.primaryRole });
  });
});
