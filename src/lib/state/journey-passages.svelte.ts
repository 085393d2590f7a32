import { DATA_DIR, JOURNEY_PASSAGES_BUNDLE, journeyPassagesFile, type Evidence, type JourneyPassages } from '../atlas/contract.ts';
import type { JourneyPassageSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles, type FetchStatus } from './fetched-files.svelte.ts';

/**
 * The journeys' own passages (a step drawn with no line), each journey's from its own file when it opens, then kept:
 * the page's routes.page.json carries none. A small corpus's come in one file with the first view (preloadAll).
 */
export class JourneyPassageStore extends FetchedFiles<JourneyPassages> implements JourneyPassageSource {
  constructor(base?: () => string, fetchFile?: (address: string, init: RequestInit) => Promise<Response>) {
    super((id, base) => siteAddress(`${DATA_DIR}/${journeyPassagesFile(id)}`, base), base, fetchFile);
  }

  step(journeyId: string, step: number): Evidence[] | undefined {
    return this.value(journeyId)?.steps[step] ?? undefined;
  }

  status(journeyId: string): FetchStatus<JourneyPassages> | undefined {
    return this.fileStatus(journeyId);
  }

  /** Every journey's passages in one (JOURNEY_PASSAGES_BUNDLE, a small corpus only); a failure leaves each to its own file. */
  preloadAll(signal: AbortSignal): Promise<void> {
    return this.seedFromBundle((base) => siteAddress(`${DATA_DIR}/${JOURNEY_PASSAGES_BUNDLE}`, base), signal);
  }
}
