import { describe, expect, it } from 'vitest';
import { documentFile, FEATURE_BUNDLE, FEATURE_SOURCES, featureFile, PUBLISHED_FILES as FILE, type DocumentSummary, type Evidence, type FeatureDetail } from '../../src/lib/atlas/contract.ts';
import { latestDay } from '../../src/lib/corpus/dates.ts';
import { firstPageDocuments } from '../../src/lib/corpus/passage-pages.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { connectionsOf } from '../../src/lib/corpus/queries.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

// Issue 27: what the first view loads must not grow with the passages and mentions of the corpus; those come in each
// feature's own file when its panel opens. These read what derive writes for the bundled corpus.

const createFiles = () => {
  const atlas = realAtlas();
  return { atlas, files: serializeAtlas(atlas) };
};
const detailOf = (files: Record<string, string>, kind: 'place' | 'leg', id: string) => {
  const text = files[featureFile({ kind, id })];
  expect(text, `${kind} ${id} has its own file`).toBeDefined();
  return JSON.parse(text!) as FeatureDetail;
};

describe("documents.index.json and the places' own files", () => {
  it('lists documents by what the lists show (title, date, originator), their words and record in their own files', () => {
    const { atlas, files } = createFiles();
    const summaries = JSON.parse(files[FILE.documentIndex]!) as DocumentSummary[];
    expect(summaries.map((s) => s.id)).toEqual(atlas.documents.map((d) => d.id));
    for (const [i, s] of summaries.entries()) {
      const d = atlas.documents[i]!;
      expect(s).toEqual({ id: d.id, title: d.title, date: d.date, originator: d.originator, ...(d.originator_es ? { originator_es: d.originator_es } : {}), bodyLength: d.body.length });
      // The reader's record (archive, citation) comes with the words, in the document's own file.
      expect(JSON.parse(files[documentFile(d.id)]!)).toMatchObject({ archive: d.archive, citation: d.citation, body: d.body });
    }
    expect(summaries.some((s) => s.originator_es), 'a Spanish originator kept for the Spanish start card').toBe(true);
  });

  it("gives each place, in its own file, the documents that name it (as the network did) and each one's first mention", () => {
    const { atlas, files } = createFiles();
    for (const { properties: p } of atlas.places.features) {
      const { namedIn } = detailOf(files, 'place', p.id);
      expect(namedIn!.map((m) => m.document), p.id).toEqual(connectionsOf(atlas, p.id).documents);
      for (const m of namedIn!) {
        const first = atlas.documents.find((d) => d.id === m.document)!.mentions.find((x) => x.place === p.id)!;
        expect(m, `${p.id} in ${m.document}`).toEqual({ document: m.document, text: first.text, start: first.start, end: first.end });
      }
    }
    // Havana is named in the CIA memo as "Habana": the first words are the document's own.
    expect(detailOf(files, 'place', 'havana').namedIn!.find((m) => m.document === 'cia-1963-04-11')?.text).toMatch(/^Ha[bv]ana$/);
  });
});

describe('the slim page layer (places.page.geojson; the legs’ in routes-page.test.ts) and each feature’s own file', () => {
  type Collection = { features: Array<{ geometry: unknown; properties: Record<string, unknown> & { id: string } }> };
  const read = (files: Record<string, string>, name: string) => JSON.parse(files[name]!) as Collection;

  it.each([['place', FILE.pagePlaces, FILE.places]] as const)('%s: the page file has every property and shape of the download but the passages, which are in the feature’s own file', (kind, page, download) => {
    const { files } = createFiles();
    const slim = read(files, page);
    const full = read(files, download);
    expect(slim.features.map((f) => f.properties.id)).toEqual(full.features.map((f) => f.properties.id));
    // (A role named `context` may key `reported`, with a day; a passage's context is a list.)
    expect(/"(evidence|exact)":|"context":\[/.exec(files[page]!)?.[0], 'a passage key in the page file').toBeUndefined();
    const sourcesFile = JSON.parse(files[FEATURE_SOURCES]!) as Record<string, unknown>;
    const dates = new Map(realAtlas().documents.map((d) => [d.id, d.date]));
    for (const [i, f] of full.features.entries()) {
      const { evidence, documents: _documents, ...rest } = f.properties as unknown as { evidence: Array<{ document: string; role: string }>; documents: string[] };
      const s = slim.features[i]!;
      const pairs = [...new Map(evidence.map((e) => [`${e.document} ${e.role}`, { document: e.document, role: e.role }])).values()];
      // Each role's earliest day, by the latest day its document's date can mean ('' where undated).
      const reported: Record<string, string> = {};
      for (const { document, role } of pairs) {
        const date = dates.get(document);
        const day = date ? latestDay(date) : '';
        if (!(role in reported) || day < reported[role]!) reported[role] = day;
      }
      expect(s.geometry, f.properties.id).toEqual(f.geometry);
      expect(s.properties, f.properties.id).toEqual({ ...rest, reported, firstDocuments: firstPageDocuments(pairs as Array<{ document: string; role: Evidence['role'] }>) });
      // The document switches' pairs are in their own file, and the feature's own file holds exactly its passages.
      expect(sourcesFile[`${kind}:${f.properties.id}`], f.properties.id).toEqual(pairs);
      expect(detailOf(files, kind, f.properties.id).evidence, f.properties.id).toEqual(evidence);
    }
    expect(Object.keys(sourcesFile).filter((key) => key.startsWith(`${kind}:`))).toHaveLength(full.features.length);
  });

  it('says when each of a place’s roles was first reported, as the time filter reads it: Havana a context from April 1962, a training site from April 1963', () => {
    const { files } = createFiles();
    const places = read(files, FILE.pagePlaces);
    const reportedOf = (id: string) => places.features.find((f) => f.properties.id === id)!.properties.reported;
    expect(reportedOf('algeria')).toEqual({ 'planned-training': '1963-04-11' });
    expect(reportedOf('havana')).toEqual({ context: '1962-04-14', 'training-site': '1963-04-11' });
  });

  it('makes the first view smaller: the page files are smaller than the downloads by at least their passages’ words', () => {
    const { atlas, files } = createFiles();
    const words = (features: Array<{ properties: { evidence: Array<{ exact: string }> } }>) => features.reduce((n, f) => n + f.properties.evidence.reduce((m, e) => m + e.exact.length, 0), 0);
    expect(files[FILE.pagePlaces]!.length).toBeLessThan(files[FILE.places]!.length - words(atlas.places.features));
    expect(files[FILE.pageRoutes]!.length).toBeLessThan(files[FILE.legs]!.length - words(atlas.legs.features));
  });

  it('keeps the researchers’ downloads whole: places.geojson and legs.geojson still carry every passage', () => {
    const { atlas, files } = createFiles();
    expect((JSON.parse(files[FILE.places]!) as typeof atlas.places).features.every((f) => f.properties.evidence.length > 0)).toBe(true);
    expect(JSON.parse(files[FILE.legs]!)).toEqual(atlas.legs);
  });
});

describe('a small corpus’s feature files in one (features/all.json)', () => {
  it('holds every feature’s own file, as it is, for the page to load with the first view', () => {
    const { atlas, files } = createFiles();
    const bundle = JSON.parse(files[FEATURE_BUNDLE]!) as Record<string, FeatureDetail>;
    const refs = [...atlas.places.features.map((f) => ['place', f.properties.id] as const), ...atlas.legs.features.map((f) => ['leg', f.properties.id] as const)];
    expect(Object.keys(bundle).sort()).toEqual(refs.map(([kind, id]) => `${kind}:${id}`).sort());
    for (const [kind, id] of refs) expect(bundle[`${kind}:${id}`], `${kind} ${id}`).toEqual(detailOf(files, kind, id));
  });
});
