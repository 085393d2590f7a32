import { describe, expect, it } from 'vitest';
import { connectionsOf, searchAtlas, visibleFeatures, NO_FILTERS, type Filters } from '../../src/lib/corpus/queries.ts';
import { SelectionState } from '../../src/lib/state/selection.svelte.ts';
import type { FeatureRef } from '../../src/lib/atlas/contract.ts';
import { createTinyAtlas } from '../helpers/tiny-atlas.ts';

describe('connectionsOf (tiny atlas)', () => {
  it.each([
    { place: 'paris', legs: ['r-1', 'r-2'], others: ['havana', 'prague'], documents: ['memo-1961', 'memo-1963'] },
    { place: 'havana', legs: ['r-1'], others: ['paris'], documents: ['memo-1961'] },
    { place: 'prague', legs: ['r-2'], others: ['paris'], documents: ['memo-1963'] },
    { place: 'nowhere', legs: [], others: [], documents: [] },
  ])('$place: legs $legs, other ends $others, named in $documents', ({ place, legs, others, documents }) => {
    const found = connectionsOf(createTinyAtlas(), place);
    expect({ legs: found.legs.map((l) => l.id), others: found.others, documents: found.documents }).toEqual({ legs, others, documents });
  });
});

describe('visibleFeatures (tiny atlas)', () => {
  it.each<{ name: string; filters: Partial<Filters>; places: string[]; legs: string[] }>([
    { name: 'no filters', filters: {}, places: ['havana', 'paris', 'prague'], legs: ['r-1', 'r-2'] },
    { name: 'routes off', filters: { routes: false }, places: ['havana', 'paris', 'prague'], legs: [] },
    { name: 'until 1962-12: the 1963 memo not yet written', filters: { until: '1962-12' }, places: ['havana', 'paris'], legs: ['r-1'] },
    { name: 'until 1961-04: before the 1961 memo', filters: { until: '1961-04' }, places: [], legs: [] },
    { name: 'until 1961-05: a memo dated by its month alone counts from the month’s last day', filters: { until: '1961-05' }, places: ['havana', 'paris'], legs: ['r-1'] },
    { name: 'the 1961 memo hidden', filters: { hiddenDocuments: ['memo-1961'] }, places: ['paris', 'prague'], legs: ['r-2'] },
    { name: 'funding hidden (a role never hides a leg)', filters: { hiddenRoles: ['funding'] }, places: ['havana', 'paris'], legs: ['r-1', 'r-2'] },
    { name: 'transit hubs and origins hidden', filters: { hiddenRoles: ['transit-hub', 'origin'] }, places: ['prague'], legs: ['r-1', 'r-2'] },
  ])('$name', ({ filters, places, legs }) => {
    expect(visibleFeatures(createTinyAtlas(), { ...NO_FILTERS, ...filters })).toEqual({ places, legs });
  });
});

describe('searchAtlas (tiny atlas)', () => {
  const summary = (query: string) =>
    searchAtlas(createTinyAtlas(), query).map((r) => (r.kind === 'place' ? `place ${r.id} (${r.matched})` : `passage ${r.document} ${r.start}-${r.end}`));
  it.each([
    { query: 'habana', found: ['place havana (La Habana)', 'passage memo-1961 20-26'] },
    { query: 'HABANA', found: ['place havana (La Habana)', 'passage memo-1961 20-26'] },
    { query: 'práha', found: ['place prague (Praha)'] },
    { query: 'paris', found: ['place paris (Paris)', 'passage memo-1961 31-36', 'passage memo-1963 5-10'] },
    { query: 'swiss banks', found: ['passage memo-1963 55-66'] },
    { query: 'p', found: [] },
    { query: '  ', found: [] },
    { query: 'lisbon', found: [] },
  ])('"$query" finds $found', ({ query, found }) => {
    expect(summary(query)).toEqual(found);
  });

  it('stops at the limit, places first', () => {
    expect(searchAtlas(createTinyAtlas(), 'paris', 2).map((r) => r.kind)).toEqual(['place', 'passage']);
  });
});

describe('SelectionState.choose', () => {
  const place = (id: string): FeatureRef => ({ kind: 'place', id });
  const leg = (id: string): FeatureRef => ({ kind: 'leg', id });
  it.each<{ name: string; picked: FeatureRef[]; chosen: FeatureRef; selected: FeatureRef; alsoHere: FeatureRef[] }>([
    { name: 'an "also here" candidate swaps places with the selection', picked: [place('paris'), leg('r-1'), place('havana')], chosen: leg('r-1'), selected: leg('r-1'), alsoHere: [place('paris'), place('havana')] },
    { name: 'the last candidate', picked: [place('paris'), leg('r-1'), place('havana')], chosen: place('havana'), selected: place('havana'), alsoHere: [place('paris'), leg('r-1')] },
    { name: 'a place and a leg with the same id are different features', picked: [place('r-1'), leg('r-1')], chosen: leg('r-1'), selected: leg('r-1'), alsoHere: [place('r-1')] },
    { name: 'with nothing selected, nothing is offered back', picked: [], chosen: place('prague'), selected: place('prague'), alsoHere: [] },
  ])('$name', ({ picked, chosen, selected, alsoHere }) => {
    const selection = new SelectionState();
    selection.pick(picked);
    selection.openReader({ documentId: 'memo-1961', ranges: [{ start: 0, end: 3 }] });
    selection.choose(chosen);
    expect({ selected: selection.selected, alsoHere: selection.alsoHere }).toEqual({ selected, alsoHere });
    expect(selection.reader).toEqual({ documentId: 'memo-1961', ranges: [{ start: 0, end: 3 }] });
  });
});
