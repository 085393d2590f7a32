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
 * Reads a corpus folder laid out like geodata/: the gazetteer and the routes into memory, documents, claims and raw
 * sources when their text is asked for; paths in messages are relative to it. A file that is a
 * link to somewhere outside the folder is refused unread: its text would otherwise reach messages ("the source
 * reads: …") and CI logs, and the corpus would depend on a file nobody reviews with it.
 */
export function readCorpusFiles(dir: string): CorpusFiles {
  const root = realpathSync(dir);
  const outside: CorpusError[] = [];
  // Where a file's text is read from: undefined for a link out of the folder (reported), the path itself when missing.
  const inside = (path: string): string | undefined => {
    let real: string;
    try {
      real = realpathSync(join(dir, path));
    } catch {
      return join(dir, path); // missing: its own error, as for any unreadable file
    }
    if (!real.startsWith(root + sep)) {
      outside.push(new CorpusError(path, undefined, 'is a link to a file outside the corpus folder, which derive does not read; copy the file itself into the folder instead'));
      return undefined;
    }
    return real;
  };
  const text = (path: string): string => {
    const real = inside(path);
    return real === undefined ? '' : readFileSync(real, 'utf8');
  };
  const read = (path: string): SourceFile => ({ path, text: text(path) });
  // Documents and claims are read when their text is asked for, each time it is: held all at once they would cost
  // more memory than the atlas made from them (at 100,000 documents, gigabytes). A link out of the folder is still
  // refused here, before anything is read.
  const readWhenAsked = (path: string): SourceFile => {
    const real = inside(path);
    return {
      path,
      get text() {
        return real === undefined ? '' : readFileSync(real, 'utf8');
      },
    };
  };
  const documents = list(dir, 'documents', '.md').map(readWhenAsked);
  const places = read('places.yaml');
  const claims = list(dir, 'claims', '.yaml').map(readWhenAsked);
  const routes = read('routes.yaml');
  // Raw sources are read when a document asks for its own, and not kept: each is needed once, for the fidelity check,
  // and all of them held at once would cost as much memory as the documents themselves.
  const sourcePaths = new Map(list(dir, 'sources', '.txt').map((p) => [p.slice('sources/'.length), inside(p)]));
  const files: CorpusFiles = {
    documents,
    places,
    claims,
    routes,
    sources: {
      get: (name) => {
        if (!sourcePaths.has(name)) return undefined;
        const real = sourcePaths.get(name);
        return real === undefined ? '' : readFileSync(real, 'utf8');
      },
    },
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
