import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { firstViewFiles, reportScale, type ScaleRow } from '../../src/build/bench/scale-bench.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function createSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scale-report-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the scale bench's first view by file", () => {
  it('gives each fetched data file its bytes on the wire and the whole file, raw and gzipped', () => {
    const site = createSite({ 'data/routes.page.json': 'x'.repeat(10_000), 'data/meta.json': '{}' });
    const files = firstViewFiles(site, [
      { path: 'data/routes.page.json', bytes: 600 },
      { path: 'data/meta.json', bytes: 150 },
    ]);
    expect(files[0]).toMatchObject({ path: 'data/routes.page.json', wireBytes: 600, rawBytes: 10_000 });
    expect(files[0]!.gzipBytes).toBeGreaterThan(0);
    expect(files[0]!.gzipBytes).toBeLessThan(200);
    expect(files[1]).toMatchObject({ path: 'data/meta.json', wireBytes: 150, rawBytes: 2 });
  });

  it('prints a table of the files under the rows, for each size the page was measured at', () => {
    const row: ScaleRow = {
      documents: 10_000,
      derive: { wallMs: 30_000, maxRssBytes: 2 ** 30 },
      firstViewFiles: [
        { path: 'data/routes.page.json', wireBytes: 19 * 2 ** 20, rawBytes: 70 * 2 ** 20, gzipBytes: 19 * 2 ** 20 },
        { path: 'data/journeys.json', wireBytes: 500 * 1024, rawBytes: 5 * 2 ** 20, gzipBytes: 500 * 1024 },
      ],
    };
    const { text } = reportScale([row, { documents: 1000, derive: { wallMs: 1, maxRssBytes: 1, failed: 'stopped' } }], { mapLibreFirstIdleMs: 1000, appBytes: 1 });
    expect(text).toContain("The first view's data at 10,000 documents, by file");
    expect(text).not.toContain("The first view's data at 1,000 documents");
    expect(text).toMatch(/\| data\/routes\.page\.json\s*\|\s*19456\.0 KB \|\s*71680\.0 KB \|\s*19456\.0 KB \|/);
    expect(text).toMatch(/\| data\/journeys\.json\s*\|\s*500\.0 KB \|\s*5120\.0 KB \|/);
  });
});
