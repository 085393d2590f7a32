import { readFileSync, readdirSync, existsSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import type { CorpusFiles, SourceFile } from '../lib/corpus/load.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';

// "*.draft.yaml" files are the curator assistant's drafts of legs and places (corpus:suggest): never read as corpus.
const list = (dir: string, sub: string, ext: string) =>
  existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith(ext) && !f.endsWith('.draft.yaml')).sort().map((f) => `${sub}/${f}`) : [];

/** The assistant's drafts of legs and places lying in a corpus folder's claims/ (corpus:suggest --out), unread by derive. */
export function readDraftFiles(dir: string): SourceFile[] {
  const sub = 'claims';
  const files = existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).filter((f) => f.endsWith('.draft.yaml')).sort() : [];
  return files.map((f) => ({ path: `${sub}/${f}`, text: readFileSync(join(dir, sub, f), 'utf8') }));
}

/**
 * Reads a corpus folder laid out like geodata/ into memory; paths in messages are relative to it. A file that is a
 * link to somewhere outside the folder is refused unread: its text would otherwise reach messages ("the source
 * reads: …") and CI logs, and the corpus would depend on a file nobody reviews with it.
 */
export function readCorpusFiles(dir: string): CorpusFiles {
  const root = realpathSync(dir);
  const outside: CorpusError[] = [];
  const text = (path: string): string => {
    let real: string;
    try {
      real = realpathSync(join(dir, path));
    } catch {
      return readFileSync(join(dir, path), 'utf8'); // missing: its own error, as for any unreadable file
    }
    if (!real.startsWith(root + sep)) {
      outside.push(new CorpusError(path, undefined, 'is a link to a file outside the corpus folder, which derive does not read; copy the file itself into the folder instead'));
      return '';
    }
    return readFileSync(real, 'utf8');
  };
  const read = (path: string): SourceFile => ({ path, text: text(path) });
  const files: CorpusFiles = {
    documents: list(dir, 'documents', '.md').map(read),
    places: read('places.yaml'),
    claims: list(dir, 'claims', '.yaml').map(read),
    routes: read('routes.yaml'),
    sources: new Map(list(dir, 'sources', '.txt').map((p) => [p.slice('sources/'.length), text(p)])),
  };
  if (outside.length) throw new CorpusInvalid(outside);
  return files;
}

const require = createRequire(import.meta.url);
export function loadWorldAtlas(): { places50m: Topology; basemap110m: Topology } {
  return {
    places50m: require('world-atlas/countries-50m.json') as Topology,
    basemap110m: require('world-atlas/countries-110m.json') as Topology,
  };
}
