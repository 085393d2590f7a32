import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { DATA_LAYERS } from '../../src/lib/map/style.ts';
import { trimToMapProperties, MAP_PROPERTIES } from '../../src/lib/map/map-features.ts';

// The controller is the only code touching MapLibre. If an upgrade drops a method it calls, this fails by name.
const CALLED_ON_MAP = ['on', 'off', 'once', 'queryRenderedFeatures', 'project', 'getCanvas', 'getSource', 'setFeatureState', 'fitBounds', 'easeTo', 'getZoom', 'triggerRepaint', 'remove', 'addImage', 'hasImage', 'setFilter', 'removeFeatureState', 'getCenter', 'jumpTo', 'getCanvasContainer'];

describe('maplibre-gl contract', () => {
  it('still has every Map method the controller calls', async () => {
    const { Map } = await import('maplibre-gl');
    const missing = CALLED_ON_MAP.filter((m) => typeof (Map.prototype as unknown as Record<string, unknown>)[m] !== 'function');
    expect(missing).toEqual([]);
  });

  it('still exports the error its constructor throws without WebGL2, which start-renderer.ts tells from a fault', async () => {
    const { GPUInitializationError } = await import('maplibre-gl');
    expect(typeof GPUInitializationError).toBe('function');
    expect(new GPUInitializationError({}, null)).toBeInstanceOf(Error);
  });

  it('lists every map method the controller source calls', () => {
    const source = readFileSync('src/lib/map/controller.ts', 'utf8');
    const called = new Set([...source.matchAll(/\bmap\.(\w+)\(/g)].map((m) => m[1]!));
    expect([...called].filter((m) => !CALLED_ON_MAP.includes(m))).toEqual([]);
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
