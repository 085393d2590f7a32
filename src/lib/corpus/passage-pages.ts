import { NAMED_IN_PER_PAGE, PASSAGE_PAGE_BYTES, PASSAGES_PER_PAGE, type Evidence, type FeaturePage, type PlaceMention } from '../atlas/contract.ts';
import { roleRank } from './passage.ts';

export interface PageLimits {
  passages: number;
  bytes: number;
  namedIn: number;
}
const LIMITS: PageLimits = { passages: PASSAGES_PER_PAGE, bytes: PASSAGE_PAGE_BYTES, namedIn: NAMED_IN_PER_PAGE };

const sizeOf = (e: Evidence) => JSON.stringify(e).length;

/** Indices of `items` in the panel's order: by role in legend order (the role the mark is drawn for first), each role's in their order. */
function inPanelOrder(items: ReadonlyArray<{ role: Evidence['role'] }>): number[] {
  return items.map((item, i) => ({ rank: roleRank(item.role), i })).sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ i }) => i);
}
const firstOfEachRoleIn = (items: ReadonlyArray<{ role: Evidence['role'] }>, ordered: readonly number[]) => ordered.filter((i, n) => n === 0 || items[i]!.role !== items[ordered[n - 1]!]!.role);

/**
 * The documents a feature's first page quotes, as near as its (document, role) pairs in the page layer tell (each
 * pair once, where the page may quote a document twice): the page fetches them with the feature's own file, not after.
 */
export function firstPageDocuments(sources: ReadonlyArray<{ document: string; role: Evidence['role'] }>, limit = PASSAGES_PER_PAGE): string[] {
  const ordered = inPanelOrder(sources);
  const documents = new Set<string>();
  for (const i of [...firstOfEachRoleIn(sources, ordered), ...ordered]) {
    if (documents.size >= limit) break;
    documents.add(sources[i]!.document);
  }
  return [...documents];
}

/**
 * A feature's passages in pages, the first for its own file and the rest for its page files: the first holds the
 * first passage of each role (in the panel's order, so every role's section opens with its words), then the next
 * ones in the panel's order, up to `passages` and about `bytes`; each further page the next ones, as many. A page
 * lists its passages in the feature's own order (the panel sorts them by role itself; a feature on one page keeps its
 * `evidence` as it is), and a role's passages on one page follow those on the pages before, so the pages read one
 * after another give each role's passages in order. A place's "Named in" is spread over the same pages, at least
 * `namedIn` a page, never on more pages than the passages.
 */
export function passagePages(evidence: readonly Evidence[], namedIn?: readonly PlaceMention[], limits: PageLimits = LIMITS): FeaturePage[] {
  // By index, not by object: the same passage may stand twice in a feature's evidence.
  const ordered = inPanelOrder(evidence);
  const pages: Array<Set<number>> = [];
  let rest = ordered;
  const fill = (chosen: Set<number>, candidates: readonly number[], bytes: number) => {
    for (const i of candidates) {
      if (chosen.size >= limits.passages) break;
      if (chosen.has(i)) continue;
      const size = sizeOf(evidence[i]!);
      if (chosen.size > 0 && bytes + size > limits.bytes) break;
      chosen.add(i);
      bytes += size;
    }
    return bytes;
  };
  do {
    const chosen = new Set<number>();
    // The first page opens every role's section: each role's first passage before any role's second.
    const firstOfEachRole = pages.length ? [] : firstOfEachRoleIn(evidence, ordered);
    fill(chosen, rest, fill(chosen, firstOfEachRole, 0));
    pages.push(chosen);
    rest = rest.filter((i) => !chosen.has(i));
  } while (rest.length);
  const inOwnOrder = pages.map((chosen) => evidence.filter((_, i) => chosen.has(i)));
  if (!namedIn) return inOwnOrder.map((page) => ({ evidence: page }));
  const perPage = Math.max(limits.namedIn, Math.ceil(namedIn.length / pages.length));
  return inOwnOrder.map((page, i) => ({ evidence: page, namedIn: namedIn.slice(i * perPage, (i + 1) * perPage) }));
}
