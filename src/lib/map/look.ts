import { ROLES, roleColour, type Role } from '../atlas/roles.ts';
import { PIN } from './marks.ts';
import { TAP } from './pick-order.ts';

/**
 * Role colours: each role takes its family's hue (atlas/roles.ts, the one registry), muted, at least 3:1 against the
 * land and every family at least CIEDE2000 15 from the others under simulated deuteranopia and protanopia
 * (tests/unit/palette.test.ts). Roles within a family are told apart by their cue (marks.ts), not by colour.
 */
export const ROLE_COLORS: Record<Role, string> = Object.fromEntries(ROLES.map((r) => [r, roleColour(r)])) as Record<Role, string>;

/**
 * The map's look, in one place: the basemap's and the routes' colours, the widths, opacities and dash patterns of
 * every mark, and the labels' size and halo. MapLibre's style (style.ts, as expressions), the SVG map (svg-map.css,
 * through the custom properties below) and the figure read them from here; role colours and cues come from the role
 * registry (corpus/roles.ts, through marks.ts), tap sizes and the pick order from pick-order.ts.
 */

export const BASEMAP = { sea: '#dfe9ef', land: '#f6f3ec', border: '#b9b3a6', borderWidth: 0.6 } as const;

/** The labels' text and the keyboard's focus ring. */
export const INK = '#1d1d1d';
export const ROUTE_COLOR = '#3b2f2f';
/** The leg a journey is on, and the legs around a selected place. */
export const CURRENT_LEG_COLOR = '#d35400';
export const CONNECTED_LEG_COLOR = '#1f5fa8';
export const LABEL_HALO = 'rgba(255,255,255,0.92)';

/**
 * Route legs. Muted at the overview (the places and their labels are read first), a bundled fan's legs thinner and
 * fainter still; the journey's current step, a selected leg and the legs around a selected place at full strength.
 * Widths in CSS px; a dash pattern in line widths, as MapLibre takes it.
 */
export const LEG = {
  width: 2,
  fanWidth: 1.4,
  opacity: 0.55,
  fanOpacity: 0.45,
  selectedWidth: 5,
  currentWidth: 6,
  connectedWidth: 4,
  /** Per emphasis (emphasis.ts): a journey's legs done, ahead, and the rest dimmed. */
  doneOpacity: 0.9,
  aheadOpacity: 0.35,
  dimOpacity: 0.15,
  /** A leg with an end its sentence does not state: dashed, never a firm line. */
  unstatedDash: [1.5, 1.5],
  /** The keyboard's focus ring on a leg (SVG map). */
  focusWidth: 5,
} as const;

/** Countries (tinted, outlined) and vague places' zones (fainter, dashed edge); selected ones stronger. */
export const SHAPE = {
  countryOpacity: 0.32,
  countrySelectedOpacity: 0.6,
  countryLineWidth: 1,
  zoneOpacity: 0.16,
  zoneSelectedOpacity: 0.35,
  zoneLineWidth: 1.5,
  selectedLineWidth: 3,
  zoneDash: [3, 2],
  /** A role's pattern over its tint (marks.ts). */
  patternOpacity: 0.7,
  patternSelectedOpacity: 0.95,
} as const;

export const LABEL = { size: 13, haloWidth: 1.6 } as const;

/** A dash pattern given in line widths, as CSS px for a line of `width` (SVG's stroke-dasharray). */
export const dashPx = (dash: readonly number[], width: number) => dash.map((d) => +(d * width).toFixed(3)).join(' ');

/**
 * The look as the SVG map's custom properties (svg-map.css reads only these, so no value is written twice). Set with
 * CSSOM, which the Content-Security-Policy allows.
 */
export function svgLookProperties(): Record<string, string> {
  const px = (n: number) => `${n}px`;
  return {
    '--sea': BASEMAP.sea,
    '--land': BASEMAP.land,
    '--border': BASEMAP.border,
    '--border-width': String(BASEMAP.borderWidth),
    '--ink': INK,
    '--route': ROUTE_COLOR,
    '--current': CURRENT_LEG_COLOR,
    '--connected': CONNECTED_LEG_COLOR,
    '--halo': LABEL_HALO,
    '--halo-width': px(2 * LABEL.haloWidth),
    '--label-size': px(LABEL.size),
    '--leg-width': String(LEG.width),
    '--leg-opacity': String(LEG.opacity),
    '--fan-width': String(LEG.fanWidth),
    '--fan-opacity': String(LEG.fanOpacity),
    '--leg-selected-width': String(LEG.selectedWidth),
    '--leg-current-width': String(LEG.currentWidth),
    '--leg-connected-width': String(LEG.connectedWidth),
    '--leg-done-opacity': String(LEG.doneOpacity),
    '--leg-ahead-opacity': String(LEG.aheadOpacity),
    '--leg-dim-opacity': String(LEG.dimOpacity),
    '--leg-focus-width': String(LEG.focusWidth),
    '--unstated-dash': dashPx(LEG.unstatedDash, LEG.width),
    '--leg-hit-width': String(TAP.hitLineWidth),
    // A ring is drawn a radius smaller than a solid pin, with its thicker outline (marks.ts's pinStyle).
    '--pin-radius': px(PIN.radius),
    '--pin-selected-radius': px(PIN.selectedRadius),
    '--ring-radius': px(PIN.radius - 1),
    '--ring-selected-radius': px(PIN.selectedRadius - 1),
    '--pin-outline': String(PIN.outline),
    '--ring-width': String(PIN.ringWidth),
    '--country-opacity': String(SHAPE.countryOpacity),
    '--country-selected-opacity': String(SHAPE.countrySelectedOpacity),
    '--country-line-width': String(SHAPE.countryLineWidth),
    '--zone-opacity': String(SHAPE.zoneOpacity),
    '--zone-selected-opacity': String(SHAPE.zoneSelectedOpacity),
    '--zone-line-width': String(SHAPE.zoneLineWidth),
    '--selected-line-width': String(SHAPE.selectedLineWidth),
    '--zone-dash': dashPx(SHAPE.zoneDash, SHAPE.zoneLineWidth),
    '--zone-selected-dash': dashPx(SHAPE.zoneDash, SHAPE.selectedLineWidth),
    '--pattern-opacity': String(SHAPE.patternOpacity),
    '--pattern-selected-opacity': String(SHAPE.patternSelectedOpacity),
  };
}
