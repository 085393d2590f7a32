import { describe, expect, it } from 'vitest';
import { CUES, FAMILIES, ROLES, ROLE_REGISTRY, cueOf, familyOf, rolesOf, roleColour } from '../../src/lib/atlas/roles.ts';
import { ROLE_COLORS } from '../../src/lib/map/look.ts';
import { LABEL_HALO } from '../../src/lib/map/look.ts';
import { PATTERNS, pinStyle } from '../../src/lib/map/marks.ts';
import { closestPair, contrastRatio, difference, type Deficiency } from '../helpers/colour-vision.ts';

/** The land every mark is drawn on (style.ts, basemap fill). */
const LAND = '#f6f3ec';
/**
 * One hue a family: a family's marks must be told from every other family's by colour alone, at a glance, with
 * every kind of colour vision. CIEDE2000 of 15 is plainly apart side by side (10 was the old floor for twelve roles).
 */
const MIN_FAMILY_DELTA_E = 15;
const VISIONS = [['normal vision', undefined], ['deuteranopia', 'deuteranopia'], ['protanopia', 'protanopia']] as Array<[string, Deficiency | undefined]>;
const familyColours = Object.fromEntries(FAMILIES.map((f) => [f.id, f.colour]));

describe('the colour checks', () => {
  it('see red and green apart with normal vision and alike under deuteranopia (the simulation is switched on)', () => {
    expect(difference('#d62728', '#2ca02c')).toBeGreaterThan(40);
    // Today's palette's worst pair before this check: training site and planned training, 0.35 apart for a deuteranope.
    expect(difference('#c0392b', '#8a6d1f', 'deuteranopia')).toBeLessThan(2);
    expect(difference('#c0392b', '#8a6d1f')).toBeGreaterThan(10);
  });
});

describe('the role families', () => {
  it('are at most six, each with a hue of its own, and every role belongs to one', () => {
    expect(FAMILIES.length).toBeLessThanOrEqual(6);
    expect(new Set(FAMILIES.map((f) => f.colour)).size).toBe(FAMILIES.length);
    for (const role of ROLES) expect(FAMILIES.map((f) => f.id)).toContain(familyOf(role));
    // Each role is drawn in its family's hue: the map's colours are the families', nothing else.
    expect(new Set(Object.values(ROLE_COLORS))).toEqual(new Set(FAMILIES.map((f) => f.colour)));
  });

  it.each(VISIONS)('keep every pair of families at least CIEDE2000 15 apart with %s', (_, deficiency) => {
    const closest = closestPair(familyColours, deficiency);
    expect(closest.deltaE, `${closest.a} (${familyColours[closest.a]}) and ${closest.b} (${familyColours[closest.b]}) look alike; move one in lightness, which every kind of vision sees`).toBeGreaterThanOrEqual(MIN_FAMILY_DELTA_E);
  });

  it.each(ROLES)('draw %s at least 3:1 against the land and the label halo (a pin or an outline is seen)', (role) => {
    expect(contrastRatio(ROLE_COLORS[role], LAND)).toBeGreaterThanOrEqual(3);
    expect(LABEL_HALO).toMatch(/^rgba\(255,255,255,/); // a white halo: at least as much contrast as the land
    expect(contrastRatio(ROLE_COLORS[role], '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

describe('the second cue: roles within a family', () => {
  it.each(FAMILIES.map((f) => f.id))('tells the roles of %s apart by their cue, not their colour', (family) => {
    const roles = rolesOf(family);
    expect(roles.length).toBeLessThanOrEqual(CUES.length);
    // Same hue, different cue: what tells them apart is the same under every kind of colour vision.
    expect(new Set(roles.map(roleColour)).size).toBe(1);
    expect(new Set(roles.map(cueOf)).size).toBe(roles.length);
    // As drawn: no two pins of a family alike (fill, outline, dot), and no two shapes with the same pattern.
    const pins = roles.map((r) => JSON.stringify(pinStyle(r)));
    expect(new Set(pins).size).toBe(roles.length);
    expect(new Set(roles.map((r) => PATTERNS[r] ?? 'plain')).size).toBe(roles.length);
  });

  it.each(VISIONS)('keeps a hollow pin’s ring and a dot seen against their fill with %s (3:1 or more)', (_, deficiency) => {
    for (const role of ROLES) {
      const pin = pinStyle(role);
      const against = (a: string, b: string) => difference(a, b, deficiency);
      // Fill and outline differ, and a dot differs from the fill it sits on, for every reader.
      expect(against(pin.fill, pin.stroke), `${role}: pin fill and outline`).toBeGreaterThan(20);
      if (pin.dot) expect(against(pin.dot, pin.fill), `${role}: dot and fill`).toBeGreaterThan(20);
      expect(contrastRatio(pin.fill, pin.stroke)).toBeGreaterThanOrEqual(3);
    }
  });

  it('is in the registry for every role, in legend order, with labels in both languages', () => {
    for (const r of ROLE_REGISTRY) {
      expect(CUES).toContain(r.cue);
      for (const text of [r.label.en, r.label.es, r.key.en, r.key.es, r.guide]) expect(text.trim().length, r.id).toBeGreaterThan(0);
    }
    // Families come in the registry's order: a family's roles sit together in the legend.
    const families = ROLE_REGISTRY.map((r) => r.family).filter((f, i, all) => all.indexOf(f) === i);
    expect(families).toEqual(FAMILIES.map((f) => f.id));
  });
});
