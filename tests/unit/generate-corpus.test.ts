import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';
import { readCorpusFiles, loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { loadCorpus, type Corpus } from '../../src/lib/corpus/load.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import type { Atlas } from '../../src/lib/atlas/contract.ts';
import { paragraphsMissingFromSource } from '../../src/lib/corpus/documents.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-generated-'));

/** Every file under `dir`, by path relative to it, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const REAL = 'geodata';
const realIds = readdirSync(join(REAL, 'documents')).map((f) => f.replace(/\.md$/, '')).sort();

let dir: string;
let corpus: Corpus;
let atlas: Atlas;
beforeAll(() => {
  dir = fresh();
  generateCorpus(dir, 20, 1);
  corpus = loadCorpus(readCorpusFiles(dir));
  const world = loadWorldAtlas();
  atlas = deriveAtlas(corpus, world.places50m, world.basemap110m);
});

describe('the benchmark corpus generator', () => {
  it('writes a corpus of 20 documents that loads without a single error', () => {
    expect(corpus.documents).toHaveLength(20);
    expect(readdirSync(join(dir, 'claims'))).toHaveLength(20);
    expect(readdirSync(join(dir, 'sources'))).toHaveLength(20);
    expect(corpus.claims.length).toBeGreaterThan(20 * 5);
  });

  it('includes the five real documents unchanged, and the gazetteer as it is', () => {
    expect(realIds).toHaveLength(5);
    for (const id of realIds) expect(corpus.documents.map((d) => d.id)).toContain(id);
    for (const sub of ['documents', 'claims', 'sources']) {
      for (const name of readdirSync(join(REAL, sub))) expect(readFileSync(join(dir, sub, name)), `${sub}/${name}`).toEqual(readFileSync(join(REAL, sub, name)));
    }
    expect(readFileSync(join(dir, 'places.yaml'))).toEqual(readFileSync(join(REAL, 'places.yaml')));
    expect(readFileSync(join(dir, 'routes.yaml'), 'utf8').startsWith(readFileSync(join(REAL, 'routes.yaml'), 'utf8'))).toBe(true);
  });

  it('at five documents, is exactly the real corpus', () => {
    const small = fresh();
    generateCorpus(small, 5);
    const real = snapshot(REAL);
    real.delete('CURATING.md');
    const generated = snapshot(small);
    generated.delete('.generated-corpus');
    expect([...generated.keys()]).toEqual([...real.keys()]);
    for (const [path, bytes] of real) expect(generated.get(path), path).toEqual(bytes);
  });

  it('dates the generated memos within 1961–1963 and marks them as synthetic', () => {
    const generated = corpus.documents.filter((d) => !realIds.includes(d.id));
    expect(generated).toHaveLength(15);
    for (const d of generated) {
      expect(d.date, d.id).toMatch(/^196[1-3](-\d\d(-\d\d)?)?$/);
      expect(d.citation, d.id).toContain('synthetic');
      expect(d.title.length, d.id).toBeGreaterThan(10);
      expect(d.body.split(/\s+/).length, d.id).toBeGreaterThan(120);
      expect(d.paragraphs.length, d.id).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps every paragraph word for word in a raw source that has chrome around the body', () => {
    for (const doc of corpus.documents) {
      const raw = readFileSync(join(dir, 'sources', doc.source), 'utf8');
      expect(paragraphsMissingFromSource(doc, raw), doc.id).toEqual([]);
      expect(raw.length, doc.id).toBeGreaterThan(doc.body.length);
    }
  });

  it('derives places and legs whose every passage is the exact text at its offsets', () => {
    const bodies = new Map(atlas.documents.map((d) => [d.id, d.body]));
    const evidence = [...atlas.places.features, ...atlas.legs.features].flatMap((f) => f.properties.evidence);
    expect(atlas.places.features.length).toBeGreaterThan(20);
    expect(atlas.legs.features.length).toBeGreaterThan(30);
    for (const e of evidence) expect(bodies.get(e.document)!.slice(e.start, e.end)).toBe(e.exact);
    // Claims name their place in the quoted words, by the gazetteer's name or an alias (zones aside).
    const places = new Map(corpus.places.map((p) => [p.id, p]));
    const generatedClaims = corpus.claims.filter((c) => !realIds.includes(c.document));
    const named = generatedClaims.filter((c) => [places.get(c.place)!.name, ...places.get(c.place)!.aliases, 'Swiss'].some((n) => c.quote.exact.includes(n)));
    expect(named.length / generatedClaims.length).toBeGreaterThan(0.9);
    expect(new Set(generatedClaims.map((c) => c.role)).size).toBeGreaterThanOrEqual(7);
  });

  it('gives each generated route 2–5 legs between two different places, each with its own quote', () => {
    const generated = corpus.routes.filter((r) => !realIds.includes(r.document));
    expect(generated.length).toBeGreaterThan(5);
    for (const route of generated) {
      expect(route.legs.length, route.id).toBeGreaterThanOrEqual(2);
      expect(route.legs.length, route.id).toBeLessThanOrEqual(5);
      for (const leg of route.legs) expect(leg.from, route.id).not.toBe(leg.to);
      expect(new Set(route.legs.map((l) => l.quote.exact)).size, route.id).toBe(route.legs.length);
    }
  });

  it('is deterministic: the same seed gives byte-identical files, another seed other files', () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    generateCorpus(a, 12, 7);
    generateCorpus(b, 12, 7);
    generateCorpus(c, 12, 8);
    const [sa, sb, sc] = [snapshot(a), snapshot(b), snapshot(c)];
    expect([...sb.keys()]).toEqual([...sa.keys()]);
    for (const [path, bytes] of sa) expect(sb.get(path), path).toEqual(bytes);
    expect(readFileSync(join(c, 'routes.yaml'))).not.toEqual(readFileSync(join(a, 'routes.yaml')));
    expect([...sc.keys()]).not.toEqual([...sa.keys()]);
  });

  it('writes a document the same whatever the corpus size, so a small corpus is part of a large one', () => {
    const small = fresh();
    generateCorpus(small, 10, 1);
    for (const [path, bytes] of snapshot(small)) {
      if (path === 'routes.yaml' || path === '.generated-corpus') continue;
      expect(readFileSync(join(dir, path)), path).toEqual(bytes);
    }
    expect(readFileSync(join(dir, 'routes.yaml'), 'utf8').startsWith(readFileSync(join(small, 'routes.yaml'), 'utf8'))).toBe(true);
  });

  it('replaces a corpus it wrote, but refuses a folder it did not write, and fewer documents than the real ones', () => {
    const again = fresh();
    generateCorpus(again, 12);
    generateCorpus(again, 8);
    expect(readdirSync(join(again, 'documents'))).toHaveLength(8);

    const other = fresh();
    mkdirSync(join(other, 'documents'));
    writeFileSync(join(other, 'notes.txt'), 'keep me');
    expect(() => generateCorpus(other, 10)).toThrow(/not empty and was not written by this generator/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('keep me');

    expect(() => generateCorpus(fresh(), 3)).toThrow(/at least 5/);
  });
});
