import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isSeq, type Node as YamlNode } from 'yaml';
import { parseYamlSubset } from '../../src/lib/corpus/yaml-subset.ts';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';

/** What the yaml library makes of `text` (as yaml-file.ts used it before the fast reader), or undefined on an error. */
function reference(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return undefined;
  const lineOf = (at: ReadonlyArray<string | number>) => {
    for (let n = at.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const paths: Array<Array<string | number>> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, String((pair.key as YamlNode & { value: unknown }).value)]);
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return { data: doc.toJS() as unknown, lineOf, paths };
}

/** The fast reader either declines `text` or gives the library's data and, for every path, its line. */
function agrees(text: string): 'declined' | 'same' | string {
  const fast = parseYamlSubset(text);
  if (!fast) return 'declined';
  const ref = reference(text);
  if (!ref) return `accepted invalid YAML: ${JSON.stringify(text)}`;
  if (JSON.stringify(fast.data) !== JSON.stringify(ref.data)) return `data differs for ${JSON.stringify(text)}: ${JSON.stringify(fast.data)} vs ${JSON.stringify(ref.data)}`;
  for (const path of ref.paths) {
    for (const extra of [[], ['missing'], [0], ['0'], [7, 'x']]) {
      const at = [...path, ...extra];
      if (fast.lineOf(at) !== ref.lineOf(at)) return `line of ${JSON.stringify(at)} differs for ${JSON.stringify(text)}: ${fast.lineOf(at)} vs ${ref.lineOf(at)}`;
    }
  }
  return 'same';
}

function corpusYaml(dir: string): Array<[string, string]> {
  const files: Array<[string, string]> = [
    ['places.yaml', readFileSync(join(dir, 'places.yaml'), 'utf8')],
    ['routes.yaml', readFileSync(join(dir, 'routes.yaml'), 'utf8')],
  ];
  for (const name of readdirSync(join(dir, 'claims'))) files.push([`claims/${name}`, readFileSync(join(dir, 'claims', name), 'utf8')]);
  for (const name of readdirSync(join(dir, 'documents'))) {
    const lines = readFileSync(join(dir, 'documents', name), 'utf8').split('\n');
    files.push([`documents/${name}`, lines.slice(1, lines.indexOf('---', 1)).join('\n')]);
  }
  return files;
}

describe('the fast YAML reader', () => {
  it('reads every YAML file of the real corpus, with the yaml library’s data and line numbers', () => {
    for (const [path, text] of corpusYaml('geodata')) expect(agrees(text), path).toBe('same');
  });

  it('reads every YAML file of a generated corpus the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-yaml-'));
    generateCorpus(dir, 15);
    for (const [path, text] of corpusYaml(dir)) expect(agrees(text), path).toBe('same');
  });

  it('agrees with the library or declines on tricky input, and declines every kind of YAML error', () => {
    const same = ['a: 1', 'a:\n- 1\n- 2\nb: 3', '- a: 1\n  b:\n    - x\n  c: 2\n- a: 3', 'a: { b: 1, c: [x, "y"] }', "a: 'it''s'", 'a: "\\u00e9\\/"', 'a: 007', 'a: -0', 'a: 1.50', 'a: True', 'a: yes', 'a: 1:50m', 'a: C#', 'a: says "x"; y.', 'a:\n  # note\n  - 1'];
    for (const text of same) expect(agrees(text), text).toBe('same');
    const invalid = ['a: 1\na: 2', 'a: { b: 1, b: 2 }', 'a: "open', 'a: [1, 2', 'a: b: c', 'a:\n    b: 1\n  c: 2', '- a: 1\n   b: 2', 'a: "x" y', 'a: [1, , 2]', 'a: 1\n- b'];
    for (const text of invalid) {
      expect(reference(text), `the library accepts ${text}`).toBeUndefined();
      expect(parseYamlSubset(text), text).toBeUndefined();
    }
    const outside = ['a: null', 'a: ~', 'a: &x 1', 'a: *x', 'a: !!str 1', 'a: |\n  x', 'a: x # note', 'a: 0x1F', 'a: 1e3', 'a: .5', 'a:', '---\na: 1', 'a:\tx', 'a: x\r\nb: y', 'a: x\u00a0', '"a": 1', 'true: 1', 'a: x\n  y'];
    for (const text of outside) expect(parseYamlSubset(text), text).toBeUndefined();
  });

  it('never disagrees with the library on thousands of random documents built from corpus-like lines', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const values = ['x', 'two words', '1', '-2', '3.5', '1.', '1e5', 'true', 'False', 'null', '~', '"q"', "'s'", '"a\\"b"', '[1, b]', '{ k: v }', '{ k: [1, 2], j: "z" }', 'a: b', 'x # c', '"x" # c', 'C#', 'x:y', '-x', '0x1', 'yes', '"\\u0041"', '""', "''", '[]', '{}', '[a, ]', 'É', '|', '&a x', '*a'];
    const keys = ['a', 'b', 'id', 'true', 'x-y', 'k_1', '"q"', 'a b'];
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      const lines: string[] = [];
      for (let i = 0, count = 1 + Math.floor(random() * 7); i < count; i++) {
        const indent = ' '.repeat(pick([0, 0, 0, 2, 2, 4, 1, 3]));
        const r = random();
        if (r < 0.45) lines.push(`${indent}${pick(keys)}: ${pick(values)}`);
        else if (r < 0.6) lines.push(`${indent}${pick(keys)}:`);
        else if (r < 0.8) lines.push(`${indent}- ${pick(values)}`);
        else if (r < 0.92) lines.push(`${indent}- ${pick(keys)}: ${pick(values)}`);
        else lines.push(r < 0.96 ? `${indent}# note` : '');
      }
      const verdict = agrees(lines.join('\n'));
      if (verdict === 'same') accepted++;
      else expect(verdict).toBe('declined');
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
