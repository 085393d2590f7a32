import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import type { MapOptions } from 'maplibre-gl';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { createMapController, type MapControllerOptions } from '../../src/lib/map/controller.ts';
import { createFakeContainer, createFakeMap, drawnFeatures, type DrawnFeature } from '../helpers/fake-map.ts';
import { LAYERS, SOURCES, TILE_SOURCE } from '../../src/lib/map/ids.ts';
import { DATA_LAYERS, TILED_ARROWS_MINZOOM } from '../../src/lib/map/style.ts';
import { PUBLISHED_FILES } from '../../src/lib/atlas/contract.ts';
import type { MapData } from '../../src/lib/map/renderer.ts';

/** A style expression as MapLibre compiles it; throws on one it would refuse. */
function createExpression(value: unknown, where: string) {
  const compiled = expression.createExpression(value, where);
  if (compiled.result !== 'success') throw new Error(compiled.value.map((e) => e.message).join('; '));
  return compiled;
}

const collection = (...ids: string[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: ids.map((id) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id, name: id, evidence: ['kept by the app'] } })),
});
const createData = (): MapData => ({ places: collection('havana', 'paris'), labels: collection('havana', 'paris'), legs: collection('r1-1') });

/** Frames run when the test paints; a page with a document base for the style's URLs. */
function createFakePage() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => (frames.set(next, fn), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('document', { baseURI: 'http://atlas.test/', visibilityState: 'visible' });
  return {
    /** Paints a frame, then runs the task queued after it (afterNextPaint). */
    paint() {
      const due = [...frames.values()];
      frames.clear();
      for (const fn of due) fn(performance.now());
      vi.advanceTimersByTime(0);
    },
  };
}

function createController(fake = createFakeMap(), reducedMotion = true) {
  let mapOptions: MapOptions | undefined;
  const options: MapControllerOptions = { container: createFakeContainer().element, basemapUrl: 'data/basemap.geojson', onPick: vi.fn(), prefersReducedMotion: () => reducedMotion };
  const controller = createMapController(options, (o) => ((mapOptions = o), fake.map));
  return { controller, fake, mapOptions: () => mapOptions! };
}

/** A controller whose map has loaded and been given the data; `asked` asks for a frame as MapLibre itself does. */
async function createLoadedController() {
  const { controller, fake } = createController();
  fake.fire('style.load');
  await controller.setData(createData());
  const asked = () => (fake.map as unknown as { triggerRepaint: () => void }).triggerRepaint();
  return { controller, fake, asked };
}

describe('map controller (against a fake map)', () => {
  let page: ReturnType<typeof createFakePage>;
  beforeEach(() => {
    vi.useFakeTimers();
    page = createFakePage();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('gives the map the style with absolute URLs and turns rotation off', () => {
    const { fake, mapOptions } = createController();
    const style = mapOptions().style as { sources: Record<string, { data?: unknown }> };
    expect(style.sources[SOURCES.basemap]?.data).toBe('http://atlas.test/data/basemap.geojson');
    const map = fake.map as unknown as { touchZoomRotate: { disableRotation: () => void }; keyboard: { disableRotation: () => void } };
    expect(map.touchZoomRotate.disableRotation).toHaveBeenCalledOnce();
    expect(map.keyboard.disableRotation).toHaveBeenCalledOnce();
  });

  it('holds the data it is made with in the style’s sources, and sends the sources data again only when it changes', async () => {
    const fake = createFakeMap();
    const initial = createData();
    let mapOptions: MapOptions | undefined;
    const controller = createMapController(
      { container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick: vi.fn(), prefersReducedMotion: () => true, initialData: initial },
      (o) => ((mapOptions = o), fake.map),
    );
    const sources = (mapOptions!.style as { sources: Record<string, { data: FeatureCollection }> }).sources;
    const ids = (id: string) => sources[id]!.data.features.map((f) => f.properties?.id);
    expect([ids(SOURCES.places), ids(SOURCES.labels), ids(SOURCES.legs)]).toEqual([['havana', 'paris'], ['havana', 'paris'], ['r1-1']]);
    fake.fire('style.load');
    await controller.setData(initial);
    expect([...fake.data.keys()], 'the data the style already holds, sent again').toEqual([]);
    const next = { ...createData(), places: collection('prague') };
    await controller.setData(next);
    expect(fake.data.get(SOURCES.places)?.features.map((f) => f.properties?.id)).toEqual(['prague']);
  });

  it('lets labels fade in and out only where motion is welcome', () => {
    expect(createController(createFakeMap(), false).mapOptions().fadeDuration).toBe(300);
    expect(createController(createFakeMap(), true).mapOptions().fadeDuration).toBe(0);
  });

  it('moves the centre with the map’s box when a panel opens beside it, so the geography stays still on the page (issue 32)', () => {
    let observe: ResizeObserverCallback = () => {};
    vi.stubGlobal('ResizeObserver', class { constructor(fn: ResizeObserverCallback) { observe = fn; } observe() {} disconnect() {} });
    const container = createFakeContainer({ left: 0, top: 56, right: 1280, bottom: 800 });
    // The old map's px as a lng/lat, so the test reads which point became the centre.
    const fake = createFakeMap({ unproject: ([x, y]) => ({ lng: x, lat: y }) });
    const controller = createMapController({ container: container.element, basemapUrl: 'b.geojson', onPick: vi.fn(), prefersReducedMotion: () => true }, () => fake.map);
    const map = fake.map as unknown as { jumpTo: ReturnType<typeof vi.fn>; resize: ReturnType<typeof vi.fn>; redraw: ReturnType<typeof vi.fn> };
    container.box.right = 832; // the side panel takes the right 448 px
    observe([], {} as ResizeObserver);
    expect(map.jumpTo).toHaveBeenCalledWith({ center: { lng: 416, lat: 372 } });
    expect(map.resize).toHaveBeenCalledOnce();
    expect(map.redraw).toHaveBeenCalledOnce();
    // A frame asked for in the same task as the panel opened resizes first, and only once.
    container.box.right = 1280;
    controller.frame([0, 0, 10, 10]);
    expect(map.resize).toHaveBeenCalledTimes(2);
    observe([], {} as ResizeObserver);
    expect(map.resize).toHaveBeenCalledTimes(2);
    // A camera on the move keeps its course: resized, not moved.
    fake.status.moving = true;
    container.box.bottom = 500;
    observe([], {} as ResizeObserver);
    expect(map.jumpTo).toHaveBeenCalledTimes(2);
    expect(map.resize).toHaveBeenCalledTimes(3);
    controller.destroy();
  });

  describe('what a tap opens, from the features the map has drawn', () => {
    // Screen px (the fake projects lng/lat as px): Havana's pin inside Cuba, Cuba's label point 20 px from it, a
    // route line passing below, the sea around.
    const drawn: DrawnFeature[] = [
      { layer: LAYERS.points, source: SOURCES.places, id: 'havana', geometry: { type: 'Point', coordinates: [380, 100] }, reach: 9 },
      { layer: LAYERS.pointsHit, source: SOURCES.places, id: 'havana', geometry: { type: 'Point', coordinates: [380, 100] }, reach: 22 },
      { layer: LAYERS.countryFill, source: SOURCES.places, id: 'cuba', geometry: { type: 'Polygon', coordinates: [[[340, 80], [460, 80], [460, 140], [340, 140], [340, 80]]] } },
      { layer: LAYERS.legs, source: SOURCES.legs, id: 'cuba-paris', geometry: { type: 'LineString', coordinates: [[0, 200], [800, 200]] }, reach: 1 },
      { layer: LAYERS.legsHit, source: SOURCES.legs, id: 'cuba-paris', geometry: { type: 'LineString', coordinates: [[0, 200], [800, 200]] }, reach: 12 },
      // A leg of the KGB fan running over Cuba's label point (as the fan's legs took Colombia's taps).
      { layer: LAYERS.legs, source: SOURCES.legs, id: 'kgb', geometry: { type: 'LineString', coordinates: [[400, 60], [400, 180]] }, reach: 1 },
      { layer: LAYERS.legsHit, source: SOURCES.legs, id: 'kgb', geometry: { type: 'LineString', coordinates: [[400, 60], [400, 180]] }, reach: 12 },
    ];
    const cubaLabelPoint: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [400, 120] }, properties: { id: 'cuba', name: 'Cuba', precision: 'country', evidence: [] } }] };

    async function tapAt(x: number, y: number) {
      const fake = createFakeMap({ query: drawnFeatures(drawn), project: ([lng, lat]) => ({ x: lng, y: lat }) });
      const onPick = vi.fn();
      const controller = createMapController({ container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick, prefersReducedMotion: () => true }, () => fake.map);
      fake.fire('style.load');
      await controller.setData({ ...createData(), labels: cubaLabelPoint });
      fake.fire('click', { point: { x, y } });
      controller.destroy();
      return (onPick.mock.calls[0]![0] as Array<{ id: string; kind: string }>).map((r) => (r.kind === 'leg' ? `leg:${r.id}` : r.id));
    }

    it.each([
      { name: 'a pin opens its place; the country under it and a line near are offered', at: [382, 101], picks: ['havana', 'cuba', 'leg:kgb'] },
      { name: 'a country’s label point opens the country, before the line over it and a pin 20 px away', at: [400, 120], picks: ['cuba', 'leg:kgb', 'havana'] },
      { name: 'the line itself opens the leg', at: [600, 200], picks: ['leg:cuba-paris'] },
      { name: 'the country under the finger, nothing else near: the country alone', at: [450, 135], picks: ['cuba'] },
      { name: 'the bare sea opens nothing', at: [100, 400], picks: [] },
      { name: 'the sea 10 px beside a line: the line is the only fair reading', at: [100, 210], picks: ['leg:cuba-paris'] },
    ])('$name', async ({ at, picks }) => {
      expect(await tapAt(at[0]!, at[1]!)).toEqual(picks);
    });

    // Past the tiles threshold the legs' lines are measured from the page's data, not asked of the map's tiles: the
    // map's query answers for pins, labels and shapes only. The same taps open the same marks.
    const tiles = { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 };
    const line = (id: string, coordinates: Array<[number, number]>) => ({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates }, properties: { id, from: 'a', to: 'b' } });
    const legsAsData = (...extra: ReturnType<typeof line>[]): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [line('cuba-paris', [[0, 200], [800, 200]]), line('kgb', [[400, 60], [400, 180]]), ...extra],
    });
    async function tapTiledAt(x: number, y: number, legs = legsAsData(), visible: { places: string[]; legs: string[] } | null = null) {
      const fake = createFakeMap({ query: drawnFeatures(drawn.filter((f) => f.source !== SOURCES.legs)), project: ([lng, lat]) => ({ x: lng, y: lat }), unproject: ([px, py]) => ({ lng: px, lat: py }) });
      const onPick = vi.fn();
      const controller = createMapController({ container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick, prefersReducedMotion: () => true }, () => fake.map);
      fake.fire('style.load');
      await controller.setData({ ...createData(), labels: cubaLabelPoint, legs, meta: { tiles } });
      if (visible) controller.setVisible(visible);
      fake.fire('click', { point: { x, y } });
      controller.destroy();
      return (onPick.mock.calls[0]![0] as Array<{ id: string; kind: string }>).map((r) => (r.kind === 'leg' ? `leg:${r.id}` : r.id));
    }

    it.each([
      { at: [382, 101], picks: ['havana', 'cuba', 'leg:kgb'] },
      { at: [400, 120], picks: ['cuba', 'leg:kgb', 'havana'] },
      { at: [600, 200], picks: ['leg:cuba-paris'] },
      { at: [450, 135], picks: ['cuba'] },
      { at: [100, 400], picks: [] },
      { at: [100, 210], picks: ['leg:cuba-paris'] },
    ])('drawn from tiles, a tap at $at opens the same: $picks', async ({ at, picks }) => {
      expect(await tapTiledAt(at[0]!, at[1]!)).toEqual(picks);
    });

    it('drawn from tiles, offers every shown leg drawn on the tapped line, and none hidden', async () => {
      const legs = legsAsData(line('cuba-paris-1962', [[0, 200], [800, 200]]), line('cuba-paris-hidden', [[0, 200], [800, 200]]));
      expect(await tapTiledAt(600, 200, legs)).toEqual(['leg:cuba-paris', 'leg:cuba-paris-1962', 'leg:cuba-paris-hidden']);
      expect(await tapTiledAt(600, 200, legs, { places: ['havana', 'cuba'], legs: ['cuba-paris', 'cuba-paris-1962', 'kgb'] })).toEqual(['leg:cuba-paris', 'leg:cuba-paris-1962']);
    });

    it('drawn from tiles, offers a line of thousands of legs as its first shown ones, as many as the chooser names', async () => {
      const many = Array.from({ length: 5000 }, (_, i) => line(`cuba-paris-${String(i).padStart(4, '0')}`, [[0, 200], [800, 200]]));
      const hidden = { places: ['havana', 'cuba'], legs: ['cuba-paris', ...many.slice(2).map((l) => l.properties.id)] };
      expect(await tapTiledAt(600, 200, legsAsData(...many))).toEqual(['leg:cuba-paris', 'leg:cuba-paris-0000', 'leg:cuba-paris-0001', 'leg:cuba-paris-0002']);
      expect(await tapTiledAt(600, 200, legsAsData(...many), hidden)).toEqual(['leg:cuba-paris', 'leg:cuba-paris-0002', 'leg:cuba-paris-0003', 'leg:cuba-paris-0004']);
    });

    it('shows the pointer over what a click would pick, for a mouse', () => {
      const fake = createFakeMap({ query: drawnFeatures(drawn) });
      const controller = createMapController({ container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick: vi.fn(), prefersReducedMotion: () => true }, () => fake.map);
      fake.fireDom('pointermove', { pointerType: 'mouse', clientX: 380, clientY: 100 });
      expect(fake.canvas.style.cursor).toBe('pointer');
      fake.fireDom('pointermove', { pointerType: 'mouse', clientX: 100, clientY: 400 });
      expect(fake.canvas.style.cursor).toBe('');
      controller.destroy();
    });
  });

  it('destroy removes every listener it added, on the map and on its canvas, and removes the map', () => {
    const { controller, fake } = createController();
    expect(fake.listenerCount()).toBeGreaterThan(0);
    controller.destroy();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.remove).toHaveBeenCalledOnce();
  });

  it('holds data until the style has loaded, then gives the map only the properties it draws', async () => {
    const { controller, fake } = createController();
    const done = controller.setData(createData());
    expect(fake.data.size).toBe(0);
    fake.fire('style.load');
    await done;
    expect(fake.data.get(SOURCES.places)?.features.map((f) => f.properties)).toEqual([
      { id: 'havana', name: 'havana' },
      { id: 'paris', name: 'paris' },
    ]);
    expect(fake.data.get(SOURCES.legs)?.features).toHaveLength(1);
  });

  it('draws from the tile archive when the data says it is tiled: one pmtiles vector source, the same layers reading its layers, highlights on them', async () => {
    const { controller, fake } = createController();
    controller.select({ kind: 'place', id: 'havana' });
    const done = controller.setData({ ...createData(), meta: { tiles: { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 } } });
    fake.fire('style.load');
    await done;
    // No GeoJSON for MapLibre's worker to cut: the tiles were cut at build time.
    expect(fake.data.size).toBe(0);
    expect(fake.style.removed.sources.sort()).toEqual([SOURCES.labels, SOURCES.legs, SOURCES.places]);
    expect(fake.style.removed.layers).toEqual(DATA_LAYERS.map((l) => l.id));
    expect(fake.style.added.sources.get(TILE_SOURCE)).toEqual({ type: 'vector', url: `pmtiles://http://atlas.test/data/${PUBLISHED_FILES.tiles}`, minzoom: 0, maxzoom: 6, promoteId: 'id' });
    expect(fake.style.added.layers.map((l) => [l.id, l.source, l['source-layer']])).toEqual(DATA_LAYERS.map((l) => [l.id, TILE_SOURCE, 'source' in l ? l.source : undefined]));
    // Tens of thousands of arrowheads at the world view broke MapLibre's symbol placement at 10,000 documents.
    const minzoom = (id: string) => (fake.style.added.layers.find((l) => l.id === id) as { minzoom?: number } | undefined)?.minzoom;
    expect([minzoom(LAYERS.legArrows), minzoom(LAYERS.fanArrows), minzoom(LAYERS.legs)]).toEqual([TILED_ARROWS_MINZOOM, TILED_ARROWS_MINZOOM, undefined]);
    page.paint();
    expect(fake.state(`${TILE_SOURCE}/${SOURCES.places}`, 'havana')).toEqual({ selected: true });
    expect(fake.state(`${TILE_SOURCE}/${SOURCES.labels}`, 'havana')).toEqual({ selected: true });
    controller.emphasizeLegs(new Map([['r1-1', 'current']]));
    page.paint();
    expect(fake.state(`${TILE_SOURCE}/${SOURCES.legs}`, 'r1-1')).toEqual({ emphasis: 'current' });
    // New data for the same tiled corpus (another language, a journey's labels first) leaves the sources as they are.
    await controller.setData({ ...createData(), meta: { tiles: { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 } } });
    expect(fake.style.added.sources.size).toBe(1);
    expect(fake.style.added.layers).toHaveLength(DATA_LAYERS.length);
  });

  it('drawn from tiles, highlights a leg on the line the tiles draw it on: its strongest emphasis, dimmed only when all its legs are', async () => {
    const { controller, fake } = createController();
    const leg = (id: string, coordinates: Array<[number, number]>) => ({ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates }, properties: { id, from: 'a', to: 'b', direction: 'outbound' } });
    // Three legs of three documents on one line (its id the least of theirs, "b-1961"), and one leg on a line of its own.
    const legs: FeatureCollection = { type: 'FeatureCollection', features: [leg('c-1962', [[0, 0], [10, 10]]), leg('b-1961', [[0, 0], [10, 10]]), leg('d-1963', [[0, 0], [10, 10]]), leg('e', [[5, 0], [5, 10]])] };
    const done = controller.setData({ ...createData(), legs, meta: { tiles: { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 } } });
    fake.fire('style.load');
    await done;
    const lineState = (id: string) => fake.state(`${TILE_SOURCE}/${SOURCES.legs}`, id);
    controller.select({ kind: 'leg', id: 'd-1963' });
    controller.emphasizeLegs(new Map([['c-1962', 'dim'], ['d-1963', 'current'], ['e', 'dim']]));
    page.paint();
    expect([lineState('b-1961'), lineState('e')]).toEqual([{ selected: true, emphasis: 'current' }, { emphasis: 'dim' }]);
    // One leg of the line left as it is keeps the line at full strength; every leg dimmed dims it.
    controller.emphasizeLegs(new Map([['c-1962', 'dim'], ['d-1963', 'dim']]));
    page.paint();
    expect([lineState('b-1961'), lineState('e')]).toEqual([{ selected: true }, {}]);
    controller.emphasizeLegs(new Map([['b-1961', 'dim'], ['c-1962', 'dim'], ['d-1963', 'dim']]));
    page.paint();
    expect(lineState('b-1961')).toEqual({ selected: true, emphasis: 'dim' });
    // Shown: the lines with a leg shown.
    controller.setVisible({ places: ['havana'], legs: ['c-1962'] });
    const legFilter = JSON.stringify(fake.filter(LAYERS.legs));
    expect([legFilter.includes('"b-1961"'), legFilter.includes('"c-1962"'), legFilter.includes('"e"')]).toEqual([true, false, false]);
  });

  it('names the tiled map’s places in the page’s language and order: the tiles’ English labels give way by id', async () => {
    const { controller, fake } = createController();
    const tiled = { meta: { tiles: { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 } } };
    // The page's Spanish labels, a journey step's place (Paris) ranked first.
    const labels: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'havana', name: 'La Habana', labelRank: 1 } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { id: 'paris', name: 'París', label: 'París', labelRank: -999 } },
      ],
    };
    const done = controller.setData({ ...createData(), labels, ...tiled });
    fake.fire('style.load');
    await done;
    // What MapLibre prints and ranks for each label of the tiles (as derived: English, the corpus's ranks).
    const evaluate = (property: string, tile: Record<string, unknown>) =>
      createExpression(fake.style.layout.get(`${LAYERS.labels}/${property}`), `layers.${LAYERS.labels}.layout.${property}`).value.evaluate({ zoom: 3 }, { type: 'Point', properties: tile } as never);
    const fromTiles = { havana: { id: 'havana', name: 'Havana', labelRank: 1 }, paris: { id: 'paris', name: 'Paris', labelRank: 5 }, lima: { id: 'lima', name: 'Lima', label: 'Lima', labelRank: 3 } };
    expect([evaluate('text-field', fromTiles.havana), evaluate('text-field', fromTiles.paris), evaluate('text-field', fromTiles.lima)]).toEqual(['La Habana', 'París', 'Lima']);
    expect([evaluate('symbol-sort-key', fromTiles.havana), evaluate('symbol-sort-key', fromTiles.paris), evaluate('symbol-sort-key', fromTiles.lima)]).toEqual([1, -999, 3]);
    // Back to English: the page's labels again.
    await controller.setData({ ...createData(), ...tiled });
    expect([evaluate('text-field', fromTiles.havana), evaluate('text-field', fromTiles.paris)]).toEqual(['havana', 'paris']);
  });

  it('keeps a selection made before load through setData', async () => {
    const { controller, fake } = createController();
    controller.select({ kind: 'place', id: 'havana' });
    const done = controller.setData(createData());
    fake.fire('style.load');
    await done;
    page.paint();
    expect(fake.state(SOURCES.places, 'havana')).toEqual({ selected: true });
    expect(fake.state(SOURCES.labels, 'havana')).toEqual({ selected: true });
    expect(fake.state(SOURCES.places, 'paris')).toEqual({});
  });

  it('moves the highlight after the next paint, not at once', async () => {
    const { controller, fake } = createController();
    fake.fire('style.load');
    await controller.setData(createData());
    controller.select({ kind: 'place', id: 'havana' });
    expect(fake.state(SOURCES.places, 'havana')).toEqual({});
    page.paint();
    expect(fake.state(SOURCES.places, 'havana')).toEqual({ selected: true });
    controller.select({ kind: 'leg', id: 'r1-1' });
    page.paint();
    expect(fake.state(SOURCES.places, 'havana')).toEqual({ selected: false });
    expect(fake.state(SOURCES.legs, 'r1-1')).toEqual({ selected: true });
  });

  it('draws the feature states again once a lost WebGL context is restored and the map is idle', async () => {
    const { controller, fake } = createController();
    fake.fire('style.load');
    await controller.setData(createData());
    controller.select({ kind: 'place', id: 'paris' });
    controller.emphasizeLegs(new Map([['r1-1', 'current']]));
    page.paint();
    fake.fire('webglcontextlost');
    // MapLibre rebuilds the style from a snapshot after a restore: the feature states are not in it.
    fake.forgetFeatureStates();
    fake.fire('webglcontextrestored');
    expect(fake.state(SOURCES.places, 'paris')).toEqual({});
    fake.fire('idle');
    expect(fake.state(SOURCES.places, 'paris')).toEqual({ selected: true });
    expect(fake.state(SOURCES.legs, 'r1-1')).toEqual({ emphasis: 'current' });
  });

  it('holds the frames asked for while tiles load, with the camera still, until the last tile is in', async () => {
    const { fake, asked } = await createLoadedController();
    const before = fake.framesDrawn();
    fake.status.tilesLoaded = false;
    asked(); // a tile came in, others are still loading
    asked();
    fake.fire('sourcedata', { sourceId: SOURCES.places, tile: {} });
    expect(fake.framesDrawn()).toBe(before);
    fake.status.tilesLoaded = true;
    fake.fire('sourcedata', { sourceId: SOURCES.places, tile: {} });
    expect(fake.framesDrawn()).toBe(before + 1); // one frame for all of them
  });

  it('lets a frame through at once for new data, for a camera on the move, and after 500 ms of loading tiles', async () => {
    const { fake, asked } = await createLoadedController();
    const before = fake.framesDrawn();
    fake.status.tilesLoaded = false;
    asked();
    fake.fire('sourcedata', { sourceId: SOURCES.legs, sourceDataType: 'content' }); // its frame asks for its tiles
    expect(fake.framesDrawn()).toBe(before + 1);
    fake.status.moving = true;
    asked();
    expect(fake.framesDrawn()).toBe(before + 2);
    fake.status.moving = false;
    asked();
    vi.advanceTimersByTime(499);
    expect(fake.framesDrawn()).toBe(before + 2);
    vi.advanceTimersByTime(1);
    expect(fake.framesDrawn()).toBe(before + 3);
  });

  // A renderer taking over is told the state once, by the map host (map-host.test.ts), so the controller no longer
  // needs to absorb a second send of the same ids.
  it('filters the map to the visible ids, and back to all', async () => {
    const { controller, fake } = await createLoadedController();
    controller.setVisible({ places: ['havana'], legs: [] });
    expect(fake.filter(LAYERS.points)).toEqual(['all', expect.anything(), ['in', ['get', 'id'], ['literal', ['havana']]]]);
    const before = fake.framesDrawn();
    controller.setVisible(null);
    expect(fake.filter(LAYERS.points)).not.toContainEqual(['in', ['get', 'id'], ['literal', ['havana']]]);
    expect(fake.framesDrawn()).toBeGreaterThan(before);
  });

  it('answers whenIdle without a frame when the map is idle and nothing asked for one since, and waits for idle otherwise', async () => {
    const { controller, fake } = await createLoadedController();
    page.paint();
    fake.fire('idle');
    const before = fake.framesDrawn();
    let idle = false;
    void controller.whenIdle().then(() => (idle = true));
    page.paint();
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(fake.framesDrawn()).toBe(before);

    controller.select({ kind: 'place', id: 'havana' }); // its highlight asks for a frame
    idle = false;
    void controller.whenIdle().then(() => (idle = true));
    page.paint();
    page.paint();
    await Promise.resolve();
    expect(idle).toBe(false);
    fake.fire('idle');
    await Promise.resolve();
    expect(idle).toBe(true);
  });

  it('asks for another renderer when a lost context does not come back', () => {
    const onContextUnrestored = vi.fn();
    const fake = createFakeMap();
    createMapController({ container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick: vi.fn(), prefersReducedMotion: () => true, onContextUnrestored }, () => fake.map);
    fake.fire('webglcontextlost');
    vi.advanceTimersByTime(4999);
    expect(onContextUnrestored).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onContextUnrestored).toHaveBeenCalledOnce();
  });
});
