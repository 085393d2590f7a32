import { addProtocol, AttributionControl, LngLat, Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapEventType, type MapOptions, type PointLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import labelFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import type { FilterSpecification } from 'maplibre-gl';
import { ARROW_IMAGE, LAYERS, PICKABLE_LAYERS, PMTILES_PROTOCOL, ROUND_TRIP_IMAGE, SOURCES, TILE_SOURCE } from './ids.ts';
import { anchorDistance, drawnLines, GATHER_RADIUS, lineDistance, lineParts, orderPicks, pinDistance, TAP, type DrawnLine, type MarkKind, type PickCandidate } from './pick-order.ts';
import type { Position } from 'geojson';
import { arrowImage, atlasStyle, DATA_LAYERS, TILED_DATA_LAYERS, tileSource } from './style.ts';
import { PATTERNS, patternId, patternImage } from './marks.ts';
import type { Role } from '../atlas/roles.ts';
import { labelLayoutById, legLines, mapSourcesData, trimToMapProperties, type LegLines } from './map-features.ts';
import { bundleFans } from './bundle.ts';
import { constrainView, framePadding, hasArea, MAX_ZOOM, MIN_ZOOM, sameBox, stillCentre, type Box } from './camera.ts';
import { afterNextPaint } from '../after-paint.ts';
import { BASEMAP } from './look.ts';
import { DATA_DIR, type AtlasTiles, type FeatureRef, type LegEmphasis, type CameraView, type Visibility } from '../atlas/contract.ts';
import type { MapData, MapRenderer } from './renderer.ts';

// MapLibre 6 ships its worker as a separate module; under a bundler it must be told where it went.
setWorkerUrl(workerUrl);

/**
 * The pmtiles protocol, registered once for the page when the first tiled corpus is drawn; its code (and fflate's)
 * loads only then, so a page on GeoJSON never downloads it.
 */
let pmtilesProtocol: Promise<void> | null = null;
const registerPmtiles = () =>
  (pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => addProtocol(PMTILES_PROTOCOL, new Protocol().tile)));

export interface MapControllerOptions {
  container: HTMLElement;
  basemapUrl: string;
  /** Called with what lies under a tap or click, best candidate first (empty: the sea or a bare country). */
  onPick: (refs: FeatureRef[]) => void;
  prefersReducedMotion: () => boolean;
  /** Called when the user (or the code) has moved the map and it has stopped. */
  onViewChange?: (view: CameraView) => void;
  /** Called once if the WebGL context is lost and not given back within CONTEXT_RESTORE_WAIT_MS: the page then needs another renderer. */
  onContextUnrestored?: () => void;
  /** The basemap's credit in the page's language, read again with each new data (a language switch sends new data). */
  basemapCredit?: () => string;
  /**
   * The data the map is about to be given (setData), where it is known as the map is made: the style holds it from the
   * start, not empty sources filled once the style has loaded, which cost a round of empty tiles and their frames.
   */
  initialData?: MapData;
}

/** The credit where the page gives none (the controller's own tests). */
const BASEMAP_CREDIT = 'Basemap: Natural Earth';

/** How long a lost WebGL context may take to come back (a GPU reset takes a moment) before the map gives up on it. */
export const CONTEXT_RESTORE_WAIT_MS = 5000;

/** How long a frame asked for while tiles load may wait for the last of them before it is drawn anyway. */
const TILE_WAIT_MS = 500;

/**
 * What the controller uses of a MapLibre map, and nothing else: the unit tests drive the controller with a small fake
 * of exactly this, and the contract test checks that the real map still has all of it.
 */
export type ControlledMap = Pick<
  MapLibreMap,
  | 'on' | 'off' | 'once' | 'queryRenderedFeatures' | 'project' | 'getCanvas' | 'getCanvasContainer' | 'getSource' | 'setFeatureState'
  | 'removeFeatureState' | 'setFilter' | 'fitBounds' | 'easeTo' | 'jumpTo' | 'getZoom' | 'getCenter' | 'triggerRepaint' | 'remove'
  | 'addImage' | 'hasImage' | 'touchZoomRotate' | 'keyboard' | 'isMoving' | 'areTilesLoaded' | 'loaded' | 'unproject' | 'resize' | 'redraw'
  | 'addSource' | 'removeSource' | 'addLayer' | 'removeLayer' | 'addControl' | 'removeControl' | 'setLayoutProperty'
>;

/** The MapLibre renderer. `M` is MapLibre's own map, except in the controller's unit tests. */
export interface MapController<M extends ControlledMap = MapLibreMap> extends Omit<MapRenderer, 'map'> {
  readonly kind: 'maplibre';
  readonly map: M;
  view(): CameraView;
}


const absolute = (url: string) => new URL(url, document.baseURI).href;

/** MapLibre's own default. */
const LABEL_FADE_MS = 300;

/** The only code that touches MapLibre. One instance for the life of the page. */
export function createMapController(options: MapControllerOptions): MapController;
export function createMapController<M extends ControlledMap>(options: MapControllerOptions, createMap: (mapOptions: MapOptions) => M): MapController<M>;
export function createMapController(
  options: MapControllerOptions,
  createMap: (mapOptions: MapOptions) => ControlledMap = (mapOptions) => new MapLibreMap(mapOptions),
): MapController<ControlledMap> {
  /** The data the style's sources were made with, until setData is given it (past the tiles threshold: none). */
  let inStyle = options.initialData && !options.initialData.meta?.tiles ? options.initialData : undefined;
  // Past the world's edge (north of 85°, where a phone's tall map at the widest zoom reaches) MapLibre draws nothing,
  // not even the background layer: the box shows the sea there, not the page's paper as a blank band under the key.
  options.container.style.backgroundColor = BASEMAP.sea;
  const map = createMap({
    container: options.container,
    style: atlasStyle(absolute(options.basemapUrl), absolute(labelFontUrl), inStyle && mapSourcesData(inStyle)),
    center: [-40, 20],
    zoom: 1.5,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // The credit is a control of the controller's own, so it can follow the page's language (setData).
    attributionControl: false,
    // Resized here (followResize), so that the geography stays still on the page when a panel opens or closes.
    trackResize: false,
    // Labels fade in and out over 300 ms after every move and tap; with reduced motion they appear and go at once.
    // (Read once: MapLibre takes it only here.)
    fadeDuration: options.prefersReducedMotion() ? 0 : LABEL_FADE_MS,
    transformConstrain: (lngLat, zoom) => {
      const view = constrainView(lngLat.lng, lngLat.lat, zoom, options.container.clientHeight);
      return { center: new LngLat(view.lng, view.lat), zoom: view.zoom };
    },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  const creditNow = () => options.basemapCredit?.() ?? BASEMAP_CREDIT;
  let credit = creditNow();
  let attribution = new AttributionControl({ compact: true, customAttribution: credit });
  map.addControl(attribution);
  /** The credit in the language the page shows now: MapLibre's control takes its text once, so a new text is a new control. */
  const followCreditLanguage = () => {
    const next = creditNow();
    if (next === credit) return;
    map.removeControl(attribution);
    credit = next;
    attribution = new AttributionControl({ compact: true, customAttribution: credit });
    map.addControl(attribution);
  };

  // Every subscription is recorded beside the call that made it, so destroy() can undo them all.
  const offs: Array<() => void> = [];
  function on<T extends keyof MapEventType>(type: T, fn: (e: MapEventType[T]) => void) {
    map.on(type, fn);
    offs.push(() => map.off(type, fn));
  }

  // The style's sources and layers exist only once it has loaded: whatever needs them waits here, in the order asked.
  // That is `style.load`, not `load`: `load` waits for the first tiles of every source, which were empty until the
  // data came here, so the data went to MapLibre's worker only after a first round of empty tiles and their frames.
  // (After a restored WebGL context MapLibre fires `style.load` again: the images are in its rebuilt style already.)
  let isLoaded = false;
  const untilLoaded: Array<() => void> = [];
  const whenLoaded = (fn: () => void) => (isLoaded ? fn() : untilLoaded.push(fn));
  on('style.load', () => {
    if (!map.hasImage(ARROW_IMAGE)) map.addImage(ARROW_IMAGE, arrowImage(), { pixelRatio: 2 });
    if (!map.hasImage(ROUND_TRIP_IMAGE)) map.addImage(ROUND_TRIP_IMAGE, arrowImage(18, true), { pixelRatio: 2 });
    for (const role of Object.keys(PATTERNS) as Role[]) if (!map.hasImage(patternId(role))) map.addImage(patternId(role), patternImage(role), { pixelRatio: 1 });
    isLoaded = true;
    for (const fn of untilLoaded.splice(0)) fn();
  });
  offs.push(() => untilLoaded.splice(0));

  const interactiveLayers = PICKABLE_LAYERS;
  const markOf: Record<string, MarkKind> = {
    [LAYERS.points]: 'pin', [LAYERS.pointsHit]: 'pin', [LAYERS.pointDots]: 'pin', [LAYERS.labels]: 'label',
    [LAYERS.legs]: 'line', [LAYERS.legsFromContext]: 'line', [LAYERS.legsHit]: 'line',
    [LAYERS.areaFill]: 'zone', [LAYERS.countryFill]: 'country',
  };
  const box = (point: { x: number; y: number }, r: number): [PointLike, PointLike] => [[point.x - r, point.y - r], [point.x + r, point.y + r]];
  const screenOf = (lngLat: Position): [number, number] => {
    const p = map.project(lngLat as [number, number]);
    return [p.x, p.y];
  };
  /** Countries' and zones' label points, drawn or not (pick-order.ts's anchors), from the data. */
  let anchors: Array<{ id: string; at: Position }> = [];
  /**
   * Drawn from tiles: the legs' lines, measured from the page's data, not asked of MapLibre. At 10,000 documents a
   * finger on Paris met 53,865 leg features in the tiles (tens of thousands of legs on 179 lines), and asking
   * MapLibre for them and their geometry took 0.7 s of a tap.
   */
  let tiledLines: DrawnLine[] = [];
  const legLayers = new Set(Object.keys(markOf).filter((layer) => markOf[layer] === 'line'));
  const layersAskedOfMap = () => (tiled ? interactiveLayers.filter((l) => !legLayers.has(l)) : interactiveLayers);
  /** The legs drawn within `radius` px of the point, from tiledLines, each at its line's distance from it. */
  function tiledLegCandidates(at: [number, number], radius: number): PickCandidate[] {
    const [a, b] = [map.unproject([at[0] - radius, at[1] - radius]), map.unproject([at[0] + radius, at[1] + radius])];
    const [west, east, south, north] = [Math.min(a.lng, b.lng), Math.max(a.lng, b.lng), Math.min(a.lat, b.lat), Math.max(a.lat, b.lat)];
    const shown = visibleLegs();
    const found: PickCandidate[] = [];
    for (const line of tiledLines) {
      if (line.box.east < west || line.box.west > east || line.box.north < south || line.box.south > north) continue;
      const distance = lineDistance(at, line.parts.map((part) => part.map(screenOf)));
      if (distance > radius) continue;
      // A line's legs are one mark at one distance, so the pick order keeps them as gathered and offers at most
      // TAP.chooser marks: no more of a line's shown legs than that can be picked. At 100,000 documents the lines
      // at Paris hold some 60,000 legs, all gathered and sorted on every tap (a third of a second).
      let gathered = 0;
      for (const id of line.legs) {
        if (shown && !shown.has(id)) continue;
        found.push({ ref: { id, kind: 'leg' }, mark: 'line', distance });
        if (++gathered === TAP.chooser) break;
      }
    }
    return found;
  }
  /** What lies under and near a tap, measured as drawn, and put in order by the one pick order (pick-order.ts). */
  function pick(point: { x: number; y: number }): FeatureRef[] {
    const at: [number, number] = [point.x, point.y];
    const candidates: PickCandidate[] = [];
    // The shapes under the finger's point; then labels' text (as MapLibre placed it) and shapes' edges within a finger of it.
    const shapes = [LAYERS.areaFill, LAYERS.countryFill];
    for (const f of map.queryRenderedFeatures([point.x, point.y], { layers: shapes })) candidates.push({ ref: { id: String(f.properties.id), kind: 'place' }, mark: markOf[f.layer.id]!, distance: 0 });
    for (const f of map.queryRenderedFeatures(box(point, TAP.finger), { layers: [LAYERS.labels, ...shapes] })) {
      const mark = markOf[f.layer.id]!;
      candidates.push({ ref: { id: String(f.properties.id), kind: 'place' }, mark, distance: mark === 'label' ? 0 : TAP.finger });
    }
    if (tiled) candidates.push(...tiledLegCandidates(at, GATHER_RADIUS));
    for (const f of map.queryRenderedFeatures(box(point, GATHER_RADIUS), { layers: layersAskedOfMap() })) {
      const mark = markOf[f.layer.id];
      const id = String(f.properties.id);
      if (mark === 'pin' && f.geometry.type === 'Point') candidates.push({ ref: { id, kind: 'place' }, mark, distance: pinDistance(at, screenOf(f.geometry.coordinates)) });
      else if (mark === 'line') {
        candidates.push({ ref: { id, kind: 'leg' }, mark, distance: lineDistance(at, lineParts(f.geometry).map((l) => l.map(screenOf))) });
      } else if (mark === 'label') candidates.push({ ref: { id, kind: 'place' }, mark, distance: TAP.near });
    }
    for (const a of anchors) {
      if (visible && !visible.places.includes(a.id)) continue;
      const distance = anchorDistance(at, screenOf(a.at));
      if (distance <= TAP.near) candidates.push({ ref: { id: a.id, kind: 'place' }, mark: 'anchor', distance });
    }
    return orderPicks(candidates);
  }

  on('click', (e) => options.onPick(pick(e.point)));
  // After a lost WebGL context MapLibre rebuilds the style from a snapshot; feature states are not in it.
  on('webglcontextrestored', () => {
    clearTimeout(restoreTimer);
    map.once('idle', () => drawStates(true));
  });
  let restoreTimer: ReturnType<typeof setTimeout> | undefined;
  on('webglcontextlost', () => {
    clearTimeout(restoreTimer);
    restoreTimer = setTimeout(() => options.onContextUnrestored?.(), CONTEXT_RESTORE_WAIT_MS);
  });
  offs.push(() => clearTimeout(restoreTimer));
  on('moveend', () => options.onViewChange?.(currentView()));

  // A panel opening, closing or changing size beside the map or under it resizes the map's box. MapLibre's own resize
  // keeps the centre, so the geography jumped by half the change (190 px on a phone); here the centre moves with the
  // box instead, and every place stays where the visitor saw it on the page (camera.ts's stillCentre).
  const boxNow = (): Box => {
    const { left, top, right, bottom } = options.container.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  let lastBox = boxNow();
  /** Brings the map to its box's size now; run on a resize and before any camera move, so the move sees the new size. */
  function followResize() {
    const box = boxNow();
    if (sameBox(box, lastBox)) return;
    // A camera on the move (a pan, a framing) keeps its course, as with MapLibre's own resize; a hidden map has no geography to keep.
    if (!map.isMoving() && hasArea(box) && hasArea(lastBox)) map.jumpTo({ center: map.unproject(stillCentre(lastBox, box)) });
    lastBox = box;
    map.resize();
    map.redraw(); // a resized canvas is blank until drawn: drawn before the browser paints it
  }
  if (typeof ResizeObserver !== 'undefined') {
    const resizes = new ResizeObserver(followResize);
    resizes.observe(options.container);
    offs.push(() => resizes.disconnect());
  }
  const currentView = (): CameraView => {
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  };

  // Each data layer keeps its own filter (points, countries, zones …); visibility is added to it.
  const baseFilters = new Map(DATA_LAYERS.map((l) => [l.id, 'filter' in l ? l.filter : undefined]));
  const sourceOfLayer = new Map(DATA_LAYERS.map((l) => [l.id, 'source' in l ? String(l.source) : '']));
  let visible: Visibility = null;
  let visibleLegSet: Set<string> | null = null;
  /** The legs shown now, as a set (null: all), made once for each visibility. */
  const visibleLegs = () => (visible?.legs ? (visibleLegSet ??= new Set(visible.legs)) : null);
  const applyVisibility = () => {
    for (const [layer, base] of baseFilters) {
      const legs = visible?.legs;
      const ids = visible ? (sourceOfLayer.get(layer) === SOURCES.legs ? (legs && tiled ? [...new Set(legs.map(lineOf))] : legs) : visible.places) : null;
      const onlyThese: FilterSpecification | null = ids ? ['in', ['get', 'id'], ['literal', ids]] : null;
      const filter = base && onlyThese ? (['all', base, onlyThese] as FilterSpecification) : (onlyThese ?? base ?? null);
      map.setFilter(layer, filter);
    }
  };

  // The pointer cursor over what a click would pick: for a mouse only. A tap's compatibility mousemove would otherwise
  // query the rendered features once more right before its click, on the way to the passage panel.
  const canvasContainer = map.getCanvasContainer();
  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') return;
    const rect = canvasContainer.getBoundingClientRect();
    const at: [number, number] = [e.clientX - rect.left, e.clientY - rect.top];
    const over = map.queryRenderedFeatures(at, { layers: layersAskedOfMap() }).length > 0 || (tiled && tiledLegCandidates(at, TAP.hitLineWidth / 2).length > 0);
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  };
  canvasContainer.addEventListener('pointermove', onPointerMove);
  offs.push(() => canvasContainer.removeEventListener('pointermove', onPointerMove));

  // A tap's next frame belongs to the passage panel. MapLibre asks for a frame of the whole map when a touch starts
  // and ends, even when nothing moves; under software WebGL that frame outlasts the panel's, and the panel waited for
  // it. So from a pointer going down until the paint after its click, a repaint is held and asked for once after; a
  // move (a pan, a pinch) lets it through at once, and so does a pointer that comes up without a click.
  const repaint = map.triggerRepaint.bind(map);
  let holding = false;
  let held = false;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  let cancelRelease: (() => void) | null = null;
  const release = () => {
    clearTimeout(releaseTimer);
    cancelRelease?.();
    cancelRelease = null;
    if (!holding) return;
    holding = false;
    if (held) repaint();
    held = false;
  };
  // Frames asked for while tiles are still loading, with the camera still, wait for the last of them (or TILE_WAIT_MS):
  // each tile that came in cost a frame of the whole map, and under software WebGL a page's loading drew about a dozen,
  // none of them seen (the first paint's SVG map covers them) and all of them in the way of a tap. A source's new data
  // is let through at once: its frame is the one that asks for its tiles. A camera on the move is never held. A tile
  // that fails comes to the timer: listening for MapLibre's 'error' would stop it printing its errors to the console.
  let heldForTiles = false;
  let tileTimer: ReturnType<typeof setTimeout> | undefined;
  const releaseForTiles = () => {
    clearTimeout(tileTimer);
    if (!heldForTiles) return;
    heldForTiles = false;
    if (holding) held = true;
    else repaint();
  };
  /** The map has been idle since it last drew, and nothing has asked for a frame since: whenIdle needs no frame. */
  let settled = false;
  map.triggerRepaint = () => {
    settled = false;
    if (holding) held = true;
    else if (!map.isMoving() && !map.areTilesLoaded()) {
      if (!heldForTiles) tileTimer = setTimeout(releaseForTiles, TILE_WAIT_MS);
      heldForTiles = true;
    } else repaint();
  };
  on('sourcedata', (e) => {
    if (heldForTiles && (e.sourceDataType === 'content' || map.areTilesLoaded())) releaseForTiles();
  });
  on('idle', () => (settled = true));
  offs.push(() => clearTimeout(tileTimer));
  const pointerListeners: Array<[string, () => void]> = [
    ['pointerdown', () => {
      release();
      holding = true;
      releaseTimer = setTimeout(release, 400); // a long press is no tap
    }],
    ['pointermove', release],
    ['pointercancel', release],
    ['pointerup', () => {
      clearTimeout(releaseTimer);
      if (holding) releaseTimer = setTimeout(release, 100);
    }],
    ['click', () => {
      clearTimeout(releaseTimer);
      if (holding && !cancelRelease) cancelRelease = afterNextPaint(release);
    }],
  ];
  for (const [type, fn] of pointerListeners) {
    canvasContainer.addEventListener(type, fn, { capture: true });
    offs.push(() => canvasContainer.removeEventListener(type, fn, { capture: true }));
  }
  offs.push(release);

  // Highlights are feature states, asked for at once and drawn after the next paint (drawStates): a tap's passage
  // panel reaches the screen in the frame after the tap, and the map redraws its highlight in the frame after that.
  // Under software WebGL a map frame takes longer than the whole panel; drawn together, the panel waited for it.
  /** Drawing from the tile archive (the corpus is past the derivation's size threshold), not the GeoJSON sources. */
  let tiled = false;
  /**
   * The corpus comes as tiles: the three GeoJSON sources and their layers give way to one vector source and the same
   * layers reading it, once (the data's tiles are published with the corpus and never change on the page).
   */
  function drawFromTiles(tiles: AtlasTiles) {
    for (const layer of DATA_LAYERS) map.removeLayer(layer.id);
    for (const source of [SOURCES.places, SOURCES.labels, SOURCES.legs]) map.removeSource(source);
    map.addSource(TILE_SOURCE, tileSource(absolute(`${DATA_DIR}/${tiles.file}`), tiles));
    for (const layer of TILED_DATA_LAYERS) map.addLayer(layer);
    tiled = true;
  }
  let selected: FeatureRef | null = null;
  let emphasized = new Map<string, LegEmphasis>();
  let placesOnStep: readonly string[] = [];
  const drawn = { selected: null as FeatureRef | null, emphasized: new Map<string, LegEmphasis>(), placesOnStep: [] as readonly string[] };
  /** The emphasis (by leg) that drawn.emphasized (by drawn feature) was made from. */
  let drawnEmphasisOf: Map<string, LegEmphasis> | null = null;

  // A feature of one of the GeoJSON sources, or (tiled) of that source's layer of the tile source.
  // Drawn from tiles, legs drawn alike are one line (legLines): a leg's highlight is its line's.
  let tiledLegs: LegLines = { lines: { type: 'FeatureCollection', features: [] }, lineOf: new Map(), legsOn: new Map() };
  const lineOf = (leg: string) => tiledLegs.lineOf.get(leg) ?? leg;
  const featureOf = (source: string, id: string) => (tiled ? { source: TILE_SOURCE, sourceLayer: source, id: source === SOURCES.legs ? lineOf(id) : id } : { source, id });
  /**
   * The legs' emphasis as drawn, by line when drawn from tiles: a line shows the strongest of its legs' emphasis, and
   * is dimmed only when every leg on it is (a leg left as it is keeps its line at full strength).
   */
  const EMPHASIS_RANK: Record<LegEmphasis, number> = { dim: 0, ahead: 1, done: 2, connected: 3, current: 4 };
  const emphasisAsDrawn = (byLeg: Map<string, LegEmphasis>): Map<string, LegEmphasis> => {
    if (!tiled) return byLeg;
    const byLine = new Map<string, LegEmphasis>();
    const dimmed = new Map<string, number>();
    for (const [leg, emphasis] of byLeg) {
      const line = lineOf(leg);
      if (emphasis === 'dim') dimmed.set(line, (dimmed.get(line) ?? 0) + 1);
      else if (EMPHASIS_RANK[emphasis] > EMPHASIS_RANK[byLine.get(line) ?? 'dim']) byLine.set(line, emphasis);
    }
    for (const [line, count] of dimmed) if (!byLine.has(line) && count >= (tiledLegs.legsOn.get(line)?.length ?? 1)) byLine.set(line, 'dim');
    return byLine;
  };
  const sourcesOf = (ref: FeatureRef) => (ref.kind === 'leg' ? [SOURCES.legs] : [SOURCES.places, SOURCES.labels]);
  const setSelected = (ref: FeatureRef, value: boolean) => {
    for (const source of sourcesOf(ref)) map.setFeatureState(featureOf(source, ref.id), { selected: value });
  };
  const setOnStep = (ids: readonly string[], value: boolean) => {
    for (const id of ids) for (const source of [SOURCES.places, SOURCES.labels]) map.setFeatureState(featureOf(source, id), { onStep: value });
  };
  const sameRef = (a: FeatureRef | null, b: FeatureRef | null) => a === b || (a !== null && b !== null && a.id === b.id && a.kind === b.kind);
  /** Brings the map's feature states to what was asked; `all` sets every one again (new data, a restored context). */
  function drawStates(all = false) {
    if (all || !sameRef(drawn.selected, selected)) {
      if (drawn.selected) setSelected(drawn.selected, false);
      if (selected) setSelected(selected, true);
      drawn.selected = selected;
    }
    if (all || drawnEmphasisOf !== emphasized) {
      const wanted = emphasisAsDrawn(emphasized);
      for (const id of drawn.emphasized.keys()) if (!wanted.has(id)) map.removeFeatureState(featureOf(SOURCES.legs, id), 'emphasis');
      for (const [id, emphasis] of wanted) if (all || drawn.emphasized.get(id) !== emphasis) map.setFeatureState(featureOf(SOURCES.legs, id), { emphasis });
      drawn.emphasized = wanted;
      drawnEmphasisOf = emphasized;
    }
    if (all || drawn.placesOnStep !== placesOnStep) {
      setOnStep(drawn.placesOnStep, false);
      setOnStep(placesOnStep, true);
      drawn.placesOnStep = placesOnStep;
    }
  }
  let cancelDraw: (() => void) | null = null;
  const afterDraw: Array<() => void> = [];
  const scheduleDraw = () =>
    whenLoaded(() => {
      if (cancelDraw) return;
      cancelDraw = afterNextPaint(() => {
        cancelDraw = null;
        drawStates();
        for (const fn of afterDraw.splice(0)) fn();
      });
    });
  offs.push(() => cancelDraw?.());

  return {
    kind: 'maplibre',
    map,
    async setData(data) {
      const tiles = data.meta?.tiles;
      if (tiles) await registerPmtiles();
      return new Promise((resolve) =>
        whenLoaded(() => {
          settled = false;
          anchors = data.labels.features.flatMap((f) => (f.geometry.type === 'Point' && f.properties?.precision !== 'point' ? [{ id: String(f.properties?.id), at: f.geometry.coordinates }] : []));
          followCreditLanguage();
          if (tiles) {
            // The tiles hold what the GeoJSON would have given MapLibre's worker to cut (atlas-tiles.ts), cut at build time.
            if (!tiled) drawFromTiles(tiles);
            tiledLegs = legLines(trimToMapProperties(bundleFans(data.legs)));
            tiledLines = drawnLines(tiledLegs.lines, tiledLegs.legsOn);
            // The tiles' labels are the derivation's (English, the corpus's order): the page's words and order over them.
            const layout = labelLayoutById(data.labels);
            map.setLayoutProperty(LAYERS.labels, 'text-field', layout.text);
            map.setLayoutProperty(LAYERS.labels, 'symbol-sort-key', layout.order);
          } else if (data !== inStyle) {
            const sources = mapSourcesData(data);
            (map.getSource(SOURCES.places) as GeoJSONSource).setData(sources.places);
            (map.getSource(SOURCES.labels) as GeoJSONSource).setData(sources.labels);
            (map.getSource(SOURCES.legs) as GeoJSONSource).setData(sources.legs);
          }
          inStyle = undefined;
          applyVisibility();
          drawStates(true);
          resolve();
        }),
      );
    },
    setVisible(next) {
      visible = next;
      visibleLegSet = null;
      whenLoaded(applyVisibility);
    },
    emphasizeLegs(next) {
      emphasized = next;
      scheduleDraw();
    },
    emphasizePlaces(ids) {
      placesOnStep = ids;
      scheduleDraw();
    },
    view() {
      followResize(); // the view as the map is drawn once it has caught up with its box
      return currentView();
    },
    container: options.container,
    jumpTo(view) {
      followResize();
      map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    },
    select(ref) {
      selected = ref;
      scheduleDraw();
    },
    frame(bounds, maxZoom = 5, padding) {
      followResize(); // a panel that opened in this task: framed in the room the map has now
      const canvas = map.getCanvas().getBoundingClientRect();
      map.fitBounds(bounds, { padding: framePadding(bounds, canvas.width, canvas.height, padding), maxZoom, animate: !options.prefersReducedMotion() });
    },
    zoomBy(delta) {
      followResize();
      map.easeTo({ zoom: map.getZoom() + delta, animate: !options.prefersReducedMotion() });
    },
    whenIdle() {
      return new Promise((resolve) => {
        const idle = () => {
          // Idle since, nothing has asked for a frame and no data is pending: there is no frame to wait for.
          if (settled && map.loaded() && !map.isMoving()) return resolve();
          map.once('idle', () => resolve());
          map.triggerRepaint(); // a map already still fires idle again after this frame
        };
        // What was asked in this task (highlights, which wait for a paint) is part of what must be drawn first.
        afterNextPaint(() => (cancelDraw ? afterDraw.push(idle) : idle()));
      });
    },
    destroy() {
      for (const off of offs.splice(0)) off();
      map.remove();
    },
  };
}

