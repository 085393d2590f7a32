import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const createCorpusCopy = () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
  cpSync('geodata', join(dir, 'geodata'), { recursive: true });
  return dir;
};
const runDerive = (dir: string) => {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/build/derive.ts', '--corpus', join(dir, 'geodata'), '--out', join(dir, 'out')], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('the derive command', () => {
  it('writes the documented files, and a failed build leaves the last good output in place', () => {
    const dir = createCorpusCopy();
    const good = runDerive(dir);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/derive: 5 documents, \d+ claims → \d+ places, \d+ route legs/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'annotations.jsonld', 'basemap.geojson', 'documents.json', 'journeys.json', 'labels.geojson', 'legs.csv', 'legs.geojson', 'meta.json', 'passages.csv', 'places.csv', 'places.geojson', 'places.lpf.json',
    ]);
    const before = readFileSync(join(dir, 'out', 'places.geojson'));

    appendFileSync(join(dir, 'geodata', 'claims', 'cia-1963-04-11.yaml'), '  - place: paris\n    role: transit-hub\n    quote: { exact: "Paris is lovely in the spring." }\n');
    const bad = runDerive(dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not built; the last good output is left in place');
    expect(bad.stderr).toMatch(/claims\/cia-1963-04-11\.yaml line \d+: quote "Paris is lovely in the spring\." not found in the document body/);
    expect(readFileSync(join(dir, 'out', 'places.geojson'))).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('names the file and line of a YAML syntax error', () => {
    const dir = createCorpusCopy();
    writeFileSync(join(dir, 'geodata', 'routes.yaml'), '- id: x\n  name: "unclosed\n');
    const result = runDerive(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/routes\.yaml line \d+: not valid YAML/);
  });
});
