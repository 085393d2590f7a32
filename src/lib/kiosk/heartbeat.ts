/** What the page draws its map with, as the heartbeat reports it: WebGL (MapLibre), the SVG map, or no map (the list). */
export const RENDERER_KINDS = ['maplibre', 'svg', 'none'] as const;
export type RendererKind = (typeof RENDERER_KINDS)[number];

/** Seconds between two heartbeats; the launcher's watchdog waits `watchdogSeconds` (at least 15) for one. */
export const HEARTBEAT_SECONDS = 10;
