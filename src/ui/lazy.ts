/**
 * The parts of the page the first view does not need, each a lazy chunk (dynamic import()): fetched once, when first
 * asked for, or ahead of that once the page is idle after its first map. Keeping them out of the first view's own
 * JavaScript is what keeps it under its budget (tests/unit/first-view-budget.test.ts).
 */

/** Loads under way: the page is ready only once what it opened on (a passage from a link) is on screen. */
const inFlight = new Set<Promise<unknown>>();

/** A module loaded once, on the first call; every later call gets the same promise. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (!loading) {
      const started = load().catch((e: unknown) => {
        loading = null; // a failed fetch (offline for a moment) is tried again on the next ask
        throw e;
      });
      loading = started;
      inFlight.add(started);
      const settle = () => inFlight.delete(started);
      started.then(settle, settle);
    }
    return loading;
  };
}

/** Resolves once no lazy chunk is loading (a failed one counts as settled: its caller reports it). */
export async function lazyChunksSettled(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

export const loadPassagePanel = lazyModule(() => import('./PassagePanel.svelte'));
export const loadJourneyStepper = lazyModule(() => import('./JourneyStepper.svelte'));
export const loadFeatureList = lazyModule(() => import('./FeatureList.svelte'));
export const loadDocumentReader = lazyModule(() => import('./DocumentReader.svelte'));
export const loadKioskMode = lazyModule(() => import('./KioskMode.svelte'));
/** Past the tiles threshold only: that the routes, journeys and documents are still coming after the first view. */
export const loadLaterStatus = lazyModule(() => import('./LaterStatus.svelte'));
/** "About the data": its counts and the downloads, opened from the header. */
export const loadAboutData = lazyModule(() => import('./AboutData.svelte'));
export const loadTakeHomeCode = lazyModule(() => import('./TakeHomeCode.svelte'));
/** "Save this view": the figure's page, its map picture, the PNG rasteriser and the scene's emphasis, one chunk. */
export const loadSaveFigure = lazyModule(() => import('./save-figure.ts'));

/**
 * Fetches the chunks a visitor is likely to want soon (the panels, the reader) once the browser is idle, so opening them later
 * does not wait for the network. Call after the first map is on screen.
 */
export function preloadWhenIdle(loaders: ReadonlyArray<() => Promise<unknown>>): void {
  const run = () => {
    for (const load of loaders) load().catch(() => {}); // asked again, and reported, when really needed
  };
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 1000);
}
