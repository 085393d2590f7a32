import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../src/build/derive.ts';

// Follows geodata/CURATING.md word for word: every block marked `file=…` is written (or appended) as the guide says.
const guide = readFileSync('geodata/CURATING.md', 'utf8');
const blocks = [...guide.matchAll(/```\w+ file=(\S+)( append)?\n([\s\S]*?)```/g)].map((m) => ({ path: m[1]!, append: Boolean(m[2]), text: m[3]! }));

describe('the curator guide’s worked example', () => {
  it('has the four kinds of file a curator writes', () => {
    expect(blocks.map((b) => b.path)).toEqual([
      'geodata/sources/900_example-algiers.txt',
      'geodata/documents/example-algiers-1963.md',
      'geodata/places.yaml',
      'geodata/claims/example-algiers-1963.yaml',
      'geodata/routes.yaml',
    ]);
  });

  it('puts the new document on the map with its passages, the vague place as a zone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-guide-'));
    cpSync('geodata', join(dir, 'geodata'), { recursive: true });
    for (const block of blocks) (block.append ? appendFileSync : writeFileSync)(join(dir, block.path), block.text);

    const atlas = buildCorpus(join(dir, 'geodata'), join(dir, 'out'));
    const place = (id: string) => atlas.places.features.find((f) => f.properties.id === id);
    expect(place('algiers')?.geometry.type).toBe('Point');
    expect(place('algiers')?.properties.evidence[0]).toMatchObject({ document: 'example-algiers-1963', role: 'transit-hub', exact: 'The group left Prague for Algiers in March 1963.' });
    expect(place('mountains-south-of-algiers')?.properties.precision).toBe('area');
    expect(place('mountains-south-of-algiers')?.geometry.type).toBe('Polygon');
    const leg = atlas.legs.features.find((f) => f.properties.route === 'example-prague-to-algiers');
    expect(leg?.properties.evidence[0]?.exact).toBe('The group left Prague for Algiers');
    expect(atlas.documents.map((d) => d.id)).toContain('example-algiers-1963');
  });
});

describe('the curator guide’s error messages', () => {
  it('are the messages a curator actually gets for the mistakes it shows', async () => {
    const { CorpusInvalid } = await import('../../src/lib/corpus/errors.ts');
    // Each mistake made on its own, as a newcomer would make it.
    const mistakes: Array<[string, (text: string) => string]> = [
      ['geodata/claims/example-algiers-1963.yaml', (t) => t.replace('place: algiers', 'place: algeirs')],
      ['geodata/claims/example-algiers-1963.yaml', (t) => t.replace('south of Algiers."', 'south of Algeirs."')],
      ['geodata/documents/example-algiers-1963.md', (t) => t.replace('date: "1963-03"', 'date: "March 1963"')],
    ];
    const messages: string[] = [];
    for (const [path, mistake] of mistakes) {
      const dir = mkdtempSync(join(tmpdir(), 'atlas-guide-errors-'));
      cpSync('geodata', join(dir, 'geodata'), { recursive: true });
      for (const block of blocks) (block.append ? appendFileSync : writeFileSync)(join(dir, block.path), block.path === path ? mistake(block.text) : block.text);
      try {
        buildCorpus(join(dir, 'geodata'), join(dir, 'out'));
      } catch (e) {
        if (!(e instanceof CorpusInvalid)) throw e;
        messages.push(...e.problems.map((p) => p.message));
      }
    }
    expect(messages).toHaveLength(3);
    const shown = guide.split('for example:\n\n```\n')[1]!.split('```')[0]!.trim().split('\n');
    expect(shown).toHaveLength(3);
    for (const line of shown) expect(messages, messages.join("\n")).toContain(line);
  });
});

describe('the curator guide’s drafting with the assistant', () => {
  // Blocks marked `draft=…` are what the assistant writes (compared word for word) or, marked `reviewed`, what the curator makes of it.
  const drafts = [...guide.matchAll(/```\w+ draft=(\S+)(?: (reviewed|before-step-3))?\n([\s\S]*?)```/g)].map((m) => ({ path: m[1]!, reviewed: m[2] === 'reviewed', beforeStep3: m[2] === 'before-step-3', text: m[3]! }));
  const block = (name: string) => guide.split('```' + name + '\n')[1]!.split('```')[0]!.trim();

  it('drafts what the guide shows, is refused until reviewed as the guide says, and builds once reviewed', async () => {
    const { draftDocument } = await import('../../src/build/corpus-suggest.ts');
    const { readCorpusFiles } = await import('../../src/build/corpus-files.ts');
    const { CorpusInvalid } = await import('../../src/lib/corpus/errors.ts');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-guide-draft-'));
    cpSync('geodata', join(dir, 'geodata'), { recursive: true });
    // Steps 1 to 3 as the guide writes them; step 4 is the assistant's.
    for (const b of blocks.filter((b) => !b.path.includes('claims/') && !b.path.endsWith('routes.yaml'))) (b.append ? appendFileSync : writeFileSync)(join(dir, b.path), b.text);

    expect(block('sh draft-command')).toBe('npm run corpus:suggest -- example-algiers-1963 --out geodata/claims/example-algiers-1963.yaml');
    const draft = draftDocument(readCorpusFiles(join(dir, 'geodata')), 'example-algiers-1963');
    const shown = drafts.filter((d) => !d.reviewed && !d.beforeStep3);
    expect(shown.map((d) => d.path)).toEqual(['geodata/claims/example-algiers-1963.yaml', 'geodata/claims/example-algiers-1963.routes.draft.yaml']);
    expect(draft.claims).toBe(shown[0]!.text);
    expect(draft.routes).toBe(shown[1]!.text);
    expect(draft.places).toBe(''); // step 3 put both places in the gazetteer

    for (const d of shown) writeFileSync(join(dir, d.path), d.text);
    let refusal: string[] = [];
    try {
      buildCorpus(join(dir, 'geodata'), join(dir, 'out'));
    } catch (e) {
      if (!(e instanceof CorpusInvalid)) throw e;
      refusal = e.problems.map((p) => p.message);
    }
    expect(refusal).toEqual([block('text draft-refusal')]);

    const reviewed = drafts.find((d) => d.reviewed)!;
    writeFileSync(join(dir, reviewed.path), reviewed.text);
    const atlas = buildCorpus(join(dir, 'geodata'), join(dir, 'out'));
    const zone = atlas.places.features.find((f) => f.properties.id === 'mountains-south-of-algiers');
    expect(zone?.properties.evidence[0]).toMatchObject({ role: 'training-site', exact: 'Instructions were given in the mountains south of Algiers' });
    expect(JSON.stringify(atlas)).not.toMatch(/"(status|confidence|why)"/);
  });

  it('drafts Algiers as a new place when run before step 3, as the guide shows', async () => {
    const { draftDocument } = await import('../../src/build/corpus-suggest.ts');
    const { readCorpusFiles } = await import('../../src/build/corpus-files.ts');
    const dir = mkdtempSync(join(tmpdir(), 'atlas-guide-places-'));
    cpSync('geodata', join(dir, 'geodata'), { recursive: true });
    for (const b of blocks.filter((b) => b.path.startsWith('geodata/sources/') || b.path.startsWith('geodata/documents/'))) writeFileSync(join(dir, b.path), b.text);
    const shown = drafts.find((d) => d.beforeStep3)!;
    expect(shown.path).toBe('geodata/claims/example-algiers-1963.places.draft.yaml');
    expect(draftDocument(readCorpusFiles(join(dir, 'geodata')), 'example-algiers-1963').places).toBe(shown.text);
    // The guide's own entry keeps the record the assistant proposed.
    expect(blocks.find((b) => b.path === 'geodata/places.yaml')!.text).toContain('geonames: 2507480');
  });
});
