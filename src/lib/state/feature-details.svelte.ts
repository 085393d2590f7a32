import { DATA_DIR, FEATURE_BUNDLE, featureFile, featureKey, type FeatureDetail, type FeatureRef } from '../atlas/contract.ts';
import type { DetailSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles, type FetchStatus } from './fetched-files.svelte.ts';

const refOf = (key: string): FeatureRef => {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as FeatureRef['kind'], id: key.slice(at + 1) };
};

/** Where a feature's own file is, for the page at `base`. */
export const featureAddress = (ref: FeatureRef, base: string) => siteAddress(`${DATA_DIR}/${featureFile(ref)}`, base);

/**
 * Each feature's passages (and a place's "Named in"), fetched from its own file when its panel, a journey step or a
 * figure needs them, then kept: the first view carries none (FetchedFiles says how).
 */
export class FeatureDetailStore extends FetchedFiles<FeatureDetail> implements DetailSource {
  constructor(
    private readonly pageBase: () => string = () => (typeof location === 'undefined' ? '' : location.href),
    private readonly fetchBundle: (address: string, init: RequestInit) => Promise<Response> = (address, init) => fetch(address, init),
  ) {
    super((key, base) => featureAddress(refOf(key), base), pageBase, fetchBundle);
  }

  get(ref: FeatureRef): FeatureDetail | undefined {
    return this.value(featureKey(ref));
  }

  status(ref: FeatureRef): FetchStatus<FeatureDetail> | undefined {
    return this.fileStatus(featureKey(ref));
  }

  /**
   * Fetches every feature's file in one (FEATURE_BUNDLE, written for a small corpus only); a failure is left to each
   * feature's own file, fetched when its panel opens.
   */
  async preloadAll(signal: AbortSignal): Promise<void> {
    try {
      const response = await this.fetchBundle(siteAddress(`${DATA_DIR}/${FEATURE_BUNDLE}`, this.pageBase()), { signal });
      if (!response.ok) return;
      for (const [key, detail] of Object.entries((await response.json()) as Record<string, FeatureDetail>)) this.seed(key, detail);
    } catch {
      // each panel fetches its own file, and says so if that fails too
    }
  }

  /** Asks for these features' files (failed ones again). */
  requestFeatures(refs: Iterable<FeatureRef>): void {
    this.request([...refs].map(featureKey));
  }

  /** Fetches one feature's file (shared with any fetch on its way). */
  loadFeature(ref: FeatureRef): Promise<FeatureDetail> {
    return this.load(featureKey(ref));
  }
}
