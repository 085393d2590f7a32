import { networkOf } from '../corpus/queries.ts';
import type { AtlasData, FeatureRef, LegEmphasis } from '../atlas/contract.ts';
import { journeyEmphasis, networkEmphasis } from '../state/emphasis.ts';

/** The legs' emphasis and the highlighted places as the page draws them (App's map effects): a journey first, else the selected place's legs. */
export function emphasisFor(data: AtlasData, selected: FeatureRef | null, journey: { id: string; step: number } | null): { legs: Map<string, LegEmphasis>; places: string[] } {
  const active = journey ? data.journeys.find((j) => j.id === journey.id) : undefined;
  const allLegs = data.legs.features.map((f) => f.properties.id);
  const places = active?.steps[journey!.step]?.places ?? [];
  if (active) return { legs: journeyEmphasis(active, journey!.step, allLegs), places };
  if (selected?.kind === 'place') return { legs: networkEmphasis(networkOf(data, selected.id).legs.map((l) => l.id)), places };
  return { legs: new Map(), places };
}

/** A file name from the figure's subject: "archive-atlas-havana.svg", "archive-atlas-havana-4x.png". */
export function figureFileName(selected: FeatureRef | null, journey: { id: string; step: number } | null, suffix: string): string {
  const subject = journey ? `${journey.id}-step-${journey.step + 1}` : (selected?.id ?? 'map');
  return `archive-atlas-${subject.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}${suffix}`;
}
