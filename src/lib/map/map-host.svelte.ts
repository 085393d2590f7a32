import type { MapControllerOptions } from './controller.ts';
import type { Bounds, CameraView, FeatureRef, LegEmphasis, RendererKind, Visibility } from '../atlas/contract.ts';
import type { Padding } from './camera.ts';
import type { MapData, MapRenderer } from './renderer.ts';

/** The performance mark set when the first map (the SVG map, drawn before MapLibre) is on screen. */
export const FIRST_MAP_MARK = 'atlas:first-map';

/** How the host makes each renderer: the page's own (start-renderer.ts), or fakes in the unit tests. */
export interface RendererMakers {
  /** Why this browser cannot give MapLibre its WebGL2 context (null: it can). */
  webgl2Unavailable(): string | null;
  /** The SVG map (its code may come as a chunk of its own); throws or rejects if it cannot be made. */
  svg(options: MapControllerOptions): MapRenderer | Promise<MapRenderer>;
  /** MapLibre, or why it cannot run after all; rejects if its code could not be loaded. */
  mapLibre(options: MapControllerOptions): Promise<MapRenderer | { unavailable: string }>;
  /** No map at all: the list, panels and reader carry the page. */
  none(onViewChange?: (view: CameraView) => void): MapRenderer;
}

export interface MapHostOptions {
  basemapUrl: string;
  /** What lies under a tap, best first. */
  onPick: (refs: FeatureRef[]) => void;
  /** The map the visitor sees has moved and stopped. */
  onViewChange: (view: CameraView) => void;
  prefersReducedMotion: () => boolean;
  /** A renderer has taken over (the page opens its list where no map can be drawn). */
  onRenderer?: (kind: RendererKind) => void;
  /** The basemap's credit in the page's language (MapLibre shows it in its attribution). */
  basemapCredit?: () => string;
}

/** A camera move the page asked for, carried out once on the renderer drawing when it is asked (or first drawn). */
export type CameraMove = { kind: 'frame'; bounds: Bounds; maxZoom: number; padding?: Padding } | { kind: 'view'; view: CameraView } | { kind: 'zoom'; delta: number };

const sameView = (a: CameraView, b: CameraView) => Math.abs(a.lng - b.lng) < 1e-9 && Math.abs(a.lat - b.lat) < 1e-9 && Math.abs(a.zoom - b.zoom) < 1e-9;

/**
 * The one owner of what draws the map. It makes the first paint's SVG map, loads MapLibre under it and swaps it in at
 * the same view, falls back to the SVG map when WebGL is unavailable or a lost context never comes back, and holds the
 * one renderer drawing now. The page tells it the state (data, selection, visibility, emphasis) and camera moves;
 * each renderer is given the state once as it joins, then every change once: nothing is copied or replayed elsewhere.
 */
export class MapHost {
  /** The renderer drawing now: the first paint's SVG map, then MapLibre; the SVG map without WebGL; or none. */
  current = $state.raw<MapRenderer | null>(null);
  /** Set while the first paint's SVG map draws and MapLibre loads under it: the page is not yet on the map that stays. */
  firstPaint = $state(false);
  /** The renderer the page stays on (window.atlas.map and .renderer): null during the first paint. */
  readonly staying = $derived(this.firstPaint ? null : this.current);
  readonly kind = $derived<RendererKind | null>(this.current?.kind ?? null);
  /** Resolves once the renderer that stays has drawn the data and is still, and the first paint's SVG map has left. */
  readonly ready: Promise<void>;
  /** Resolves the first time any map (the first paint's SVG map, or the one that stays) has drawn the data and is still. */
  readonly firstDrawn: Promise<void>;
  #markFirstDrawn: () => void = () => {};

  readonly #makers: RendererMakers;
  #markReady: () => void = () => {};
  // The page's state, the last of each call: what a renderer joining is given, once.
  #data: MapData | null = null;
  #selected: FeatureRef | null = null;
  #visible: Visibility = null;
  /** null: none asked for yet (a renderer starts with none). */
  #legEmphasis: Map<string, LegEmphasis> | null = null;
  #placeEmphasis: readonly string[] = [];
  /** The renderer drawing now, as a plain field: the page's calls read it without subscribing to `current`. */
  #active: MapRenderer | null = null;
  /** Every renderer given the state: the active one, and MapLibre while it loads under the first paint. */
  #receivers: MapRenderer[] = [];
  /** Each renderer's drawing of the latest data it was given. */
  #drawn = new WeakMap<MapRenderer, Promise<void>>();
  #dataArrived: Promise<void>;
  #markDataArrived: () => void = () => {};
  /** Camera moves asked for before the active renderer had drawn the data: carried out once it has. */
  #pendingMoves: CameraMove[] = [];
  #activeDrawn = false;
  /** The view the visitor last saw, for a renderer that takes over after a lost context. */
  #lastView: CameraView | null = null;
  #destroyed = false;
  /** The first paint's SVG map while MapLibre may still take over from it (see #dataFor). */
  #firstPaintSvg: MapRenderer | null = null;
  /** Every renderer made and not yet destroyed: destroy() ends them all. */
  #owned: MapRenderer[] = [];

  constructor(makers: RendererMakers) {
    this.#makers = makers;
    this.ready = new Promise((resolve) => (this.#markReady = resolve));
    this.firstDrawn = new Promise((resolve) => (this.#markFirstDrawn = resolve));
    this.#dataArrived = new Promise((resolve) => (this.#markDataArrived = resolve));
  }

  // --- The page's state: recorded, and given to every renderer drawing it ---

  setData(data: MapData) {
    if (data === this.#data) return;
    this.#data = data;
    for (const r of this.#receivers) this.#drawn.set(r, r.setData(this.#dataFor(r, data)));
    this.#markDataArrived();
  }
  select(ref: FeatureRef | null) {
    this.#selected = ref;
    for (const r of this.#receivers) r.select(ref);
  }
  setVisible(visible: Visibility) {
    this.#visible = visible;
    for (const r of this.#receivers) r.setVisible(visible);
  }
  emphasizeLegs(emphasis: Map<string, LegEmphasis>) {
    this.#legEmphasis = emphasis;
    for (const r of this.#receivers) r.emphasizeLegs(emphasis);
  }
  emphasizePlaces(ids: readonly string[]) {
    this.#placeEmphasis = ids;
    for (const r of this.#receivers) r.emphasizePlaces(ids);
  }

  /** A camera move: carried out once, on the renderer drawing now (a renderer taking over keeps the view on screen). */
  move(move: CameraMove) {
    if (this.#active && this.#activeDrawn) this.#carryOut(this.#active, move);
    else this.#pendingMoves.push(move);
  }
  #carryOut(r: MapRenderer, move: CameraMove) {
    if (move.kind === 'frame') r.frame(move.bounds, move.maxZoom, move.padding);
    else if (move.kind === 'view') r.jumpTo(move.view);
    else r.zoomBy(move.delta);
  }

  // --- Renderers joining and taking over ---

  /** Gives a renderer the state, once, and every change from then on; resolves once it has drawn the data. */
  async #adopt(r: MapRenderer): Promise<void> {
    r.select(this.#selected);
    r.setVisible(this.#visible);
    if (this.#legEmphasis) r.emphasizeLegs(this.#legEmphasis);
    r.emphasizePlaces(this.#placeEmphasis);
    if (!this.#receivers.includes(r)) this.#receivers.push(r);
    if (this.#data) this.#drawn.set(r, r.setData(this.#dataFor(r, this.#data)));
    await this.#dataArrived;
    await this.#drawn.get(r);
  }

  /**
   * What a renderer is given of the data. Past the tiles threshold the first paint's SVG map draws the places alone:
   * it would build a node for each of tens of thousands of legs (most of the first idle at 10,000 documents), to be on
   * screen for a few seconds until MapLibre, drawing them from the tiles, takes over. An SVG map that stays draws all.
   */
  #dataFor(r: MapRenderer, data: MapData): MapData {
    return data.meta?.tiles && r === this.#firstPaintSvg ? { ...data, legs: { type: 'FeatureCollection', features: [] } } : data;
  }

  /** The renderer drawing from now on; the one before stops being given the state. */
  #activate(r: MapRenderer, options: MapHostOptions, { firstPaint = false } = {}) {
    const before = this.#active;
    this.#receivers = this.#receivers.filter((other) => other !== before || other === r);
    this.#active = r;
    this.#activeDrawn = false;
    this.current = r;
    this.firstPaint = firstPaint;
    options.onRenderer?.(r.kind);
  }

  /** Once the active renderer has drawn the data: the moves asked for meanwhile, then a still map. */
  async #drawnAndStill(r: MapRenderer): Promise<boolean> {
    await this.#dataArrived;
    await this.#drawn.get(r);
    if (this.#destroyed || this.#active !== r) return false;
    this.#activeDrawn = true;
    for (const move of this.#pendingMoves.splice(0)) this.#carryOut(r, move);
    await r.whenIdle();
    const still = !this.#destroyed && this.#active === r;
    if (still) this.#markFirstDrawn();
    return still;
  }

  /**
   * Starts drawing in `container`, once for the life of the page. Where WebGL2 can draw, the SVG map is drawn first
   * and MapLibre, loaded under it, takes over at the same view; without it the SVG map stays, and where even that
   * cannot be made, no map. Returns the teardown.
   */
  mount(container: HTMLElement, options: MapHostOptions): () => void {
    const glBox = addLayer(container, 'map-layer');
    const unavailable = this.#makers.webgl2Unavailable();
    if (unavailable !== null) void this.#startWithoutWebgl(glBox, options, unavailable);
    else void this.#startWithFirstPaint(container, glBox, options);
    return () => this.destroy();
  }

  /** The SVG map first, then MapLibre under it; MapLibre alone where the SVG map cannot be made. */
  async #startWithFirstPaint(container: HTMLElement, glBox: HTMLElement, options: MapHostOptions) {
    const svgBox = addLayer(container, 'map-layer first-paint');
    let svg: MapRenderer | null = null;
    // The SVG map's view changes reach the page until MapLibre is shown in its place.
    let shown = false;
    const onShown = () => (shown = true);
    try {
      svg = await this.#makers.svg(this.#optionsFor(svgBox, options, () => !shown));
    } catch (e) {
      console.warn(`The SVG map for the first paint could not be made (${(e as Error).message}); the page waits for the full map.`);
      svgBox.remove();
    }
    if (this.#destroyed) return svg?.destroy();
    if (svg) void this.#startFirstPaint(svg, svgBox, glBox, options, onShown);
    else void this.#startMapLibreOnly(glBox, options);
  }

  /** A renderer's options: its view changes reach the page only while `reporting` says (MapLibre: once it is shown). */
  #optionsFor(box: HTMLElement, options: MapHostOptions, reporting: () => boolean): MapControllerOptions {
    return {
      container: box,
      basemapUrl: options.basemapUrl,
      onPick: (refs) => options.onPick(refs),
      prefersReducedMotion: options.prefersReducedMotion,
      onViewChange: (view) => {
        if (!reporting()) return;
        this.#lastView = view;
        options.onViewChange(view);
      },
      onContextUnrestored: () => this.#fallBack(box, options),
      basemapCredit: options.basemapCredit,
      // The data already here: MapLibre's style holds it from the start (the SVG map is given it by setData as ever).
      initialData: this.#data ?? undefined,
    };
  }

  async #startFirstPaint(svg: MapRenderer, svgBox: HTMLElement, glBox: HTMLElement, options: MapHostOptions, onShown: () => void) {
    this.#owned.push(svg);
    this.#firstPaintSvg = svg;
    this.#activate(svg, options, { firstPaint: true });
    void this.#adopt(svg);
    if (!(await this.#drawnAndStill(svg))) return;
    if (performance.getEntriesByName(FIRST_MAP_MARK).length === 0) performance.mark(FIRST_MAP_MARK);
    // MapLibre's chunk is fetched, parsed and started only once the SVG map is up: on two busy cores, doing it
    // earlier delays the data and the first paint by more than it brings MapLibre forward.
    let shown = false;
    let made: MapRenderer | { unavailable: string };
    try {
      made = await this.#makers.mapLibre(this.#optionsFor(glBox, options, () => shown));
    } catch (e) {
      made = { unavailable: `the full map could not be loaded: ${(e as Error).message}` };
    }
    if (this.#destroyed) return 'kind' in made ? made.destroy() : undefined;
    if (!('kind' in made)) {
      console.warn(`The full map cannot be drawn here (${made.unavailable}); the simplified SVG map stays.`);
      this.firstPaint = false;
      this.#firstPaintSvg = null;
      if (this.#data?.meta?.tiles) await svg.setData(this.#data); // it stays: every leg, which it left to MapLibre
      this.#markReady();
      return;
    }
    const map = made;
    this.#owned.push(map);
    await this.#adopt(map);
    // Pans and taps on the SVG map go on meanwhile: the state reaches MapLibre as it changes; its view catches up
    // until MapLibre is drawn at what the SVG map shows.
    for (let round = 0; round < 5 && !this.#destroyed; round++) {
      const view = svg.view();
      if (view) map.jumpTo(view);
      await map.whenIdle();
      const now = svg.view();
      if (!view || !now || sameView(view, now)) break;
    }
    if (this.#destroyed) return;
    shown = true;
    onShown();
    this.#activate(map, options);
    this.#activeDrawn = true;
    for (const move of this.#pendingMoves.splice(0)) this.#carryOut(map, move);
    await map.whenIdle();
    if (this.#destroyed) return;
    await retire(svg, svgBox, options.prefersReducedMotion());
    this.#owned = this.#owned.filter((r) => r !== svg);
    this.#firstPaintSvg = null;
    this.#markReady();
  }

  /** MapLibre only (no first paint), for when the SVG map cannot be made though WebGL can draw. */
  async #startMapLibreOnly(glBox: HTMLElement, options: MapHostOptions) {
    let made: MapRenderer | { unavailable: string };
    try {
      made = await this.#makers.mapLibre(this.#optionsFor(glBox, options, () => true));
    } catch (e) {
      made = { unavailable: `the full map could not be loaded: ${(e as Error).message}` };
    }
    if (this.#destroyed) return 'kind' in made ? made.destroy() : undefined;
    if (!('kind' in made)) return this.#startWithoutWebgl(glBox, options, made.unavailable);
    await this.#stay(made, options, null);
  }

  /** The SVG map, or no map if it cannot be made: where WebGL is unavailable, or a lost context never came back. */
  async #startWithoutWebgl(box: HTMLElement, options: MapHostOptions, unavailable: string, view: CameraView | null = null) {
    let r: MapRenderer;
    try {
      r = await this.#makers.svg(this.#optionsFor(box, options, () => true));
      console.warn(`The full map cannot be drawn here (${unavailable}); a simplified SVG map is drawn instead.`);
    } catch (e) {
      console.warn(`The map cannot be drawn here (${unavailable}; the SVG map failed too: ${(e as Error).message}); the list, passages, journeys, search and reader still work.`);
      r = this.#makers.none((view) => {
        this.#lastView = view;
        options.onViewChange(view);
      });
    }
    if (this.#destroyed) return r.destroy(); // the page went while the SVG map's code came
    await this.#stay(r, options, view);
  }

  /** A renderer that stays: given the state (and the view a lost map showed), drawn, then the page is ready. */
  async #stay(r: MapRenderer, options: MapHostOptions, view: CameraView | null) {
    this.#owned.push(r);
    this.#activate(r, options);
    void this.#adopt(r);
    // Taking over from a map that was lost: the view the visitor saw.
    if (view) r.jumpTo(view);
    if (await this.#drawnAndStill(r)) this.#markReady();
  }

  /** A lost WebGL context that never came back: the SVG map takes over at the same view, with the same state. */
  #fallBack(box: HTMLElement, options: MapHostOptions) {
    const lost = this.#active;
    if (!lost || this.#destroyed) return;
    const view = this.#lastView;
    this.#receivers = this.#receivers.filter((r) => r !== lost);
    this.#owned = this.#owned.filter((r) => r !== lost);
    lost.destroy();
    this.#active = null;
    void this.#startWithoutWebgl(box, options, 'the WebGL context was lost and not restored', view);
  }

  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#receivers = [];
    this.#active = null;
    this.current = null;
    for (const r of this.#owned.splice(0)) r.destroy();
  }
}

/** A box for a renderer inside the map's element: the first paint's lies over MapLibre's. */
function addLayer(parent: HTMLElement, className: string): HTMLElement {
  const box = parent.ownerDocument.createElement('div');
  box.className = className;
  parent.appendChild(box);
  return box;
}

/** Takes the first paint's SVG map off once MapLibre is shown: faded out, or at once with reduced motion. */
function retire(svg: MapRenderer, svgBox: HTMLElement, reducedMotion: boolean): Promise<void> {
  return new Promise<void>((resolve) => {
    let removed = false;
    const remove = () => {
      if (removed) return;
      removed = true;
      svg.destroy();
      svgBox.remove(); // an empty box left on top would still take the map's taps
      resolve();
    };
    if (reducedMotion) return remove();
    svgBox.style.pointerEvents = 'none';
    svgBox.classList.add('fading');
    svgBox.addEventListener('transitionend', remove, { once: true });
    setTimeout(remove, 1000); // no transitionend if the box is hidden or the transition is off
  });
}
