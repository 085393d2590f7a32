import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { buildCorpus, summarizeDocument } from '../../src/build/derive.ts';
import { writeFolderAtomically } from '../../src/build/write-atomic.ts';
import { jsonArrayOf, jsonChunks } from '../../src/lib/export/json-chunks.ts';
import { csvChunks, toCsvTables } from '../../src/lib/export/tables.ts';
import { toWebAnnotations } from '../../src/lib/export/annotations.ts';
import { toLinkedPlaces } from '../../src/lib/export/lpf.ts';
import { PUBLISHED_FILES as FILE, type Atlas } from '../../src/lib/atlas/contract.ts';
import { createHostileCorpus } from '../helpers/hostile-corpus.ts';

// Derive writes its big files in pieces (issue 27: at 100,000 documents they come to gigabytes); what a researcher
// downloads must still be, byte for byte, what one JSON.stringify or one CSV call of the whole would give.

const createValues = (): Array<[string, unknown]> => [
  ['a number', 3.25],
  ['a string with quotes, a newline and astral characters', 'He said "go"\n𝔸 — é'],
  ['null', null],
  ['an empty array', []],
  ['an empty object', {}],
  ['a FeatureCollection', { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', properties: { n: 1, s: ['x'] }, geometry: null }] }],
  ['holes JSON writes as null in arrays and leaves out of objects', [undefined, () => 1, Symbol('s'), { a: undefined, b: () => 1, c: 2 }]],
  ['nested arrays deeper than the depth opened', [[[1, [2, { x: [3] }]]], [], [[]]]],
  ['a value with toJSON (a date)', { when: new Date(Date.UTC(1962, 9, 28)), list: [new Date(0)] }],
  ['keys that need escaping', { 'a"b': 1, 'line\nbreak': [true, false] }],
];

describe('jsonChunks: JSON in pieces', () => {
  it.each(createValues())('%s: the pieces joined are JSON.stringify’s bytes at every depth', (_, value) => {
    for (const depth of [0, 1, 2, 3, 10]) expect([...jsonChunks(value, depth)].join(''), `depth ${depth}`).toBe(JSON.stringify(value));
  });

  it('writes a lazy array as the array it iterates, at any depth, and makes its items only as they are written', () => {
    let made = 0;
    const items = function* () {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i, text: `item ${i}` };
      }
    };
    const pieces = jsonChunks({ head: { total: 3, items: jsonArrayOf(items) } }, 2);
    const firstPieces: string[] = [];
    for (const piece of pieces) {
      firstPieces.push(piece);
      if (piece.includes('item 0')) break;
    }
    expect(made, 'only the first item was made before it was written').toBe(1);
    expect([...jsonChunks({ head: { total: 3, items: jsonArrayOf(items) } }, 2)].join('')).toBe(JSON.stringify({ head: { total: 3, items: [...items()] } }));
  });

  it('refuses a lazy array below the depth opened rather than writing it as {}', () => {
    expect(() => [...jsonChunks({ head: { items: jsonArrayOf(() => [1]) } }, 1)]).toThrow(/lazy array .* larger depth/);
  });

  it('keeps every element of an opened array a piece of its own: no piece holds two documents', () => {
    const documents = Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, body: 'x'.repeat(100) }));
    const pieces = [...jsonChunks(documents, 1)];
    expect(pieces.filter((p) => p.includes('"body"'))).toHaveLength(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBe(JSON.stringify(documents[0]).length);
  });
});

describe('csvChunks: a table in batches', () => {
  const createRows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, quote: `“says ${i}”, with a comma`, n: i, flag: i % 2 === 0 }));
  const whole = (rows: object[]) =>
    stringify(rows, { header: true, bom: true, record_delimiter: 'windows', cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } });

  it.each([0, 1, 2, 5, 7])('%i rows in batches of 2 give the bytes of one call: one header, one byte order mark', (n) => {
    const pieces = [...csvChunks(createRows(n), 2)];
    expect(pieces.join('')).toBe(whole(createRows(n)));
    expect(pieces.join('').split('\ufeff')).toHaveLength(n ? 2 : whole([]).split('\ufeff').length);
  });
});

describe('writeFolderAtomically with files made as they are written', () => {
  const createOut = () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-stream-')), 'data');
    writeFolderAtomically(out, { 'places.geojson': '{"good":true}', 'documents/a.json': '{"id":"a"}' });
    return out;
  };

  it('writes text in pieces, bytes, and files in subfolders', () => {
    const out = createOut();
    const pieces = function* () {
      yield '[';
      yield new TextEncoder().encode('"é𝔸"');
      yield ',1]';
    };
    writeFolderAtomically(out, [
      ['big.json', pieces()],
      ['atlas.bin', new Uint8Array([0, 255, 1])],
      ['documents/b.json', '{"id":"b"}'],
    ]);
    expect(readFileSync(join(out, 'big.json'), 'utf8')).toBe('["é𝔸",1]');
    expect([...readFileSync(join(out, 'atlas.bin'))]).toEqual([0, 255, 1]);
    expect(readdirSync(join(out, 'documents'))).toEqual(['b.json']);
    expect(existsSync(join(out, 'places.geojson')), 'the old set is replaced whole').toBe(false);
  });

  it('leaves the last good output in place when a file fails half-way through its pieces', () => {
    const out = createOut();
    const failing = function* () {
      yield '{"features":[';
      yield '{"id":1},';
      throw new Error('the disk is full');
    };
    expect(() =>
      writeFolderAtomically(out, [
        ['new.json', '{}'],
        ['places.geojson', failing()],
      ]),
    ).toThrow('the disk is full');
    expect(readFileSync(join(out, 'places.geojson'), 'utf8')).toBe('{"good":true}');
    expect(readFileSync(join(out, 'documents/a.json'), 'utf8')).toBe('{"id":"a"}');
    expect(existsSync(join(out, 'new.json'))).toBe(false);
  });

  it('leaves the last good output in place when making a later file fails', () => {
    const out = createOut();
    const files = function* (): Generator<readonly [string, string]> {
      yield ['a.json', '{}'];
      throw new Error('derive failed between two files');
    };
    expect(() => writeFolderAtomically(out, files())).toThrow('derive failed between two files');
    expect(readdirSync(out).sort()).toEqual(['documents', 'places.geojson']);
  });
});

describe('what derive writes in pieces is what the whole exports give', () => {
  const corpora: Array<{ name: string; out: string; atlas: Atlas }> = [];
  beforeAll(() => {
    const hostile = createHostileCorpus();
    for (const [name, corpus] of [
      ['the bundled corpus', 'geodata'],
      ['a corpus with characters outside the BMP and hostile markup', join(hostile, 'geodata')],
    ] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'atlas-pieces-')), 'data');
      mkdirSync(out);
      writeFileSync(join(out, 'stale.json'), 'left by an earlier run');
      corpora.push({ name, out, atlas: buildCorpus(corpus, out) });
    }
  }, 60_000); // two whole builds on a shared machine

  it('writes every file whole: the same bytes as stringifying each collection at once', () => {
    for (const { name, out, atlas } of corpora) {
      const read = (file: string) => readFileSync(join(out, file), 'utf8');
      const tables = toCsvTables(atlas);
      const expected: Record<string, string> = {
        [FILE.documents]: JSON.stringify(atlas.documents),
        [FILE.documentIndex]: JSON.stringify(atlas.documents.map(summarizeDocument)),
        [FILE.places]: JSON.stringify(atlas.places),
        [FILE.labels]: JSON.stringify(atlas.labels),
        [FILE.legs]: JSON.stringify(atlas.legs),
        [FILE.journeys]: JSON.stringify(atlas.journeys),
        [FILE.annotations]: JSON.stringify(toWebAnnotations(atlas)),
        [FILE.linkedPlaces]: JSON.stringify(toLinkedPlaces(atlas)),
        [FILE.placesTable]: tables.places,
        [FILE.legsTable]: tables.legs,
        [FILE.passagesTable]: tables.passages,
      };
      for (const [file, text] of Object.entries(expected)) expect(read(file), `${name}: ${file}`).toBe(text);
      expect(existsSync(join(out, 'stale.json')), `${name}: the earlier run's file is gone`).toBe(false);
    }
  });
});
