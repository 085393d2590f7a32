import { inject } from 'vitest';
import type { Atlas, AtlasData } from '../../src/lib/atlas/contract.ts';
import { summarizeDocument } from '../../src/build/derive.ts';

/**
 * The bundled corpus as the build derives it: derived once per run by real-atlas-setup.ts and handed to each test file
 * as a fresh copy, so a test that changes it changes only its own.
 */
export const realAtlas = (): Atlas => inject('realAtlas');

/** The bundled corpus as the page first receives it: all but the basemap, documents as summaries (their words come when opened). */
export const realAtlasData = (): AtlasData => {
  const { basemap: _basemap, documents, ...data } = realAtlas();
  return { ...data, documents: documents.map(summarizeDocument) };
};
