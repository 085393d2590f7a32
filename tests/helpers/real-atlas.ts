import { inject } from 'vitest';
import type { Atlas, AtlasData } from '../../src/lib/atlas/contract.ts';
import { summarizeDocument } from '../../src/build/derive.ts';
import { pagePlaces, reportedDays } from '../../src/lib/corpus/page-layer.ts';
import { expandRoutes, pageRoutes } from '../../src/lib/corpus/routes-page.ts';

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
  const atlas = realAtlas();
  const { basemap: _basemap, documents, places: _places, legs: _legs, journeys: _journeys, ...data } = atlas;
  const reportedDayOf = reportedDays(documents);
  const places = pagePlaces(atlas.places, reportedDayOf);
  const { legs, journeys } = expandRoutes(pageRoutes(atlas, reportedDayOf, { lines: true }), new Map(places.features.map((f) => [f.properties.id, f.properties])));
  return { ...data, places, legs, journeys, documents: documents.map(summarizeDocument) };
};
