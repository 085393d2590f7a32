import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFolderAtomically } from '../../src/build/write-atomic.ts';

/** The pid of a process that has already exited: what a killed derive leaves in its folder names. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('writing the published data after a derive was killed', () => {
  it('removes the staging folder a killed run left, so the site build cannot publish it', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
    const out = join(root, 'data');
    mkdirSync(out);
    const stale = join(root, `.data.staging-${deadPid()}`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'places.geojson'), 'half-written');
    writeFolderAtomically(out, { 'meta.json': '{}' });
    expect(readdirSync(root)).toEqual(['data']);
    expect(readFileSync(join(out, 'meta.json'), 'utf8')).toBe('{}');
  });

  it('puts the last good output back when a run was killed between its two renames', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
    const retired = join(root, `.data.retired-${deadPid()}`);
    mkdirSync(retired);
    writeFileSync(join(retired, 'meta.json'), '"last good"');
    // A failing write must leave that output in place, under its own name.
    expect(() => writeFolderAtomically(join(root, 'data'), { 'sub/dir.json': 'x' })).toThrow();
    expect(readFileSync(join(root, 'data', 'meta.json'), 'utf8')).toBe('"last good"');
    expect(existsSync(retired)).toBe(false);
  });

  it('leaves alone the staging folder of a run that is still going', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-atomic-'));
    const live = join(root, `.data.staging-${process.ppid}`);
    mkdirSync(live);
    writeFolderAtomically(join(root, 'data'), { 'meta.json': '{}' });
    expect(existsSync(live)).toBe(true);
  });
});
