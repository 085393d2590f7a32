import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { CorpusFiles, SourceFile } from '../lib/corpus/load.ts';

const read = (dir: string, path: string): SourceFile => ({ path, text: readFileSync(join(dir, path), 'utf8') });
// "*.draft.yaml" files are the curator assistant's drafts of legs and places (corpus:suggest): never read as corpus.
const list = (dir: string, sub: string, ext: string) =>
  existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith(ext) && !f.endsWith('.draft.yaml')).sort().map((f) => `${sub}/${f}`) : [];

/** The assistant's drafts of legs and places lying in a corpus folder's claims/ (corpus:suggest --out), unread by derive. */
export function readDraftFiles(dir: string): SourceFile[] {
  const sub = 'claims';
  return existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.draft.yaml')).sort().map((f) => read(dir, `${sub}/${f}`)) : [];
}

/** Reads a corpus folder laid out like geodata/ into memory; paths in messages are relative to it. */
export function readCorpusFiles(dir: string): CorpusFiles {
  return {
    documents: list(dir, 'documents', '.md').map((p) => read(dir, p)),
    places: read(dir, 'places.yaml'),
    claims: list(dir, 'claims', '.yaml').map((p) => read(dir, p)),
    routes: read(dir, 'routes.yaml'),
    sources: new Map(list(dir, 'sources', '.txt').map((p) => [p.slice('sources/'.length), readFileSync(join(dir, p), 'utf8')])),
  };
}

const require = createRequire(import.meta.url);
export function loadWorldAtlas(): { places50m: Topology; basemap110m: Topology } {
  return {
    places50m: require('world-atlas/countries-50m.json') as Topology,
    basemap110m: require('world-atlas/countries-110m.json') as Topology,
  };
}
