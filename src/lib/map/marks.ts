import { cueOf, ROLES, roleColour, type Cue, type Role } from '../atlas/roles.ts';

/**
 * How a role's marks are drawn, from the role registry: its family's hue, and its cue within the family. A pin is
 * solid, hollow (a ring), solid with a white dot, or hollow with a dot; a country or zone is filled plain, or with
 * hatching, dots or cross-hatching over its tint. The MapLibre style, the SVG map, the key and the figure all draw
 * from here.
 */
export const PIN = { radius: 7, selectedRadius: 10, outline: 2, ringWidth: 3, dotRadius: 2.6 } as const;

const hollow = (cue: Cue) => cue === 'ring' || cue === 'ring-dot';
const dotted = (cue: Cue) => cue === 'dot' || cue === 'ring-dot';

/** A pin's parts for a role: fill, outline colour and width, and its inner dot's colour (null: none). */
export function pinStyle(role: Role): { fill: string; stroke: string; strokeWidth: number; radius: number; dot: string | null } {
  const colour = roleColour(role);
  const cue = cueOf(role);
  return {
    fill: hollow(cue) ? '#ffffff' : colour,
    stroke: hollow(cue) ? colour : '#ffffff',
    strokeWidth: hollow(cue) ? PIN.ringWidth : PIN.outline,
    // A ring is drawn a little smaller, so that with its thicker outline it covers what a solid pin does.
    radius: hollow(cue) ? PIN.radius - 1 : PIN.radius,
    dot: dotted(cue) ? (hollow(cue) ? colour : '#ffffff') : null,
  };
}

/** A pin as SVG markup centred on (cx, cy), at `scale` of its map size: for the key, the figure and the SVG map. */
export function pinSvg(role: Role, cx = 0, cy = 0, scale = 1): string {
  const p = pinStyle(role);
  const dot = p.dot ? `<circle cx="${cx}" cy="${cy}" r="${PIN.dotRadius * scale}" fill="${p.dot}"/>` : '';
  return `<circle cx="${cx}" cy="${cy}" r="${p.radius * scale}" fill="${p.fill}" stroke="${p.stroke}" stroke-width="${p.strokeWidth * scale}"/>${dot}`;
}

/** Roles whose countries and zones carry a pattern over their tint (the cue), and its kind. */
export const PATTERNS: Partial<Record<Role, 'hatch' | 'dots' | 'cross'>> = Object.fromEntries(
  ROLES.flatMap((r) => {
    const cue = cueOf(r);
    return cue === 'solid' ? [] : [[r, cue === 'ring' ? 'hatch' : cue === 'dot' ? 'dots' : 'cross']];
  }),
);
export const PATTERN_SIZE = 10;
export const patternId = (role: Role) => `pattern-${role}`;

/** Whether a pattern's pixel (0 … PATTERN_SIZE) is inked: diagonal hatching, dots, or both diagonals. */
function inked(kind: 'hatch' | 'dots' | 'cross', x: number, y: number): boolean {
  const s = PATTERN_SIZE;
  const diag = (a: number) => Math.min(((a % s) + s) % s, s - (((a % s) + s) % s)) < 1.3;
  if (kind === 'hatch') return diag(x + y);
  if (kind === 'cross') return diag(x + y) || diag(x - y);
  return Math.hypot(x - s / 2, y - s / 2) < 1.9;
}

/** A role's pattern as an RGBA image, for MapLibre's fill-pattern (drawn in code: no sprite sheet). */
export function patternImage(role: Role): { width: number; height: number; data: Uint8Array } {
  const kind = PATTERNS[role]!;
  const hex = roleColour(role).slice(1);
  const rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const s = PATTERN_SIZE;
  const data = new Uint8Array(s * s * 4);
  for (let y = 0; y < s; y++) for (let x = 0; x < s; x++) if (inked(kind, x + 0.5, y + 0.5)) data.set([...rgb, 230], (y * s + x) * 4);
  return { width: s, height: s, data };
}

/** A role's pattern as SVG elements (tag and attributes) inside a <pattern> of PATTERN_SIZE: the SVG map builds nodes from it. */
export function patternParts(role: Role): Array<{ tag: 'path' | 'circle'; attrs: Record<string, string | number> }> {
  const kind = PATTERNS[role]!;
  const c = roleColour(role);
  const s = PATTERN_SIZE;
  const line = (d: string) => ({ tag: 'path' as const, attrs: { d, stroke: c, 'stroke-width': 1.8 } });
  const forward = line(`M0,${s} L${s},0 M-1,1 L1,-1 M${s - 1},${s + 1} L${s + 1},${s - 1}`);
  const backward = line(`M0,0 L${s},${s} M-1,${s - 1} L1,${s + 1} M${s - 1},-1 L${s + 1},1`);
  if (kind === 'hatch') return [forward];
  if (kind === 'cross') return [forward, backward];
  return [{ tag: 'circle', attrs: { cx: s / 2, cy: s / 2, r: 1.9, fill: c } }];
}

