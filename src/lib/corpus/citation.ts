/**
 * A passage cited as a historian pastes it: the quoted words on their own line, then a note in the style of the
 * Chicago Manual of Style (17th ed., 14.232, unpublished archival material): originator, "title," recipient, date
 * (one format: day month year), record, repository, the paragraph, and the atlas's own link to the passage. The same
 * facts as CSL-JSON (the data format Zotero, Mendeley and citeproc read) for a reference manager.
 */
import { withoutMarkup } from './passage.ts';
import { formatIsoDate } from './dates.ts';
import { spanIndexAt } from './offsets.ts';
import type { CorpusDocument, Evidence } from '../atlas/contract.ts';

type CitedDocument = Pick<CorpusDocument, 'id' | 'title' | 'date' | 'originator' | 'archive' | 'body' | 'paragraphs'> &
  Partial<Pick<CorpusDocument, 'recipient' | 'recordId' | 'translator'>>;
type CitedPassage = Pick<Evidence, 'exact' | 'start' | 'end'>;

/**
 * Where the passage stands: the document's own paragraph number where it numbers them ("para. 12"), else the
 * paragraph of the transcription, counted from the top ("¶ 3 of the transcription").
 */
export function paragraphReference(doc: Pick<CorpusDocument, 'body' | 'paragraphs'>, start: number): string {
  const at = spanIndexAt(doc.paragraphs, start);
  const p = doc.paragraphs[at]!;
  const own = /^(\d{1,3})\.\s/.exec(Array.from(doc.body).slice(p.start, p.end).join(''));
  return own ? `para. ${own[1]}` : `¶ ${at + 1} of the transcription`;
}

/** The atlas's address of a passage: the reader opens on it with the words highlighted. */
export const passageLink = (base: string, documentId: string, passage: CitedPassage) => `${base}#doc=${documentId}:${passage.start}-${passage.end}`;

const quoteOf = (passage: CitedPassage) => `“${withoutMarkup(passage.exact).replace(/\s+/g, ' ').trim()}”`;

/** The note alone: who, what, to whom, when, which record, where it is kept, where in it, and the atlas's link. */
export function citationNote(doc: CitedDocument, passage: CitedPassage, base?: string): string {
  // Chicago sets the comma after a quoted title inside its closing quotation mark: “Title,” to …
  const rest = [
    doc.recipient && `to ${doc.recipient}`,
    // One format for every note, day month year, never inventing a day: "11 April 1963", "April 1961", "1961".
    formatIsoDate(doc.date),
    doc.translator && `trans. ${doc.translator}`,
    doc.recordId && `record ${doc.recordId}`,
    doc.archive.replace(/\.$/, ''),
    paragraphReference(doc, passage.start),
    base && `Archive Atlas, ${passageLink(base, doc.id, passage)}`,
  ].filter((p): p is string => Boolean(p));
  return `${doc.originator}, “${doc.title},” ${rest.join(', ')}.`;
}

/** What "Copy citation" gives: the quoted words on a line of their own, then the note. */
export function passageCitation(doc: CitedDocument, passage: CitedPassage, base?: string): string {
  return `${quoteOf(passage)}\n${citationNote(doc, passage, base)}`;
}

/** The same passage as one CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export function passageCslJson(doc: CitedDocument, passage: CitedPassage, base?: string): Record<string, unknown> {
  const [year, month, day] = doc.date.split('-').map(Number);
  return {
    id: `${doc.id}-${passage.start}-${passage.end}`,
    type: 'manuscript',
    title: doc.title,
    author: [{ literal: doc.originator }],
    ...(doc.recipient ? { recipient: [{ literal: doc.recipient }] } : {}),
    ...(doc.translator ? { translator: [{ literal: doc.translator }] } : {}),
    issued: { 'date-parts': [[year, month, day].filter((n): n is number => n !== undefined && !Number.isNaN(n))] },
    archive: doc.archive,
    ...(doc.recordId ? { archive_location: doc.recordId } : {}),
    locator: paragraphReference(doc, passage.start),
    ...(base ? { URL: passageLink(base, doc.id, passage) } : {}),
    note: quoteOf(passage),
  };
}
