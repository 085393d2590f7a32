import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, type PublishedFile } from '../lib/atlas/contract.ts';

/** Where a built site (or a derivation's output folder, `site` being its parent) keeps a published file. */
export const siteDataPath = (site: string, file: PublishedFile): string => join(site, DATA_DIR, file);

/** A published JSON file of a built site, parsed: the shape is the contract's, written by the derivation. */
export function readSiteData<T>(site: string, file: PublishedFile): T {
  return JSON.parse(readFileSync(siteDataPath(site, file), 'utf8')) as T;
}
