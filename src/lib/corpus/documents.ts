import { CorpusError } from './errors.ts';
import { parseYamlFile } from './yaml-file.ts';
import type { CorpusDocument, DocumentMeta } from './types.ts';
import { schemaProblems, validators } from './schema.ts';
import { textOffsets } from './offsets.ts';

/** Whitespace of any kind (the sources use no-break spaces for indentation) folded to one space. */
export function foldWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/**
 * Reads a document file: YAML metadata between `---` lines, then the body, whose paragraphs are
 * separated by blank lines. Returns the body exactly as written, paragraphs joined by one blank line.
 */
export function parseDocumentFile(path: string, text: string): CorpusDocument & { paragraphLines: number[] } {
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

/** Body paragraphs that do not occur, word for word, in the raw source (whitespace folded). */
export function paragraphsMissingFromSource(doc: CorpusDocument, rawSource: string): number[] {
  const source = foldWhitespace(rawSource);
  const body = textOffsets(doc.body);
  return doc.paragraphs.flatMap((span, i) => (source.includes(foldWhitespace(body.slice(span.start, span.end))) ? [] : [i]));
}
