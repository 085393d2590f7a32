/**
 * MapLibre in a chunk of its own, in the app's build and the benchmark's baselines alike: it changes less often than
 * the app, and the benchmark weighs the app's own JavaScript without it.
 */
export const MAPLIBRE_CHUNK = { name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ };

/**
 * Small modules both the first view and its lazy chunks use (dates, passages, roles, the fan of thin lines' bundling):
 * one chunk, not one each. Each request carries about 0.7 KB of headers, more than most of these modules weigh
 * gzipped; the first view fetched four such chunks (issue 27). The bundler's runtime stays a chunk of its own: no
 * group can take it.
 */
export const SHARED_SMALL_CHUNK = { name: 'shared', test: /[\\/]src[\\/]lib[\\/](corpus[\\/](dates|passage|roles)|map[\\/]bundle)\.ts$/ };
