import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { loadCorpus, type Corpus } from '../../src/lib/corpus/load.ts';
import { deriveAtlas, type Atlas } from '../../src/lib/corpus/derive.ts';
import { paragraphsMissingFromSource, foldWhitespace } from '../../src/lib/corpus/documents.ts';
import { readCorpusFiles, loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { serializeAtlas } from '../../src/build/derive.ts';

let corpus: Corpus;
let atlas: Atlas;
beforeAll(() => {
  corpus = loadCorpus(readCorpusFiles('geodata'));
  const world = loadWorldAtlas();
  atlas = deriveAtlas(corpus, world.places50m, world.basemap110m);
});

const place = (id: string) => atlas.places.features.find((f) => f.properties.id === id)?.properties;

describe('fidelity to the raw sources', () => {
  it('keeps the raw texts exactly as received (compared with shared/seeds when it is beside the checkout)', () => {
    const seeds = '../shared/seeds';
    const ours = readdirSync('geodata/sources').sort();
    expect(ours).toHaveLength(5);
    if (!existsSync(seeds)) return;
    expect(ours).toEqual(readdirSync(seeds).sort());
    for (const name of ours) expect(readFileSync(`geodata/sources/${name}`)).toEqual(readFileSync(`${seeds}/${name}`));
  });

  it('has every body paragraph of every document word for word in its raw source', () => {
    expect(corpus.documents).toHaveLength(5);
    for (const doc of corpus.documents) {
      const raw = readFileSync(`geodata/sources/${doc.source}`, 'utf8');
      expect(paragraphsMissingFromSource(doc, raw), doc.id).toEqual([]);
      expect(doc.paragraphs.length, doc.id).toBeGreaterThan(3);
    }
  });

  it('leaves web-page chrome out of the bodies', () => {
    const chrome = ['Leave a Reply', 'Related Documents', 'It appears your Web browser is not configured', 'Published by misterestes', 'IDENTIFICATION FORM', 'Skip to content'];
    for (const doc of corpus.documents) for (const text of chrome) expect(doc.body, `${doc.id}: ${text}`).not.toContain(text);
  });

  it('folds the sources’ no-break-space indentation when comparing', () => {
    expect(foldWhitespace('\u00a0\u00a0 In addition\n to')).toBe('In addition to');
  });
});

describe('derivation of the bundled corpus', () => {
  it('anchors every piece of evidence to the exact words at its offsets', () => {
    const docs = new Map(atlas.documents.map((d) => [d.id, d]));
    const all = [...atlas.places.features, ...atlas.legs.features].flatMap((f) => f.properties.evidence);
    expect(all.length).toBeGreaterThan(50);
    for (const e of all) expect(docs.get(e.document)!.body.slice(e.start, e.end)).toBe(e.exact);
  });

  it('draws all ten origin countries of the KGB report, plus Peru from the CIA memo', () => {
    const kgbOrigins = ['venezuela', 'guatemala', 'dominican-republic', 'ecuador', 'bolivia', 'peru', 'paraguay', 'panama', 'honduras', 'nicaragua'];
    for (const id of kgbOrigins) {
      const p = place(id);
      expect(p?.roles, id).toContain('origin');
      expect(p?.evidence.some((e) => e.document === 'kgb-1962-04-14' && e.role === 'origin'), id).toBe(true);
    }
    expect(place('peru')!.evidence.some((e) => e.document === 'cia-1963-04-11' && e.role === 'origin')).toBe(true);
  });

  it.each([
    ['mexico', 'transit-hub'],
    ['paris', 'transit-hub'],
    ['prague', 'transit-hub'],
    ['west-indies', 'transit-hub'],
    ['havana', 'training-site'],
    ['cuba-rural-hills', 'training-site'],
    ['colombia', 're-entry'],
    ['brazil', 're-entry'],
    ['switzerland', 'funding'],
    ['paris', 'funding'],
    ['cuba', 'funding'],
    ['algeria', 'planned-training'],
    ['north-vietnam', 'planned-training'],
    ['laos', 'planned-training'],
    ['china', 'planned-training'],
    ['cusco', 'front'],
    ['peru-central-sierra', 'front'],
    ['lima', 'front'],
    ['northern-peru', 'front'],
  ])('shows %s as %s', (id, role) => {
    expect(place(id)?.roles).toContain(role);
  });

  it('gives each of the five documents at least one feature', () => {
    const used = new Set([...atlas.places.features, ...atlas.legs.features].flatMap((f) => f.properties.documents));
    expect([...used].sort()).toEqual(corpus.documents.map((d) => d.id).sort());
  });

  it('draws vague places as zones, cities as points and countries as polygons', () => {
    for (const f of atlas.places.features) {
      const type = f.geometry.type;
      if (f.properties.precision === 'point') expect(type, f.properties.id).toBe('Point');
      else expect(['Polygon', 'MultiPolygon'], f.properties.id).toContain(type);
    }
    for (const id of ['cuba-rural-hills', 'west-indies', 'peru-central-sierra', 'northern-peru']) expect(place(id)?.precision).toBe('area');
  });

  it('cuts North Vietnam at the 17th parallel', () => {
    const nv = atlas.places.features.find((f) => f.properties.id === 'north-vietnam')!;
    const lats = JSON.stringify(nv.geometry.coordinates).match(/-?\d+\.?\d*/g)!.map(Number).filter((_, i) => i % 2 === 1);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(17);
  });

  it('derives the route legs the CIA memo describes, each with its own words', () => {
    const legs = atlas.legs.features.map((f) => f.properties);
    const names = legs.map((l) => `${l.from}>${l.to}`);
    for (const leg of ['peru>mexico', 'mexico>cuba', 'cuba>paris', 'paris>prague', 'paris>colombia', 'paris>brazil', 'colombia>peru', 'brazil>peru', 'cuba>west-indies', 'west-indies>peru', 'cuba>mexico', 'havana>cuba-rural-hills'])
      expect(names).toContain(leg);
    expect(legs.find((l) => l.from === 'cuba' && l.to === 'paris')!.evidence[0]!.exact).toBe(
      'Groups are sent from Cuba to Paris to be sent on to various Latin American countries for eventual re-entry into Peru.',
    );
    expect(legs.find((l) => l.from === 'paris' && l.to === 'prague')!.directed).toBe(false);
  });

  it('draws no place that no passage supports', () => {
    for (const f of atlas.places.features) expect(f.properties.evidence.length, f.properties.id).toBeGreaterThan(0);
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    const world = loadWorldAtlas();
    const again = deriveAtlas(loadCorpus(readCorpusFiles('geodata')), world.places50m, world.basemap110m);
    expect(serializeAtlas(again)).toEqual(serializeAtlas(atlas));
  });
});
