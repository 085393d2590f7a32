import { describe, expect, it } from 'vitest';
import { featureFile, PUBLISHED_FILES as FILE, type DocumentSummary, type FeatureDetail } from '../../src/lib/atlas/contract.ts';
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
  it('lists documents without where they name places', () => {
    const { files } = createFiles();
    const summaries = JSON.parse(files[FILE.documentIndex]!) as Array<DocumentSummary & { mentions?: unknown }>;
    expect(summaries.length).toBe(5);
    for (const s of summaries) expect(s, s.id).not.toHaveProperty('mentions');
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
