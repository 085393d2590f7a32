import { DATA_DIR, type DocumentSummary, type PublishedDocument } from '../atlas/contract.ts';
import { siteAddress } from '../address/page-address.ts';
import { searchPassages, type SearchResult } from '../corpus/queries.ts';
import type { SearchShard } from '../corpus/search-index.ts';

/** The index's code (MiniSearch) is a chunk of its own, fetched at the first search, not with the first view. */
const searchIndex = () => import('../corpus/search-index.ts');

/**
 * Passages by their words, on the index derive built (search-index.ts): shard by shard, in the documents' order, until
 * there are enough results; each shard's candidates are then read in their own files (fetched as the reader would), so
 * what is shown and its offsets are exactly what searchPassages finds in the words. Shards, once fetched, are kept.
 */
export class PassageSearch {
  private readonly shards = new Map<number, Promise<SearchShard>>();
  private order: { of: readonly DocumentSummary[]; rank: Map<string, number> } | null = null;

  constructor(
    private readonly summaries: () => readonly DocumentSummary[] | Promise<readonly DocumentSummary[]>,
    private readonly load: (id: string) => Promise<PublishedDocument>,
    private readonly base: () => string = () => location.href,
    /** Documents per shard, as derive wrote them (search-index.ts's SEARCH_SHARD_DOCUMENTS when not given). */
    private readonly perShard?: number,
  ) {}

  async search(query: string, limit: number, signal: AbortSignal): Promise<SearchResult[]> {
    const documents = await this.summaries();
    signal.throwIfAborted();
    if (this.order?.of !== documents) this.order = { of: documents, rank: new Map(documents.map((d, i) => [d.id, i])) };
    const rank = this.order.rank;
    const results: SearchResult[] = [];
    const { documentsWithWords, searchShardCount, SEARCH_SHARD_DOCUMENTS } = await searchIndex();
    signal.throwIfAborted();
    for (let n = 0; n < searchShardCount(documents.length, this.perShard ?? SEARCH_SHARD_DOCUMENTS) && results.length < limit; n++) {
      const candidates = documentsWithWords(await this.shard(n, signal), query, (id) => rank.get(id) ?? Infinity);
      // Each candidate holds the words at least once: no more documents than results still wanted are read at a time.
      for (let from = 0; from < candidates.length && results.length < limit; ) {
        const batch = candidates.slice(from, (from += limit - results.length));
        const texts = await Promise.all(batch.map((id) => this.load(id)));
        signal.throwIfAborted();
        results.push(...searchPassages(texts, query, limit - results.length));
      }
    }
    return results;
  }

  private shard(n: number, signal: AbortSignal): Promise<SearchShard> {
    let shard = this.shards.get(n);
    if (!shard) {
      // Not aborted with one search: the next keystroke's search wants the same shard.
      shard = searchIndex().then(async ({ loadSearchShard, searchShardFile }) => {
        const address = siteAddress(`${DATA_DIR}/${searchShardFile(n)}`, this.base());
        const response = await fetch(address);
        if (!response.ok) throw new Error(`Could not load ${address} (HTTP ${response.status}). Run "npm run derive" and reload.`);
        return loadSearchShard(await response.text());
      });
      shard.catch(() => this.shards.delete(n)); // tried again next time
      this.shards.set(n, shard);
    }
    return abortable(shard, signal);
  }
}

/** The promise, or a rejection as soon as the signal aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
