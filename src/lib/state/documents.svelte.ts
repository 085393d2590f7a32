import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { DATA_DIR, documentFile, type PublishedDocument } from '../atlas/contract.ts';
import type { DocumentSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';

/** Where a document's own file is, for the page at `base`. */
export const documentAddress = (id: string, base: string) => siteAddress(`${DATA_DIR}/${documentFile(id)}`, base);

export type DocumentStatus = { state: 'loading' } | { state: 'loaded'; doc: PublishedDocument } | { state: 'failed'; message: string };

/**
 * Documents' words, each fetched from its own file the first time a passage or the reader needs it, then kept: the
 * first view never loads a text, however many documents there are. Reading a status is reactive, so a component
 * shows "loading" and then the words without asking again. One fetch per document at a time, shared by every
 * caller; `destroy()` aborts what is still on its way.
 */
export class DocumentStore implements DocumentSource {
  private readonly statuses = new SvelteMap<string, DocumentStatus>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- fetches on their way, never shown: statuses is what the page reads
  private readonly pending = new Map<string, Promise<PublishedDocument>>();
  private controller = new AbortController();

  // Outside a page (unit tests of the state) there is no address to fetch from: a load then fails, said in status().
  constructor(
    private readonly base: () => string = () => (typeof location === 'undefined' ? '' : location.href),
    private readonly fetchFile: (address: string, init: RequestInit) => Promise<Response> = (address, init) => fetch(address, init),
  ) {}

  /** The document if its words are here (reactive: undefined until they are). */
  get(id: string): PublishedDocument | undefined {
    const status = this.statuses.get(id);
    return status?.state === 'loaded' ? status.doc : undefined;
  }

  /** Where the document is: loading, loaded or failed (reactive); undefined if it was never asked for. */
  status(id: string): DocumentStatus | undefined {
    return this.statuses.get(id);
  }

  /** Fetches the document once (a failed fetch is tried again on the next call). */
  load(id: string): Promise<PublishedDocument> {
    const known = this.statuses.get(id);
    if (known?.state === 'loaded') return Promise.resolve(known.doc);
    const inFlight = this.pending.get(id);
    if (inFlight) return inFlight;
    const signal = this.controller.signal;
    this.statuses.set(id, { state: 'loading' });
    let address = '';
    // In the chain, so that a page without an address fails as a status, not as a throw at the caller.
    const loading = Promise.resolve()
      .then(() => this.fetchFile((address = documentAddress(id, this.base())), { signal }))
      .then(async (response) => {
        if (!response.ok) throw new Error(`Could not load ${address} (HTTP ${response.status}). Run "npm run derive" and reload.`);
        const doc = (await response.json()) as PublishedDocument;
        if (!signal.aborted) this.statuses.set(id, { state: 'loaded', doc });
        return doc;
      })
      .catch((e: unknown) => {
        if (!signal.aborted) this.statuses.set(id, { state: 'failed', message: e instanceof Error ? e.message : String(e) });
        throw e;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, loading);
    return loading;
  }

  /** Asks for every document not yet loaded or loading (failed ones again); for a component's effect. */
  request(ids: Iterable<string>): void {
    // Untracked: an effect that asks should not re-run because its own asking changed a status.
    untrack(() => {
      for (const id of ids) {
        const status = this.statuses.get(id);
        if (!status || status.state === 'failed') this.load(id).catch(() => {}); // the failure is in status()
      }
    });
  }

  /** Stops what is on its way; what has arrived stays. */
  destroy(): void {
    this.controller.abort();
    this.controller = new AbortController();
    for (const [id, status] of this.statuses) if (status.state === 'loading') this.statuses.delete(id);
    this.pending.clear();
  }
}
