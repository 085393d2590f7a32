import { frameFor } from '../../src/lib/state/framing.ts';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AtlasState } from '../../src/lib/state/atlas.svelte.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk/config.ts';
import { locale, setLocale } from '../../src/lib/i18n/locale.svelte.ts';
import { realAtlas, realAtlasData } from '../helpers/real-atlas.ts';
import { DATA_FILES, FEATURE_SOURCES, PUBLISHED_FILES } from '../../src/lib/atlas/contract.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { featureSourcesChunks } from '../../src/lib/corpus/page-layer.ts';

/** A page at http://atlas.test/ whose site serves each document's own file (data/documents/ID.json), from the derived corpus. */
function servingDocumentFiles() {
  const texts = new Map(realAtlas().documents.map((d) => [`http://atlas.test/data/documents/${d.id}.json`, d]));
  vi.stubGlobal('location', { href: 'http://atlas.test/' });
  vi.stubGlobal('fetch', async (address: string) => (texts.has(address) ? new Response(JSON.stringify(texts.get(address))) : new Response('', { status: 404 })));
  onTestFinished(() => void vi.unstubAllGlobals());
}

/** The page's state on the bundled corpus, as the browser receives it (all but the basemap). */
function atlasState(kiosk?: Partial<typeof DEFAULT_KIOSK_CONFIG>) {
  const atlas = new AtlasState({ kioskMode: kiosk !== undefined });
  atlas.kioskConfig = { ...DEFAULT_KIOSK_CONFIG, ...kiosk };
  atlas.data = realAtlasData();
  return atlas;
}

describe('AtlasState: the intents', () => {
  it('frames a place it focuses on with its connections (framing.ts), closer for a pin than for a zone, and dismisses the start card', () => {
    const atlas = atlasState();
    atlas.panels.start = true;
    atlas.focusOn({ kind: 'place', id: 'paris' });
    expect(atlas.selectedFeature?.props.name).toBe('Paris');
    expect(atlas.camera).toEqual({ kind: 'frame', ...frameFor(atlas.data!, { kind: 'place', id: 'paris' })!, maxZoom: 5 });
    expect(atlas.startVisible).toBe(false);
    atlas.focusOn({ kind: 'place', id: 'west-indies' });
    expect(atlas.camera).toMatchObject({ kind: 'frame', maxZoom: 4.5 });
  });

  it('is idle (window.atlas.idle) only once a move still to come, a tap’s framing, has been made', async () => {
    const atlas = atlasState();
    let frameAsked: () => void = () => {};
    atlas.moveAfter(new Promise<void>((resolve) => (frameAsked = resolve)));
    let idle = false;
    void atlas.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(idle, 'before the tap’s framing').toBe(false);
    frameAsked();
    await vi.waitFor(() => expect(idle).toBe(true));
    // A move whose work failed is not waited on for ever.
    atlas.moveAfter(Promise.reject(new Error('the panel went away')));
    await expect(atlas.idle()).resolves.toBeUndefined();
  });

  it('switches a document off once every feature’s (document, role) pairs have come, asked for then and not before', async () => {
    const served: string[] = [];
    const sources = [...featureSourcesChunks(realAtlas())].join('');
    vi.stubGlobal('location', { href: 'http://atlas.test/' });
    vi.stubGlobal('fetch', async (address: string) => {
      served.push(address);
      return address === `http://atlas.test/data/${FEATURE_SOURCES}` ? new Response(sources) : new Response('', { status: 404 });
    });
    onTestFinished(() => void vi.unstubAllGlobals());
    const atlas = atlasState();
    expect(atlas.visible!.places).toContain('paris');
    expect(served, 'nothing fetched for the time and role filters').toEqual([]);
    atlas.filters.toggleDocument('cia-1963-04-11');
    // Until the pairs come, the time and role filters alone: Paris, which only the CIA memo names, stays.
    expect(atlas.visible!.places).toContain('paris');
    await vi.waitFor(() => expect(atlas.visible!.places).not.toContain('paris'));
    expect(atlas.visible!.places).toContain('havana');
    expect(served).toEqual([`http://atlas.test/data/${FEATURE_SOURCES}`]);
    atlas.filters.toggleDocument('cia-1963-04-11');
    expect(atlas.visible!.places).toContain('paris');
    expect(served, 'fetched once').toHaveLength(1);
  });

  it('says why a document could not be switched off when the pairs do not come, and asks once', async () => {
    let asked = 0;
    vi.stubGlobal('location', { href: 'http://atlas.test/' });
    vi.stubGlobal('fetch', async () => (asked++, new Response('', { status: 404 })));
    onTestFinished(() => void vi.unstubAllGlobals());
    const atlas = atlasState();
    atlas.filters.toggleDocument('cia-1963-04-11');
    expect(atlas.visible!.places).toContain('paris');
    await vi.waitFor(() => expect(atlas.featureSources.status()).toEqual({ state: 'failed', message: `Could not load http://atlas.test/data/${FEATURE_SOURCES} (HTTP 404). Run "npm run derive" and reload.` }));
    // The time and role filters still apply; the failure is not asked again on every change of the filters.
    expect(atlas.visible!.places).toContain('paris');
    atlas.filters.setUntil('1962-06');
    expect(atlas.visible!.places).not.toContain('paris');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toBe(1);
  });

  it('asks for a new camera move each time, even for the same place', () => {
    const atlas = atlasState();
    atlas.focusOn({ kind: 'place', id: 'paris' });
    const first = atlas.camera;
    atlas.focusOn({ kind: 'place', id: 'paris' });
    expect(atlas.camera).not.toBe(first);
  });

  it('makes its last frame again when the room changes (reframe), but not after the visitor moved the map or tapped, over a jump, or during a journey', () => {
    const atlas = atlasState();
    atlas.focusOn({ kind: 'place', id: 'paris' });
    const framed = atlas.camera;
    atlas.reframe('controls');
    expect(atlas.camera).not.toBe(framed);
    expect(atlas.camera).toEqual(framed);
    // The map's box changing: followed until the visitor presses or types anything (a panel they close, issue 32).
    atlas.reframe('box');
    expect(atlas.camera).not.toBe(framed);
    atlas.visitorActed();
    const acted = atlas.camera;
    atlas.reframe('box');
    expect(atlas.camera).toBe(acted);
    atlas.reframe('controls');
    expect(atlas.camera).not.toBe(acted);
    atlas.pick([{ kind: 'place', id: 'havana' }]);
    const tapped = atlas.camera;
    atlas.reframe('controls');
    expect(atlas.camera).toBe(tapped);
    atlas.focusOn({ kind: 'place', id: 'paris' });
    atlas.visitorMoved();
    const moved = atlas.camera;
    atlas.reframe('controls');
    expect(atlas.camera).toBe(moved);
    atlas.jumpTo({ lng: 2, lat: 48, zoom: 4 });
    const jumped = atlas.camera;
    atlas.reframe('controls');
    expect(atlas.camera).toBe(jumped);
    atlas.focusOn({ kind: 'place', id: 'paris' });
    atlas.journey.start(atlas.data!.journeys[0]!.id, 0);
    expect(atlas.journeyBounds).not.toBeNull();
    const beforeJourney = atlas.camera;
    atlas.reframe('controls');
    expect(atlas.camera).toBe(beforeJourney);
  });

  it('offers a tapped mark’s neighbours as "also here", and swaps to one without moving the camera', () => {
    const atlas = atlasState();
    atlas.pick([{ kind: 'place', id: 'havana' }, { kind: 'place', id: 'cuba-rural-hills' }]);
    const camera = atlas.camera;
    atlas.choose({ kind: 'place', id: 'cuba-rural-hills' });
    expect(atlas.selection.selected).toEqual({ kind: 'place', id: 'cuba-rural-hills' });
    expect(atlas.selection.alsoHere).toEqual([{ kind: 'place', id: 'havana' }]);
    expect(atlas.camera).toBe(camera);
  });

  it('opens a search result: a place is focused, a passage opens in the reader, and the box empties', async () => {
    servingDocumentFiles();
    const atlas = atlasState();
    atlas.searchQuery = 'Habana';
    atlas.fromSearch({ kind: 'place', id: 'havana', name: 'Havana', matched: 'Habana' } as never);
    expect(atlas.selectedFeature?.props.name).toBe('Havana');
    expect(atlas.searchQuery).toBe('');
    const document = atlas.data!.documents[0]!;
    atlas.fromSearch({ kind: 'passage', document: document.id, start: 0, end: 10 } as never);
    // The reader opens at once, saying the words are coming; they come from the document's own file.
    expect(atlas.readerStatus).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(atlas.readerDocument?.id).toBe(document.id));
    expect(atlas.readerDocument?.body.length).toBe(document.bodyLength);
    expect(atlas.selection.reader?.ranges).toEqual([{ start: 0, end: 10 }]);
  });

  it('follows a journey step with the camera: the step’s legs, or the places a move within an area joins', () => {
    const atlas = atlasState();
    const journey = atlas.data!.journeys.find((j) => j.steps.some((s) => s.places?.length))!;
    const areaStep = journey.steps.findIndex((s) => s.places?.length);
    atlas.startJourney(journey.id);
    atlas.journey.step = areaStep;
    const places = journey.steps[areaStep]!.places!.map((id) => atlas.index!.feature({ kind: 'place', id })!.props.bbox);
    expect(atlas.journeyBounds).toEqual([
      Math.min(...places.map((b) => b[0])),
      Math.min(...places.map((b) => b[1])),
      Math.max(...places.map((b) => b[2])),
      Math.max(...places.map((b) => b[3])),
    ]);
    expect(atlas.emphasizedPlaces).toEqual(journey.steps[areaStep]!.places);
    expect([...atlas.emphasizedLegs.values()]).not.toContain('current');
  });

  it('resets everything a visitor can change, and frames the start view', () => {
    const atlas = atlasState({ textScale: 1.5, startView: 'world' });
    atlas.focusOn({ kind: 'place', id: 'paris' });
    atlas.startJourney(atlas.data!.journeys[0]!.id);
    atlas.filters.toggleRole('origin');
    atlas.panels.keyMore = atlas.panels.menu = atlas.panels.sheetTall = true;
    atlas.searchQuery = 'Paris';
    atlas.timePlaying = true;
    atlas.textScale = 1;
    atlas.reset();
    expect(atlas.selection.selected).toBeNull();
    expect(atlas.journey.id).toBeNull();
    expect(atlas.filters.value.hiddenRoles).toEqual([]);
    expect(atlas.panels).toEqual({ list: false, about: false, journeys: false, start: true, menu: false, search: false, sheetTall: false, keyMore: false });
    expect([atlas.searchQuery, atlas.timePlaying, atlas.textScale]).toEqual(['', false, 1.5]);
    expect(atlas.camera).toEqual({ kind: 'frame', bounds: atlas.data!.meta.bounds, maxZoom: 3.5 });
  });

  it('shows one thing at a time in the panel: a journey replaces a passage and the list, the list replaces a journey', () => {
    const atlas = atlasState();
    atlas.focusOn({ kind: 'place', id: 'paris' });
    atlas.toggleList();
    expect([atlas.selectedFeature, atlas.panels.list]).toEqual([undefined, true]);
    atlas.startJourney(atlas.data!.journeys[1]!.id);
    expect([atlas.panels.list, atlas.panels.journeys, atlas.journey.id]).toEqual([false, true, atlas.data!.journeys[1]!.id]);
    atlas.toggleList();
    expect([atlas.panels.list, atlas.panels.journeys, atlas.journey.id]).toEqual([true, false, null]);
  });

  it('offers every journey on the start card, the kiosk’s tour first', () => {
    const atlas = atlasState({ attractTour: ['to-cuba-and-back'] });
    expect(atlas.featuredJourneys.map((j) => j.id)).toEqual(['to-cuba-and-back', ...atlas.data!.journeys.map((j) => j.id).filter((id) => id !== 'to-cuba-and-back')]);
    expect(atlas.featuredJourneys).toHaveLength(atlas.data!.journeys.length);
  });

  it('keeps the list open through a reset where there is no map, as the only way in', () => {
    const atlas = atlasState();
    // The map host, on a page that can draw neither MapLibre nor the SVG map (a state-only host has no renderers).
    const element = { appendChild: () => {}, ownerDocument: { createElement: () => ({}) } } as unknown as HTMLElement;
    atlas.mapHost.mount(element, { basemapUrl: 'b.geojson', onPick: () => {}, onViewChange: () => {}, prefersReducedMotion: () => true, onRenderer: (kind) => atlas.rendererStarted(kind) });
    expect(atlas.renderer).toBe('none');
    expect(atlas.panels.list).toBe(true);
    atlas.reset();
    expect(atlas.panels.list).toBe(true);
  });
});

describe('AtlasState: the kiosk’s languages', () => {
  it('plays the attract loop in the configured languages in turn, a round each', () => {
    const atlas = atlasState({ language: 'es', attractLanguages: ['en', 'es'] });
    const [[first, steps], second] = atlas.attractTour as [[string, number], [string, number]];
    const spoken: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let step = 0; step < steps; step++) atlas.attractStep(first, step);
      spoken.push(locale());
      atlas.attractStep(second[0], 0); // a later journey of the same round does not switch
      expect(locale()).toBe(spoken.at(-1));
    }
    expect(spoken).toEqual(['en', 'es', 'en']);
  });

  it('greets the next visitor in the kiosk’s own language, whatever the last one chose', () => {
    const atlas = atlasState({ language: 'es' });
    setLocale('en');
    atlas.reset();
    expect(locale()).toBe('es');
  });

  it('leaves the language alone in the attract loop when no languages are configured', () => {
    const atlas = atlasState({ language: 'en', attractLanguages: [] });
    setLocale('es');
    atlas.attractStep(atlas.attractTour[0]![0], 0);
    expect(locale()).toBe('es');
  });
});

describe('AtlasState: the first view past the tiles threshold (issue 27)', () => {
  /**
   * The bundled corpus's published files at http://atlas.test/data/, its meta saying the map comes as tiles (`tiled`)
   * or not; the names in `broken` refused. `asked` lists the files asked for, in order.
   */
  function servingSite(tiled: boolean, hash = '') {
    const files: Record<string, string> = { ...serializeAtlas(realAtlas()) };
    if (tiled) files[PUBLISHED_FILES.meta] = JSON.stringify({ ...JSON.parse(files[PUBLISHED_FILES.meta]!), tiles: { file: PUBLISHED_FILES.tiles, minzoom: 0, maxzoom: 6 } });
    const asked: string[] = [];
    const broken = new Set<string>();
    vi.stubGlobal('location', { href: `http://atlas.test/${hash}`, hash });
    vi.stubGlobal('fetch', async (address: string) => {
      const name = String(address).replace(/^(http:\/\/atlas\.test\/)?data\//, '');
      asked.push(name);
      return !broken.has(name) && files[name] !== undefined ? new Response(files[name]) : new Response('', { status: 404 });
    });
    onTestFinished(() => void vi.unstubAllGlobals());
    return { asked, broken };
  }
  const later: string[] = [PUBLISHED_FILES.pageRoutes, PUBLISHED_FILES.documentIndex];
  const loaded = async (atlas: AtlasState) => {
    await atlas.load(new AbortController().signal);
    expect(atlas.loadError).toBeNull();
    return atlas.data!;
  };

  it('opens on the map alone (places, labels, meta); the legs, journeys and documents come when asked for', async () => {
    const { asked } = servingSite(true);
    const atlas = new AtlasState({ kioskMode: false });
    const first = await loaded(atlas);
    expect(asked.filter((name) => later.includes(name)), 'asked for by the first view').toEqual([]);
    expect([first.legs.features.length, first.journeys.length, first.documents.length]).toEqual([0, 0, 0]);
    expect(first.places.features.map((f) => f.properties.id)).toContain('paris');
    expect(atlas.later).toEqual({ state: 'loading' });
    // The tiles' lines as published with no filter on; none with one, until the legs can answer it.
    expect(atlas.visible!.legs).toBeNull();
    atlas.filters.setUntil('1962-06');
    expect(atlas.visible!.legs).toEqual([]);
    atlas.filters.setUntil(null);

    await atlas.loadRest();
    const whole = realAtlasData();
    expect(atlas.later).toBeNull();
    expect(atlas.data!.legs.features.map((f) => f.properties.id)).toEqual(whole.legs.features.map((f) => f.properties.id));
    expect(atlas.data!.journeys.map((j) => j.id)).toEqual(whole.journeys.map((j) => j.id));
    expect(atlas.data!.documents.map((d) => d.title)).toEqual(whole.documents.map((d) => d.title));
    expect(atlas.visible!.legs).toEqual(whole.legs.features.map((f) => f.properties.id));
    expect(asked.filter((name) => later.includes(name)).sort()).toEqual([...later].sort());
    // Asked once: a second ask fetches nothing.
    const count = asked.length;
    await atlas.loadRest();
    expect(asked).toHaveLength(count);
  });

  it('says why the rest could not come, and brings it when asked again', async () => {
    const { broken } = servingSite(true);
    broken.add(PUBLISHED_FILES.pageRoutes);
    const atlas = new AtlasState({ kioskMode: false });
    await loaded(atlas);
    await atlas.loadRest();
    expect(atlas.later).toEqual({ state: 'failed', message: `Could not load ${DATA_FILES.pageRoutes} (HTTP 404). Run "npm run derive" and reload.` });
    expect(atlas.data!.legs.features).toHaveLength(0);
    broken.clear();
    await atlas.loadRest();
    expect(atlas.later).toBeNull();
    expect(atlas.data!.legs.features.length).toBeGreaterThan(0);
  });

  it('waits for the rest before opening a link to a journey, and a small corpus has it all with the first view', async () => {
    servingSite(true, '#journey=return-via-paris:2');
    const linked = new AtlasState({ kioskMode: false });
    expect((await loaded(linked)).journeys.map((j) => j.id)).toContain('return-via-paris');
    expect(linked.later).toBeNull();

    const { asked } = servingSite(false);
    const small = new AtlasState({ kioskMode: false });
    expect((await loaded(small)).legs.features.length).toBeGreaterThan(0);
    expect(small.later).toBeNull();
    expect(asked).toEqual(expect.arrayContaining(later));
  });
});
