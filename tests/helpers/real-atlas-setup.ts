import type { TestProject } from 'vitest/node';
import 'vitest';
import type { Atlas } from '../../src/lib/atlas/contract.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { loadWorldAtlas, readCorpusFiles } from '../../src/build/corpus-files.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The bundled corpus (geodata/) derived as the build derives it, once for the whole unit run. */
    realAtlas: Atlas;
  }
}

/** Vitest global setup of the unit project: the derivation takes seconds, and several test files read its result. */
export function setup(project: TestProject) {
  const world = loadWorldAtlas();
  project.provide('realAtlas', deriveAtlas(loadCorpus(readCorpusFiles('geodata')), world.places50m, world.basemap110m));
}
