import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, readdirSync, writeFileSync, appendFileSync, mkdirSync, existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { build } from 'vite';
import { noHiddenPublicFiles } from '../../src/build/public-files.ts';

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
      'annotations.jsonld', 'basemap.geojson', 'documents', 'documents.index.json', 'documents.json', 'features', 'journeys', 'journeys.json', 'labels.geojson', 'legs.csv', 'legs.geojson', 'meta.json', 'passages.csv', 'places.csv', 'places.geojson', 'places.lpf.json', 'places.page.geojson', 'routes.page.json', 'search',
    ]);
    // Each document in its own file (the page fetches one when it is opened), and the search index's one shard.
    expect(readdirSync(join(dir, 'out', 'documents')).sort()).toEqual(readdirSync(join(dir, 'geodata', 'documents')).map((f) => f.replace(/\.md$/, '.json')).sort());
    expect(readdirSync(join(dir, 'out', 'search'))).toEqual(['0.json']);
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

describe('what a killed derive leaves behind', () => {
  const scratch = [resolve('.tmp/staging'), tmpdir()];
  const listScratch = () => scratch.flatMap((d) => (existsSync(d) ? readdirSync(d).map((n) => join(d, n)) : []));

  it('is cleared by the next run: its staging folder, not beside the output, is removed', () => {
    const dir = createCorpusCopy();
    expect(runDerive(dir).code).toBe(0);
    const before = new Set(listScratch());
    // A real writer, killed (SIGKILL, as the OOM killer or a closed terminal would) after it made its staging folder.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/build/write-atomic.ts').then(({ writeFolderAtomically }) => writeFolderAtomically(${JSON.stringify(join(dir, 'out'))}, { 'a.json': '{}', get ['b.json']() { process.kill(process.pid, 'SIGKILL'); return ''; } }))`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    // Other tests write to the scratch folders too: only the killed process's own folder counts.
    const left = listScratch().filter((p) => !before.has(p) && p.endsWith(`.staging-${child.pid}`));
    expect(left, 'the killed run left its staging folder').toHaveLength(1);
    expect(left[0]).toMatch(/\.out-[0-9a-f]{12}\.staging-\d+$/);
    expect(readdirSync(dir).sort(), 'nothing beside the output').toEqual(['geodata', 'out']);

    expect(runDerive(dir).code).toBe(0);
    expect(existsSync(left[0]!)).toBe(false);
  });

  it('is cleared by the next run where earlier versions left it, beside the output; a set-aside output is put back', () => {
    const dir = createCorpusCopy();
    expect(runDerive(dir).code).toBe(0);
    const good = readFileSync(join(dir, 'out', 'places.geojson'));
    mkdirSync(join(dir, '.out.staging-123'));
    writeFileSync(join(dir, '.out.staging-123', 'places.geojson'), '{"half":');
    // Killed between setting the last good output aside and putting the new one in its place:
    renameSync(join(dir, 'out'), join(dir, '.out.retired-456'));
    writeFileSync(join(dir, 'geodata', 'routes.yaml'), '- id: x\n  name: "unclosed\n'); // and the next run fails
    const result = runDerive(dir);
    expect(result.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['geodata', 'out']);
    expect(readFileSync(join(dir, 'out', 'places.geojson'))).toEqual(good);
  });

  it('is never published: the site build leaves out hidden files and folders of static/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    const publicDir = join(dir, 'static');
    cpSync('static', publicDir, { recursive: true });
    mkdirSync(join(publicDir, 'data'), { recursive: true });
    mkdirSync(join(publicDir, '.data.staging-123'));
    writeFileSync(join(publicDir, '.data.staging-123', 'places.geojson'), '{"half":');
    writeFileSync(join(publicDir, 'data', '.DS_Store'), 'x');
    // The site's Vite configuration has the plugin that does it; the build below is Vite with that plugin alone, on a
    // one-line page (building the whole app again, as `npm test` has just done, cost the run 3 s more of CPU).
    const site = (await import('../../vite.config.ts')).default as { plugins: Array<{ name: string } | Array<{ name: string }>> };
    expect(site.plugins.flat().map((p) => p.name)).toContain(noHiddenPublicFiles().name);
    const root = join(dir, 'src');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>\n');
    const warnings: string[] = [];
    const logger = { info() {}, warn: (m: string) => warnings.push(m), warnOnce: (m: string) => warnings.push(m), error() {}, clearScreen() {}, hasErrorLogged: () => false, hasWarned: false };
    await build({ configFile: false, root, publicDir, plugins: [noHiddenPublicFiles()], build: { outDir: join(dir, 'dist'), emptyOutDir: true }, customLogger: logger, logLevel: 'warn' });
    const hidden = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.name.startsWith('.') ? [e.name] : e.isDirectory() ? hidden(join(d, e.name)) : []));
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'favicon.svg'))).toBe(true);
    expect(hidden(join(dir, 'dist'))).toEqual([]);
    expect(warnings.join('\n')).toContain('left out of the build, as hidden files are never published');
    expect(warnings.join('\n')).toContain('.data.staging-123');
  });
});

describe('hostile YAML', () => {
  it('an alias bomb in places.yaml stops derive with a file/line message, not a raw ReferenceError', () => {
    const dir = createCorpusCopy();
    const lines = ['- id: lol', '  name: Lol', '  kind: city', '  precision: point', '  point: [0, 0]', '  source: x', '  aliases: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [name, of] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) lines.push(`  note${name}: &${name} [${Array(9).fill(`*${of}`).join(', ')}]`);
    // The file ends in a line break, so this is the number of the first line appended.
    const firstLine = readFileSync(join(dir, 'geodata', 'places.yaml'), 'utf8').split('\n').length;
    appendFileSync(join(dir, 'geodata', 'places.yaml'), `${lines.join('\n')}\n`);
    const result = runDerive(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/ReferenceError|\bat .*\.js:\d+/);
    // The line of the first alias: *a, in the line after the one that sets &a.
    expect(result.stderr).toContain(`places.yaml line ${firstLine + 7}: not valid YAML: its aliases (*a and others) repeat so much data that reading the file is refused; write the values out instead`);
    expect(result.stderr).toContain('The corpus has 1 problem:');
  });
});
