/**
 * How well the curator assistant drafts what curators wrote: leave-one-out over the corpus. For each document its
 * curated claims and legs are set aside, the assistant drafts from the words alone (the gazetteer stays, so this
 * measures claims and legs, not the finding of new places), and the drafts are compared with what was set aside.
 * Pure; `npm run corpus:suggest -- --evaluate` prints it and tests/unit/corpus-suggest-evaluate.test.ts holds it to
 * the targets of issue 29.
 */
import type { Corpus } from './load.ts';
import { splitSentences, sentenceAt } from './sentences.ts';
import { suggestFor } from './suggest.ts';
import { textOffsets } from './offsets.ts';
import type { Role } from '../atlas/roles.ts';

export interface EvaluationRow {
  document: string;
  /** Curated (place, sentence) pairs, and how many of them a draft found. */
  curatedPairs: number;
  foundPairs: number;
  /** Drafted (place, sentence) pairs, and how many of them a curator had written. */
  suggestedPairs: number;
  correctPairs: number;
  /** Drafted claims on a curated pair, and how many give a role the curator gave there. */
  judgedRoles: number;
  agreedRoles: number;
  curatedLegs: number;
  foundLegs: number;
  /** Legs drafted in all, found or not. */
  draftedLegs: number;
  /** Milliseconds the draft took. */
  ms: number;
}

export const TARGETS = { recall: 0.9, precision: 0.6, roleAgreement: 0.7 } as const;

export const recall = (r: EvaluationRow) => (r.curatedPairs ? r.foundPairs / r.curatedPairs : 1);
export const precision = (r: EvaluationRow) => (r.suggestedPairs ? r.correctPairs / r.suggestedPairs : 1);
export const roleAgreement = (r: EvaluationRow) => (r.judgedRoles ? r.agreedRoles / r.judgedRoles : 1);

/** Leave-one-out on every document of the corpus, with the totals as a last row named "overall". */
export function evaluateSuggestions(corpus: Corpus, now: () => number = () => 0): EvaluationRow[] {
  const rows = corpus.documents.map((doc): EvaluationRow => {
    const sentences = splitSentences(doc.body);
    const offsets = textOffsets(doc.body);
    const sentenceOf = (codePoint: number) => sentenceAt(sentences, offsets.toUtf16(codePoint));
    // What the curators wrote: roles by (place, sentence).
    const curated = new Map<string, Set<Role>>();
    for (const c of corpus.claims.filter((c) => c.document === doc.id)) {
      const key = `${c.place}@${sentenceOf(c.start)}`;
      curated.set(key, (curated.get(key) ?? new Set()).add(c.role));
    }
    const legs = corpus.routes.filter((r) => r.document === doc.id).flatMap((r) => r.legs);

    const started = now();
    const drafts = suggestFor({ id: doc.id, body: doc.body }, corpus.places); // no claims known: left out
    const ms = now() - started;

    const suggested = new Set(drafts.claims.map((c) => `${c.place}@${c.sentence}`));
    const onCurated = drafts.claims.filter((c) => curated.has(`${c.place}@${c.sentence}`));
    const same = (a: { from: string; to: string }, b: { from: string; to: string }) => (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);
    return {
      document: doc.id,
      curatedPairs: curated.size,
      foundPairs: [...curated.keys()].filter((k) => suggested.has(k)).length,
      suggestedPairs: suggested.size,
      correctPairs: [...suggested].filter((k) => curated.has(k)).length,
      judgedRoles: onCurated.length,
      agreedRoles: onCurated.filter((c) => curated.get(`${c.place}@${c.sentence}`)!.has(c.role)).length,
      curatedLegs: legs.length,
      foundLegs: legs.filter((l) => drafts.legs.some((d) => same(d, l))).length,
      draftedLegs: drafts.legs.length,
      ms,
    };
  });
  const sum = (f: (r: EvaluationRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  rows.push({
    document: 'overall',
    curatedPairs: sum((r) => r.curatedPairs),
    foundPairs: sum((r) => r.foundPairs),
    suggestedPairs: sum((r) => r.suggestedPairs),
    correctPairs: sum((r) => r.correctPairs),
    judgedRoles: sum((r) => r.judgedRoles),
    agreedRoles: sum((r) => r.agreedRoles),
    curatedLegs: sum((r) => r.curatedLegs),
    foundLegs: sum((r) => r.foundLegs),
    draftedLegs: sum((r) => r.draftedLegs),
    ms: sum((r) => r.ms),
  });
  return rows;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The evaluation as a Markdown table, as the README repeats it. */
export function evaluationTable(rows: readonly EvaluationRow[]): string {
  const lines = [
    '| document | recall of curated (place, sentence) pairs | precision | role agreement | curated legs found (legs drafted) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const name = r.document === 'overall' ? '**overall**' : r.document;
    lines.push(
      `| ${name} | ${pct(recall(r))} (${r.foundPairs}/${r.curatedPairs}) | ${pct(precision(r))} (${r.correctPairs}/${r.suggestedPairs}) | ` +
        `${pct(roleAgreement(r))} (${r.agreedRoles}/${r.judgedRoles}) | ${r.foundLegs}/${r.curatedLegs} (${r.draftedLegs}) |`,
    );
  }
  return lines.join('\n');
}
