import { inject } from 'vitest';
import type { Atlas, AtlasData } from '../../src/lib/atlas/contract.ts';
import { summarizeDocument } from '../../src/build/derive.ts';
import { pageLegs, pagePlaces, reportedDays } from '../../src/lib/corpus/page-layer.ts';

/**
 * The bundled corpus as the build derives it: derived once per run by real-atlas-setup.ts and handed to each test file
 * as a fresh copy, so a test that changes it changes only its own.
 */
export const realAtlas = (): Atlas => inject('realAtlas');

/**
 * The bundled corpus as the page first receives it: all but the basemap, places and legs without their passages
 * (each feature's come in its own file), documents as summaries (their words come when opened).
 */
export const realAtlasData = (): AtlasData => {
  const { basemap: _basemap, documents, places, legs, ...data } = realAtlas();
  const reportedDayOf = reportedDays(documents);
  return { ...data, places: pagePlaces(places, reportedDayOf), legs: pageLegs(legs, reportedDayOf), documents: documents.map(summarizeDocument) };
};
