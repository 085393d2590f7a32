/**
 * A draft from the curator assistant (`npm run corpus:suggest`) is never published unread. A curator accepts one by
 * writing `status: reviewed` (or deleting the status line) and deleting its `confidence` and `why`: those describe
 * the assistant's guess, not the document, so they are refused on an accepted record too, which also means a
 * record cannot be passed by changing its status alone. Pure: the loader turns each problem into an error at the
 * field's line.
 */
import type { DraftMarks } from './types.ts';
import type { RuleProblem } from './evidence-rules.ts';

/** What is wrong with a record's draft marks, if anything: a draft not reviewed, or the assistant's marks left on. */
export function draftProblem(record: DraftMarks): RuleProblem | undefined {
  if (record.status === 'suggested') {
    return {
      field: ['status'],
      message:
        'is a draft from corpus:suggest (status: suggested) that no curator has reviewed; read it against the document, ' +
        'then write status: reviewed (or delete the status line) and delete its confidence and why, or delete it',
    };
  }
  const left = (['confidence', 'why'] as const).filter((k) => record[k] !== undefined);
  if (left.length) {
    return {
      field: [left[0]!],
      message: `still has the assistant's ${left.join(' and ')}, which describe its guess, not the document; delete ${left.length === 1 ? 'it' : 'them'} now that it is reviewed`,
    };
  }
  return undefined;
}

/** Records of a parsed claims or routes file still marked `status: suggested`, with where they stand. */
export function pendingDrafts(data: unknown): Array<{ path: Array<string | number>; what: string }> {
  const out: Array<{ path: Array<string | number>; what: string }> = [];
  const isDraft = (r: unknown): r is DraftMarks & Record<string, unknown> => typeof r === 'object' && r !== null && (r as DraftMarks).status === 'suggested';
  if (Array.isArray(data)) {
    data.forEach((entry, r) => {
      if (isDraft(entry)) out.push({ path: [r, 'status'], what: `place "${String(entry.id)}"` });
      const legs = (entry as { legs?: unknown })?.legs;
      if (Array.isArray(legs)) {
        legs.forEach((leg, i) => {
          if (isDraft(leg)) out.push({ path: [r, 'legs', i, 'status'], what: `leg ${String(leg.from)} → ${String(leg.to)}: ${String(leg.why ?? '')}` });
        });
      }
    });
  } else if (Array.isArray((data as { claims?: unknown })?.claims)) {
    ((data as { claims: unknown[] }).claims).forEach((claim, i) => {
      if (isDraft(claim)) out.push({ path: ['claims', i, 'status'], what: `${String(claim.place)} as ${String(claim.role)}: ${String(claim.why ?? '')}` });
    });
  }
  return out;
}
