import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { loadWorldAtlas, readCorpusFiles } from '../../src/build/corpus-files.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';
import type { CorpusFiles } from '../../src/lib/corpus/load.ts';

// The checks the build adds (issue 10) and the derivation's own hardening (issue 11): each case is what a
// curator would see for one mistake.
const world = loadWorldAtlas();
function problemsFor(files: CorpusFiles): string[] {
  try {
    deriveAtlas(loadCorpus(files), world.places50m, world.basemap110m);
  } catch (e) {
    if (e instanceof CorpusInvalid) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}
const fixture = createCorpusFiles();
const withDocument = (edit: (text: string) => string) => createCorpusFiles({ document: edit(fixture.documents[0]!.text) });
const withClaims = (edit: (text: string) => string) => createCorpusFiles({ claims: edit(fixture.claims[0]!.text) });
/** The fixture with a dated sentence and a claim that quotes it, with this period: a period needs words that date it. */
const withDatedClaim = (period: string) =>
  createCorpusFiles({
    source: fixture.sources.get('test.txt')!.replace('He met the contact again.', 'He met the contact again in 1962.'),
    document: fixture.documents[0]!.text.replace('He met the contact again.', 'He met the contact again in 1962.'),
    claims: `${fixture.claims[0]!.text}  - place: paris\n    role: contact\n    quote: { exact: "He met the contact again in 1962." }\n    period: ${period}\n`,
  });
const withPlaces = (extra: string) => createCorpusFiles({ places: fixture.places.text + extra });
const zone = (points: string) => `- id: zone\n  name: Zone\n  kind: region\n  precision: area\n  area:\n    polygon: ${points}\n  source: test\n`;

/** The real corpus, copied, with one edit to one of its files: the messages a curator would get for it. */
function realCorpusProblems(path: string, edit: (text: string) => string): string[] {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-checks-')), 'geodata');
  cpSync('geodata', dir, { recursive: true });
  const text = readFileSync(join(dir, path), 'utf8');
  const edited = edit(text);
  expect(edited, 'the edit changes the file').not.toBe(text);
  writeFileSync(join(dir, path), edited);
  return problemsFor(readCorpusFiles(dir));
}

describe('dates and periods', () => {
  it.each([
    {
      name: 'a document dated a day February does not have',
      files: withDocument((t) => t.replace('"1963-04-11"', '"1962-02-31"')),
      expected: ['documents/test-doc.md line 4: "date" is 1962-02-31, which is not in the calendar: February 1962 has 28 days'],
    },
    {
      name: 'a leap day in a year that has none',
      files: withDocument((t) => t.replace('"1963-04-11"', '"1963-02-29"')),
      expected: ['documents/test-doc.md line 4: "date" is 1963-02-29, which is not in the calendar: February 1963 has 28 days'],
    },
    {
      name: 'a claim period ending on 31 April',
      files: withDatedClaim('{ from: "1962-04", to: "1962-04-31" }'),
      expected: ['claims/test-doc.yaml line 12: "claims.2.period.to" is 1962-04-31, which is not in the calendar: April 1962 has 30 days'],
    },
    {
      name: 'a period whose start is after its end',
      files: withDatedClaim('{ from: "1962-12", to: "1962-06" }'),
      expected: ['claims/test-doc.yaml line 12: the period runs from 1962-12 to 1962-06: "from" is after "to"; swap them or correct the one that is wrong'],
    },
  ])('refuses $name', ({ files, expected }) => {
    expect(problemsFor(files)).toEqual(expected);
  });

  it.each([
    ['a month within its year', '1962-06', '1962'],
    ['a year that contains its end', '1962', '1962-06'],
    ['a single day', '1962-06-14', '1962-06-14'],
    ['a leap day', '1964-02-29', '1964-03'],
  ])('accepts %s (%s to %s)', (_, from, to) => {
    expect(problemsFor(withDatedClaim(`{ from: "${from}", to: "${to}" }`))).toEqual([]);
  });
});

describe('area polygons', () => {
  it.each([
    {
      name: 'an outline that crosses itself (a bow tie)',
      points: '[[0, 0], [10, 10], [10, 0], [0, 10]]',
      expected: ['places.yaml line 25: place "zone": the polygon\'s outline crosses itself at [5, 5]; list its points in order round the zone, so that no two edges cross'],
    },
    {
      name: 'an outline that jumps across the 180° meridian',
      points: '[[170, -10], [-170, -10], [-170, 10], [170, 10]]',
      expected: [
        'places.yaml line 25: place "zone": the polygon jumps from longitude 170 to -170 (points 1 and 2), across the 180° meridian or the long way round the world; ' +
          'to cross the meridian, keep longitudes continuous past ±180 (write 190 for -170): the zone is cut at ±180° when drawn',
      ],
    },
    {
      name: 'an outline spanning more than half the world',
      points: '[[-100, 0], [0, 5], [100, 0], [0, -5]]',
      expected: ['places.yaml line 25: place "zone": the polygon spans 200° of longitude, more than half the world; a zone may span at most 180°: check the signs of its longitudes'],
    },
    {
      name: 'an outline with fewer than three different points',
      points: '[[1, 1], [2, 2], [1, 1]]',
      expected: ['places.yaml line 25: place "zone": the polygon needs at least three different points'],
    },
  ])('refuses $name, naming the line', ({ points, expected }) => {
    expect(problemsFor(withPlaces(zone(points)))).toEqual(expected);
  });

  it('points at the vertex where an outline jumps, when it is written one point a line', () => {
    const places = withPlaces(zone('\n      - [170, -10]\n      - [175, -12]\n      - [-170, -10]\n      - [175, 10]'));
    expect(problemsFor(places)[0]).toMatch(/^places\.yaml line 28: place "zone": the polygon jumps from longitude 175 to -170 \(points 2 and 3\)/);
  });

  it('cuts a zone written with longitudes past 180 at the meridian, into parts within ±180', () => {
    const files = withPlaces(zone('[[170, -10], [190, -10], [190, 10], [170, 10]]'));
    files.claims[0]!.text += '  - place: zone\n    role: context\n    quote: { exact: "He met the contact again." }\n';
    const atlas = deriveAtlas(loadCorpus(files), world.places50m, world.basemap110m);
    const geometry = atlas.places.features.find((f) => f.properties.id === 'zone')!.geometry;
    expect(geometry.type).toBe('MultiPolygon');
    if (geometry.type !== 'MultiPolygon') return;
    const longitudes = geometry.coordinates.flat(2).map((p) => p[0]!);
    expect(Math.max(...longitudes)).toBe(180);
    expect(Math.min(...longitudes)).toBe(-180);
    expect(longitudes.every((x) => (x >= 170 && x <= 180) || (x >= -180 && x <= -170))).toBe(true);
  });
});

describe('repeated claims', () => {
  it('refuses a claim repeated with the same document, place, role and quote, naming both lines', () => {
    const files = withClaims((t) => `${t}  - place: paris\n    role: transit-hub\n    quote: { exact: "In Paris he met the contact." }\n`);
    expect(problemsFor(files)).toEqual([
      'claims/test-doc.yaml line 9: this claim repeats the one at line 3: same document (test-doc), place "paris", role "transit-hub" and quote "In Paris he met the contact."; remove one of them',
    ]);
  });

  it('names the other file when the repeat is in another claims file for the same document', () => {
    const files = createCorpusFiles();
    files.claims.push({ path: 'claims/test-doc-more.yaml', text: 'document: test-doc\nclaims:\n  - place: lima\n    role: origin\n    quote: { exact: "from Lima" }\n' });
    expect(problemsFor(files)).toEqual([
      'claims/test-doc.yaml line 6: this claim repeats the one at claims/test-doc-more.yaml line 3: same document (test-doc), place "lima", role "origin" and quote "from Lima"; remove one of them',
    ]);
  });

  it('keeps claims that differ in role, or that quote the same words at another place in the text', () => {
    const files = withClaims(
      (t) =>
        `${t}  - place: paris\n    role: context\n    quote: { exact: "In Paris he met the contact." }\n` +
        `  - place: paris\n    role: context\n    quote: { exact: "met the contact", prefix: "In Paris he " }\n` +
        `  - place: paris\n    role: context\n    quote: { exact: "met the contact", prefix: "He " }\n`,
    );
    expect(problemsFor(files)).toEqual([]);
  });
});

describe('quotes that differ from the text only in invisible ways', () => {
  const claim = (quote: string) => createCorpusFiles({ claims: `document: test-doc\nclaims:\n  - place: paris\n    role: transit-hub\n    quote: { exact: ${JSON.stringify(quote)} }\n` });
  it('says which invisible character, and where, instead of "not found"', () => {
    expect(problemsFor(claim('In Paris he met the\u200b contact.'))).toEqual([
      'claims/test-doc.yaml line 5: quote "In Paris he met the<U+200B> contact." differs from the document only by a zero-width space (U+200B) at character 20 of the quote, ' +
        'which the document does not have; copy the text exactly from the document body (document test-doc)',
    ]);
  });

  it('gives the message the README shows, on the real corpus', () => {
    const messages = realCorpusProblems('claims/cia-1963-04-11.yaml', (t) => t.replace('his first training in Habana', 'his first\u200b training in Habana'));
    expect(messages).toHaveLength(1);
    expect(readFileSync('README.md', 'utf8')).toContain(`\n${messages[0]}\n`);
  });
});

describe('source names', () => {
  it.each(['../../../etc/passwd', '..', 'sources/test.txt', '.hidden.txt'])('refuses "%s", saying what a source name may be', (source) => {
    expect(problemsFor(withDocument((t) => t.replace('source: test.txt', `source: ${JSON.stringify(source)}`)))).toEqual([
      'documents/test-doc.md line 9: "source" must be the name of a file in geodata/sources/: letters, digits, "_", "-" and ".", not starting with a dot, and no folders (for example "002_1dba2af539d1b6e3.txt")',
    ]);
  });

  it('accepts the names the archives give their files', () => {
    const files = withDocument((t) => t.replace('source: test.txt', 'source: 002_1dba2af539d1b6e3.txt'));
    files.sources = new Map([['002_1dba2af539d1b6e3.txt', files.sources.get('test.txt')!]]);
    expect(problemsFor(files)).toEqual([]);
  });
});

describe('YAML that asks for more than data', () => {
  it('refuses an unknown tag with the file and line', () => {
    expect(problemsFor(createCorpusFiles({ places: fixture.places.text.replace('  name: Paris', '  name: !evil Paris') }))).toEqual([
      'places.yaml line 8: the YAML tag "!evil" is not allowed; write the plain value (in quotes to keep it as text)',
    ]);
  });

  it('refuses an alias bomb in the gazetteer with the file and line, and blames no claim for it', () => {
    const bomb = ['- id: lol', '  name: Lol', '  kind: city', '  precision: point', '  point: [0, 0]', '  source: test', '  aliases: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [name, of] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) bomb.push(`  note${name}: &${name} [${Array(9).fill(`*${of}`).join(', ')}]`);
    expect(problemsFor(createCorpusFiles({ places: `${fixture.places.text}${bomb.join('\n')}\n` }))).toEqual([
      'places.yaml line 27: not valid YAML: its aliases (*a and others) repeat so much data that reading the file is refused; write the values out instead',
    ]);
  });
});

describe('one bad place in the real gazetteer', () => {
  it('reports the one bad field and keeps the other places, so claims naming them are not blamed', () => {
    expect(realCorpusProblems('places.yaml', (t) => t.replace('point: [2.3488, 48.85341]', 'point: [2.3488, "48.85341"]'))).toEqual(['places.yaml line 22: "1.point.1" must be number']);
  });

  it('reports a bad place once, not again for every claim and route leg that names it', () => {
    // Paris is named by claims and by route legs; its entry has a misspelt field.
    expect(realCorpusProblems('places.yaml', (t) => t.replace('  name: Paris\n', '  nmae: Paris\n'))).toEqual([
      'places.yaml line 18: "1" is missing the field "name"',
      'places.yaml line 18: "1" has an unknown field "nmae"; check its spelling',
    ]);
  });

  it('reports a YAML syntax error (a tab indent) once, with no "unknown place" for every claim', () => {
    expect(realCorpusProblems('places.yaml', (t) => t.replace('  precision: point', '\tprecision: point'))).toEqual([
      'places.yaml line 13: not valid YAML: Unexpected scalar at node end',
    ]);
  });

  it('still reports a claim naming a place that is not in the gazetteer at all', () => {
    expect(realCorpusProblems('claims/cia-1963-04-11.yaml', (t) => t.replace('place: peru', 'place: perou'))).toEqual([
      'claims/cia-1963-04-11.yaml line 5: unknown place "perou": it is not in places.yaml; did you mean "peru"?',
    ]);
  });
});
