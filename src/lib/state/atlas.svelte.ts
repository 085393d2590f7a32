import { tick } from 'svelte';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig } from '../kiosk/config.ts';
import { initLocale, locale, setLocale } from '../i18n/locale.svelte.ts';
import { loadMessages } from '../i18n/format.ts';
import { localiseAtlasData, placesOfJourneys, withLabelsFirst } from './localise.ts';
import { frameAfterTap, frameFor, type Sight } from './framing.ts';
import { attractLocale, toLocale } from '../i18n/locales.ts';
import { indexAtlas, loadAtlasData, type AtlasRest, type RestStatus } from './atlas-data.ts';
import { opensOnTheRest } from '../address/url-state.ts';
import { DocumentStore } from './documents.svelte.ts';
import { FeatureSourcesStore } from './feature-sources.svelte.ts';
import { FeatureDetailStore } from './feature-details.svelte.ts';
import { JourneyPassageStore } from './journey-passages.svelte.ts';
import type { PassageSearch } from './passage-search.ts';
import { DOCUMENTS_PRELOADED_UP_TO, FEATURE_DETAILS_PRELOADED_UP_TO, type AtlasData, type Evidence, type Bounds, type CameraView, type FeatureRef, type Journey, type LegEmphasis, type RendererKind, type Visibility } from '../atlas/contract.ts';
import { SelectionState } from './selection.svelte.ts';
import { JourneyState } from './journey.svelte.ts';
import { FilterState } from './filters.svelte.ts';
import { journeyEmphasis, networkEmphasis } from './emphasis.ts';
import { networkOf, visibleFeatures, type SearchResult } from '../corpus/queries.ts';
import { ROLES } from '../atlas/roles.ts';
import { createNoMapRenderer } from '../map/renderer.ts';
import { MapHost, type RendererMakers } from '../map/map-host.svelte.ts';
import { siteAddress } from '../address/page-address.ts';
import { noteVisitor } from '../kiosk/visitor-notes.ts';

/** Journeys on the start card, at most: every one of the bundled corpus's five, and a card that still fits a phone. */
export const START_CARD_JOURNEYS = 8;

/** What the map is asked to do with its camera. Each request is a new object, so asking twice moves it twice. */
export type CameraRequest = { kind: 'frame'; bounds: Bounds; maxZoom: number } | { kind: 'view'; view: CameraView } | { kind: 'zoom'; delta: number };

/** Which panels and drop-downs are open. */
export interface Panels {
  list: boolean;
  about: boolean;
  journeys: boolean;
  /** "Start here": greets a visit that does not open on something, and comes back with every reset. */
  start: boolean;
  /** Phones: the header's actions behind "Menu", search behind its icon, and the sheet pulled up or not. */
  menu: boolean;
  search: boolean;
  sheetTall: boolean;
  /** The key's "Routes and documents" fold. */
  keyMore: boolean;
}

const CLOSED: Panels = { list: false, about: false, journeys: false, start: false, menu: false, search: false, sheetTall: false, keyMore: false };

/**
 * Everything the page shows, in one place: the data, the selection, the journey, the filters and time, the panels,
 * the text size, the search box and what the camera is asked to do. Components read it and call its intents; the map
 * view follows it. A reset puts every part back, so no component needs remounting to start afresh.
 */
/** For state without a page: no WebGL, no SVG map, so a mounted host has no map (the list carries the page). */
const NO_RENDERERS: RendererMakers = {
  webgl2Unavailable: () => 'no page',
  svg: () => {
    throw new Error('no page to draw in');
  },
  mapLibre: () => Promise.resolve({ unavailable: 'no page' }),
  none: createNoMapRenderer,
};

export class AtlasState {
  /** The derived data as loaded (English names). */
  private loaded = $state.raw<AtlasData | null>(null);
  /** The data as the page shows it, in its language: Spanish place names on the map, in the panel, the list and search. */
  private readonly localised = $derived(this.loaded ? localiseAtlasData(this.loaded, locale()) : null);
  get data(): AtlasData | null {
    return this.localised;
  }
  set data(loaded: AtlasData | null) {
    this.loaded = loaded;
  }
  loadError = $state<string | null>(null);
  readonly kioskMode: boolean;
  kioskConfig = $state.raw<KioskConfig | null>(null);
  /** The one owner of what draws the map (map-host.svelte.ts): the page reads the renderer from it and keeps no copy. */
  readonly mapHost: MapHost;
  /** What draws the map now (null until the map view has started one). */
  get renderer(): RendererKind | null {
    return this.mapHost.kind;
  }
  readonly selection = new SelectionState();
  readonly journey = new JourneyState();
  readonly filters = new FilterState();
  panels = $state<Panels>({ ...CLOSED });
  textScale = $state(1);
  searchQuery = $state('');
  timePlaying = $state(false);
  /** The camera as the map last reported it. */
  view = $state.raw<CameraView | null>(null);
  camera = $state.raw<CameraRequest | null>(null);
  /** Whether the visitor has moved the map since the page last placed the camera. */
  private visitorMovedMap = false;

  /** The documents' words, fetched one document at a time when a passage or the reader opens it. */
  readonly documents = new DocumentStore();
  /** Each feature's passages (and a place's "Named in"), fetched from its own file when its panel opens. */
  readonly details = new FeatureDetailStore();
  /** The journeys' own passages (steps drawn with no line), fetched when a journey opens. */
  readonly journeyPassages = new JourneyPassageStore();
  /** Every feature's (document, role) pairs, fetched when a document is switched off: what the document switches read. */
  readonly featureSources = new FeatureSourcesStore();
  readonly index = $derived(this.data ? indexAtlas(this.data, this.documents, this.details, this.journeyPassages) : null);
  /**
   * Passages by their words, on the index derive split into shards. Its code is a chunk of its own, fetched at the
   * first search; past the tiles threshold a search waits for the documents' summaries that follow the first view.
   */
  #passageSearch: Promise<PassageSearch> | null = null;
  readonly passageSearch: Pick<PassageSearch, 'search'> = {
    search: (query, limit, signal) => {
      const searcher = (this.#passageSearch ??= import('./passage-search.ts').then(
        ({ PassageSearch }) => new PassageSearch(() => this.loadRest().then(() => this.loaded?.documents ?? []), (id) => this.documents.load(id)),
      ));
      searcher.catch(() => (this.#passageSearch = null)); // a chunk that did not come is asked for again next time
      return searcher.then((s) => s.search(query, limit, signal));
    },
  };
  readonly selectedFeature = $derived(this.selection.selected && this.index ? this.index.feature(this.selection.selected) : undefined);
  readonly readerDocument = $derived(this.selection.reader && this.index ? this.index.document(this.selection.reader.documentId) : undefined);
  /** The open reader's document on its way, or why it could not come (the reader shows either). */
  readonly readerStatus = $derived(this.selection.reader ? this.documents.status(this.selection.reader.documentId) : undefined);
  readonly rolesDrawn = $derived(this.data ? ROLES.filter((r) => this.data!.places.features.some((f) => f.properties.roles.includes(r))) : []);
  readonly visible = $derived.by((): Visibility => {
    if (!this.data) return null;
    const shown = visibleFeatures(this.data, this.filters.value, this.featureSources.sourcesOf);
    if (!this.later) return shown;
    // The legs have not come (past the tiles threshold): the tiles' lines as published, or, with a filter on that
    // they would answer, none until they come (never more than the filters allow).
    const { hiddenRoles, routes, hiddenDocuments, until } = this.filters.value;
    return { ...shown, legs: routes && !hiddenRoles.length && !hiddenDocuments.length && !until ? null : [] };
  });
  readonly activeJourney = $derived(this.journey.id && this.index ? this.index.journey(this.journey.id) : undefined);
  /** No map could be made here: the list, panels, journeys, search and reader carry the page. */
  get mapless(): boolean {
    return this.mapHost.kind === 'none';
  }
  readonly startVisible = $derived(this.panels.start && !this.selectedFeature && !this.panels.journeys && !this.panels.list);
  readonly hasPanel = $derived(Boolean(this.selectedFeature) || this.panels.list || this.panels.journeys || this.startVisible);
  /**
   * The journeys the start card offers, at most START_CARD_JOURNEYS: the kiosk's attract tour first, then the corpus's
   * own order. The Journeys panel has every one (a generated corpus of 10,000 documents has some 15,000).
   */
  readonly featuredJourneys = $derived.by(() => {
    if (!this.data || !this.index) return [];
    const featured: Journey[] = [];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once here, never shown
    for (const id of new Set([...(this.kioskConfig?.attractTour ?? []), ...this.data.journeys.map((j) => j.id)])) {
      const journey = this.index.journey(id);
      if (journey) featured.push(journey);
      if (featured.length === START_CARD_JOURNEYS) break;
    }
    return featured;
  });
  /** The data the map draws: the page's, with the labels of the start card's journeys' places placed before all others. */
  readonly mapData = $derived.by(() => (this.data ? withLabelsFirst(this.data, placesOfJourneys(this.data, this.featuredJourneys)) : null));
  /** The attract tour as [journey id, number of steps]: the configured journeys, or every journey. */
  readonly attractTour = $derived.by((): Array<[string, number]> => {
    if (!this.data || !this.index) return [];
    const ids = this.kioskConfig?.attractTour.length ? this.kioskConfig.attractTour : this.data.journeys.map((j) => j.id);
    return ids.map((id) => this.index!.journey(id)).filter((j) => j !== undefined).map((j) => [j.id, j.steps.length]);
  });
  /** Places a journey step shows together, highlighted like a selection. */
  readonly emphasizedPlaces = $derived(this.activeJourney?.steps[this.journey.step]?.places ?? []);
  /** Legs drawn beyond their selection: the journey's current, done and ahead, or the selected place's connections. */
  readonly emphasizedLegs = $derived.by((): Map<string, LegEmphasis> => {
    if (!this.data) return networkEmphasis([]);
    if (this.activeJourney) return journeyEmphasis(this.activeJourney, this.journey.step, this.data.legs.features.map((f) => f.properties.id));
    const selected = this.selection.selected;
    if (selected?.kind === 'place') return networkEmphasis(networkOf(this.data, selected.id).legs.map((l) => l.id));
    return networkEmphasis([]);
  });
  /** The camera follows a journey: each step frames its legs, or the places a move within an area joins. */
  readonly journeyBounds = $derived.by((): Bounds | null => {
    const step = this.activeJourney?.steps[this.journey.step];
    if (!step || !this.index) return null;
    const index = this.index;
    const boxes = [
      ...step.legs.map((id) => index.feature({ kind: 'leg', id })?.props.bbox),
      ...(step.places ?? []).map((id) => index.feature({ kind: 'place', id })?.props.bbox),
    ].filter((b) => b !== undefined);
    if (!boxes.length) return null;
    return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  });

  /** `mapHost`: the page's (App.svelte); without one, a host with no renderers, for state alone (the unit tests). */
  constructor(options: { kioskMode: boolean; mapHost?: MapHost }) {
    this.kioskMode = options.kioskMode;
    this.mapHost = options.mapHost ?? new MapHost(NO_RENDERERS);
    this.kioskConfig = options.kioskMode ? null : DEFAULT_KIOSK_CONFIG;
  }

  /** Loads the derived data (and, at a kiosk, its settings); abort to stop. */
  async load(signal: AbortSignal): Promise<void> {
    const settings = this.kioskMode ? this.loadKioskConfig(signal) : Promise.resolve();
    try {
      const { data, rest } = await loadAtlasData(signal);
      let loaded = data;
      if (rest) {
        this.#rest = { load: rest, signal };
        // A link that opens on a leg, a journey, a document or a document switched off needs them now.
        if (opensOnTheRest(typeof location === 'undefined' ? '' : location.hash)) loaded = { ...data, ...(await rest()) };
        else this.later = { state: 'loading' };
      }
      // A small corpus's texts come with the first view (DOCUMENTS_PRELOADED_UP_TO); one that fails is said where it is opened.
      // Likewise its features' passages, all in one file (FEATURE_DETAILS_PRELOADED_UP_TO).
      const { places, legs } = loaded.meta.counts;
      await Promise.allSettled([
        ...this.preloadDocuments(loaded.documents),
        ...(places + legs <= FEATURE_DETAILS_PRELOADED_UP_TO ? [this.details.preloadAll(signal), this.journeyPassages.preloadAll(signal)] : []),
      ]);
      // The document switches' pairs too, but not waited for: the first view does not read them.
      if (places + legs <= FEATURE_DETAILS_PRELOADED_UP_TO) this.featureSources.preload().catch(() => {}); // a failure is said in the key
      performance.mark('atlas:data-parsed'); // the benchmark splits first idle at this point
      this.data = loaded;
      if (this.later?.state !== 'loading') this.#rest = null;
    } catch (e) {
      if (!signal.aborted) this.loadError = (e as Error).message;
    }
    await settings;
  }

  private preloadDocuments(documents: AtlasData['documents']) {
    return documents.length <= DOCUMENTS_PRELOADED_UP_TO ? documents.map((d) => this.documents.load(d.id)) : [];
  }

  /**
   * Past the tiles threshold: whether the legs, journeys and documents' summaries are on their way or could not come
   * (null: here, or nothing to come). The start card, the journeys and the key's documents say so meanwhile.
   */
  later = $state<RestStatus>(null);
  #rest: { load: () => Promise<AtlasRest>; signal: AbortSignal } | null = null;
  #restArriving: Promise<void> | null = null;

  /**
   * Asks for what the first view left for later (once the map is up: App.svelte), or again after a failure. Resolves
   * when it is here or has failed.
   */
  loadRest(): Promise<void> {
    const rest = this.#rest;
    if (!rest) return Promise.resolve();
    return (this.#restArriving ??= (async () => {
      this.later = { state: 'loading' };
      try {
        const more = await rest.load();
        if (rest.signal.aborted || !this.loaded) return;
        this.#rest = null;
        this.later = null;
        this.data = { ...this.loaded, ...more };
        void Promise.allSettled(this.preloadDocuments(more.documents));
      } catch (e) {
        if (!rest.signal.aborted) this.later = { state: 'failed', message: (e as Error).message };
      } finally {
        this.#restArriving = null;
      }
    })());
  }

  private async loadKioskConfig(signal: AbortSignal) {
    let config = DEFAULT_KIOSK_CONFIG;
    try {
      const response = await fetch(siteAddress('kiosk/config.json', location.href), { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // The settings' validator (Ajv, generated) is a chunk of its own: only a kiosk reads settings.
      const [{ withDefaults }, settings] = await Promise.all([import('../kiosk/validate-config.ts'), response.json()]);
      config = withDefaults(settings);
    } catch (e) {
      if (signal.aborted) return;
      console.warn(`kiosk/config.json could not be read (${(e as Error).message}); the defaults are used`);
    }
    this.kioskConfig = config;
    this.textScale = config.textScale;
    void initLocale(config.language);
    // An offline kiosk has every language it will show from the start: the attract tour switches without a fetch.
    for (const l of config.attractLanguages) void loadMessages(l).catch(() => undefined); // setLocale says so if it is still missing
  }

  /** The map host has started a renderer. Without a map, the list is the way in. */
  rendererStarted(kind: RendererKind) {
    if (kind === 'none') this.panels.list = true;
  }

  // --- Intents ---

  /** A tap on the map: the best candidate is selected, the others offered as "also here". */
  pick(refs: FeatureRef[]) {
    // A tap on empty map, or on a mark this atlas cannot open: the kiosk's log counts these (what is not legible).
    if (!refs[0] || !this.index?.feature(refs[0])) noteVisitor({ kind: 'tap-nothing' });
    this.selection.pick(refs);
    if (refs.length) this.panels.start = false;
    // A tap: the map stays where the visitor saw it as the panel it opens takes its room (issue 32), unless the tap frames.
    this.#pageFrameStands = false;
  }

  /**
   * After a tap, once the panel it opened has taken its room: frames the mark tapped if it is partly out of sight or
   * too small to read, unless the visitor has moved the map themselves (framing.ts).
   */
  frameTapped(ref: FeatureRef, sight: Sight) {
    if (!this.data || !this.view) return;
    // The view as drawn now: a panel that has just opened has moved the map's centre with its box (issue 32).
    const view = this.mapHost.current?.view() ?? this.view;
    const frame = frameAfterTap(this.data, ref, view, sight, this.visitorMovedMap);
    if (frame) this.frame(frame.bounds, frame.maxZoom);
  }

  /**
   * Moves still to be asked for (a tap's framing waits for the panel it opened to take its room); each leaves the set
   * when done, so a kiosk tapped all day keeps none.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- waited on, never shown
  readonly #movesToCome = new Set<Promise<unknown>>();

  /** A move that will be asked for once `work` is done: idle() waits for it. */
  moveAfter(work: Promise<unknown>) {
    this.#movesToCome.add(work);
    void work.finally(() => this.#movesToCome.delete(work)).catch(() => {});
  }

  /** Once what the first view left for later is here, every move asked for has been made and the map that stays is still and drawn (window.atlas.idle). */
  async idle(): Promise<void> {
    if (this.later?.state === 'loading') await this.loadRest();
    await Promise.allSettled(this.#movesToCome);
    await this.mapHost.staying?.whenIdle();
  }

  /** The visitor dragged, pinched, scrolled or zoomed the map: later taps leave their view alone. */
  visitorMoved() {
    this.visitorMovedMap = true;
  }

  /** Selects a feature and frames it. */
  focusOn(ref: FeatureRef) {
    this.pick([ref]);
    this.frameFeature(ref);
  }

  /** Frames a chosen feature: a place with its connections, or alone at a readable zoom where they span the world (framing.ts). */
  frameFeature(ref: FeatureRef) {
    const frame = this.data ? frameFor(this.data, ref) : null;
    if (frame) this.frame(frame.bounds, frame.maxZoom);
  }

  /** From the passage panel: another mark under the same tap, or a connected place elsewhere. */
  choose(ref: FeatureRef) {
    if (this.selection.alsoHere.some((r) => r.id === ref.id && r.kind === ref.kind)) this.selection.choose(ref);
    else this.focusOn(ref);
  }

  read(documentId: string, evidence: Array<Pick<Evidence, 'start' | 'end'>>) {
    this.documents.request([documentId]);
    this.selection.openReader({ documentId, ranges: evidence.map(({ start, end }) => ({ start, end })) });
  }

  fromSearch(result: SearchResult) {
    this.panels.search = false;
    this.searchQuery = '';
    if (result.kind === 'place') this.focusOn({ kind: 'place', id: result.id });
    else this.read(result.document, [result]);
  }

  /** A place named in the reader: the reader closes on it. */
  fromReader(placeId: string) {
    this.selection.closeReader();
    this.focusOn({ kind: 'place', id: placeId });
  }

  /** A journey takes the panel: the passage and the list it would have stacked on close. */
  startJourney(journeyId: string) {
    this.openInPanel('journeys');
    this.journey.start(journeyId, 0);
  }

  closeJourneys() {
    this.journey.reset();
    this.panels.journeys = false;
  }

  toggleJourneys() {
    if (this.panels.journeys) this.panels.journeys = false;
    else this.openInPanel('journeys');
  }

  toggleList() {
    if (this.panels.list) this.panels.list = false;
    else this.openInPanel('list');
  }

  /**
   * The panel shows one thing at a time: opening the journeys or the list replaces what it showed (a passage, the
   * other one, the start card) instead of stacking under it. A journey left for the list is ended.
   */
  private openInPanel(panel: 'journeys' | 'list') {
    this.selection.reset();
    this.panels.start = false;
    if (panel === 'journeys') {
      // Without a map the list is the way in: it stays.
      if (!this.mapless) this.panels.list = false;
      this.panels.journeys = true;
    } else {
      this.closeJourneys();
      this.panels.list = true;
    }
  }

  /** The header's search icon (phones): the menu folds away. */
  toggleSearch() {
    this.panels.search = !this.panels.search;
    this.panels.menu = false;
  }

  toggleMenu() {
    this.panels.menu = !this.panels.menu;
    this.panels.search = false;
  }

  /** "Start here" from the header: the panel goes back to the start card (the map and its camera stay). */
  showStartCard() {
    this.selection.reset();
    this.panels.journeys = false;
    this.panels.list = false;
    this.panels.start = true;
  }

  async exploreMap() {
    this.panels.start = false;
    // The map grows by the panel's width once the page has redrawn: frame the network in the room it then has.
    await tick();
    if (this.data) this.frame(this.data.meta.networkBounds, 4);
  }

  wholeMap() {
    this.selection.reset();
    this.journey.reset();
    if (this.data) this.frame(this.data.meta.bounds, 3.5);
  }

  /** The zoom buttons: the visitor's own move, as a pinch is. */
  zoomBy(delta: number) {
    this.visitorMovedMap = true;
    this.camera = { kind: 'zoom', delta };
  }

  /** The page moves the camera (a journey step, a search result, a reset): the view is the page's again, not the visitor's. */
  frame(bounds: Bounds, maxZoom: number) {
    this.#framedByPage();
    this.camera = { kind: 'frame', bounds, maxZoom };
  }

  /** Whether the map shows a frame the page chose (its last frame, a journey's step) and the visitor has not moved the map or tapped since. */
  #pageFrameStands = false;
  /** Whether, besides, the visitor has done nothing at all since (no press, no key): the room changing is then the page's doing. */
  #untouchedSinceFrame = false;

  /** A journey's step has been framed, by its own bounds (MapStage), not by a camera request: the page's frame. */
  journeyFramed() {
    this.#framedByPage();
  }

  #framedByPage() {
    this.visitorMovedMap = false;
    this.#pageFrameStands = true;
    this.#untouchedSinceFrame = true;
  }

  /** The visitor pressed or typed anywhere (a panel closed, the sheet dragged): from now the map's box changing is their doing. */
  visitorActed() {
    this.#untouchedSinceFrame = false;
  }

  /**
   * Whether the page's frame should follow a change of the room the map is left: for the controls re-laid (language,
   * text size) while the frame stands; for the map's own box, only while the visitor has done nothing since the frame,
   * so a box the visitor changed (a panel they closed) leaves every place where they saw it (issue 32), and a box that
   * changed by itself (a link's passages coming in under the map) does not hide what the page framed.
   */
  followsRoom(change: 'controls' | 'box'): boolean {
    return this.#pageFrameStands && !this.visitorMovedMap && (change === 'controls' || this.#untouchedSinceFrame);
  }

  /**
   * The room the map leaves has changed (its box, as a panel's content comes in under it; the controls over it, with
   * the language or the text size): the page's last frame is made again in that room, so what it framed is not left
   * under the panel, under the controls or past an edge. Only while it follows the room (followsRoom: not after the
   * visitor moved the map or tapped), never over a view the page jumped to (a link's, a saved one), nor while a
   * journey's step frames the map (its frame is not the camera's last request, which would take the map away).
   */
  reframe(change: 'controls' | 'box') {
    const request = this.camera;
    if (request?.kind === 'frame' && this.followsRoom(change) && !this.journeyBounds) this.camera = { ...request };
  }

  jumpTo(view: CameraView) {
    this.visitorMovedMap = false;
    this.camera = { kind: 'view', view };
  }

  /** Rounds of the attract tour played since the last reset: the configured languages take turns by round. */
  private attractRound = -1;

  /** The kiosk's attract tour shows a journey step. */
  attractStep(journeyId: string, step: number) {
    if (step === 0 && journeyId === this.attractTour[0]?.[0]) {
      this.attractRound += 1;
      void setLocale(attractLocale(this.kioskConfig?.attractLanguages, this.attractRound, locale()));
    }
    this.selection.reset();
    this.panels.journeys = true;
    this.journey.start(journeyId, step);
  }

  /** Back to the start: selection, panels, reader, filters, time, journey, search, text size and camera. */
  reset() {
    this.selection.reset();
    this.journey.reset();
    this.filters.reset();
    this.panels = { ...CLOSED, list: this.mapless, start: true };
    // The kiosk's own text size at a kiosk; on the web the default config's larger kiosk size is not the page's.
    this.textScale = this.kioskMode ? (this.kioskConfig?.textScale ?? 1) : 1;
    this.searchQuery = '';
    this.timePlaying = false;
    if (this.kioskMode && this.kioskConfig) {
      // The next visitor meets the kiosk's own language, whatever the last one chose (and the address agrees).
      this.attractRound = -1;
      void setLocale(toLocale(this.kioskConfig.language) ?? 'en', { remember: typeof location !== 'undefined' && /[?&]lang=/.test(location.search) });
    }
    if (!this.data) return;
    const start = this.kioskConfig?.startView ?? 'network';
    if (start === 'network') this.frame(this.data.meta.networkBounds, 4);
    else if (start === 'world') this.frame(this.data.meta.bounds, 3.5);
    else this.jumpTo(start);
  }
}
