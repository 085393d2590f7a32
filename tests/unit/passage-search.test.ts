import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishedDocument } from '../../src/lib/atlas/contract.ts';
import { searchAtlas, searchPlaces, type SearchResult } from '../../src/lib/corpus/queries.ts';
import { buildSearchShards, searchShardFile } from '../../src/lib/corpus/search-index.ts';
import { PassageSearch } from '../../src/lib/state/passage-search.ts';
import { summarizeDocument } from '../../src/build/derive.ts';
import { realAtlas } from '../helpers/real-atlas.ts';
import { createTinyAtlas } from '../helpers/tiny-atlas.ts';

const SITE = 'http://atlas.test/';

/**
 * The page's search over a site whose data/ holds the index's shards (`perShard` documents each) and each document's
 * own file, as derive writes them; every file fetched is recorded.
 */
function createSearch(documents: PublishedDocument[], perShard: number) {
  const files = new Map<string, string>();
  buildSearchShards(documents, perShard).forEach((shard, n) => files.set(`${SITE}data/${searchShardFile(n)}`, shard));
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (address: string) => {
    fetched.push(address.slice(SITE.length));
    const body = files.get(address);
    return body === undefined ? new Response('', { status: 404 }) : new Response(body);
  });
  const texts = new Map(documents.map((d) => [d.id, d]));
  const search = new PassageSearch(
    () => documents.map(summarizeDocument),
    async (id) => texts.get(id)!,
    () => SITE,
    perShard,
  );
  return { search, fetched };
}
afterEach(() => void vi.unstubAllGlobals());

const passagesOf = (results: SearchResult[]) => results.filter((r) => r.kind === 'passage');

describe('the passages’ search on the sharded index (the page’s search)', () => {
  // Two documents a shard on the bundled corpus, so a search crosses shards: what it finds must not change.
  it.each(['swiss banks', 'Swiss Banks', 'habana', 'HAVANA', 'Paris', 'prague', 'training', 'guerrilla', 'Mexico', 'the', 'pasaje', 'xyzzy'])(
    'finds what the whole-text search finds for "%s", in the same order with the same offsets and snippets',
    async (query) => {
      const atlas = realAtlas();
      const { search } = createSearch(atlas.documents, 2);
      const places = searchPlaces(atlas, query);
      const expected = passagesOf(searchAtlas(atlas, query));
      expect(await search.search(query, 12 - places.length, new AbortController().signal)).toEqual(expected);
    },
  );

  it.each([
    { query: 'habana', found: ['passage memo-1961 20-26'] },
    { query: 'paris', found: ['passage memo-1961 31-36', 'passage memo-1963 5-10'] },
    { query: 'swiss banks', found: ['passage memo-1963 55-66'] },
    { query: 'lisbon', found: [] },
  ])('folds accents and case on the tiny atlas: "$query" finds $found', async ({ query, found }) => {
    const { search } = createSearch(createTinyAtlas().documents, 1);
    const results = await search.search(query, 12, new AbortController().signal);
    expect(results.map((r) => (r.kind === 'passage' ? `passage ${r.document} ${r.start}-${r.end}` : r.kind))).toEqual(found);
  });

  it('stops at the first shard that gives enough results, and reads only the documents that hold the words', async () => {
    const atlas = realAtlas();
    const { search, fetched } = createSearch(atlas.documents, 1);
    const [first] = await search.search('the', 1, new AbortController().signal);
    expect(first).toMatchObject({ kind: 'passage', document: atlas.documents[0]!.id });
    expect(fetched).toEqual(['data/search/0.json']);
  });

  it('says why when a shard cannot be fetched', async () => {
    const atlas = realAtlas();
    const { search } = createSearch(atlas.documents.slice(0, 2), 1);
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(search.search('paris', 12, new AbortController().signal)).rejects.toThrow(/Could not load http:\/\/atlas\.test\/data\/search\/0\.json \(HTTP 404\)\. Run "npm run derive"/);
  });
});
