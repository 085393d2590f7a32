import { describe, expect, it } from 'vitest';
import { frameFor } from '../../src/lib/state/framing.ts';
import { realAtlasData } from '../helpers/real-atlas.ts';

const data = realAtlasData;
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
