/**
 * The passages' search index, built at derive time with MiniSearch and split into shards of consecutive documents
 * (data/search/N.json), so a search in the page loads shards only until it has enough results, never every text.
 * The index finds the documents that hold every word of a query (as a word's beginning, accents and case folded);
 * the exact words and where they are come from the document itself (searchPassages), so offsets stay exact.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { PublishedDocument } from '../atlas/contract.ts';
import { fold } from './queries.ts';

/**
 * Documents per shard. Small enough that one shard loads and searches within a search's budget (150 ms) at a common
 * word, large enough that a 100,000-document corpus needs a few hundred files, not a hundred thousand.
 */
export const SEARCH_SHARD_DOCUMENTS = 250;

/** A shard's file, relative to the data folder; shard `n` holds documents n × SEARCH_SHARD_DOCUMENTS onwards, in published order. */
export const searchShardFile = (n: number) => `search/${n}.json`;

interface IndexedDocument {
  id: string;
  body: string;
}

// Words are runs of letters and digits: '<img onerror=…>' gives 'img' and 'onerror', as a reader would split them.
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** The one set of options the build writes with and the page reads with (MiniSearch needs the same on both sides). */
export const SEARCH_OPTIONS: Options<IndexedDocument> = {
  fields: ['body'],
  storeFields: [],
  tokenize: (text) => text.split(WORD_SEPARATOR),
  processTerm: (term) => (term ? fold(term) : null),
};

/** The shards' contents, in order, each made when asked for: a MiniSearch index serialised as JSON. */
export function* searchShards(documents: readonly PublishedDocument[], perShard = SEARCH_SHARD_DOCUMENTS): Generator<string> {
  for (let from = 0; from < documents.length; from += perShard) {
    const index = new MiniSearch<IndexedDocument>(SEARCH_OPTIONS);
    index.addAll(documents.slice(from, from + perShard).map(({ id, body }) => ({ id, body })));
    yield JSON.stringify(index);
  }
}

export const buildSearchShards = (documents: readonly PublishedDocument[], perShard = SEARCH_SHARD_DOCUMENTS): string[] => [...searchShards(documents, perShard)];

export function searchShardCount(documents: number, perShard = SEARCH_SHARD_DOCUMENTS): number {
  return Math.ceil(documents / perShard);
}

/** A shard as read back, ready to search. */
export type SearchShard = MiniSearch<IndexedDocument>;
export const loadSearchShard = (json: string): SearchShard => MiniSearch.loadJSON(json, SEARCH_OPTIONS);

/**
 * Ids of the shard's documents holding every word of the query (the last one possibly still being typed, so any word
 * it begins), in the order they are published: the order search shows them in.
 */
export function documentsWithWords(shard: SearchShard, query: string, order: (id: string) => number): string[] {
  if (!query.split(WORD_SEPARATOR).some((w) => w)) return [];
  return shard
    .search(query, { prefix: true, combineWith: 'AND' })
    .map((r) => String(r.id))
    .sort((a, b) => order(a) - order(b));
}
