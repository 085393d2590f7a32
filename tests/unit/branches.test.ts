import { describe, expect, it } from 'vitest';
import type { Atlas, ContextPassage, LegProps } from '../../src/lib/atlas/contract.ts';
import { branchEnds, branchSize } from '../../src/lib/corpus/queries.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

/** A leg from `from` to `to`, quoting `exact`; the context passages, where given, are its evidence's. */
function createLeg(from: string, to: string, extra: { route?: string; branch?: string; unstated?: Array<'from' | 'to'>; context?: ContextPassage[] } = {}): LegProps {
  const { route = 'route-1', context, ...rest } = extra;
  return {
    id: `${route}-${from}-${to}`,
    name: `${from} → ${to}`,
    route,
    routeName: route,
    order: 1,
    from,
    to,
    direction: 'directed',
    roles: ['route'],
    precision: 'point',
    documents: ['memo'],
    evidence: [{ document: 'memo', role: 'route', exact: `${from} to ${to}`, start: 0, end: 10, ...(context ? { context } : {}) }],
    bbox: [0, 0, 1, 1],
    ...rest,
  };
}
const createLegs = (legs: LegProps[]): Pick<Atlas, 'legs'> => ({
  legs: { type: 'FeatureCollection', features: legs.map((properties) => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } })) },
});
const passage = (exact: string, supports: ContextPassage['supports']): ContextPassage => ({ exact, start: 20, end: 20 + exact.length, supports });

describe('branchEnds: what a group of legs says of its ends', () => {
  it.each([
    { case: 'every end named', legs: [createLeg('paris', 'colombia'), createLeg('paris', 'brazil')], expected: null },
    {
      case: 'a shared unstated end, read once from its context',
      legs: [
        createLeg('colombia', 'peru', { unstated: ['to'], context: [passage('re-entry into Peru', ['to'])] }),
        createLeg('brazil', 'peru', { unstated: ['to'], context: [passage('re-entry into Peru', ['to'])] }),
      ],
      expected: { named: ['colombia', 'brazil'], unstated: ['peru'], context: ['re-entry into Peru'] },
    },
    {
      case: 'a start left out; the words that only date the leg are not its context',
      legs: [createLeg('peru', 'mexico', { unstated: ['from'], context: [passage('left Peru openly', ['from']), passage('in 1962', ['period'])] })],
      expected: { named: ['mexico'], unstated: ['peru'], context: ['left Peru openly'] },
    },
    {
      case: 'words that give an end and the period count',
      legs: [createLeg('peru', 'cuba', { unstated: ['from', 'to'], context: [passage('from Peru to Cuba in 1962', ['from', 'to', 'period'])] })],
      expected: { named: [], unstated: ['peru', 'cuba'], context: ['from Peru to Cuba in 1962'] },
    },
    { case: 'no legs', legs: [], expected: null },
  ])('$case', ({ legs, expected }) => {
    expect(branchEnds(legs)).toEqual(expected);
  });

  it('finds the unstated Peru of the real re-entry step, and no unstated end in the memo’s named countries', () => {
    const atlas = realAtlas();
    const stepLegs = (journey: string, step: number) =>
      atlas.journeys.find((j) => j.id === journey)!.steps[step]!.legs.map((id) => atlas.legs.features.find((f) => f.properties.id === id)!.properties);
    expect(branchEnds(stepLegs('return-via-paris', 2))).toEqual({ named: ['colombia', 'brazil'], unstated: ['peru'], context: ['for eventual re-entry into Peru'] });
    expect(branchEnds(stepLegs('return-via-paris', 1))).toBe(null);
  });
});

describe('branchSize: how many legs a route names together', () => {
  const legs = createLegs([
    createLeg('paris', 'colombia', { branch: 'to several countries' }),
    createLeg('paris', 'brazil', { branch: 'to several countries' }),
    createLeg('cuba', 'paris'),
    createLeg('paris', 'chile', { route: 'route-2', branch: 'to several countries' }),
  ]);
  it.each([
    { route: 'route-1', branch: 'to several countries', expected: 2 },
    { route: 'route-2', branch: 'to several countries', expected: 1 },
    { route: 'route-1', branch: 'to nowhere', expected: 0 },
  ])('$route, "$branch": $expected', ({ route, branch, expected }) => {
    expect(branchSize(legs, route, branch)).toBe(expected);
  });

  it('counts the ten round trips of the KGB report as one branch', () => {
    const atlas = realAtlas();
    const step = atlas.journeys.find((j) => j.id === 'to-cuba-and-back')!.steps[0]!;
    const route = atlas.legs.features.find((f) => f.properties.id === step.legs[0])!.properties.route;
    expect(branchSize(atlas, route, step.branch!)).toBe(10);
  });
});
