import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';

/** The messages a curator would see for a corpus with one thing wrong. */
function problemsFor(files: ReturnType<typeof createCorpusFiles>): string[] {
  try {
    const corpus = loadCorpus(files);
    const world = loadWorldAtlas();
    deriveAtlas(corpus, world.places50m, world.basemap110m);
  } catch (e) {
    if (e instanceof CorpusInvalid) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}

const claimWithQuote = (quote: string) =>
  `document: test-doc\nclaims:\n  - place: paris\n    role: transit-hub\n    quote: { exact: ${JSON.stringify(quote)} }\n`;

describe('the fixture corpus', () => {
  it('is valid, so each case below breaks exactly one thing', () => {
    expect(problemsFor(createCorpusFiles())).toEqual([]);
  });
});

describe('bad input stops the build with a message naming the file, the line and the fix', () => {
  const cases: Array<{ name: string; files: ReturnType<typeof createCorpusFiles>; expected: RegExp[] }> = [
    {
      name: 'a quote that is not in the document',
      files: createCorpusFiles({ claims: claimWithQuote('In Paris he met the courier.') }),
      expected: [/^claims\/test-doc\.yaml line 5: quote "In Paris he met the courier\." not found in the document body; nearest text: "In Paris he met the contact/],
    },
    {
      name: 'a quote that occurs more than once',
      files: createCorpusFiles({ claims: claimWithQuote('met the contact') }),
      expected: [/^claims\/test-doc\.yaml line 5: quote "met the contact" occurs 2 times; add a "prefix" or "suffix"/],
    },
    {
      name: 'a quote typed with curly quotation marks where the text has straight ones',
      files: createCorpusFiles({
        source: 'The "Co-ordinators" met.\n',
        document: '---\nid: test-doc\ntitle: T\ndate: "1963"\noriginator: O\narchive: A\ncitation: C\nlanguage: English\nsource: test.txt\n---\nThe "Co-ordinators" met.\n',
        claims: claimWithQuote('The \u201cCo-ordinators\u201d met.'),
        routes: '[]\n',
      }),
      expected: [/^claims\/test-doc\.yaml line 5: .*differs from the text only in quotation marks/],
    },
    {
      name: 'an unknown place id',
      files: createCorpusFiles({ claims: 'document: test-doc\nclaims:\n  - place: pariss\n    role: transit-hub\n    quote: { exact: "In Paris he met the contact." }\n' }),
      expected: [/^claims\/test-doc\.yaml line 3: unknown place "pariss": it is not in places\.yaml; did you mean "paris"\?/],
    },
    {
      name: 'a duplicate place id',
      files: createCorpusFiles({
        places: createCorpusFiles().places.text + '- id: paris\n  name: Paris again\n  kind: city\n  precision: point\n  point: [2.3, 48.8]\n  source: test\n',
      }),
      expected: [/^places\.yaml line 20: duplicate place id "paris"/],
    },
    {
      name: 'a latitude out of range',
      files: createCorpusFiles({ places: createCorpusFiles().places.text.replace('[2.35, 48.85]', '[2.35, 148.85]') }),
      expected: [/^places\.yaml line 11: "1\.point\.1": latitude out of range, it must be <= 90; coordinates are written \[longitude, latitude\]/],
    },
    {
      name: 'a route leg to a place that does not exist',
      files: createCorpusFiles({ routes: createCorpusFiles().routes.text.replace('to: paris', 'to: atlantis') }),
      expected: [/^routes\.yaml line 6: route "out" leg 1 goes to an unknown place "atlantis": it is not in places\.yaml; add it to the gazetteer first/],
    },
    {
      name: 'a date in the wrong format',
      files: createCorpusFiles({ document: createCorpusFiles().documents[0]!.text.replace('"1963-04-11"', '"11/4/1963"') }),
      expected: [/^documents\/test-doc\.md line 4: "date" must be a date written YYYY, YYYY-MM or YYYY-MM-DD/],
    },
    {
      name: 'a role that is not one of the roles',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text.replace('role: origin', 'role: hideout') }),
      expected: [/^claims\/test-doc\.yaml line 7: "claims\.1\.role" must be one of: training-site, command-centre, transit-hub, contact/],
    },
    {
      name: 'a misspelt field',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text.replace('quote: { exact: "from Lima" }', 'qoute: { exact: "from Lima" }') }),
      expected: [/^claims\/test-doc\.yaml line 6: "claims\.1" is missing the field "quote"/, /has an unknown field "qoute"; check its spelling/],
    },
    {
      name: 'a file that is not valid YAML',
      files: createCorpusFiles({ routes: '- id: out\n  name: [unclosed\n' }),
      expected: [/^routes\.yaml line \d+: not valid YAML/],
    },
    {
      name: 'a body paragraph whose words differ from the raw source',
      files: createCorpusFiles({ document: createCorpusFiles().documents[0]!.text.replace('He met the contact again.', 'He met the contact once more.') }),
      expected: [/^documents\/test-doc\.md line 13: paragraph 2 is not word for word in sources\/test\.txt/],
    },
    {
      name: 'a Natural Earth id whose name does not match',
      files: createCorpusFiles({
        places:
          createCorpusFiles().places.text +
          '- id: peru\n  name: Peru\n  kind: country\n  precision: country\n  country: { natural_earth_id: "604", natural_earth_name: Chile }\n  source: test\n',
      }),
      expected: [/^places\.yaml line 20: place "peru": Natural Earth country 604 is "Peru", not "Chile"; fix the id or the name/],
    },
    {
      name: 'a source that is a path out of the corpus',
      files: createCorpusFiles({ document: createCorpusFiles().documents[0]!.text.replace('source: test.txt', 'source: ../../../etc/passwd') }),
      expected: [/^documents\/test-doc\.md line 9: "source" must be the name of a file in geodata\/sources\/: letters, digits, "_", "-" and "\.", not starting with a dot, and no folders/],
    },
    {
      name: 'a YAML tag',
      files: createCorpusFiles({ places: createCorpusFiles().places.text.replace('name: Paris', 'name: !evil Paris') }),
      expected: [/^places\.yaml line 8: the YAML tag "!evil" is not allowed; write the plain value/],
    },
    {
      name: 'an alias bomb',
      files: createCorpusFiles({
        routes: 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
      }),
      expected: [/^routes\.yaml line 2: not valid YAML: its aliases \(\*a and others\) repeat so much data that reading the file is refused; write the values out instead/],
    },
    {
      name: 'a day that is not in the calendar',
      files: createCorpusFiles({ document: createCorpusFiles().documents[0]!.text.replace('"1963-04-11"', '"1962-02-31"') }),
      expected: [/^documents\/test-doc\.md line 4: "date" is 1962-02-31, which is not in the calendar: February 1962 has 28 days/],
    },
    {
      name: 'a period that ends before it starts',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text.replace('role: origin', 'role: origin\n    period: { from: "1962-12", to: "1962-06" }') }),
      expected: [/^claims\/test-doc\.yaml line 8: the period runs from 1962-12 to 1962-06: "from" is after "to"/],
    },
    {
      name: 'a period with a month that does not exist',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text.replace('role: origin', 'role: origin\n    period: { from: "1962-04-31" }') }),
      expected: [/^claims\/test-doc\.yaml line 8: "claims\.1\.period\.from" is 1962-04-31, which is not in the calendar: April 1962 has 30 days/],
    },
    {
      name: 'a zone whose outline crosses itself',
      files: createCorpusFiles({ places: createCorpusFiles().places.text.replace('circle: { center: [-75.5, -11.5], radius_km: 200 }', 'polygon: [[-76, -10], [-74, -13], [-74, -10], [-76, -13]]') }),
      expected: [/^places\.yaml line 18: place "sierra": the polygon's outline crosses itself at \[-75, -11\.5\]; list its points in order round the zone/],
    },
    {
      name: 'a zone across the 180° meridian written as one polygon',
      files: createCorpusFiles({ places: createCorpusFiles().places.text.replace('circle: { center: [-75.5, -11.5], radius_km: 200 }', 'polygon: [[178, -16], [-179, -16], [-179, -18], [178, -18]]') }),
      expected: [/^places\.yaml line 18: place "sierra": the polygon jumps from longitude 178 to -179 \(points 1 and 2\), across the 180° meridian or the long way round the world; to cross the meridian, keep longitudes continuous past ±180 \(write 181 for -179\)/],
    },
    {
      name: 'the same claim twice',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text + '  - place: lima\n    role: origin\n    quote: { exact: "from Lima" }\n' }),
      expected: [/^claims\/test-doc\.yaml line \d+: this claim repeats the one at line 6: same document \(test-doc\), place "lima", role "origin" and quote "from Lima"; remove one of them/],
    },
    {
      name: 'a quote with an invisible character the text does not have',
      files: createCorpusFiles({ claims: createCorpusFiles().claims[0]!.text.replace('quote: { exact: "from Lima" }', 'quote: { exact: "from Li\u200bma" }') }),
      expected: [/^claims\/test-doc\.yaml line 8: quote "from Li<U\+200B>ma" differs from the document only by a zero-width space \(U\+200B\) at character 8 of the quote, which the document does not have; copy the text exactly/],
    },
    {
      name: 'a quote in another Unicode normalisation',
      files: createCorpusFiles({
        source: createCorpusFiles().sources.get('test.txt')!.replace('Lima', 'Lim\u00e1'),
        document: createCorpusFiles().documents[0]!.text.replace('Lima', 'Lim\u00e1'),
        claims: createCorpusFiles().claims[0]!.text.replace('quote: { exact: "from Lima" }', 'quote: { exact: "from Lima\u0301" }'),
      }),
      expected: [/differs from the document only by Unicode normalisation: character 9, "a\u0301", is U\+0061 U\+0301 in the quote but U\+00E1 in the document/],
    },
    {
      name: 'a place whose geometry does not match its precision',
      files: createCorpusFiles({ places: createCorpusFiles().places.text.replace('  precision: point\n  point: [2.35, 48.85]', '  precision: area\n  point: [2.35, 48.85]') }),
      expected: [/^places\.yaml line 7: place "paris" has precision "area" and so needs a "area" field/],
    },
  ];

  it.each(cases)('$name', ({ files, expected }) => {
    const problems = problemsFor(files);
    expect(problems.length).toBeGreaterThan(0);
    for (const pattern of expected) expect(problems.some((p) => pattern.test(p)), `${pattern} in\n${problems.join('\n')}`).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const files = createCorpusFiles({
      claims: 'document: test-doc\nclaims:\n  - place: nowhere\n    role: origin\n    quote: { exact: "from Lima" }\n  - place: paris\n    role: origin\n    quote: { exact: "absent words" }\n',
    });
    expect(problemsFor(files)).toHaveLength(2);
  });
});
