import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMentions } from '../../src/lib/corpus/mentions.ts';
import { coverageReport } from '../../src/lib/corpus/coverage.ts';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import type { PlaceRecord } from '../../src/lib/corpus/types.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';

const createPlace = (id: string, name: string, aliases: string[] = []): PlaceRecord => ({ id, name, aliases, kind: 'city', precision: 'point', point: [0, 0], source: 'test' });

describe('finding where a document names gazetteer places', () => {
  it('matches whole names and aliases, not the start of longer words', () => {
    const body = 'Cuban-trained men left Cuba for Habana and the Dutch and British West Indies.';
    const places = [createPlace('cuba', 'Cuba'), createPlace('havana', 'Havana', ['Habana']), createPlace('wi', 'Dutch and British West Indies', ['West Indies'])];
    expect(findMentions(body, places).map((m) => [m.place, m.text, body.slice(m.start, m.end)])).toEqual([
      ['cuba', 'Cuba', 'Cuba'],
      ['havana', 'Habana', 'Habana'],
      ['wi', 'Dutch and British West Indies', 'Dutch and British West Indies'],
    ]);
  });
});

describe('the coverage report', () => {
  it('lists mentions no claim uses, places nothing uses, and documents without features', () => {
    const files = createCorpusFiles({
      places: createCorpusFiles().places.text + '- id: prague\n  name: Prague\n  kind: city\n  precision: point\n  point: [14.4, 50.1]\n  source: test\n',
      claims: 'document: test-doc\nclaims:\n  - place: lima\n    role: origin\n    quote: { exact: "from Lima" }\n',
      routes: '[]\n',
    });
    const report = coverageReport(loadCorpus(files));
    expect(report.unclaimedMentions).toEqual([
      { document: 'test-doc', place: 'paris', name: 'Paris', mentions: 2, passage: 'The courier went from Lima to Paris. In Paris he met the contact. He met the contact again.' },
    ]);
    expect(report.unusedPlaces).toEqual(['paris', 'sierra', 'prague']);
    expect(report.documentsWithoutFeatures).toEqual([]);
  });

  it('exits 0 on coverage gaps and 1 on errors, as `npm run corpus:check`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-check-'));
    cpSync('geodata', join(dir, 'geodata'), { recursive: true });
    const run = () => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'src/build/corpus-check.ts', '--corpus', join(dir, 'geodata')], { encoding: 'utf8', stdio: 'pipe' }) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    appendFileSync(join(dir, 'geodata', 'places.yaml'), '- id: rome\n  name: Rome\n  kind: city\n  precision: point\n  point: [12.5, 41.9]\n  source: test\n');
    const gaps = run();
    expect(gaps.code).toBe(0);
    expect(gaps.out).toContain('places no claim or route uses: rome');
    appendFileSync(join(dir, 'geodata', 'claims', 'kgb-1962-04-14.yaml'), '  - place: rome\n    role: context\n    quote: { exact: "in Rome" }\n');
    const errors = run();
    expect(errors.code).toBe(1);
    expect(errors.out).toMatch(/claims\/kgb-1962-04-14\.yaml line \d+: quote "in Rome" not found in the document body/);
  });
});
