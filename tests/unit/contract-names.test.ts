import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_FILES } from '../../src/lib/atlas/contract.ts';

/** Every source file under `dir`, as a path from the repository root. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte|js|html)$/.test(entry.name) ? [path] : [];
  });

/** String literals that are a published file's name, alone or at the end of a path ('data/places.geojson'). */
function spelledFileNames(text: string): string[] {
  const names = Object.values(PUBLISHED_FILES).map((n) => n.replace(/\./g, '\\.')).join('|');
  return [...text.matchAll(new RegExp(`(['"\`])(?:[^'"\`\\n]*/)?(${names})\\1`, 'g'))].map((m) => m[0]);
}

describe('the published file names', () => {
  it('are spelled out in src/ only by the contract: the build, the page and the bench take them from PUBLISHED_FILES', () => {
    const spelled = sourceFiles('src')
      .filter((file) => file !== join('src', 'lib', 'atlas', 'contract.ts'))
      .flatMap((file) => spelledFileNames(readFileSync(file, 'utf8')).map((literal) => `${file}: ${literal}`));
    expect(spelled, 'use PUBLISHED_FILES, DATA_DIR or DATA_FILES from src/lib/atlas/contract.ts').toEqual([]);
  });

  it('are found however they are quoted, alone or as a path', () => {
    expect(spelledFileNames(`read('places.geojson'); fetch("data/legs.csv"); join(site, \`out/meta.json\`);`)).toEqual(["'places.geojson'", '"data/legs.csv"', '`out/meta.json`']);
    // A message key or a sentence that only mentions a name is not a file name.
    expect(spelledFileNames(`'about.file.places.geojson': 'Places as GeoJSON', "documents.json [2].archive"`)).toEqual([]);
  });
});
