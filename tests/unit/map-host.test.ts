import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_MAP_MARK, MapHost, type MapHostOptions, type RendererMakers } from '../../src/lib/map/map-host.svelte.ts';
import type { MapControllerOptions } from '../../src/lib/map/controller.ts';
import type { CameraView, RendererKind } from '../../src/lib/atlas/contract.ts';
import type { MapData, MapRenderer } from '../../src/lib/map/renderer.ts';

/** Every call the page's renderers receive, in order, as "kind:call arg". */
type Log = string[];

interface FakeRenderer extends MapRenderer {
  options: MapControllerOptions;
  /** How many legs each setData gave it. */
  legsGiven: number[];
  /** The view it shows; the test moves it (a visitor panning the SVG map while MapLibre loads). */
  shown: CameraView;
  destroyed: boolean;
}

const createData = (name = 'a'): MapData => ({ places: { type: 'FeatureCollection', features: [] }, labels: { type: 'FeatureCollection', features: [] }, legs: { type: 'FeatureCollection', features: [] }, name } as unknown as MapData);

/** A renderer that logs what it is asked and draws at once. */
function createFakeRenderer(kind: RendererKind, options: MapControllerOptions, log: Log): FakeRenderer {
  const note = (call: string, arg?: unknown) => log.push(`${kind}:${call}${arg === undefined ? '' : ` ${JSON.stringify(arg instanceof Map ? [...arg] : arg)}`}`);
  note('made');
  const r: FakeRenderer = {
    kind,
    map: null,
    options,
    shown: { lng: -40, lat: 20, zoom: 1.5 },
    legsGiven: [],
    destroyed: false,
    container: options.container,
    setData: (data) => (r.legsGiven.push(data.legs.features.length), note('setData', (data as unknown as { name: string }).name), Promise.resolve()),
    select: (ref) => note('select', ref?.id ?? null),
    setVisible: (v) => note('setVisible', v?.places ?? null),
    emphasizeLegs: (m) => note('emphasizeLegs', m),
    emphasizePlaces: (ids) => note('emphasizePlaces', ids),
    frame: (bounds) => note('frame', bounds),
    jumpTo: (view) => {
      r.shown = view;
      note('jumpTo', [view.lng, view.lat, view.zoom]);
    },
    zoomBy: (d) => note('zoomBy', d),
    view: () => r.shown,
    whenIdle: () => Promise.resolve(),
    destroy: () => {
      r.destroyed = true;
      note('destroy');
    },
  };
  return r;
}

/** A page element: enough of one for the host's layers and the first paint's retiring. */
function createFakeElement(): HTMLElement {
  const children: unknown[] = [];
  const element = {
    className: '',
    style: {} as Record<string, string>,
    classList: { add: vi.fn() },
    addEventListener: vi.fn(),
    remove: vi.fn(),
    appendChild: (child: unknown) => children.push(child),
    ownerDocument: { createElement: () => createFakeElement() },
    children,
  };
  return element as unknown as HTMLElement;
}

/**
 * The page's makers, faked: `webgl` says whether MapLibre can run; MapLibre arrives when the test lets it. Resolves once
 * the SVG map's code has come (or failed), as on the page a moment after the map is mounted.
 */
async function createPage({ webgl = true, svgFails = false, mapLibreRefuses = false } = {}) {
  const log: Log = [];
  const made: Partial<Record<RendererKind, FakeRenderer[]>> = {};
  const keep = (r: FakeRenderer) => ((made[r.kind] ??= []).push(r), r);
  let letMapLibreLoad: () => void = () => {};
  const mapLibreLoaded = new Promise<void>((resolve) => (letMapLibreLoad = resolve));
  const makers: RendererMakers = {
    webgl2Unavailable: () => (webgl ? null : 'no WebGL2 here'),
    // As the page's: its code a chunk of its own, so made a moment after it is asked for.
    svg: async (options) => {
      await Promise.resolve();
      if (svgFails) throw new Error('no SVG');
      return keep(createFakeRenderer('svg', options, log));
    },
    mapLibre: async (options) => {
      await mapLibreLoaded;
      return mapLibreRefuses ? { unavailable: 'no stencil buffer' } : keep(createFakeRenderer('maplibre', options, log));
    },
    none: () => keep(createFakeRenderer('none', { container: createFakeElement() } as MapControllerOptions, log)),
  };
  const host = new MapHost(makers);
  const seen: { renderers: RendererKind[]; views: CameraView[] } = { renderers: [], views: [] };
  const options: MapHostOptions = {
    basemapUrl: 'b.geojson',
    onPick: vi.fn(),
    onViewChange: (view) => seen.views.push(view),
    prefersReducedMotion: () => true,
    onRenderer: (kind) => seen.renderers.push(kind),
  };
  const unmount = host.mount(createFakeElement(), options);
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return { host, log, made, seen, unmount, letMapLibreLoad, svg: () => made.svg![0]!, mapLibre: () => made.maplibre![0]! };
}

/** Lets every promise the host is waiting on settle. */
const settle = () => vi.runAllTimersAsync();
const callsOf = (log: Log, kind: RendererKind, call: string) => log.filter((line) => line.startsWith(`${kind}:${call}`));

describe('the map host: one owner of what draws the map', () => {
  beforeEach(() => {
    // The page's clock for the host's timers; its performance marks stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    performance.clearMarks();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws the SVG map first, loads MapLibre under it, then swaps it in at the same view and retires the SVG map', async () => {
    const page = await createPage();
    let ready = false;
    void page.host.ready.then(() => (ready = true));
    expect(page.host.kind).toBe('svg');
    expect(page.host.firstPaint).toBe(true);
    expect(page.host.staying).toBeNull();
    page.host.setData(createData());
    await settle();
    expect(performance.getEntriesByName(FIRST_MAP_MARK)).toHaveLength(1);
    expect(page.made.maplibre).toBeUndefined();
    // A visitor pans the SVG map while MapLibre loads.
    page.svg().jumpTo({ lng: 10, lat: 45, zoom: 3 });
    page.letMapLibreLoad();
    await settle();
    expect(page.host.current).toBe(page.mapLibre());
    expect(page.host.staying).toBe(page.mapLibre());
    expect(page.host.firstPaint).toBe(false);
    expect(page.seen.renderers).toEqual(['svg', 'maplibre']);
    expect(ready).toBe(true);
    const order = page.log.filter((line) => /made|setData|jumpTo \[10|destroy/.test(line));
    expect(order).toEqual(['svg:made', 'svg:setData "a"', 'svg:jumpTo [10,45,3]', 'maplibre:made', 'maplibre:setData "a"', 'maplibre:jumpTo [10,45,3]', 'svg:destroy']);
  });

  it('gives each renderer the state exactly once as it joins, then each change once: nothing is replayed at the swap', async () => {
    const page = await createPage();
    page.host.select({ kind: 'place', id: 'paris' });
    page.host.setVisible({ places: ['paris', 'havana'], legs: [] });
    const data = createData();
    page.host.setData(data);
    await settle();
    // A tap on the SVG map while MapLibre loads, then MapLibre joins.
    page.host.select({ kind: 'place', id: 'havana' });
    page.letMapLibreLoad();
    await settle();
    page.host.emphasizePlaces(['lima']);
    // The SVG map joined at mount (nothing selected yet), then heard each change.
    expect(callsOf(page.log, 'svg', 'select')).toEqual(['svg:select null', 'svg:select "paris"', 'svg:select "havana"']);
    expect(callsOf(page.log, 'maplibre', 'select')).toEqual(['maplibre:select "havana"']);
    expect(callsOf(page.log, 'maplibre', 'setVisible')).toEqual(['maplibre:setVisible ["paris","havana"]']);
    expect(callsOf(page.log, 'maplibre', 'setData')).toEqual(['maplibre:setData "a"']);
    expect(callsOf(page.log, 'maplibre', 'emphasizePlaces')).toEqual(['maplibre:emphasizePlaces []', 'maplibre:emphasizePlaces ["lima"]']);
    // The retired SVG map is told nothing more.
    expect(callsOf(page.log, 'svg', 'emphasizePlaces')).toEqual(['svg:emphasizePlaces []']);
    // The same data again is no new data; new data (another language's names) is drawn once.
    page.host.setData(data);
    expect(callsOf(page.log, 'maplibre', 'setData')).toHaveLength(1);
    page.host.setData(createData('b'));
    expect(callsOf(page.log, 'maplibre', 'setData')).toEqual(['maplibre:setData "a"', 'maplibre:setData "b"']);
    expect(callsOf(page.log, 'svg', 'setData')).toEqual(['svg:setData "a"']);
  });

  it('carries out each camera move once: one asked before the data waits for it, and none is redone at the swap', async () => {
    const page = await createPage();
    page.host.move({ kind: 'frame', bounds: [0, 0, 10, 10], maxZoom: 4 });
    expect(callsOf(page.log, 'svg', 'frame')).toEqual([]);
    page.host.setData(createData());
    await settle();
    expect(callsOf(page.log, 'svg', 'frame')).toEqual(['svg:frame [0,0,10,10]']);
    page.letMapLibreLoad();
    await settle();
    expect(callsOf(page.log, 'maplibre', 'frame')).toEqual([]);
    page.host.move({ kind: 'zoom', delta: 1 });
    expect(callsOf(page.log, 'maplibre', 'zoomBy')).toEqual(['maplibre:zoomBy 1']);
    expect(callsOf(page.log, 'svg', 'zoomBy')).toEqual([]);
  });

  it('reports the view of the map the visitor sees: the SVG map’s until MapLibre is shown, then MapLibre’s', async () => {
    const page = await createPage();
    page.host.setData(createData());
    await settle();
    page.svg().options.onViewChange!({ lng: 1, lat: 2, zoom: 3 });
    page.letMapLibreLoad();
    await Promise.resolve();
    await Promise.resolve();
    page.mapLibre().options.onViewChange!({ lng: 9, lat: 9, zoom: 9 }); // while it catches up, unseen
    await settle();
    page.mapLibre().options.onViewChange!({ lng: 4, lat: 5, zoom: 6 });
    expect(page.seen.views).toEqual([{ lng: 1, lat: 2, zoom: 3 }, { lng: 4, lat: 5, zoom: 6 }]);
  });

  it('falls back to the SVG map when a lost WebGL context is not given back, at the same view, with the state given once', async () => {
    const page = await createPage();
    page.host.setData(createData());
    page.host.select({ kind: 'place', id: 'paris' });
    await settle();
    page.letMapLibreLoad();
    await settle();
    page.mapLibre().options.onViewChange!({ lng: 0, lat: 40, zoom: 3 });
    page.log.length = 0;
    page.mapLibre().options.onContextUnrestored!();
    await settle();
    expect(page.mapLibre().destroyed).toBe(true);
    const fallback = page.made.svg![1]!;
    expect(page.host.current).toBe(fallback);
    expect(page.host.staying).toBe(fallback);
    expect(page.seen.renderers).toEqual(['svg', 'maplibre', 'svg']);
    // Drawn where MapLibre's canvas was, not in the first paint's retired box.
    expect(fallback.container).toBe(page.mapLibre().container);
    expect(callsOf(page.log, 'svg', 'select')).toEqual(['svg:select "paris"']);
    expect(callsOf(page.log, 'svg', 'setData')).toEqual(['svg:setData "a"']);
    expect(callsOf(page.log, 'svg', 'jumpTo')).toEqual(['svg:jumpTo [0,40,3]']);
    page.host.select({ kind: 'place', id: 'prague' });
    expect(callsOf(page.log, 'svg', 'select')).toEqual(['svg:select "paris"', 'svg:select "prague"']);
    expect(callsOf(page.log, 'maplibre', 'select')).toEqual([]);
  });

  it('stays on the SVG map without WebGL, and on no map where even that cannot be made', async () => {
    const svgOnly = await createPage({ webgl: false });
    svgOnly.host.setData(createData());
    let ready = false;
    void svgOnly.host.ready.then(() => (ready = true));
    await settle();
    expect([svgOnly.host.kind, svgOnly.host.staying?.kind, ready]).toEqual(['svg', 'svg', true]);
    expect(svgOnly.made.maplibre).toBeUndefined();

    const none = await createPage({ webgl: false, svgFails: true });
    none.host.setData(createData());
    await settle();
    expect(none.host.kind).toBe('none');
    expect(none.seen.renderers).toEqual(['none']);
  });

  it('keeps the first paint’s SVG map when MapLibre cannot get its context after all', async () => {
    const page = await createPage({ mapLibreRefuses: true });
    page.host.setData(createData());
    page.letMapLibreLoad();
    await settle();
    expect(page.host.staying).toBe(page.svg());
    expect(page.svg().destroyed).toBe(false);
  });

  it('past the tiles threshold gives the first paint’s SVG map the places alone, MapLibre every leg, and an SVG map that stays every leg', async () => {
    const tiled = (): MapData => ({ ...createData(), legs: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'l1' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] }, meta: { tiles: { file: 'atlas.pmtiles', minzoom: 0, maxzoom: 8 } } }) as MapData;
    const page = await createPage();
    page.host.setData(tiled());
    await settle();
    expect(page.svg().legsGiven, 'the first paint, drawn for a few seconds').toEqual([0]);
    page.letMapLibreLoad();
    await settle();
    expect(page.mapLibre().legsGiven).toEqual([1]);
    expect(page.host.staying).toBe(page.mapLibre());

    const untiled = await createPage();
    untiled.host.setData({ ...tiled(), meta: {} });
    await settle();
    expect(untiled.svg().legsGiven, 'below the threshold').toEqual([1]);

    const stays = await createPage({ mapLibreRefuses: true });
    stays.host.setData(tiled());
    await settle();
    stays.letMapLibreLoad();
    await settle();
    expect(stays.host.staying).toBe(stays.svg());
    expect(stays.svg().legsGiven, 'the first paint, then the map that stays').toEqual([0, 1]);
  });

  it('destroys every renderer it made, and one that arrives after the page has gone', async () => {
    const page = await createPage();
    page.host.setData(createData());
    await settle();
    page.letMapLibreLoad();
    await settle();
    page.unmount();
    expect(page.mapLibre().destroyed).toBe(true);
    expect(page.host.current).toBeNull();

    const early = await createPage();
    early.host.setData(createData());
    await settle();
    early.unmount();
    expect(early.svg().destroyed).toBe(true);
    early.letMapLibreLoad();
    await settle();
    expect(early.mapLibre().destroyed).toBe(true);
    expect(early.host.current).toBeNull();
  });
});
