import { DATA_DIR, featureFile, type FeatureDetail, type FeatureRef } from '../atlas/contract.ts';
import type { DetailSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles, type FetchStatus } from './fetched-files.svelte.ts';

const keyOf = (ref: FeatureRef) => `${ref.kind}:${ref.id}`;
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
  constructor(base?: () => string, fetchFile?: (address: string, init: RequestInit) => Promise<Response>) {
    super((key, base) => featureAddress(refOf(key), base), base, fetchFile);
  }

  get(ref: FeatureRef): FeatureDetail | undefined {
    return this.value(keyOf(ref));
  }

  status(ref: FeatureRef): FetchStatus<FeatureDetail> | undefined {
    return this.fileStatus(keyOf(ref));
  }

  /** Asks for these features' files (failed ones again). */
  requestFeatures(refs: Iterable<FeatureRef>): void {
    this.request([...refs].map(keyOf));
  }

  /** Fetches one feature's file (shared with any fetch on its way). */
  loadFeature(ref: FeatureRef): Promise<FeatureDetail> {
    return this.load(keyOf(ref));
  }
}
