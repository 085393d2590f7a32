import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';
import { labelRank } from '../../src/lib/corpus/derive.ts';
import type { LabelProps, PlaceProps } from '../../src/lib/atlas/contract.ts';
import { ROLES } from '../../src/lib/atlas/roles.ts';
import { DATA_LAYERS } from '../../src/lib/map/style.ts';
import { LAYERS } from '../../src/lib/map/ids.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';

const read = <T>(name: string) => JSON.parse(readFileSync(`static/data/${name}`, 'utf8')) as T;
const labels = () => read<FeatureCollection<Point, LabelProps>>('labels.geojson').features.map((f) => f.properties);
const places = () => read<FeatureCollection<null, PlaceProps>>('places.geojson').features.map((f) => f.properties);

describe('labels.geojson', () => {
  it.each([
    ['peru-central-sierra', 'Central Sierra', 'The Sierra of central Peru'],
    ['northern-peru', 'N. Peru', 'Northern Peru'],
    ['cuba-rural-hills', 'Rural hills', 'Rural hill areas of Cuba'],
    ['dominican-republic', 'Dominican Rep.', 'Dominican Republic'],
    ['havana', 'Havana', 'Havana'],
  ])('prints %s as "%s" on the map and keeps its full name "%s"', (id, label, name) => {
    const props = labels().find((p) => p.id === id)!;
    expect(props).toMatchObject({ label, name });
  });

  it('gives every place a label no longer than its name, and the panel’s data (places.geojson) only the full name', () => {
    for (const p of labels()) expect(p.label.length, p.id).toBeLessThanOrEqual(p.name.length);
    const byId = new Map(labels().map((p) => [p.id, p]));
    for (const p of places()) {
      expect(p.name).toBe(byId.get(p.id)!.name);
      expect(p).not.toHaveProperty('label');
    }
  });

  it('carries only what the map prints and places: no passages, aliases or documents (the panel reads places.geojson)', () => {
    const allowed = ['id', 'name', 'name_es', 'primaryRole', 'precision', 'label', 'label_es', 'labelRank'];
    for (const p of labels()) expect(Object.keys(p).filter((k) => !allowed.includes(k)), p.id).toEqual([]);
    const text = readFileSync('static/data/labels.geojson', 'utf8');
    expect(text).not.toContain('"evidence"');
    // Smaller than the places' own file, which carries every passage.
    expect(text.length).toBeLessThan(readFileSync('static/data/places.geojson', 'utf8').length / 4);
  });

  it('ranks the labels by role: every place of an earlier role in the legend is placed before every place of a later one', () => {
    const all = labels();
    const out: string[] = [];
    for (const a of all) {
      for (const b of all) {
        if (ROLES.indexOf(a.primaryRole) < ROLES.indexOf(b.primaryRole) && !(a.labelRank < b.labelRank)) out.push(`${a.id} (${a.primaryRole}, ${a.labelRank}) not before ${b.id} (${b.primaryRole}, ${b.labelRank})`);
      }
    }
    expect(out).toEqual([]);
    const rank = (id: string) => all.find((p) => p.id === id)!.labelRank;
    expect(rank('havana')).toBeLessThan(rank('cuba')); // a city's pin before the country it is in
    expect(rank('cuba')).toBeLessThan(rank('cuba-rural-hills')); // a country before a zone drawn on it
    expect(rank('paris')).toBeLessThan(rank('berlin'));
    expect(rank('peru')).toBeLessThan(rank('northern-peru'));
  });
});

describe('the label layer', () => {
  it('prints the label, is placed in labelRank order, and hides a label rather than overlap another', () => {
    const layer = DATA_LAYERS.find((l) => l.id === LAYERS.labels)!;
    const layout = (layer as { layout: Record<string, unknown> }).layout;
    expect(layout['text-field']).toEqual(['coalesce', ['get', 'label'], ['get', 'name']]);
    expect(layout['symbol-sort-key']).toEqual(['get', 'labelRank']);
    expect(layout['text-allow-overlap']).toBe(false);
    // Placed after the pins' shields (a layer above is placed first), so no label is drawn over a pin.
    expect(DATA_LAYERS.findIndex((l) => l.id === LAYERS.pinShields)).toBeGreaterThan(DATA_LAYERS.indexOf(layer));
  });
});

describe('labelRank', () => {
  it.each([
    ['training-site', 'point', 1, 'training-site', 'area', 9],
    ['transit-hub', 'area', 1, 'origin', 'point', 50],
    ['origin', 'country', 6, 'origin', 'country', 1],
    ['front', 'point', 1, 'context', 'point', 99],
  ] as const)('puts a %s %s (%i passages) before a %s %s (%i passages)', (roleA, precA, nA, roleB, precB, nB) => {
    expect(labelRank(roleA, precA, nA)).toBeLessThan(labelRank(roleB, precB, nB));
  });
});

describe('a curator’s label', () => {
  const withLabel = (label: string) =>
    createCorpusFiles({
      places: ['- id: lima', '  name: Lima', `  label: ${label}`, '  kind: city', '  precision: point', '  point: [-77.03, -12.04]', '  source: test', '- id: paris', '  name: Paris', '  kind: city', '  precision: point', '  point: [2.35, 48.85]', '  source: test', ''].join('\n'),
    });
  const problems = (files: ReturnType<typeof createCorpusFiles>) => {
    try {
      loadCorpus(files);
      return [];
    } catch (e) {
      if (e instanceof CorpusInvalid) return e.problems.map((p) => p.message);
      throw e;
    }
  };

  it('is accepted when it shortens the name', () => {
    expect(problems(withLabel('Li.'))).toEqual([]);
  });

  it('is refused, naming the line and the fix, when it is no shorter than the name', () => {
    expect(problems(withLabel('Lima city'))).toEqual(['places.yaml line 3: place "lima": label "Lima city" is not shorter than its name "Lima"; a label only shortens the name for the map, so remove it to print the name']);
  });
});
