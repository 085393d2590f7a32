/** Source and layer ids, in one place so the controller, the style and the tests agree. */
export const SOURCES = { basemap: 'basemap', places: 'places', labels: 'labels', legs: 'legs' } as const;
/**
 * Past the derivation's size threshold, one vector source in place of the three GeoJSON ones: its tiles' layers are
 * named as those sources (places, labels, legs), so each style layer's `source` becomes its `source-layer`.
 */
export const TILE_SOURCE = 'atlas-tiles';
/** The protocol the pmtiles package answers for MapLibre: `pmtiles://` + the archive's address. */
export const PMTILES_PROTOCOL = 'pmtiles';

export const LAYERS = {
  background: 'background',
  basemapFill: 'basemap-fill',
  basemapLine: 'basemap-line',
  countryFill: 'place-country-fill',
  countryLine: 'place-country-line',
  areaFill: 'place-area-fill',
  areaLine: 'place-area-line',
  shapePatterns: 'place-shape-patterns',
  legs: 'legs-line',
  legsFromContext: 'legs-line-from-context',
  legArrows: 'legs-arrows',
  fanArrows: 'legs-fan-arrows',
  legsHit: 'legs-hit',
  points: 'place-points',
  pointDots: 'place-point-dots',
  pointsHit: 'place-points-hit',
  labels: 'place-labels',
  pinShields: 'place-pin-shields',
} as const;

/** Layers a tap can select; the order among what they hold is pick-order.ts's, the same for every renderer. */
export const PICKABLE_LAYERS: string[] = [LAYERS.pointsHit, LAYERS.points, LAYERS.labels, LAYERS.legsHit, LAYERS.legs, LAYERS.legsFromContext, LAYERS.areaFill, LAYERS.countryFill];

export const ARROW_IMAGE = 'leg-arrow';
/** The arrowhead of a round trip: one each way. */
export const ROUND_TRIP_IMAGE = 'leg-arrow-both';
export const LABEL_FONT = 'Noto Sans Regular';
