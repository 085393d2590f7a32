import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { readCorpusFiles } from '../../src/build/corpus-files.ts';
import { evaluateSuggestions, evaluationTable, precision, recall, roleAgreement, TARGETS } from '../../src/lib/corpus/suggest-evaluate.ts';

// Leave-one-out on the five documents (issue 29): each document's curated claims and legs set aside, the assistant
// drafts from the words, and the drafts are counted against what the curators wrote. It counts, so it is a test.
describe('the curator assistant, measured against the curated corpus', () => {
  const rows = evaluateSuggestions(loadCorpus(readCorpusFiles('geodata')), () => performance.now());
  const overall = rows.find((r) => r.document === 'overall')!;

  it(`finds at least ${TARGETS.recall * 100} % of the curated (place, sentence) pairs`, () => {
    expect(recall(overall), evaluationTable(rows)).toBeGreaterThanOrEqual(TARGETS.recall);
  });
  it(`is right at least ${TARGETS.precision * 100} % of the time about which place a sentence gives`, () => {
    expect(precision(overall), evaluationTable(rows)).toBeGreaterThanOrEqual(TARGETS.precision);
  });
  it(`gives the curator's role at least ${TARGETS.roleAgreement * 100} % of the time where it finds the pair`, () => {
    expect(roleAgreement(overall), evaluationTable(rows)).toBeGreaterThanOrEqual(TARGETS.roleAgreement);
  });
  it('drafts each document in under 5 s', () => {
    for (const r of rows.filter((r) => r.document !== 'overall')) expect(r.ms, r.document).toBeLessThan(5000);
  });
  it('is the table the README repeats', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(evaluationTable(rows));
  });
});
