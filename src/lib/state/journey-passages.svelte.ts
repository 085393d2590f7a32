import { DATA_DIR, JOURNEY_PASSAGES_BUNDLE, journeyPassagesFile, type Evidence, type JourneyPassages } from '../atlas/contract.ts';
import type { JourneyPassageSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles, type FetchStatus } from './fetched-files.svelte.ts';

/**
 * The journeys' own passages (a step drawn with no line), each journey's from its own file when it opens, then kept:
 * the page's journeys.page.json carries none. A small corpus's come in one file with the first view (preloadAll).
 */
export class JourneyPassageStore extends FetchedFiles<JourneyPassages> implements JourneyPassageSource {
  constructor(
    private readonly pageBase: () => string = () => (typeof location === 'undefined' ? '' : location.href),
    private readonly fetchOne: (address: string, init: RequestInit) => Promise<Response> = (address, init) => fetch(address, init),
  ) {
    super((id, base) => siteAddress(`${DATA_DIR}/${journeyPassagesFile(id)}`, base), pageBase, fetchOne);
  }

  step(journeyId: string, step: number): Evidence[] | undefined {
    return this.value(journeyId)?.steps[step] ?? undefined;
  }

  status(journeyId: string): FetchStatus<JourneyPassages> | undefined {
    return this.fileStatus(journeyId);
  }

  /** Every journey's passages in one (JOURNEY_PASSAGES_BUNDLE, a small corpus only); a failure leaves each to its own file. */
  async preloadAll(signal: AbortSignal): Promise<void> {
    try {
      const response = await this.fetchOne(siteAddress(`${DATA_DIR}/${JOURNEY_PASSAGES_BUNDLE}`, this.pageBase()), { signal });
      if (!response.ok) return;
      for (const [id, passages] of Object.entries((await response.json()) as Record<string, JourneyPassages>)) this.seed(id, passages);
    } catch {
      // each journey fetches its own file when it opens, and says so if that fails too
    }
  }
}
