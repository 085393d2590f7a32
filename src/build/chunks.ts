/**
 * MapLibre in a chunk of its own, in the app's build and the benchmark's baselines alike: it changes less often than
 * the app, and the benchmark weighs the app's own JavaScript without it.
 */
export const MAPLIBRE_CHUNK = { name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ };
