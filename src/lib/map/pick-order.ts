import type { FeatureCollection, Geometry, Position } from 'geojson';
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
  /** MapLibre's invisible hit layers, which a tap's query gathers from (within GATHER_RADIUS); the pick order decides. */
  hitPinRadius: 22,
  /** A leg's invisible hit line on both renderers: a finger finds a 2 px line without landing exactly on it. */
  hitLineWidth: 24,
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

type XY = readonly [number, number];

/**
 * What a renderer has drawn, measured in screen px at this moment: what a tap can land on. The SVG map hands its marks
 * over as they are; MapLibre's controller gathers its own from the rendered features.
 */
export interface DrawnMarks {
  pins: ReadonlyArray<{ id: string; at: XY }>;
  /** Countries' and zones' label points (of places shown), drawn or not. */
  anchors: ReadonlyArray<{ id: string; at: XY }>;
  /** Labels' text as placed. */
  labels: ReadonlyArray<{ id: string; box: { x0: number; y0: number; x1: number; y1: number } }>;
  lines: ReadonlyArray<{ id: string; lines: ReadonlyArray<ReadonlyArray<XY>> }>;
  /** Zones and countries, the one drawn on top first; `covers` says whether a screen point lies inside one. */
  shapes: ReadonlyArray<{ id: string; mark: 'zone' | 'country'; covers: (p: XY) => boolean }>;
}

/** Points a finger's own error away from the touch, round it: a shape's edge there is near, not under the finger. */
const fingerRing = (at: XY): XY[] => {
  const r = TAP.finger;
  return [[-r, 0], [r, 0], [0, -r], [0, r], [-r, -r], [r, r], [-r, r], [r, -r]].map(([dx, dy]) => [at[0] + dx!, at[1] + dy!] as const);
};

/** What a tap at `at` opens among the drawn marks, then the chooser's other readings: measured here, ordered by orderPicks. */
export function pickAmong(marks: DrawnMarks, at: XY): FeatureRef[] {
  const place = (id: string): FeatureRef => ({ id, kind: 'place' });
  const candidates: PickCandidate[] = [
    ...marks.pins.map((p) => ({ ref: place(p.id), mark: 'pin' as const, distance: pinDistance(at, p.at) })),
    ...marks.anchors.map((a) => ({ ref: place(a.id), mark: 'anchor' as const, distance: anchorDistance(at, a.at) })),
    ...marks.labels.map((l) => ({ ref: place(l.id), mark: 'label' as const, distance: boxDistance(at, l.box) })),
    ...marks.lines.map((l) => ({ ref: { id: l.id, kind: 'leg' as const }, mark: 'line' as const, distance: lineDistance(at, l.lines) })),
  ];
  const ring = fingerRing(at);
  for (const s of marks.shapes) {
    if (s.covers(at)) candidates.push({ ref: place(s.id), mark: s.mark, distance: 0 });
    else if (ring.some((p) => s.covers(p))) candidates.push({ ref: place(s.id), mark: s.mark, distance: TAP.finger });
  }
  return orderPicks(candidates);
}

/** One line as drawn (lng/lat parts) and every leg drawn on it, with the line's lng/lat box for a quick miss. */
export interface DrawnLine {
  parts: Position[][];
  legs: string[];
  box: { west: number; south: number; east: number; north: number };
}

/** A line's parts as drawn (a line crossing the antimeridian is two); none for other geometries. */
export const lineParts = (g: Geometry | null | undefined): Position[][] => (g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : []);

/**
 * The lines a tap is measured against, from legs already grouped into lines (map-features.ts's legLines): a corpus of
 * 10,000 documents has tens of thousands of legs on a couple of hundred lines.
 */
export function drawnLines(lines: FeatureCollection, legsOn: ReadonlyMap<string, string[]>): DrawnLine[] {
  return lines.features.flatMap((line) => {
    const parts = lineParts(line.geometry);
    const all = parts.flat();
    if (!all.length) return [];
    const lngs = all.map((c) => c[0]!);
    const lats = all.map((c) => c[1]!);
    const legs = legsOn.get(String(line.properties?.id)) ?? [];
    return [{ parts, legs, box: { west: Math.min(...lngs), south: Math.min(...lats), east: Math.max(...lngs), north: Math.max(...lats) } }];
  });
}
