import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

export type FetchStatus<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; message: string };

/**
 * Small JSON files of the data folder, each fetched the first time it is needed, then kept: a document's words, a
 * feature's passages. Reading a status is reactive, so a component shows "loading" and then the content without asking
 * again. One fetch per key at a time, shared by every caller; a failed one is tried again when asked again;
 * `destroy()` aborts what is still on its way.
 */
export class FetchedFiles<T> {
  private readonly statuses = new SvelteMap<string, FetchStatus<T>>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- fetches on their way, never shown: statuses is what the page reads
  private readonly pending = new Map<string, Promise<T>>();
  private controller = new AbortController();

  // Outside a page (unit tests of the state) there is no address to fetch from: a load then fails, said in status().
  constructor(
    /** Where the file for a key is, for the page at `base`. */
    private readonly addressOf: (key: string, base: string) => string,
    protected readonly base: () => string = () => (typeof location === 'undefined' ? '' : location.href),
    protected readonly fetchFile: (address: string, init: RequestInit) => Promise<Response> = (address, init) => fetch(address, init),
  ) {}

  /** The content if it is here (reactive: undefined until it is). */
  value(key: string): T | undefined {
    const status = this.statuses.get(key);
    return status?.state === 'loaded' ? status.value : undefined;
  }

  /** Where the file is: loading, loaded or failed (reactive); undefined if it was never asked for. */
  fileStatus(key: string): FetchStatus<T> | undefined {
    return this.statuses.get(key);
  }

  /** Puts in content that came another way (several files' in one): it is not fetched again. */
  seed(key: string, value: T): void {
    if (this.statuses.get(key)?.state !== 'loaded') this.statuses.set(key, { state: 'loaded', value });
  }

  /**
   * Fetches many files' contents in one (a small corpus's bundle: key → content) and keeps each as if fetched. A
   * failure is left to each file's own fetch when it is needed, which says so if it fails too.
   */
  async seedFromBundle(address: (base: string) => string, signal: AbortSignal): Promise<void> {
    try {
      const response = await this.fetchFile(address(this.base()), { signal });
      if (!response.ok) return;
      for (const [key, value] of Object.entries((await response.json()) as Record<string, T>)) this.seed(key, value);
    } catch {
      // each file is fetched on its own when needed
    }
  }

  /** Fetches the file once (a failed fetch is tried again on the next call). */
  load(key: string): Promise<T> {
    const known = this.statuses.get(key);
    if (known?.state === 'loaded') return Promise.resolve(known.value);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const signal = this.controller.signal;
    this.statuses.set(key, { state: 'loading' });
    let address = '';
    // In the chain, so that a page without an address fails as a status, not as a throw at the caller.
    const loading = Promise.resolve()
      .then(() => this.fetchFile((address = this.addressOf(key, this.base())), { signal }))
      .then(async (response) => {
        if (!response.ok) throw new Error(`Could not load ${address} (HTTP ${response.status}). Run "npm run derive" and reload.`);
        const value = (await response.json()) as T;
        if (!signal.aborted) this.statuses.set(key, { state: 'loaded', value });
        return value;
      })
      .catch((e: unknown) => {
        if (!signal.aborted) this.statuses.set(key, { state: 'failed', message: e instanceof Error ? e.message : String(e) });
        throw e;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, loading);
    return loading;
  }

  /** Asks for every file not yet loaded or loading (failed ones again); for a component's effect. */
  request(keys: Iterable<string>): void {
    // Untracked: an effect that asks should not re-run because its own asking changed a status.
    untrack(() => {
      for (const key of keys) {
        const status = this.statuses.get(key);
        if (!status || status.state === 'failed') this.load(key).catch(() => {}); // the failure is in fileStatus()
      }
    });
  }

  /** Stops what is on its way; what has arrived stays. */
  destroy(): void {
    this.controller.abort();
    this.controller = new AbortController();
    for (const [key, status] of this.statuses) if (status.state === 'loading') this.statuses.delete(key);
    this.pending.clear();
  }
}
