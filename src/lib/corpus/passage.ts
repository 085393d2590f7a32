import { ROLES, type Role } from '../atlas/roles.ts';
import type { CorpusDocument, Evidence } from '../atlas/contract.ts';
import { bodyOffsets } from './offsets.ts';

export interface Range {
  start: number;
  end: number;
}

/** Paragraph indexes touched by a range of the body. */
export function paragraphsOf(doc: Pick<CorpusDocument, 'paragraphs'>, range: Range): { first: number; last: number } {
  const first = doc.paragraphs.findIndex((p) => p.end >= range.start);
  const last = doc.paragraphs.findIndex((p) => p.end >= range.end);
  return { first: Math.max(0, first), last: last === -1 ? doc.paragraphs.length - 1 : last };
}

export interface TextRun {
  text: string;
  /** Inside a quoted passage: highlighted. */
  marked: boolean;
  /** Inside a mention of a place on the map: its id. */
  place?: string;
  /** Inside the archive's <sup>…</sup> (a footnote marker): set as a superscript. */
  sup?: boolean;
}

/**
 * The archive's own markup in a text (the only kind the corpus has is <sup>…</sup>, a footnote marker), as
 * code-point ranges relative to the text: each tag, and what lies between an opening and its closing tag.
 * The words stay verbatim in the data; the page sets them as typography and never shows the tag.
 */
export function markupIn(text: string): { tags: Range[]; superscripts: Range[] } {
  const tags: Range[] = [];
  const superscripts: Range[] = [];
  let open: number | undefined;
  for (const m of text.matchAll(/<(\/?)sup>/gi)) {
    const start = Array.from(text.slice(0, m.index)).length;
    const end = start + m[0].length;
    tags.push({ start, end });
    if (!m[1]) open = end;
    else if (open !== undefined) {
      superscripts.push({ start: open, end: start });
      open = undefined;
    }
  }
  return { tags, superscripts };
}

/** A text with the archive's markup tags taken out (for plain-text uses: a copied citation, an aria label). */
export function withoutMarkup(text: string): string {
  return text.replace(/<\/?sup>/gi, '');
}

/**
 * A paragraph cut into runs of text: marked where it falls inside any of `ranges`, linked where it names a place.
 * Ranges count code points, as every published offset does.
 */
export function splitParagraph(
  doc: Pick<CorpusDocument, 'body'>,
  paragraph: Range,
  ranges: readonly Range[],
  mentions: ReadonlyArray<Range & { place: string }> = [],
): TextRun[] {
  const text = bodyOffsets(doc);
  const markup = markupIn(text.slice(paragraph.start, paragraph.end));
  const shift = (r: Range) => ({ start: r.start + paragraph.start, end: r.end + paragraph.start });
  const [tags, superscripts] = [markup.tags.map(shift), markup.superscripts.map(shift)];
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const r of [...ranges, ...mentions, ...tags, ...superscripts]) {
    if (r.end <= paragraph.start || r.start >= paragraph.end) continue;
    cuts.add(Math.max(r.start, paragraph.start));
    cuts.add(Math.min(r.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const within = (r: Range, a: number, b: number) => r.start <= a && r.end >= b;
  const runs: TextRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    if (tags.some((t) => within(t, a, b))) continue; // the tag itself is never shown
    const marked = ranges.some((r) => within(r, a, b));
    const place = mentions.find((m) => within(m, a, b))?.place;
    const sup = superscripts.some((r) => within(r, a, b));
    const last = runs[runs.length - 1];
    if (last && last.marked === marked && last.place === place && place === undefined && Boolean(last.sup) === sup) last.text += text.slice(a, b);
    else runs.push({ text: text.slice(a, b), marked, ...(place ? { place } : {}), ...(sup ? { sup } : {}) });
  }
  return runs.filter((r) => r.text.length > 0);
}

export interface PassageGroup {
  document: string;
  /** Paragraph indexes shown, first to last. */
  paragraphs: number[];
  evidence: Evidence[];
}

/** Evidence that falls in the same paragraph of the same document is shown once, with every phrase marked. */
export function groupByParagraph(evidence: readonly Evidence[], documentById: (id: string) => Pick<CorpusDocument, 'paragraphs'> | undefined): PassageGroup[] {
  const groups: PassageGroup[] = [];
  for (const e of evidence) {
    const doc = documentById(e.document);
    if (!doc) continue;
    const { first, last } = paragraphsOf(doc, e);
    const existing = groups.find((g) => g.document === e.document && g.paragraphs.includes(first));
    const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    if (existing) {
      existing.evidence.push(e);
      for (const p of span) if (!existing.paragraphs.includes(p)) existing.paragraphs.push(p);
      existing.paragraphs.sort((a, b) => a - b);
    } else groups.push({ document: e.document, paragraphs: span, evidence: [e] });
  }
  return groups;
}

export interface RoleSection {
  role: Role | 'route';
  groups: PassageGroup[];
}

/** Legend order, with a leg's 'route' last: the order a mark's roles are ranked in (its first is the colour it is drawn in). */
export const roleRank = (role: Role | 'route') => (role === 'route' ? ROLES.length : ROLES.indexOf(role));

/**
 * A mark's passages by role, the role it is drawn for first: a paragraph that says several things sits once, under its
 * highest-ranked role. Within a role, passages come in the order of that role's evidence.
 */
export function passagesByRole(evidence: readonly Evidence[], documentById: (id: string) => Pick<CorpusDocument, 'paragraphs'> | undefined): RoleSection[] {
  const sections = new Map<Role | 'route', Array<{ group: PassageGroup; first: number }>>();
  for (const group of groupByParagraph(evidence, documentById)) {
    const role = group.evidence.map((e) => e.role).sort((a, b) => roleRank(a) - roleRank(b))[0]!;
    const first = evidence.findIndex((e) => e.role === role && group.evidence.includes(e));
    sections.set(role, [...(sections.get(role) ?? []), { group, first }]);
  }
  return [...sections]
    .sort(([a], [b]) => roleRank(a) - roleRank(b))
    .map(([role, entries]) => ({ role, groups: entries.sort((a, b) => a.first - b.first).map((entry) => entry.group) }));
}
