import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { hasDateWords, paragraphAt } from '../../src/lib/corpus/evidence-rules.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';

// Every element of a mark needs words of its own (issue 24; CURATING.md "A leg's words", "A date's words").
// A corpus whose second paragraph gives a date, so a period can be read from the right or the wrong paragraph.
const BODY = ['The courier went from Lima to Paris. In Paris he met the contact.', 'He met the contact again in May 1962. Nobody followed him.'];
const dated = (edit: { claims?: string; routes?: string } = {}) =>
  createCorpusFiles({
    source: `Web page header\n\n${BODY.join('\n\n')}\n\nFooter\n`,
    document: createCorpusFiles().documents[0]!.text.replace('He met the contact again.', BODY[1]!),
    ...edit,
  });

const leg = (fields: string) => `- id: out\n  name: Out\n  document: test-doc\n  legs:\n    - from: lima\n      to: paris\n${fields}`;
const claim = (fields: string) => `document: test-doc\nclaims:\n  - place: paris\n    role: contact\n${fields}`;

function problemsFor(files: ReturnType<typeof createCorpusFiles>): string[] {
  try {
    const world = loadWorldAtlas();
    deriveAtlas(loadCorpus(files), world.places50m, world.basemap110m);
  } catch (e) {
    if (e instanceof CorpusInvalid) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}

describe('the fixture with its dated second paragraph', () => {
  it('is valid, so each case below breaks exactly one rule', () => {
    expect(problemsFor(dated())).toEqual([]);
  });
});

describe('a leg’s ends, direction and date each need words of their own: derive refuses, naming the file, the line and the fix', () => {
  const cases = [
    {
      name: 'an end its quote does not name, not declared unstated',
      routes: leg('      quote: { exact: "In Paris he met the contact." }\n'),
      expected: /^routes\.yaml line 5: route "out" leg 1 \(lima to paris\): its quote does not name the "from" end, "lima" \("Lima"\); quote words that name it, or write unstated: \[from\] and a context quote that names it$/,
    },
    {
      name: 'an unstated end with no context quote',
      routes: leg('      quote: { exact: "In Paris he met the contact." }\n      unstated: [from]\n'),
      expected: /^routes\.yaml line 8: route "out" leg 1 \(lima to paris\): the unstated "from" end, "lima", needs a context quote that names it \("Lima"\); add context: \[\{ exact: "…" \}\]/,
    },
    {
      name: 'an unstated end whose context does not name it',
      routes: leg('      quote: { exact: "In Paris he met the contact." }\n      unstated: [from]\n      context:\n        - { exact: "He met the contact again" }\n'),
      expected: /^routes\.yaml line 10: route "out" leg 1 \(lima to paris\): the unstated "from" end, "lima", needs a context quote that names it/,
    },
    {
      name: 'an end declared unstated that the quote names',
      routes: leg('      quote: { exact: "The courier went from Lima to Paris." }\n      unstated: [to]\n      context:\n        - { exact: "In Paris he met the contact." }\n'),
      expected: /^routes\.yaml line 8: .*the "to" end, "paris", is listed as unstated but the quote names it; take "to" out of unstated$/,
    },
    {
      name: 'a context quote that is not in the document',
      routes: leg('      quote: { exact: "In Paris he met the contact." }\n      unstated: [from]\n      context:\n        - { exact: "He came from Lima" }\n'),
      expected: /^routes\.yaml line 10: quote "He came from Lima" not found in the document body/,
    },
    {
      name: 'the old "directed: false"',
      routes: leg('      quote: { exact: "The courier went from Lima to Paris." }\n      directed: false\n'),
      expected: /^routes\.yaml line 5: .*uses "directed", which is now "direction": write direction: undirected .* or direction: round-trip/,
    },
    {
      name: 'a direction on stops named together (no line is drawn)',
      routes: leg('      quote: { exact: "The courier went from Lima to Paris." }\n      together: true\n      direction: round-trip\n'),
      expected: /^routes\.yaml line 9: .*a together step draws no line, so it has no direction; remove direction: round-trip$/,
    },
    {
      name: 'a leg period no words date',
      routes: leg('      quote: { exact: "The courier went from Lima to Paris." }\n      period: { from: "1962-05" }\n'),
      expected: /^routes\.yaml line 8: .*the quote gives no date \("The courier went from Lima to Paris\."\); add a context quote from the same paragraph \(paragraph 1\) that dates it, or remove the period$/,
    },
    {
      name: 'a claim period read from another paragraph',
      claims: claim('    quote: { exact: "In Paris he met the contact." }\n    context:\n      - { exact: "in May 1962" }\n    period: { from: "1962-05" }\n    note: As "in May 1962" says.\n'),
      expected: /^claims\/test-doc\.yaml line 8: claim on "paris" \(contact\): the period's context quote "in May 1962" is in paragraph 2, not in the quote's paragraph 1; a date is read only from its own paragraph/,
    },
    {
      name: 'a claim period read from context that the note does not name',
      claims: claim('    quote: { exact: "He met the contact again" }\n    context:\n      - { exact: "in May 1962" }\n    period: { from: "1962-05" }\n    note: The month is known.\n'),
      expected: /^claims\/test-doc\.yaml line 9: claim on "paris" \(contact\): the period is read from the context quote "in May 1962"; say so in the note, quoting those words$/,
    },
  ];

  it.each(cases)('$name', ({ routes, claims, expected }) => {
    const problems = problemsFor(dated({ ...(routes ? { routes } : {}), ...(claims ? { claims } : {}) }));
    expect(problems.some((p) => expected.test(p)), `${expected} in\n${problems.join('\n')}`).toBe(true);
  });

  it('accepts each element with its words: an end from context, a date from its own paragraph named in the note, a round trip', () => {
    const routes = leg(
      [
        '      quote: { exact: "In Paris he met the contact." }',
        '      unstated: [from]',
        '      direction: round-trip',
        '      context:',
        '        - { exact: "from Lima" }',
        '',
      ].join('\n'),
    );
    const claims = claim('    quote: { exact: "He met the contact again" }\n    context:\n      - { exact: "in May 1962" }\n    period: { from: "1962-05" }\n    note: Dated by "in May 1962" in the same sentence.\n');
    const files = dated({ routes, claims });
    expect(problemsFor(files)).toEqual([]);
    const world = loadWorldAtlas();
    const atlas = deriveAtlas(loadCorpus(files), world.places50m, world.basemap110m);
    const [drawn] = atlas.legs.features.map((f) => f.properties);
    expect(drawn).toMatchObject({ name: 'Lima ↔ Paris', direction: 'round-trip', unstated: ['from'] });
    expect(drawn!.evidence[0]!.context).toEqual([{ exact: 'from Lima', start: 17, end: 26, supports: ['from'] }]);
    const paris = atlas.places.features.find((f) => f.properties.id === 'paris')!.properties;
    expect(paris.evidence.find((e) => e.role === 'contact')!.context).toEqual([expect.objectContaining({ exact: 'in May 1962', supports: ['period'] })]);
  });
});

describe('the words that date', () => {
  it.each([
    ['from June until December 1962', true],
    ['over the past three months', true],
    ['In July he was appointed', true],
    ['for several weeks', true],
    ['He received his first training in Habana.', false],
    ['the Mayor of Lima', false],
  ])('%s → %s', (text, expected) => expect(hasDateWords(text)).toBe(expected));

  it('finds the paragraph of an offset', () => {
    const paragraphs = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
      { start: 22, end: 30 },
    ];
    expect([0, 9, 12, 21, 25].map((o) => paragraphAt(paragraphs, o))).toEqual([0, 0, 1, 1, 2]);
  });
});
