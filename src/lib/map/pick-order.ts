import type { FeatureRef } from '../atlas/contract.ts';

/**
 * What a tap opens, for every renderer (MapLibre's controller and the SVG map measure, this decides): what the finger
 * is on wins. A pin or a label's text first; a line only where the finger is on the line itself; the zone, then the
 * country, under the finger last. Marks merely near the finger (a pin just missed, a line passing by) come after,
 * as other fair readings of the touch, and win only on the bare sea.
 */

/**
 * The kinds of mark a tap can land on, as drawn. An anchor is a country's or zone's label point, drawn or not: the
 * point its routes end at and its label names, so a finger on it is on that place, not on the lines that meet there.
 */
export type MarkKind = 'pin' | 'label' | 'anchor' | 'line' | 'zone' | 'country';

export interface PickCandidate {
  ref: FeatureRef;
  mark: MarkKind;
  /** CSS px from the finger's point to the mark as drawn: its pin's edge, its text's box, its line's edge; 0 (or less) on it. */
  distance: number;
}

/** Tap sizes, in CSS px, shared by both renderers. */
export const TAP = {
  /** A pin as drawn: radius 7 and a 2 px outline (style.ts). */
  pinRadius: 9,
  /** An anchor (a shape's label point) as a small point of this radius. */
  anchorRadius: 3,
  /** A route line's half width as drawn at the opening view (2.5 px wide), rounded up. */
  lineHalfWidth: 1.5,
  /** A fingertip's own error: a mark this close to the touch point is under the finger. */
  finger: 6,
  /** Marks this close (pins, labels, lines) are still a fair reading of the touch, offered in the chooser. */
  near: 24,
  /** The chooser names at most this many marks. */
  chooser: 4,
} as const;

/** How far around the touch point each renderer gathers candidates: the nearest edge of a mark within `near`. */
export const GATHER_RADIUS = TAP.near;

const tierOf = (c: PickCandidate): number => {
  const on = c.distance <= TAP.finger;
  if (c.mark === 'pin' || c.mark === 'label' || c.mark === 'anchor') return on ? 0 : 4;
  if (c.mark === 'line') return on ? 1 : 4;
  // A shape counts as under the finger at its point only; its edge a finger away is a near reading.
  if (c.mark === 'zone') return c.distance <= 0 ? 2 : 4;
  return c.distance <= 0 ? 3 : 4;
};

/**
 * The marks under a touch, best first, one entry per feature; the first is opened, the rest (at most TAP.chooser in
 * all) are the chooser's other readings. Marks further than `near` are no reading at all.
 */
export function orderPicks(candidates: readonly PickCandidate[]): FeatureRef[] {
  const ranked = candidates
    .filter((c) => c.distance <= TAP.near)
    .map((c, i) => ({ c, tier: tierOf(c), i }))
    // Within a tier, the nearer mark; at equal distance a pin before a label (its own place's, or a neighbour's), then as gathered.
    .sort((a, b) => a.tier - b.tier || a.c.distance - b.c.distance || (a.c.mark === 'pin' ? 0 : 1) - (b.c.mark === 'pin' ? 0 : 1) || a.i - b.i);
  const seen = new Set<string>();
  const refs: FeatureRef[] = [];
  for (const { c } of ranked) {
    const key = `${c.ref.kind}:${c.ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(c.ref);
  }
  return refs.slice(0, TAP.chooser);
}

/** Distance from a point to a segment, in the same units. */
export function segmentDistance(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from a point to a polyline's drawn edge (half its width off its middle), 0 on it. */
export function lineDistance(p: readonly [number, number], lines: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, halfWidth: number = TAP.lineHalfWidth): number {
  let best = Infinity;
  for (const line of lines) for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1]!, line[i]!));
  return Math.max(0, best - halfWidth);
}

/** Distance from a point to a box (a label's text as placed), 0 inside. */
export function boxDistance(p: readonly [number, number], box: { x0: number; y0: number; x1: number; y1: number }): number {
  const dx = Math.max(box.x0 - p[0], 0, p[0] - box.x1);
  const dy = Math.max(box.y0 - p[1], 0, p[1] - box.y1);
  return Math.hypot(dx, dy);
}

/** Distance from a point to a pin's drawn edge, negative inside it: of two pins under the finger, the nearer centre wins. */
export const pinDistance = (p: readonly [number, number], centre: readonly [number, number]): number => Math.hypot(p[0] - centre[0], p[1] - centre[1]) - TAP.pinRadius;

/** Distance from a point to a shape's anchor (its label point), negative on it. */
export const anchorDistance = (p: readonly [number, number], at: readonly [number, number]): number => Math.hypot(p[0] - at[0], p[1] - at[1]) - TAP.anchorRadius;
