import type { MapControllerOptions } from './controller.ts';
import type { RendererMakers } from './map-host.svelte.ts';
import { createNoMapRenderer, type MapRenderer } from './renderer.ts';

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
async function createMapLibre(options: MapControllerOptions): Promise<MapRenderer | { unavailable: string }> {
  const [{ createMapController }, { GPUInitializationError }] = await Promise.all([import('./controller.ts'), import('maplibre-gl')]);
  try {
    return createMapController(options);
  } catch (e) {
    // A context the probe got can still be refused with the map's own attributes (depth, stencil).
    if (!(e instanceof GPUInitializationError)) throw e;
    return { unavailable: e.statusMessage ?? e.message };
  }
}

/**
 * The page's renderers, as the map host (map-host.svelte.ts) makes them. The SVG map (and d3-geo) is a chunk of its
 * own too, fetched with the first view's data: the map in the HTML is on screen until a map of the page's own is drawn.
 */
export const pageRenderers: RendererMakers = {
  webgl2Unavailable,
  svg: (options) => import('./svg-renderer.ts').then(({ createSvgRenderer }) => createSvgRenderer(options)),
  mapLibre: createMapLibre,
  none: createNoMapRenderer,
};
