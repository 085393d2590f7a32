import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../src/lib/state/documents.svelte.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

/** A store over a site at http://atlas.test/ that serves the bundled documents' own files, failing those in `broken`. */
function createStore(broken: Set<string> = new Set()) {
  const documents = realAtlas().documents;
  const requests: string[] = [];
  const store = new DocumentStore(
    () => 'http://atlas.test//index.html',
    async (address) => {
      requests.push(address);
      const doc = documents.find((d) => address === `http://atlas.test/data/documents/${d.id}.json`);
      return doc && !broken.has(doc.id) ? new Response(JSON.stringify(doc)) : new Response('', { status: 404 });
    },
  );
  return { store, requests, documents };
}

describe('DocumentStore: a document’s words, fetched from its own file when opened', () => {
  it('fetches each document once, however many ask at the same time, and keeps it', async () => {
    const { store, requests, documents } = createStore();
    const id = documents[0]!.id;
    expect(store.get(id)).toBeUndefined();
    const [a, b] = await Promise.all([store.load(id), store.load(id)]);
    expect(a).toBe(b);
    expect(a.body).toBe(documents[0]!.body);
    await store.load(id);
    expect(requests).toEqual([`http://atlas.test/data/documents/${id}.json`]);
    expect(store.get(id)?.id).toBe(id);
    expect(store.status(id)).toMatchObject({ state: 'loaded' });
  });

  it('says loading, then why it failed, and tries again when asked again', async () => {
    const broken = new Set([realAtlas().documents[1]!.id]);
    const { store, requests } = createStore(broken);
    const id = [...broken][0]!;
    const loading = store.load(id);
    expect(store.status(id)).toEqual({ state: 'loading' });
    await expect(loading).rejects.toThrow(`Could not load http://atlas.test/data/documents/${id}.json (HTTP 404). Run "npm run derive" and reload.`);
    expect(store.status(id)).toEqual({ state: 'failed', message: `Could not load http://atlas.test/data/documents/${id}.json (HTTP 404). Run "npm run derive" and reload.` });
    broken.clear();
    store.request([id]);
    await expect.poll(() => store.status(id)?.state).toBe('loaded');
    expect(requests).toHaveLength(2);
  });
});
