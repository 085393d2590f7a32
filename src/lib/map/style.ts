import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, StyleSpecification, SymbolLayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { ROLES, type Role } from '../atlas/roles.ts';
import { PATTERNS, PIN, pinStyle } from './marks.ts';
import { ARROW_IMAGE, LABEL_FONT, LAYERS, PMTILES_PROTOCOL, ROUND_TRIP_IMAGE, SOURCES, TILE_SOURCE } from './ids.ts';
import type { AtlasTiles } from '../atlas/contract.ts';
import { BASEMAP, CONNECTED_LEG_COLOR, CURRENT_LEG_COLOR, INK, LABEL, LABEL_HALO, LEG, ROLE_COLORS, ROUTE_COLOR, SHAPE } from './look.ts';
import { TAP } from './pick-order.ts';
import { LABEL_ORDER, LABEL_TEXT } from './map-features.ts';

/** Offsets in ems: clear of the pin (radius 9 px with its outline) whichever side the label takes. */
const PIN_LABEL_ANCHORS = ['top', [0, 1.1], 'bottom', [0, -1.1], 'left', [0.95, 0], 'right', [-0.95, 0], 'top-left', [0.75, 0.75], 'top-right', [-0.75, 0.75], 'bottom-left', [0.75, -0.75], 'bottom-right', [-0.75, -0.75]];
/**
 * A country's or zone's label: on its label point, else nudged above, below or to a side, else set further off below,
 * above or at a corner. The further places are for an island among pins: Cuba's label point sits between the pins of
 * Havana, Santiago and Guantanamo, and without them Cuba went unlabelled at every screen size.
 */
const SHAPE_LABEL_ANCHORS = [
  'center', [0, 0], 'top', [0, 0.7], 'bottom', [0, -0.7], 'left', [0.7, 0], 'right', [-0.7, 0],
  'top', [0, 2.2], 'bottom', [0, -2.2], 'top-left', [1.2, 1.4], 'top-right', [-1.2, 1.4], 'bottom-left', [1.2, -1.4], 'bottom-right', [-1.2, -1.4],
];

/** A value per primary role, as a MapLibre expression. */
const byRole = (value: (role: Role) => string | number, fallback: string | number): ExpressionSpecification =>
  ['match', ['get', 'primaryRole'], ...ROLES.flatMap((r) => [r, value(r)]), fallback] as unknown as ExpressionSpecification;
const roleColor = byRole((r) => ROLE_COLORS[r], '#555');
const patterned = Object.keys(PATTERNS);
const dotted = ROLES.filter((r) => pinStyle(r).dot);
/** Selected, or one of the places a journey step shows together. */
const selected = (on: number | string, off: number | string): DataDrivenPropertyValueSpecification<number> =>
  ['case', ['any', ['boolean', ['feature-state', 'selected'], false], ['boolean', ['feature-state', 'onStep'], false]], on, off] as unknown as DataDrivenPropertyValueSpecification<number>;
const isPrecision = (p: string): ExpressionSpecification => ['==', ['get', 'precision'], p];
/** A leg with an end its sentence does not state (read from context): drawn dashed, never as a firm line. */
const hasUnstatedEnd: ExpressionSpecification = ['has', 'unstated'];

/** A leg of a bundled fan (bundle.ts): one of many drawn together, so each is thinner and fainter than a lone route. */
const isFan: ExpressionSpecification = ['==', ['get', 'fan'], true];
/** Routes muted at the overview, a fan's legs more so, emphasis at full strength: look.ts's LEG. */
const legPaint = {
  'line-color': ['case', ['==', ['feature-state', 'emphasis'], 'current'], CURRENT_LEG_COLOR, ['==', ['feature-state', 'emphasis'], 'connected'], CONNECTED_LEG_COLOR, ROUTE_COLOR] as unknown as ExpressionSpecification,
  'line-width': [
    'case',
    ['boolean', ['feature-state', 'selected'], false], LEG.selectedWidth,
    ['==', ['feature-state', 'emphasis'], 'current'], LEG.currentWidth,
    ['==', ['feature-state', 'emphasis'], 'connected'], LEG.connectedWidth,
    isFan, LEG.fanWidth,
    LEG.width,
  ] as unknown as ExpressionSpecification,
  'line-opacity': [
    'case',
    ['boolean', ['feature-state', 'selected'], false], 1,
    ['match', ['coalesce', ['feature-state', 'emphasis'], 'none'], 'current', 1, 'done', LEG.doneOpacity, 'connected', 1, 'ahead', LEG.aheadOpacity, 'dim', LEG.dimOpacity, 'none', ['case', isFan, LEG.fanOpacity, LEG.opacity], LEG.opacity],
  ] as unknown as ExpressionSpecification,
};

/** Arrowheads along a leg; `overlap`: drawn wherever they fall, else left out where they would meet another symbol. */
const arrowLayout = (overlap: boolean): SymbolLayerSpecification['layout'] => ({
  'symbol-placement': 'line',
  'symbol-spacing': 90,
  'icon-image': ['match', ['get', 'direction'], 'round-trip', ROUND_TRIP_IMAGE, ARROW_IMAGE],
  'icon-size': 0.9,
  'icon-rotation-alignment': 'map',
  'icon-allow-overlap': overlap,
  'icon-ignore-placement': true,
  ...(overlap ? {} : { 'icon-padding': 2 }),
});

export const DATA_LAYERS: LayerSpecification[] = [
  {
    id: LAYERS.countryFill,
    type: 'fill',
    source: SOURCES.places,
    filter: isPrecision('country'),
    paint: { 'fill-color': roleColor, 'fill-opacity': selected(SHAPE.countrySelectedOpacity, SHAPE.countryOpacity) },
  },
  {
    id: LAYERS.countryLine,
    type: 'line',
    source: SOURCES.places,
    filter: isPrecision('country'),
    paint: { 'line-color': roleColor, 'line-width': selected(SHAPE.selectedLineWidth, SHAPE.countryLineWidth) },
  },
  {
    // Vague places: a translucent zone with a dashed edge, never a pin.
    id: LAYERS.areaFill,
    type: 'fill',
    source: SOURCES.places,
    filter: isPrecision('area'),
    paint: { 'fill-color': roleColor, 'fill-opacity': selected(SHAPE.zoneSelectedOpacity, SHAPE.zoneOpacity) },
  },
  {
    id: LAYERS.areaLine,
    type: 'line',
    source: SOURCES.places,
    filter: isPrecision('area'),
    paint: { 'line-color': roleColor, 'line-width': selected(SHAPE.selectedLineWidth, SHAPE.zoneLineWidth), 'line-dasharray': [...SHAPE.zoneDash] },
  },
  {
    // The cue on a country or zone: hatching, dots or cross-hatching in the family's hue over its tint.
    id: LAYERS.shapePatterns,
    type: 'fill',
    source: SOURCES.places,
    filter: ['all', ['!=', ['get', 'precision'], 'point'], ['in', ['get', 'primaryRole'], ['literal', patterned]]],
    paint: { 'fill-pattern': ['concat', 'pattern-', ['get', 'primaryRole']] as unknown as ExpressionSpecification, 'fill-opacity': selected(SHAPE.patternSelectedOpacity, SHAPE.patternOpacity) },
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
    paint: { ...legPaint, 'line-dasharray': [...LEG.unstatedDash] },
  },
  {
    id: LAYERS.legArrows,
    type: 'symbol',
    source: SOURCES.legs,
    // A directed leg's arrows point the way of travel; a round trip's point both ways; an undirected leg has none.
    filter: ['all', ['!=', ['get', 'direction'], 'undirected'], ['!', isFan]],
    layout: arrowLayout(true),
  },
  {
    // A fan's legs share their stem: their arrowheads would pile up on it, ten deep. Where two would meet, the one
    // placed later is left out, so the stem carries one and each leg keeps those where it runs on its own (issue 25).
    id: LAYERS.fanArrows,
    type: 'symbol',
    source: SOURCES.legs,
    filter: ['all', ['!=', ['get', 'direction'], 'undirected'], isFan],
    layout: arrowLayout(false),
  },
  {
    // Invisible, wide: a finger can select a leg without landing exactly on a 2-pixel line. Opacity 0, not a hint of
    // it: MapLibre then draws nothing for it (a frame of wide lines less, under software WebGL) yet still queries it.
    id: LAYERS.legsHit,
    type: 'line',
    source: SOURCES.legs,
    paint: { 'line-color': '#000', 'line-width': TAP.hitLineWidth, 'line-opacity': 0 },
  },
  {
    // A pin in its family's hue; its cue (solid or hollow, with or without a dot) tells the roles of a family apart.
    id: LAYERS.points,
    type: 'circle',
    source: SOURCES.places,
    filter: isPrecision('point'),
    paint: {
      'circle-color': byRole((r) => pinStyle(r).fill, '#555'),
      'circle-radius': ['+', byRole((r) => pinStyle(r).radius, PIN.radius), selected(PIN.selectedRadius - PIN.radius, 0)] as unknown as ExpressionSpecification,
      'circle-stroke-color': byRole((r) => pinStyle(r).stroke, '#fff'),
      'circle-stroke-width': ['+', byRole((r) => pinStyle(r).strokeWidth, PIN.outline), selected(1, 0)] as unknown as ExpressionSpecification,
    },
  },
  {
    id: LAYERS.pointDots,
    type: 'circle',
    source: SOURCES.places,
    filter: ['all', isPrecision('point'), ['in', ['get', 'primaryRole'], ['literal', dotted]]],
    paint: { 'circle-color': byRole((r) => pinStyle(r).dot ?? '#fff', '#fff'), 'circle-radius': selected(PIN.dotRadius + 1, PIN.dotRadius) },
  },
  {
    // Invisible, as the legs' hit layer: queried, not drawn.
    id: LAYERS.pointsHit,
    type: 'circle',
    source: SOURCES.places,
    filter: isPrecision('point'),
    paint: { 'circle-color': '#000', 'circle-radius': TAP.hitPinRadius, 'circle-opacity': 0 },
  },
  {
    id: LAYERS.labels,
    type: 'symbol',
    source: SOURCES.labels,
    layout: {
      // A zone's shorter label where the curator gave one; the panel and the list keep the full name.
      'text-field': LABEL_TEXT,
      'text-font': [LABEL_FONT],
      'text-size': LABEL.size,
      'text-max-width': 9,
      // Where two labels would meet, MapLibre hides the one placed later: training sites and hubs go first, context last.
      'symbol-sort-key': LABEL_ORDER,
      // A pin's label may sit on any side of it, and a shape's label a little off its centre, before it is hidden.
      'text-variable-anchor-offset': ['case', isPrecision('point'), ['literal', PIN_LABEL_ANCHORS], ['literal', SHAPE_LABEL_ANCHORS]] as unknown as ExpressionSpecification,
      'text-justify': 'auto',
      // Room between neighbouring labels, so two never touch even where both fit.
      'text-padding': 4,
      'text-allow-overlap': false,
      'text-ignore-placement': false,
    },
    paint: { 'text-color': INK, 'text-halo-color': LABEL_HALO, 'text-halo-width': LABEL.haloWidth },
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

/**
 * Past the size threshold, legs' arrowheads are drawn from this zoom in: at 10,000 documents the world view's tiles
 * held some 75,000 of them, which broke MapLibre's symbol placement (an assertion on the icons' vertex arrays, and the
 * map never became idle); at that scale, at the world view, they would be a blur anyway.
 */
export const TILED_ARROWS_MINZOOM = 4;

/** The data layers drawn from the tile archive: the same layers, each reading its GeoJSON source's layer of the tiles. */
export const TILED_DATA_LAYERS: LayerSpecification[] = DATA_LAYERS.map((layer) => {
  if (!('source' in layer) || typeof layer.source !== 'string') return layer;
  const arrows = layer.id === LAYERS.legArrows || layer.id === LAYERS.fanArrows;
  return { ...layer, source: TILE_SOURCE, 'source-layer': layer.source, ...(arrows ? { minzoom: TILED_ARROWS_MINZOOM } : {}) } as LayerSpecification;
});

/** The vector source of the published tile archive (`archiveUrl`: its absolute address), read through the pmtiles protocol. */
export function tileSource(archiveUrl: string, tiles: AtlasTiles): VectorSourceSpecification {
  return { type: 'vector', url: `${PMTILES_PROTOCOL}://${archiveUrl}`, minzoom: tiles.minzoom, maxzoom: tiles.maxzoom, promoteId: 'id' };
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What the style's GeoJSON sources hold from the start, as MapLibre is given it (see map-features.ts). */
export interface SourcesData {
  places: FeatureCollection;
  labels: FeatureCollection;
  legs: FeatureCollection;
}

/**
 * The whole style: every byte of it comes from this site (no tiles, glyph server or sprite). With `data`, the sources
 * hold it from the start: MapLibre's worker cuts it with the basemap, in one round of tiles and frames.
 */
export function atlasStyle(basemapUrl: string, fontUrl: string, data?: SourcesData): StyleSpecification {
  return {
    version: 8,
    'font-faces': { [LABEL_FONT]: fontUrl },
    sources: {
      [SOURCES.basemap]: { type: 'geojson', data: basemapUrl },
      [SOURCES.places]: { type: 'geojson', data: data?.places ?? empty, promoteId: 'id' },
      [SOURCES.labels]: { type: 'geojson', data: data?.labels ?? empty, promoteId: 'id' },
      [SOURCES.legs]: { type: 'geojson', data: data?.legs ?? empty, promoteId: 'id' },
    },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': BASEMAP.sea } },
      { id: LAYERS.basemapFill, type: 'fill', source: SOURCES.basemap, paint: { 'fill-color': BASEMAP.land } },
      { id: LAYERS.basemapLine, type: 'line', source: SOURCES.basemap, paint: { 'line-color': BASEMAP.border, 'line-width': BASEMAP.borderWidth } },
      ...DATA_LAYERS,
    ],
  };
}

/**
 * A small arrowhead for directed legs, drawn in code so no sprite sheet is needed; with `bothWays`, two heads back to
 * back (◀▶) for a round trip.
 */
export function arrowImage(size = 18, bothWays = false): { width: number; height: number; data: Uint8Array } {
  const routeRgb = [1, 3, 5].map((i) => parseInt(ROUTE_COLOR.slice(i, i + 2), 16));
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
      data.set([...routeRgb, 255], i);
    }
  }
  return { width: size, height: size, data };
}
