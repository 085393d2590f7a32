import { DATA_DIR, FEATURE_SOURCES, featureKey, type EvidenceSource, type FeatureRef } from '../atlas/contract.ts';
import type { SourcesOf } from '../corpus/queries.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles } from './fetched-files.svelte.ts';

/**
 * Every feature's (document, role) pairs (FEATURE_SOURCES), one file fetched the first time a document is switched off:
 * the first view's filters read each feature's ReportedBy, which does not grow with the corpus; only the document
 * switches need the pairs. A small corpus's come with the first view (preload), so a switch applies on the same frame.
 */
export class FeatureSourcesStore extends FetchedFiles<Record<string, EvidenceSource[]>> {
  constructor(base?: () => string, fetchFile?: (address: string, init: RequestInit) => Promise<Response>) {
    super((_key, base) => siteAddress(`${DATA_DIR}/${FEATURE_SOURCES}`, base), base, fetchFile);
  }

  /**
   * A feature's pairs once the file has come (reactive: undefined until then). Asks for the file after the current
   * update, not in it: the filters read this inside a derived value, which may not change state.
   */
  readonly sourcesOf: SourcesOf = (ref: FeatureRef) => {
    const sources = this.value(FEATURE_SOURCES);
    if (!sources && !this.status()) queueMicrotask(() => this.request([FEATURE_SOURCES]));
    return sources?.[featureKey(ref)];
  };

  /** Whether the pairs are on their way, here, or could not come (reactive; undefined: never asked for). */
  status() {
    return this.fileStatus(FEATURE_SOURCES);
  }

  /** Fetches the file now (a small corpus's first view). */
  preload(): Promise<unknown> {
    return this.load(FEATURE_SOURCES);
  }
}
