import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

// The controller is the only code touching MapLibre. If an upgrade drops a method it calls, this fails by name.
const CALLED_ON_MAP = ['on', 'off', 'once', 'queryRenderedFeatures', 'project', 'getCanvas', 'getSource', 'setFeatureState', 'fitBounds', 'easeTo', 'getZoom', 'triggerRepaint', 'remove', 'addImage', 'hasImage', 'setFilter', 'removeFeatureState', 'getCenter', 'jumpTo'];

describe('maplibre-gl contract', () => {
  it('still has every Map method the controller calls', async () => {
    const { Map } = await import('maplibre-gl');
    const missing = CALLED_ON_MAP.filter((m) => typeof (Map.prototype as unknown as Record<string, unknown>)[m] !== 'function');
    expect(missing).toEqual([]);
  });

  it('lists every map method the controller source calls', () => {
    const source = readFileSync('src/lib/map/controller.ts', 'utf8');
    const called = new Set([...source.matchAll(/\bmap\.(\w+)\(/g)].map((m) => m[1]!));
    expect([...called].filter((m) => !CALLED_ON_MAP.includes(m))).toEqual([]);
  });
});
