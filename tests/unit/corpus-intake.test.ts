import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { MAX_MISSING_PARAGRAPHS, paragraphsMissingFromSource, parseDocumentFile } from '../../src/lib/corpus/documents.ts';
import { readCorpusFiles } from '../../src/build/corpus-files.ts';
import { throttledProgress } from '../../src/build/derive.ts';
import { escapeXml } from '../../src/lib/figure/xml.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';
import type { CorpusFiles } from '../../src/lib/corpus/load.ts';

// Issue 26: what a curator's files may not do to the build (links out of the corpus, invisible characters, length).

function problemsFor(read: () => CorpusFiles): string[] {
  try {
    loadCorpus(read());
  } catch (e) {
    if (e instanceof CorpusInvalid) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}

/** The real corpus, copied into a temporary folder, with a secret file beside it (outside the corpus). */
function createCorpusBesideSecret(): { dir: string; secret: string } {
  const parent = mkdtempSync(join(tmpdir(), 'atlas-links-'));
  const dir = join(parent, 'geodata');
  cpSync('geodata', dir, { recursive: true });
  const secret = join(parent, 'secret.txt');
  writeFileSync(secret, 'API_TOKEN=hunter2-do-not-print\n');
  return { dir, secret };
}

describe('links out of the corpus folder', () => {
  it('refuses a source that links outside the corpus, and never prints what the linked file holds', () => {
    const { dir, secret } = createCorpusBesideSecret();
    symlinkSync(secret, join(dir, 'sources/secret.txt'));
    const doc = join(dir, 'documents/cia-1963-04-11.md');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace(/^source: .*$/m, 'source: secret.txt'));
    const problems = problemsFor(() => readCorpusFiles(dir));
    expect(problems).toEqual(['sources/secret.txt: is a link to a file outside the corpus folder, which derive does not read; copy the file itself into the folder instead']);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('refuses a claims file that links outside the corpus', () => {
    const { dir, secret } = createCorpusBesideSecret();
    symlinkSync(secret, join(dir, 'claims/zz-secret.yaml'));
    expect(problemsFor(() => readCorpusFiles(dir))).toEqual(['claims/zz-secret.yaml: is a link to a file outside the corpus folder, which derive does not read; copy the file itself into the folder instead']);
  });

  it('still reads a link that stays inside the corpus folder', () => {
    const { dir } = createCorpusBesideSecret();
    symlinkSync('003_228460728192817d.txt', join(dir, 'sources/alias.txt'));
    expect(readCorpusFiles(dir).sources.get('alias.txt')).toBe(readFileSync('geodata/sources/003_228460728192817d.txt', 'utf8'));
  });
});

describe('control characters and lone surrogates in curator text', () => {
  const fixture = createCorpusFiles();
  const withPlaces = (text: string) => () => createCorpusFiles({ places: text });
  const fix = 'such characters do not show on screen and break the saved figure; delete it (an editor that shows invisible characters helps), or write the character meant';
  it.each([
    {
      name: 'a control character typed into a place name',
      read: withPlaces(fixture.places.text.replace('name: Paris', 'name: Par\u0002is')),
      expected: `places.yaml line 8: the text holds the control character U+0002; ${fix}`,
    },
    {
      name: 'a C1 control character (NEL, which YAML allows)',
      read: withPlaces(fixture.places.text.replace('name: Paris', 'name: Par\u0085is')),
      expected: `places.yaml line 8: the text holds the control character U+0085; ${fix}`,
    },
    {
      name: 'a lone surrogate written as an escape in a place name',
      read: withPlaces(fixture.places.text.replace('name: Paris', 'name: "Par\\ud800is"')),
      expected: `places.yaml line 8: "1.name" holds half of a UTF-16 surrogate pair (U+D800) without its other half; ${fix}`,
    },
    {
      name: 'a control character written as an escape in a claim quote',
      read: () => createCorpusFiles({ claims: fixture.claims[0]!.text.replace('"from Lima"', '"from\\x02Lima"') }),
      expected: `claims/test-doc.yaml line 8: "claims.1.quote.exact" holds the control character U+0002; ${fix}`,
    },
    {
      name: 'a control character in a document body',
      read: () => createCorpusFiles({ document: fixture.documents[0]!.text.replace('He met the contact again.', 'He met the\u0007 contact again.') }),
      expected: `documents/test-doc.md line 13: the text holds the control character U+0007; ${fix}`,
    },
    {
      name: 'a lone carriage return in a route name',
      read: () => createCorpusFiles({ routes: fixture.routes.text.replace('name: Out', 'name: "Out\\r"') }),
      expected: `routes.yaml line 2: "0.name" holds the control character U+000D; ${fix}`,
    },
  ])('$name is refused with the file and line', ({ read, expected }) => {
    expect(problemsFor(read)).toContain(expected);
  });

  it('accepts tabs, Windows line ends and characters outside the Basic Multilingual Plane', () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    // (The alias keeps the route's quote naming its end, as every leg must.)
    const files = createCorpusFiles({ places: crlf(fixture.places.text.replace('name: Paris', 'name: "Paris\t𝔸"\n  aliases: [Paris]')), document: crlf(fixture.documents[0]!.text) });
    expect(problemsFor(() => files)).toEqual([]);
  });
});

describe("the figure's XML escaping", () => {
  // XML 1.0's Char production: what a saved SVG may hold anywhere.
  const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
  it('leaves nothing XML 1.0 refuses, for every UTF-16 code unit and a pair', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    const escaped = escapeXml(`${all}\ud83d\ude00<&>"'`);
    expect(escaped).toMatch(XML_CHARS);
    expect(escaped.endsWith('\ud83d\ude00&lt;&amp;&gt;&quot;&apos;')).toBe(true);
    expect(escapeXml('a\u0002b\ud800c')).toBe('a\ufffdb\ufffdc');
  });
});

describe('a long document', () => {
  /** A document of `count` distinct paragraphs, and a source with the same paragraphs between web-page chrome. */
  function createLongDocument(count: number, order = (ps: string[]) => ps) {
    const paragraphs = Array.from({ length: count }, (_, i) => `Paragraph ${i + 1} of the memo, which went from Lima to Paris.`);
    const meta = createCorpusFiles().documents[0]!.text.split('---')[1]!;
    const doc = parseDocumentFile('documents/test-doc.md', `---${meta}---\n${paragraphs.join('\n\n')}\n`);
    return { doc, source: `Header\n\n${order(paragraphs).join('\n\n')}\n\nFooter\n` };
  }

  it.each([
    { name: 'in the source order', order: (ps: string[]) => ps, missing: [] },
    { name: 'with a block moved to the end of the source', order: (ps: string[]) => [...ps.slice(3), ...ps.slice(0, 3)], missing: [] },
    { name: 'with one paragraph missing from the source', order: (ps: string[]) => ps.filter((_, i) => i !== 4), missing: [4] },
    { name: 'with a paragraph the source has once and the body twice', order: (ps: string[]) => ps, missing: [] },
  ])('finds every paragraph $name', ({ order, missing }) => {
    const { doc, source } = createLongDocument(10, order);
    expect(paragraphsMissingFromSource(doc, source)).toEqual(missing);
  });

  it('stops after so many paragraphs not in the source and says the rest was not checked', () => {
    const { doc } = createLongDocument(100);
    expect(paragraphsMissingFromSource(doc, 'an unrelated page')).toHaveLength(MAX_MISSING_PARAGRAPHS);
    const files = createCorpusFiles({ document: `---${createCorpusFiles().documents[0]!.text.split('---')[1]!}---\n${Array.from({ length: 100 }, (_, i) => `Paragraph ${i}.`).join('\n\n')}\n` });
    const problems = problemsFor(() => files).filter((p) => p.startsWith('documents/test-doc.md'));
    expect(problems[0]).toBe(`documents/test-doc.md: ${MAX_MISSING_PARAGRAPHS} paragraphs are not word for word in sources/test.txt, and the rest was not checked: is it the right source?`);
    expect(problems).toHaveLength(MAX_MISSING_PARAGRAPHS + 1);
  });

  it('reports its progress while it is checked against its source', () => {
    const { doc, source } = createLongDocument(5000);
    const files = createCorpusFiles({ document: `---${createCorpusFiles().documents[0]!.text.split('---')[1]!}---\n${doc.body}\n`, source, claims: 'document: test-doc\nclaims: []\n', routes: '[]\n' });
    const lines: string[] = [];
    loadCorpus(files, { progress: (line) => lines.push(line) });
    expect(lines).toEqual([1000, 2000, 3000, 4000, 5000].map((n) => `documents/test-doc.md: ${Math.floor((100 * doc.paragraphs[n - 1]!.end) / doc.body.length)} % checked against sources/test.txt`));
    expect(lines.at(-1)).toBe('documents/test-doc.md: 100 % checked against sources/test.txt');
  });

  it('prints progress lines no more often than asked, and none in a short run', () => {
    let now = 0;
    const printed: string[] = [];
    const progress = throttledProgress((line) => printed.push(line), 2000, () => now);
    progress('a');
    now = 1999;
    progress('b');
    now = 2000;
    progress('c');
    now = 3000;
    progress('d');
    now = 4100;
    progress('e');
    expect(printed).toEqual(['c', 'e']);
  });
});
