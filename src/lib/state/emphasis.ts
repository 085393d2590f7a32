import type { Journey, LegEmphasis } from '../atlas/contract.ts';

/** On a journey: legs already travelled, the current step's legs, those ahead, and every other leg dimmed. */
export function journeyEmphasis(journey: Journey, step: number, allLegs: readonly string[]): Map<string, LegEmphasis> {
  const emphasis = new Map<string, LegEmphasis>(allLegs.map((id) => [id, 'dim']));
  journey.steps.forEach((s, i) => {
    for (const id of s.legs) emphasis.set(id, i < step ? 'done' : i === step ? 'current' : 'ahead');
  });
  return emphasis;
}

/** Around a selected place: the legs that touch it stand out; nothing is dimmed. */
export function networkEmphasis(connectedLegs: readonly string[]): Map<string, LegEmphasis> {
  return new Map(connectedLegs.map((id) => [id, 'connected']));
}
