import { SvelteMap } from 'svelte/reactivity';
import { DATA_DIR, FEATURE_BUNDLE, featureFile, featureKey, type FeatureDetail, type FeaturePage, type FeatureRef } from '../atlas/contract.ts';
import type { DetailSource, MorePassages } from './atlas-data.ts';
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
 * figure needs them, then kept: the first view carries none (FetchedFiles says how). The own file holds a first page
 * of them; each further page is fetched when asked for (requestMore), one after another.
 */
export class FeatureDetailStore extends FetchedFiles<FeatureDetail> implements DetailSource {
  /** A feature's further pages (FeaturePage), by their file names in the data folder. */
  private readonly pages: FetchedFiles<FeaturePage>;
  /** How many further pages each feature's reader has asked for (by featureKey). */
  private readonly asked = new SvelteMap<string, number>();

  constructor(base?: () => string, fetchFile?: (address: string, init: RequestInit) => Promise<Response>) {
    super((key, base) => featureAddress(refOf(key), base), base, fetchFile);
    this.pages = new FetchedFiles<FeaturePage>((file, base) => siteAddress(`${DATA_DIR}/${file}`, base), this.base, this.fetchFile);
  }

  /** The feature's own file with the further pages that have come (those asked for, up to the first still missing) put after its first. */
  get(ref: FeatureRef): FeatureDetail | undefined {
    const first = this.value(featureKey(ref));
    if (!first?.pages.length) return first;
    const here: FeaturePage[] = [];
    for (const file of first.pages.slice(0, this.asked.get(featureKey(ref)) ?? 0)) {
      const page = this.pages.value(file);
      if (!page) break;
      here.push(page);
    }
    if (!here.length) return first;
    return {
      ...first,
      evidence: [...first.evidence, ...here.flatMap((p) => p.evidence)],
      ...(first.namedIn ? { namedIn: [...first.namedIn, ...here.flatMap((p) => p.namedIn ?? [])] } : {}),
    };
  }

  status(ref: FeatureRef): FetchStatus<FeatureDetail> | undefined {
    return this.fileStatus(featureKey(ref));
  }

  more(ref: FeatureRef): MorePassages | undefined {
    const first = this.value(featureKey(ref));
    if (!first) return undefined;
    const next = first.pages[this.pagesHere(ref, first)];
    const status = next === undefined ? undefined : this.pages.fileStatus(next);
    return { shown: this.get(ref)!.evidence.length, total: first.passageCount, ...(status && status.state !== 'loaded' ? { next: status } : {}) };
  }

  requestMore(ref: FeatureRef): void {
    const first = this.value(featureKey(ref));
    if (!first) return;
    const here = this.pagesHere(ref, first);
    const next = first.pages[here];
    if (next === undefined) return;
    this.asked.set(featureKey(ref), here + 1);
    this.pages.request([next]);
  }

  /** How many further pages are here, in order (those asked for, up to the first still missing). */
  private pagesHere(ref: FeatureRef, first: FeatureDetail): number {
    const asked = first.pages.slice(0, this.asked.get(featureKey(ref)) ?? 0);
    const missing = asked.findIndex((file) => this.pages.value(file) === undefined);
    return missing === -1 ? asked.length : missing;
  }

  /**
   * Fetches every feature's file in one (FEATURE_BUNDLE, written for a small corpus only); a failure is left to each
   * feature's own file, fetched when its panel opens.
   */
  preloadAll(signal: AbortSignal): Promise<void> {
    return this.seedFromBundle((base) => siteAddress(`${DATA_DIR}/${FEATURE_BUNDLE}`, base), signal);
  }

  /** Asks for these features' files (failed ones again). */
  requestFeatures(refs: Iterable<FeatureRef>): void {
    this.request([...refs].map(featureKey));
  }

  /** Fetches one feature's file (shared with any fetch on its way): its passages as get() gives them, further pages here included. */
  loadFeature(ref: FeatureRef): Promise<FeatureDetail> {
    return this.load(featureKey(ref)).then(() => this.get(ref)!);
  }

  override destroy(): void {
    super.destroy();
    this.pages.destroy();
  }
}
