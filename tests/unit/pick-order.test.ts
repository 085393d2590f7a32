import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMapController } from '../../src/lib/map/controller.ts';
import { LAYERS, SOURCES } from '../../src/lib/map/ids.ts';
import { lineDistance, pickAmong, type DrawnMarks } from '../../src/lib/map/pick-order.ts';
import type { FeatureRef } from '../../src/lib/atlas/contract.ts';
import { createFakeContainer, createFakeMap, type QueryBox } from '../helpers/fake-map.ts';

type XY = [number, number];
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** A map as drawn, in screen px: pins, labels' text boxes, lines, zones and countries (as boxes), and a tap. */
interface Scene {
  name: string;
  pins?: Array<{ id: string; at: XY }>;
  labels?: Array<{ id: string; box: Box }>;
  lines?: Array<{ id: string; path: XY[] }>;
  zones?: Array<{ id: string; box: Box }>;
  countries?: Array<{ id: string; box: Box }>;
  tap: XY;
  /** What opens, then the chooser's other readings, in order (`leg:` for a leg). */
  expected: string[];
}

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });
const inside = (p: XY, b: Box) => p[0] >= b.x0 && p[0] <= b.x1 && p[1] >= b.y0 && p[1] <= b.y1;

// The KGB leg from Paraguay to Cuba passes 10 px from Colombia's label; Havana's pin lies 20 px from Cuba's label.
const SCENES: Scene[] = [
  {
    name: 'a country’s label wins over a line passing near it, which the chooser offers',
    labels: [{ id: 'colombia', box: box(180, 192, 236, 208) }],
    lines: [{ id: 'paraguay-cuba', path: [[150, 220], [260, 220]] }],
    countries: [{ id: 'colombia', box: box(120, 150, 300, 300) }],
    tap: [200, 200],
    expected: ['colombia', 'leg:paraguay-cuba'],
  },
  {
    name: 'a line wins where the finger is on the line itself, before the country under it',
    lines: [{ id: 'paraguay-cuba', path: [[150, 220], [260, 220]] }],
    countries: [{ id: 'colombia', box: box(120, 150, 300, 300) }],
    tap: [200, 222],
    expected: ['leg:paraguay-cuba', 'colombia'],
  },
  {
    name: 'a country’s label wins over a pin 20 px away (Cuba, not Havana)',
    pins: [{ id: 'havana', at: [380, 100] }],
    labels: [{ id: 'cuba', box: box(388, 112, 420, 128) }, { id: 'havana', box: box(360, 80, 400, 90) }],
    countries: [{ id: 'cuba', box: box(370, 105, 460, 140) }],
    tap: [400, 120],
    expected: ['cuba', 'havana'],
  },
  {
    name: 'a pin wins over the zone and the country under it, which follow, smaller first',
    pins: [{ id: 'havana', at: [380, 100] }],
    zones: [{ id: 'cuba-rural-hills', box: box(360, 90, 420, 130) }],
    countries: [{ id: 'cuba', box: box(340, 80, 460, 140) }],
    tap: [383, 103],
    expected: ['havana', 'cuba-rural-hills', 'cuba'],
  },
  {
    name: 'a zone whose edge is a finger from a pin on the coast is offered after the pin',
    pins: [{ id: 'havana', at: [380, 100] }],
    zones: [{ id: 'cuba-rural-hills', box: box(360, 103, 420, 130) }],
    tap: [380, 99],
    expected: ['havana', 'cuba-rural-hills'],
  },
  {
    name: 'on the bare sea a pin just missed is still reached',
    pins: [{ id: 'lima', at: [100, 100] }],
    tap: [100, 120],
    expected: ['lima'],
  },
  {
    name: 'the country under the finger wins over a pin just missed, which the chooser offers',
    pins: [{ id: 'lima', at: [100, 100] }],
    countries: [{ id: 'peru', box: box(50, 50, 200, 200) }],
    tap: [100, 120],
    expected: ['peru', 'lima'],
  },
  {
    name: 'nothing within reach: nothing opens',
    pins: [{ id: 'lima', at: [100, 100] }],
    lines: [{ id: 'cuba-paris', path: [[0, 200], [300, 200]] }],
    tap: [100, 150],
    expected: [],
  },
  {
    name: 'of two pins under the finger, the nearer',
    pins: [{ id: 'a', at: [100, 100] }, { id: 'b', at: [112, 100] }],
    tap: [109, 100],
    expected: ['b', 'a'],
  },
  {
    name: 'the chooser names at most four marks: what is under the finger, then what is near',
    pins: [{ id: 'a', at: [100, 100] }, { id: 'b', at: [115, 100] }],
    lines: [{ id: 'l1', path: [[0, 110], [300, 110]] }, { id: 'l2', path: [[0, 90], [300, 90]] }],
    countries: [{ id: 'c', box: box(0, 0, 300, 300) }],
    tap: [101, 101],
    expected: ['a', 'b', 'c', 'leg:l1'],
  },
];

const show = (refs: FeatureRef[]) => refs.map((r) => (r.kind === 'leg' ? `leg:${r.id}` : r.id));

/** The scene as the SVG map hands its drawn marks over (its own pick: pickAmong), zones drawn over countries. */
function viaSvgMap(scene: Scene): string[] {
  const shape = (mark: 'zone' | 'country') => (z: { id: string; box: Box }) => ({ id: z.id, mark, covers: (p: readonly [number, number]) => inside([p[0], p[1]], z.box) });
  const marks: DrawnMarks = {
    pins: scene.pins ?? [],
    anchors: [],
    labels: scene.labels ?? [],
    lines: (scene.lines ?? []).map((l) => ({ id: l.id, lines: [l.path] })),
    shapes: [...(scene.zones ?? []).map(shape('zone')), ...(scene.countries ?? []).map(shape('country'))],
  };
  return show(pickAmong(marks, scene.tap));
}

/** The scene as MapLibre would answer the controller's queries (lng/lat are screen px here), then a click. */
function viaController(scene: Scene): string[] {
  const meets = (q: QueryBox, b: Box) => q[0][0] <= b.x1 && q[1][0] >= b.x0 && q[0][1] <= b.y1 && q[1][1] >= b.y0;
  const grow = (b: Box, r: number) => box(b.x0 - r, b.y0 - r, b.x1 + r, b.y1 + r);
  const query = (where: QueryBox | XY, layers: string[]) => {
    // A point asked as MapLibre takes it, [x, y], is a box of no size.
    const q: QueryBox = typeof where[0] === 'number' ? [where as XY, where as XY] : (where as QueryBox);
    const out: unknown[] = [];
    const feature = (layer: string, source: string, id: string, geometry: unknown) => ({ layer: { id: layer }, source, properties: { id }, geometry });
    const centre: XY = [(q[0][0] + q[1][0]) / 2, (q[0][1] + q[1][1]) / 2];
    const half = (q[1][0] - q[0][0]) / 2;
    // The hit layers as style.ts draws them: pins 22 px round, legs 24 px wide.
    if (layers.includes(LAYERS.pointsHit)) for (const p of scene.pins ?? []) if (meets(q, grow(box(p.at[0], p.at[1], p.at[0], p.at[1]), 22))) out.push(feature(LAYERS.pointsHit, SOURCES.places, p.id, { type: 'Point', coordinates: p.at }));
    if (layers.includes(LAYERS.labels)) for (const l of scene.labels ?? []) if (meets(q, l.box)) out.push(feature(LAYERS.labels, SOURCES.labels, l.id, { type: 'Point', coordinates: [l.box.x0, l.box.y0] }));
    if (layers.includes(LAYERS.legsHit)) for (const l of scene.lines ?? []) if (lineDistance(centre, [l.path], 0) <= half * Math.SQRT2 + 12) out.push(feature(LAYERS.legsHit, SOURCES.legs, l.id, { type: 'LineString', coordinates: l.path }));
    if (layers.includes(LAYERS.areaFill)) for (const z of scene.zones ?? []) if (meets(q, z.box)) out.push(feature(LAYERS.areaFill, SOURCES.places, z.id, { type: 'Polygon', coordinates: [] }));
    if (layers.includes(LAYERS.countryFill)) for (const z of scene.countries ?? []) if (meets(q, z.box)) out.push(feature(LAYERS.countryFill, SOURCES.places, z.id, { type: 'Polygon', coordinates: [] }));
    return out;
  };
  const fake = createFakeMap({ query, project: ([x, y]) => ({ x, y }) });
  const onPick = vi.fn();
  vi.stubGlobal('document', { baseURI: 'http://atlas.test/' });
  const controller = createMapController({ container: createFakeContainer().element, basemapUrl: 'b.geojson', onPick, prefersReducedMotion: () => true }, () => fake.map);
  fake.fire('click', { point: { x: scene.tap[0], y: scene.tap[1] } });
  controller.destroy();
  return show(onPick.mock.calls[0]![0] as FeatureRef[]);
}

afterEach(() => vi.unstubAllGlobals());

describe('what a tap opens: one pick order, one table, both renderers', () => {
  it.each(SCENES)('$name (the SVG map)', (scene) => {
    expect(viaSvgMap(scene)).toEqual(scene.expected);
  });
  it.each(SCENES)('$name (MapLibre’s controller)', (scene) => {
    expect(viaController(scene)).toEqual(scene.expected);
  });
});
