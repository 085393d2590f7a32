import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { ROLES, type Role } from '../corpus/types.ts';
import { ARROW_IMAGE, LABEL_FONT, LAYERS, ROUND_TRIP_IMAGE, SOURCES } from './ids.ts';

/**
 * Role colours: muted, each at least 3:1 against the land (#f6f3ec) so a pin or an outline stands out, and still
 * apart from every other role under simulated deuteranopia and protanopia (CIEDE2000 at least 10 for every pair;
 * tests/unit/palette.test.ts). Warm for the training and the trainees' movements, blue for the network that runs it,
 * dark for what is planned, grey for context.
 */
export const ROLE_COLORS: Record<Role, string> = {
  'training-site': '#b5400a',
  'command-centre': '#2d1e69',
  'transit-hub': '#2d69c3',
  origin: '#a08c28',
  're-entry': '#2d9696',
  destination: '#69694b',
  'documents-source': '#781e1e',
  contact: '#0096d2',
  funding: '#694b78',
  'planned-training': '#a58769',
  front: '#4b1e2d',
  context: '#5a5a5a',
};
export const ROUTE_COLOR = '#3b2f2f';
/** The leg a journey is on, and the legs around a selected place. */
export const CURRENT_LEG_COLOR = '#d35400';
export const CONNECTED_LEG_COLOR = '#1f5fa8';

export const LABEL_HALO = 'rgba(255,255,255,0.92)';
/** Offsets in ems: clear of the pin (radius 9 px with its outline) whichever side the label takes. */
const PIN_LABEL_ANCHORS = ['top', [0, 1.1], 'bottom', [0, -1.1], 'left', [0.95, 0], 'right', [-0.95, 0], 'top-left', [0.75, 0.75], 'top-right', [-0.75, 0.75], 'bottom-left', [0.75, -0.75], 'bottom-right', [-0.75, -0.75]];
/** A country's or zone's label: on its label point, else nudged above, below or to a side. */
const SHAPE_LABEL_ANCHORS = ['center', [0, 0], 'top', [0, 0.7], 'bottom', [0, -0.7], 'left', [0.7, 0], 'right', [-0.7, 0]];

const roleColor: ExpressionSpecification = ['match', ['get', 'primaryRole'], ...ROLES.flatMap((r) => [r, ROLE_COLORS[r]]), '#555'] as unknown as ExpressionSpecification;
/** Selected, or one of the places a journey step shows together. */
const selected = (on: number | string, off: number | string): DataDrivenPropertyValueSpecification<number> =>
  ['case', ['any', ['boolean', ['feature-state', 'selected'], false], ['boolean', ['feature-state', 'onStep'], false]], on, off] as unknown as DataDrivenPropertyValueSpecification<number>;
const isPrecision = (p: string): ExpressionSpecification => ['==', ['get', 'precision'], p];
/** A leg with an end its sentence does not state (read from context): drawn dashed, never as a firm line. */
const hasUnstatedEnd: ExpressionSpecification = ['has', 'unstated'];

const legPaint = {
  'line-color': ['case', ['==', ['feature-state', 'emphasis'], 'current'], CURRENT_LEG_COLOR, ['==', ['feature-state', 'emphasis'], 'connected'], CONNECTED_LEG_COLOR, ROUTE_COLOR] as unknown as ExpressionSpecification,
  'line-width': [
    'case',
    ['boolean', ['feature-state', 'selected'], false], 5,
    ['==', ['feature-state', 'emphasis'], 'current'], 6,
    ['==', ['feature-state', 'emphasis'], 'connected'], 4,
    2.5,
  ] as unknown as ExpressionSpecification,
  'line-opacity': ['match', ['coalesce', ['feature-state', 'emphasis'], 'none'], 'current', 1, 'done', 0.9, 'connected', 1, 'ahead', 0.35, 'dim', 0.15, 0.85] as unknown as ExpressionSpecification,
};

export const DATA_LAYERS: LayerSpecification[] = [
  {
    id: LAYERS.countryFill,
    type: 'fill',
    source: SOURCES.places,
    filter: isPrecision('country'),
    paint: { 'fill-color': roleColor, 'fill-opacity': selected(0.6, 0.32) },
  },
  {
    id: LAYERS.countryLine,
    type: 'line',
    source: SOURCES.places,
    filter: isPrecision('country'),
    paint: { 'line-color': roleColor, 'line-width': selected(3, 1) },
  },
  {
    // Vague places: a translucent zone with a dashed edge, never a pin.
    id: LAYERS.areaFill,
    type: 'fill',
    source: SOURCES.places,
    filter: isPrecision('area'),
    paint: { 'fill-color': roleColor, 'fill-opacity': selected(0.35, 0.16) },
  },
  {
    id: LAYERS.areaLine,
    type: 'line',
    source: SOURCES.places,
    filter: isPrecision('area'),
    paint: { 'line-color': roleColor, 'line-width': selected(3, 1.5), 'line-dasharray': [3, 2] },
  },
  {
    id: LAYERS.legs,
    type: 'line',
    source: SOURCES.legs,
    filter: ['!', hasUnstatedEnd],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: legPaint,
  },
  {
    id: LAYERS.legsFromContext,
    type: 'line',
    source: SOURCES.legs,
    filter: hasUnstatedEnd,
    layout: { 'line-join': 'round' },
    paint: { ...legPaint, 'line-dasharray': [1.5, 1.5] },
  },
  {
    id: LAYERS.legArrows,
    type: 'symbol',
    source: SOURCES.legs,
    // A directed leg's arrows point the way of travel; a round trip's point both ways; an undirected leg has none.
    filter: ['!=', ['get', 'direction'], 'undirected'],
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 90,
      'icon-image': ['match', ['get', 'direction'], 'round-trip', ROUND_TRIP_IMAGE, ARROW_IMAGE],
      'icon-size': 0.9,
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  },
  {
    // Invisible, wide: a finger can select a leg without landing exactly on a 2-pixel line.
    id: LAYERS.legsHit,
    type: 'line',
    source: SOURCES.legs,
    paint: { 'line-color': '#000', 'line-width': 24, 'line-opacity': 0.01 },
  },
  {
    id: LAYERS.points,
    type: 'circle',
    source: SOURCES.places,
    filter: isPrecision('point'),
    paint: {
      'circle-color': roleColor,
      'circle-radius': selected(10, 7),
      'circle-stroke-color': '#fff',
      'circle-stroke-width': selected(3, 2),
    },
  },
  {
    id: LAYERS.pointsHit,
    type: 'circle',
    source: SOURCES.places,
    filter: isPrecision('point'),
    paint: { 'circle-color': '#000', 'circle-radius': 22, 'circle-opacity': 0.01 },
  },
  {
    id: LAYERS.labels,
    type: 'symbol',
    source: SOURCES.labels,
    layout: {
      // A zone's shorter label where the curator gave one; the panel and the list keep the full name.
      'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
      'text-font': [LABEL_FONT],
      'text-size': 13,
      'text-max-width': 9,
      // Where two labels would meet, MapLibre hides the one placed later: training sites and hubs go first, context last.
      'symbol-sort-key': ['get', 'labelRank'],
      // A pin's label may sit on any side of it, and a shape's label a little off its centre, before it is hidden.
      'text-variable-anchor-offset': ['case', isPrecision('point'), ['literal', PIN_LABEL_ANCHORS], ['literal', SHAPE_LABEL_ANCHORS]] as unknown as ExpressionSpecification,
      'text-justify': 'auto',
      // Room between neighbouring labels, so two never touch even where both fit.
      'text-padding': 4,
      'text-allow-overlap': false,
      'text-ignore-placement': false,
    },
    paint: { 'text-color': '#1d1d1d', 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.6 },
  },
  {
    // Invisible boxes over the pins, placed before the labels (a layer above is placed first): no label covers a pin.
    // Any image the style already has will do; only its size counts (the arrow, 9 px at 1, drawn 18 px like a pin).
    id: LAYERS.pinShields,
    type: 'symbol',
    // A pin's label point is the pin itself; from the labels' own source, the shields arrive with the labels.
    source: SOURCES.labels,
    filter: isPrecision('point'),
    layout: {
      'icon-image': ARROW_IMAGE,
      'icon-size': 2,
      'icon-padding': 0,
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
    paint: { 'icon-opacity': 0 },
  },
];

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The whole style: every byte of it comes from this site (no tiles, glyph server or sprite). */
export function atlasStyle(basemapUrl: string, fontUrl: string): StyleSpecification {
  return {
    version: 8,
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      [SOURCES.basemap]: { type: 'geojson', data: basemapUrl },
      [SOURCES.places]: { type: 'geojson', data: empty, promoteId: 'id' },
      [SOURCES.labels]: { type: 'geojson', data: empty, promoteId: 'id' },
      [SOURCES.legs]: { type: 'geojson', data: empty, promoteId: 'id' },
    },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': '#dfe9ef' } },
      { id: LAYERS.basemapFill, type: 'fill', source: SOURCES.basemap, paint: { 'fill-color': '#f6f3ec' } },
      { id: LAYERS.basemapLine, type: 'line', source: SOURCES.basemap, paint: { 'line-color': '#b9b3a6', 'line-width': 0.6 } },
      ...DATA_LAYERS,
    ],
  };
}

/**
 * A small arrowhead for directed legs, drawn in code so no sprite sheet is needed; with `bothWays`, two heads back to
 * back (◀▶) for a round trip.
 */
export function arrowImage(size = 18, bothWays = false): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A triangle pointing right (+x), the direction the line runs: widest at the left, apex at the right.
      const mid = (size - 1) / 2;
      const head = (fromApex: number, span: number) => Math.abs(y - mid) <= (fromApex / span) * mid * 0.95;
      const inside = bothWays
        ? x < size / 2 ? x >= 1 && head(x - 1, size / 2 - 2) : head(size - 1 - x, size / 2 - 2) && x <= size - 2
        : x >= 2 && head(size - 1 - x, size - 3);
      if (!inside) continue;
      const i = (y * size + x) * 4;
      data.set([0x3b, 0x2f, 0x2f, 255], i);
    }
  }
  return { width: size, height: size, data };
}
