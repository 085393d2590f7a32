import { CorpusError } from './errors.ts';
import { parseYamlFile } from './yaml-file.ts';
import type { CorpusDocument, DocumentMeta } from '../atlas/contract.ts';
import { schemaProblems, validators } from './schema.ts';
import { textOffsets } from './offsets.ts';
import { checkCuratorText } from './characters.ts';

/** Whitespace of any kind (the sources use no-break spaces for indentation) folded to one space. */
export function foldWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/**
 * Reads a document file: YAML metadata between `---` lines, then the body, whose paragraphs are
 * separated by blank lines. Returns the body exactly as written, paragraphs joined by one blank line.
 */
export function parseDocumentFile(path: string, text: string): CorpusDocument & { paragraphLines: number[] } {
  checkCuratorText(path, text);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new CorpusError(path, 1, 'a document file starts with "---", then its metadata, then "---", then the body');
  const close = lines.indexOf('---', 1);
  if (close === -1) throw new CorpusError(path, 1, 'the metadata block is not closed: add a line "---" before the body');
  const yaml = parseYamlFile(path, lines.slice(1, close).join('\n'), 1);
  const problems = schemaProblems(validators.documentMeta, yaml.data);
  if (problems.length) {
    const p = problems[0]!;
    throw new CorpusError(path, yaml.lineOf(p.path), p.message);
  }
  const meta = yaml.data as DocumentMeta;

  const paragraphs: string[] = [];
  const paragraphLines: number[] = [];
  let current: string[] = [];
  let startLine = 0;
  lines.slice(close + 1).forEach((line, i) => {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
      return;
    }
    if (!current.length) {
      startLine = close + 2 + i;
      paragraphLines.push(startLine);
    }
    current.push(line.trimEnd());
  });
  if (current.length) paragraphs.push(current.join('\n'));
  if (!paragraphs.length) throw new CorpusError(path, close + 1, 'the document has no body: add its text after the closing "---"');

  // Paragraph offsets count code points, as every published offset does.
  let body = '';
  let length = 0;
  const spans: Array<{ start: number; end: number }> = [];
  for (const p of paragraphs) {
    if (body) {
      body += '\n\n';
      length += 2;
    }
    const size = textOffsets(p).length;
    spans.push({ start: length, end: length + size });
    body += p;
    length += size;
  }
  return { ...meta, body, paragraphs: spans, paragraphLines };
}

/** How far a long check has come, in characters of the body: for a progress line, never for the result. */
export type Progress = (done: number, total: number) => void;

/** After this many paragraphs not in the source the check stops: each costs searches of the whole source. */
export const MAX_MISSING_PARAGRAPHS = 20;

/**
 * Body paragraphs that do not occur, word for word, in the raw source (whitespace folded).
 *
 * A body is the source's text in the source's order, so each paragraph is looked for after the previous one's
 * match: the source is read about once in all, linear in its length (one search per paragraph from the start
 * was quadratic: 27 s for a 4 MB document). A paragraph found only before the cursor (moved, or repeated) costs
 * one search of the whole source and moves the cursor there. The check stops at MAX_MISSING_PARAGRAPHS missing.
 */
export function paragraphsMissingFromSource(doc: CorpusDocument, rawSource: string, progress?: Progress): number[] {
  const source = foldWhitespace(rawSource);
  const body = textOffsets(doc.body);
  const missing: number[] = [];
  let cursor = 0;
  for (const [i, span] of doc.paragraphs.entries()) {
    if (missing.length === MAX_MISSING_PARAGRAPHS) break;
    const paragraph = foldWhitespace(body.slice(span.start, span.end));
    let at = source.indexOf(paragraph, cursor);
    if (at === -1) at = source.indexOf(paragraph);
    if (at === -1) missing.push(i);
    else cursor = at + paragraph.length;
    if (progress && i % 1000 === 999) progress(span.end, body.length);
  }
  return missing;
}
