import { NAMED_IN_PER_PAGE, PASSAGE_PAGE_BYTES, PASSAGES_PER_PAGE, type Evidence, type FeaturePage, type PlaceMention } from '../atlas/contract.ts';
import { roleRank } from './passage.ts';

export interface PageLimits {
  passages: number;
  bytes: number;
  namedIn: number;
}
const LIMITS: PageLimits = { passages: PASSAGES_PER_PAGE, bytes: PASSAGE_PAGE_BYTES, namedIn: NAMED_IN_PER_PAGE };

const sizeOf = (e: Evidence) => JSON.stringify(e).length;

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
  const ordered = evidence.map((e, i) => ({ e, i })).sort((a, b) => roleRank(a.e.role) - roleRank(b.e.role) || a.i - b.i).map(({ i }) => i);
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
    const firstOfEachRole = pages.length ? [] : ordered.filter((i, n) => n === 0 || evidence[i]!.role !== evidence[ordered[n - 1]!]!.role);
    fill(chosen, rest, fill(chosen, firstOfEachRole, 0));
    pages.push(chosen);
    rest = rest.filter((i) => !chosen.has(i));
  } while (rest.length);
  const inOwnOrder = pages.map((chosen) => evidence.filter((_, i) => chosen.has(i)));
  if (!namedIn) return inOwnOrder.map((page) => ({ evidence: page }));
  const perPage = Math.max(limits.namedIn, Math.ceil(namedIn.length / pages.length));
  return inOwnOrder.map((page, i) => ({ evidence: page, namedIn: namedIn.slice(i * perPage, (i + 1) * perPage) }));
}
