import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/lib/corpus/types.ts';
import { LABEL_HALO, ROLE_COLORS } from '../../src/lib/map/style.ts';
import { closestPair, contrastRatio, difference, type Deficiency } from '../helpers/colour-vision.ts';

/** The land every mark is drawn on (style.ts, basemap fill). */
const LAND = '#f6f3ec';
/**
 * Every role shares the same marks (a pin, a shaded country, a dashed zone, a legend dot): no shape tells two roles
 * apart, so every pair must differ by colour alone. CIEDE2000 of 10 is a difference seen at a glance, side by side.
 */
const MIN_DELTA_E = 10;

describe('the colour checks', () => {
  it('see red and green apart with normal vision and alike under deuteranopia (the simulation is switched on)', () => {
    expect(difference('#d62728', '#2ca02c')).toBeGreaterThan(40);
    // Today's palette's worst pair before this check: training site and planned training, 0.35 apart for a deuteranope.
    expect(difference('#c0392b', '#8a6d1f', 'deuteranopia')).toBeLessThan(2);
    expect(difference('#c0392b', '#8a6d1f')).toBeGreaterThan(10);
  });
});

describe('the role palette', () => {
  it('has a colour for every role, each different', () => {
    expect(Object.keys(ROLE_COLORS).sort()).toEqual([...ROLES].sort());
    expect(new Set(Object.values(ROLE_COLORS)).size).toBe(ROLES.length);
  });

  it.each([['normal vision', undefined], ['deuteranopia', 'deuteranopia'], ['protanopia', 'protanopia']] as Array<[string, Deficiency | undefined]>)(
    'keeps every pair of roles at least CIEDE2000 10 apart with %s',
    (_, deficiency) => {
      const closest = closestPair(ROLE_COLORS, deficiency);
      expect(closest.deltaE, `${closest.a} (${ROLE_COLORS[closest.a as keyof typeof ROLE_COLORS]}) and ${closest.b} (${ROLE_COLORS[closest.b as keyof typeof ROLE_COLORS]}) look alike; move one in lightness, which every kind of vision sees`).toBeGreaterThanOrEqual(MIN_DELTA_E);
    },
  );

  it.each(ROLES)('draws %s at least 3:1 against the land and the label halo (a pin or an outline is seen)', (role) => {
    expect(contrastRatio(ROLE_COLORS[role], LAND)).toBeGreaterThanOrEqual(3);
    expect(LABEL_HALO).toMatch(/^rgba\(255,255,255,/); // a white halo: at least as much contrast as the land
    expect(contrastRatio(ROLE_COLORS[role], '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
