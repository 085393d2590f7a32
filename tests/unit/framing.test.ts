import { describe, expect, it } from 'vitest';
import { frameAfterTap, frameFor, projectInView, type Sight } from '../../src/lib/state/framing.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

const data = () => {
  const a = realAtlas();
  return { places: a.places, labels: a.labels, legs: a.legs, documents: a.documents, journeys: a.journeys, meta: a.meta };
};
const bboxOf = (id: string) => data().places.features.find((f) => f.properties.id === id)!.properties.bbox;

describe('what the camera frames for a chosen place', () => {
  it('frames Lima, with no route of its own, alone at a readable zoom', () => {
    expect(frameFor(data(), { kind: 'place', id: 'lima' })).toEqual({ bounds: bboxOf('lima'), maxZoom: 5 });
  });

  it('frames Paris with its connections: the legs that touch it and the places at their other ends', () => {
    const frame = frameFor(data(), { kind: 'place', id: 'paris' })!;
    const [w, s, e, n] = frame.bounds;
    for (const id of ['paris', 'cuba']) {
      const b = bboxOf(id);
      expect(w <= b[0] && s <= b[1] && e >= b[2] && n >= b[3], `${id} inside ${frame.bounds.join(',')}`).toBe(true);
    }
  });

  it('frames nothing for a place the data does not have', () => {
    expect(frameFor(data(), { kind: 'place', id: 'atlantis' })).toBeNull();
  });
});

describe('whether a tap moves the camera', () => {
  // The opening view at 1280 × 800, roughly: the Americas and Europe, zoom 1.9, the panel open on the right.
  const view = { lng: -40, lat: 15, zoom: 1.9 };
  const sight: Sight = { width: 1280, height: 800, padding: { top: 60, right: 420, bottom: 20, left: 20 } };

  it('projects as MapLibre does: the view\'s centre at the middle, a world of 512 × 2^zoom px', () => {
    expect(projectInView([-40, 15], view, sight)).toEqual([640, 400]);
    const [x] = projectInView([-40 + 360 / 2 ** 1.9 / 2, 15], view, sight);
    expect(x).toBeCloseTo(640 + 256, 6);
  });

  it('leaves the camera alone for a pin in plain sight', () => {
    expect(frameAfterTap(data(), { kind: 'place', id: 'havana' }, view, sight, false)).toBeNull();
  });

  it('frames a country too small to read (Panama, a few px across at zoom 1.9) with its connections', () => {
    expect(frameAfterTap(data(), { kind: 'place', id: 'panama' }, view, sight, false)).toEqual(frameFor(data(), { kind: 'place', id: 'panama' }));
  });

  it('frames a pin the panel covers (Prague, under a 420 px panel on the right)', () => {
    const [x] = projectInView([14.42, 50.09], view, sight);
    expect(x).toBeGreaterThan(sight.width - sight.padding.right);
    expect(frameAfterTap(data(), { kind: 'place', id: 'prague' }, view, sight, false)).toEqual(frameFor(data(), { kind: 'place', id: 'prague' }));
  });

  it('never yanks a visitor who has moved the map themselves, however small or hidden the mark', () => {
    for (const id of ['panama', 'prague', 'havana']) expect(frameAfterTap(data(), { kind: 'place', id }, view, sight, true), id).toBeNull();
  });
});
