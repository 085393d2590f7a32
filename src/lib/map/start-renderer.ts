import { GPUInitializationError } from 'maplibre-gl';
import { createMapController, type MapControllerOptions } from './controller.ts';
import { createNoMapRenderer, type MapRenderer } from './renderer.ts';
import { createSvgRenderer } from './svg-renderer.ts';

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

/**
 * MapLibre when the browser can draw it; otherwise the simplified SVG map and the reason; and only if even that cannot
 * be made, the map-free renderer, so the page still works through the list, panels, journeys, search and reader.
 */
export function startRenderer(options: MapControllerOptions): { renderer: MapRenderer; unavailable: string | null } {
  let unavailable = webgl2Unavailable();
  if (unavailable === null) {
    try {
      return { renderer: createMapController(options), unavailable: null };
    } catch (e) {
      // A context the probe got can still be refused with the map's own attributes (depth, stencil).
      if (!(e instanceof GPUInitializationError)) throw e;
      unavailable = e.statusMessage ?? e.message;
    }
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
