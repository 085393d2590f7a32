import { describe, expect, it } from 'vitest';
import { splitParagraph, groupByParagraph, passagesByRole } from '../../src/lib/corpus/passage.ts';
import { formatIsoDate } from '../../src/lib/corpus/dates.ts';
import type { Evidence } from '../../src/lib/atlas/contract.ts';

const createDoc = () => {
  const body = 'First paragraph here.\n\nParis is the centre. Prague too.';
  return { body, paragraphs: [{ start: 0, end: 21 }, { start: 23, end: body.length }] };
};
const createEvidence = (doc: ReturnType<typeof createDoc>, exact: string): Evidence => {
  const start = doc.body.indexOf(exact);
  return { document: 'd', role: 'transit-hub', exact, start, end: start + exact.length };
};

describe('passages in their paragraph', () => {
  it('marks every quoted phrase inside a paragraph and nothing outside it', () => {
    const doc = createDoc();
    const runs = splitParagraph(doc, doc.paragraphs[1]!, [createEvidence(doc, 'Paris'), createEvidence(doc, 'Prague')]);
    expect(runs).toEqual([
      { text: 'Paris', marked: true },
      { text: ' is the centre. ', marked: false },
      { text: 'Prague', marked: true },
      { text: ' too.', marked: false },
    ]);
    expect(splitParagraph(doc, doc.paragraphs[0]!, [createEvidence(doc, 'Paris')])).toEqual([{ text: 'First paragraph here.', marked: false }]);
  });

  it('sets the archive’s <sup> footnote marker as a superscript, never showing the tag, inside a quote or not', () => {
    // As the Alekseev cable has it: a footnote marker straight after the quoted sentence, and an emoji before it.
    const body = '🛩 I gave both letters to President Dorticos.<sup>[1]</sup> In my presence';
    const doc = { body, paragraphs: [{ start: 0, end: Array.from(body).length }] };
    const cp = (s: string) => Array.from(body).join('').indexOf(s) - 1; // the emoji is two UTF-16 units, one code point
    const quote = { start: cp('I gave'), end: cp(' In my') };
    const runs = splitParagraph(doc, doc.paragraphs[0]!, [quote]);
    expect(runs).toEqual([
      { text: '🛩 ', marked: false },
      { text: 'I gave both letters to President Dorticos.', marked: true },
      { text: '[1]', marked: true, sup: true },
      { text: ' In my presence', marked: false },
    ]);
    expect(runs.map((r) => r.text).join('')).not.toMatch(/[<>]/);
    expect(splitParagraph(doc, doc.paragraphs[0]!, []).find((r) => r.sup)).toEqual({ text: '[1]', marked: false, sup: true });
  });

  it('shows two phrases of the same paragraph once', () => {
    const doc = createDoc();
    const groups = groupByParagraph([createEvidence(doc, 'Paris'), createEvidence(doc, 'Prague'), createEvidence(doc, 'First')], () => doc);
    expect(groups.map((g) => [g.paragraphs, g.evidence.map((e) => e.exact)])).toEqual([
      [[1], ['Paris', 'Prague']],
      [[0], ['First']],
    ]);
  });

  it.each([
    ['1962-04-14', '14 April 1962'],
    ['1961-04', 'April 1961'],
    ['1961', '1961'],
  ])('writes %s as %s, never inventing a day', (iso, text) => {
    expect(formatIsoDate(iso)).toBe(text);
  });
});

describe('place names in the reader', () => {
  it('become their own runs, so each can link to its place, even inside a highlighted passage', () => {
    const doc = createDoc();
    const paris = createEvidence(doc, 'Paris');
    const runs = splitParagraph(doc, doc.paragraphs[1]!, [createEvidence(doc, 'Paris is the centre.')], [{ ...paris, place: 'paris' }]);
    expect(runs).toEqual([
      { text: 'Paris', marked: true, place: 'paris' },
      { text: ' is the centre.', marked: true },
      { text: ' Prague too.', marked: false },
    ]);
  });
});

describe('passages by role', () => {
  const body = 'Political talk.\n\nHe was trained in Habana.\n\nMore politics.\n\nMoney and training in Habana.';
  const paragraphs = body.split('\n\n').reduce<Array<{ start: number; end: number }>>((list, text) => {
    const start = list.length ? list[list.length - 1]!.end + 2 : 0;
    return [...list, { start, end: start + text.length }];
  }, []);
  const doc = { body, paragraphs };
  const quote = (exact: string, role: Evidence['role'], from = 0): Evidence => {
    const start = body.indexOf(exact, from);
    return { document: 'd', role, exact, start, end: start + exact.length };
  };

  it('puts the role the mark is drawn for first, whatever order the evidence came in, and each paragraph once under its highest role', () => {
    const evidence = [
      quote('Political talk.', 'context'),
      quote('More politics.', 'context'),
      quote('Money', 'funding'),
      quote('He was trained in Habana.', 'training-site'),
      quote('training in Habana', 'training-site', body.indexOf('Money')),
    ];
    const sections = passagesByRole(evidence, () => doc);
    expect(sections.map((s) => [s.role, s.groups.map((g) => body.slice(paragraphs[g.paragraphs[0]!]!.start, paragraphs[g.paragraphs[0]!]!.end))])).toEqual([
      ['training-site', ['He was trained in Habana.', 'Money and training in Habana.']],
      ['context', ['Political talk.', 'More politics.']],
    ]);
    // The paragraph that also names money is shown once, with both phrases marked.
    expect(sections[0]!.groups[1]!.evidence.map((e) => e.role)).toEqual(['funding', 'training-site']);
  });

  it('keeps a leg’s passages in one section', () => {
    expect(passagesByRole([quote('He was trained in Habana.', 'route')], () => doc).map((s) => s.role)).toEqual(['route']);
  });
});
