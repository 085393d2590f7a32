import { DATA_DIR, documentFile, type PublishedDocument } from '../atlas/contract.ts';
import type { DocumentSource } from './atlas-data.ts';
import { siteAddress } from '../address/page-address.ts';
import { FetchedFiles } from './fetched-files.svelte.ts';

/** Where a document's own file is, for the page at `base`. */
export const documentAddress = (id: string, base: string) => siteAddress(`${DATA_DIR}/${documentFile(id)}`, base);

export type DocumentStatus = { state: 'loading' } | { state: 'loaded'; doc: PublishedDocument } | { state: 'failed'; message: string };

/**
 * Documents' words, each fetched from its own file the first time a passage or the reader needs it, then kept: the
 * first view never loads a text, however many documents there are (FetchedFiles says how).
 */
export class DocumentStore extends FetchedFiles<PublishedDocument> implements DocumentSource {
  constructor(base?: () => string, fetchFile?: (address: string, init: RequestInit) => Promise<Response>) {
    super(documentAddress, base, fetchFile);
  }

  /** The document if its words are here (reactive: undefined until they are). */
  get(id: string): PublishedDocument | undefined {
    return this.value(id);
  }

  /** Where the document is: loading, loaded or failed (reactive); undefined if it was never asked for. */
  status(id: string): DocumentStatus | undefined {
    const status = this.fileStatus(id);
    return status?.state === 'loaded' ? { state: 'loaded', doc: status.value } : status;
  }
}
