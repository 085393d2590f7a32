import type { MapControllerOptions } from './controller.ts';
import { createNoMapRenderer, type MapData, type MapRenderer } from './renderer.ts';
import type { FeatureRef, LegEmphasis, CameraView } from '../atlas/contract.ts';
import { createSvgRenderer } from './svg-renderer.ts';

/** The performance mark set when the first map (the SVG map, drawn before MapLibre) is on screen. */
export const FIRST_MAP_MARK = 'atlas:first-map';

/**
 * Why this browser cannot give MapLibre 6 the WebGL2 context it needs (null: it can), asked of a canvas of its own
 * before any map exists. The probe's context is released at once, so it does not hold one of the page's few.
 */
export function webgl2Unavailable(): string | null {
  const canvas = document.createElement('canvas');
  let status = '';
  canvas.addEventListener('webglcontextcreationerror', (e) => (status = (e as WebGLContextEvent).statusMessage), { once: true });
  const gl = canvas.getContext('webgl2');
  if (gl) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return null;
  }
  return status || 'the browser offers no WebGL2 context';
}

/** MapLibre and the controller, in their own chunk: the first paint does not wait to download or parse them. */
async function createMapLibre(options: MapControllerOptions): Promise<{ renderer: MapRenderer; unavailable: null } | { renderer: null; unavailable: string }> {
  const [{ createMapController }, { GPUInitializationError }] = await Promise.all([import('./controller.ts'), import('maplibre-gl')]);
  try {
    return { renderer: createMapController(options), unavailable: null };
  } catch (e) {
    // A context the probe got can still be refused with the map's own attributes (depth, stencil).
    if (!(e instanceof GPUInitializationError)) throw e;
    return { renderer: null, unavailable: e.statusMessage ?? e.message };
  }
}

export interface FirstPaint {
  /** The SVG map, drawn at once while MapLibre loads under it; `interim`, so the page does not count it as ready. */
  interim: MapRenderer;
  /**
   * What the page runs on from then on: MapLibre, already drawn at the SVG map's view with the same selection,
   * filters and emphasis; or, where MapLibre cannot run after all, the SVG map itself and the reason.
   */
  final: Promise<{ renderer: MapRenderer; unavailable: string | null }>;
  /**
   * Takes the SVG map off once MapLibre has been handed to the page: faded out, or at once with reduced motion.
   * Resolves once it is gone.
   */
  retire(): Promise<void>;
  destroy(): void;
}

/**
 * The first paint: the SVG map (same projection, ids and colours) in `svgBox`, above MapLibre in `options.container`.
 * Everything the page asks of the SVG map is remembered and asked of MapLibre too, before it is shown, so the swap
 * changes neither the view nor the state. Needs WebGL2 (see webgl2Unavailable); throws if the SVG map cannot be made.
 */
export function startFirstPaint(options: MapControllerOptions, svgBox: HTMLElement): FirstPaint {
  const svg = createSvgRenderer({ ...options, container: svgBox });
  let handedOver = false;
  let destroyed = false;
  let mapLibre: MapRenderer | null = null;
  let resolveData: (data: MapData) => void = () => {};
  const dataSet = new Promise<MapData>((resolve) => (resolveData = resolve));
  let dataDrawn = false;
  let resolveFirstMap: () => void = () => {};
  const firstMapShown = new Promise<void>((resolve) => (resolveFirstMap = resolve));
  // The last of each state call, replayed on MapLibre.
  let selected: FeatureRef | null = null;
  let visible: { places: string[]; legs: string[] } | null = null;
  let legEmphasis = new Map<string, LegEmphasis>();
  let placeEmphasis: readonly string[] = [];

  const interim: MapRenderer = {
    kind: 'svg',
    map: null,
    interim: true,
    async setData(data) {
      await svg.setData(data);
      dataDrawn = true;
      resolveData(data);
    },
    select(ref) {
      selected = ref;
      svg.select(ref);
    },
    setVisible(next) {
      visible = next;
      svg.setVisible(next);
    },
    emphasizeLegs(next) {
      legEmphasis = next;
      svg.emphasizeLegs(next);
    },
    emphasizePlaces(ids) {
      placeEmphasis = ids;
      svg.emphasizePlaces(ids);
    },
    frame: (bounds, maxZoom, padding) => svg.frame(bounds, maxZoom, padding),
    jumpTo: (view) => svg.jumpTo(view),
    view: () => svg.view(),
    container: svgBox,
    zoomBy: (delta) => svg.zoomBy(delta),
    // The page waits for this after the data and its view are applied: that frame is the first map on screen.
    whenIdle: () =>
      svg.whenIdle().then(() => {
        if (!dataDrawn || performance.getEntriesByName(FIRST_MAP_MARK).length > 0) return;
        performance.mark(FIRST_MAP_MARK);
        resolveFirstMap();
      }),
    destroy() {},
  };

  const sameView = (a: CameraView, b: CameraView) => Math.abs(a.lng - b.lng) < 1e-9 && Math.abs(a.lat - b.lat) < 1e-9 && Math.abs(a.zoom - b.zoom) < 1e-9;

  const final = (async (): Promise<{ renderer: MapRenderer; unavailable: string | null }> => {
    let created: Awaited<ReturnType<typeof createMapLibre>>;
    // MapLibre's chunk is fetched, parsed and started only once the SVG map is up: on two busy cores, doing it
    // earlier delays the data and the first paint by more than it brings MapLibre forward.
    await firstMapShown;
    if (destroyed) return { renderer: svg, unavailable: 'the page closed' };
    try {
      // Its view changes stay its own until it is shown: the address follows the map the visitor sees.
      created = await createMapLibre({ ...options, onViewChange: (view) => handedOver && options.onViewChange?.(view) });
    } catch (e) {
      return { renderer: svg, unavailable: `the full map could not be loaded: ${(e as Error).message}` };
    }
    if (!created.renderer) return { renderer: svg, unavailable: created.unavailable };
    const map = created.renderer;
    mapLibre = map;
    const data = await dataSet;
    await map.setData(data);
    // Pans and taps on the SVG map go on meanwhile: catch up until MapLibre is drawn at what the SVG map shows.
    for (let round = 0; round < 5 && !destroyed; round++) {
      const view = svg.view();
      map.select(selected);
      map.setVisible(visible);
      map.emphasizeLegs(legEmphasis);
      map.emphasizePlaces(placeEmphasis);
      map.jumpTo(view);
      await map.whenIdle();
      if (sameView(view, svg.view())) break;
    }
    handedOver = true;
    // The page re-applies its state to the renderer it is handed; the data is already drawn.
    return { renderer: { ...map, setData: (next: MapData) => (next === data ? Promise.resolve() : map.setData(next)) }, unavailable: null };
  })();

  return {
    interim,
    final,
    retire() {
      return new Promise<void>((resolve) => {
        let removed = false;
        const remove = () => {
          if (removed) return;
          removed = true;
          svg.destroy();
          svgBox.remove(); // an empty box left on top would still take the map's taps
          resolve();
        };
        if (options.prefersReducedMotion()) return remove();
        svgBox.style.pointerEvents = 'none';
        svgBox.classList.add('fading');
        svgBox.addEventListener('transitionend', remove, { once: true });
        setTimeout(remove, 1000); // no transitionend if the box is hidden or the transition is off
      });
    },
    destroy() {
      destroyed = true;
      svg.destroy();
      mapLibre?.destroy();
      void final.then(({ renderer }) => renderer !== svg && renderer.destroy());
    },
  };
}

/**
 * MapLibre only (no first paint), for when the SVG map cannot be made even though WebGL can draw; otherwise the
 * simplified SVG map and the reason; and only if even that cannot be made, the map-free renderer.
 */
export async function startRenderer(options: MapControllerOptions): Promise<{ renderer: MapRenderer; unavailable: string | null }> {
  const unavailable = webgl2Unavailable();
  if (unavailable === null) {
    const created = await createMapLibre(options);
    if (created.renderer) return created;
    return startWithoutWebgl(options, created.unavailable);
  }
  return startWithoutWebgl(options, unavailable);
}

/** The SVG map, or no map if it cannot be made: where WebGL is unavailable, or a lost context never came back. */
export function startWithoutWebgl(options: MapControllerOptions, unavailable: string): { renderer: MapRenderer; unavailable: string } {
  try {
    const renderer = createSvgRenderer(options);
    console.warn(`The full map cannot be drawn here (${unavailable}); a simplified SVG map is drawn instead.`);
    return { renderer, unavailable };
  } catch (e) {
    console.warn(`The map cannot be drawn here (${unavailable}; the SVG map failed too: ${(e as Error).message}); the list, passages, journeys, search and reader still work.`);
    return { renderer: createNoMapRenderer(options.onViewChange), unavailable };
  }
}
