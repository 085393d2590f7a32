import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { bundleFans } from '../../src/lib/map/bundle.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

describe('the KGB report’s ten round trips drawn as one bundled fan', () => {
  it('redraws the ten legs of one branch from Cuba as curves that leave Cuba along one stem, each still ending at its own country', () => {
    const legs = realAtlas().legs;
    const drawn = bundleFans(legs);
    const fan = drawn.features.filter((f) => f.properties?.fan);
    expect(fan.map((f) => f.properties!.id).sort()).toEqual(legs.features.filter((f) => f.properties.route === 'to-cuba-and-back').map((f) => f.properties.id).sort());
    expect(fan).toHaveLength(10);
    for (const f of fan) {
      const before = legs.features.find((l) => l.properties.id === f.properties!.id)!.geometry as LineString;
      const after = (f.geometry as LineString).coordinates;
      // The same ends, in the same order (from → to).
      expect(after[0]).toEqual(before.coordinates[0]!.map((v) => Math.round(v * 1e5) / 1e5));
      expect(after[after.length - 1]).toEqual(before.coordinates[before.coordinates.length - 1]!.map((v) => Math.round(v * 1e5) / 1e5));
    }
    // One stem: a tenth of the way from Cuba, the ten lines are within a degree of each other.
    const nearCuba = fan.map((f) => {
      const c = (f.geometry as LineString).coordinates;
      return c[c.length - 5]!; // the legs run country → Cuba
    });
    const spread = Math.max(...nearCuba.map((p) => Math.hypot(p[0]! - nearCuba[0]![0]!, p[1]! - nearCuba[0]![1]!)));
    expect(spread).toBeLessThan(1.5);
    // Other routes keep their great-circle arcs.
    const other = drawn.features.find((f) => f.properties?.id === 'return-via-paris-1')!;
    expect(other).toBe(legs.features.find((f) => f.properties.id === 'return-via-paris-1'));
  });
});
