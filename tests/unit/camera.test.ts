import { describe, expect, it } from 'vitest';
import { constrainView, framePadding, MAX_LATITUDE, paddingAround, stillCentre } from '../../src/lib/map/camera.ts';

const stage = { left: 0, top: 100, right: 1000, bottom: 700 };

describe('the room a framed view leaves for the controls on the map', () => {
  it('pushes each control in from the edge it hugs', () => {
    const keyAlongTheTop = { left: 10, top: 110, right: 990, bottom: 150 };
    const buttonsDownTheLeft = { left: 10, top: 160, right: 60, bottom: 300 };
    const timeAlongTheBottom = { left: 10, top: 640, right: 600, bottom: 690 };
    expect(paddingAround(stage, [keyAlongTheTop, buttonsDownTheLeft, timeAlongTheBottom])).toEqual({ top: 62, left: 72, bottom: 72, right: 12 });
  });

  it('leaves only the margin with no controls, and never gives away more than most of the map', () => {
    expect(paddingAround(stage, [])).toEqual({ top: 12, right: 12, bottom: 12, left: 12 });
    const tallPanels = [
      { left: 10, top: 110, right: 990, bottom: 400 },
      { left: 10, top: 450, right: 990, bottom: 690 },
    ];
    const padding = paddingAround(stage, tallPanels);
    expect(padding.top + padding.bottom).toBeLessThanOrEqual(0.6 * 600);
    expect(padding.top).toBeGreaterThan(padding.bottom);
  });
});

describe('a resized map keeps its geography still on the page (issue 32)', () => {
  it.each([
    { name: 'a side panel opens on the right: the old map’s point under the new middle is left of the old middle', before: { left: 0, top: 56, right: 1280, bottom: 800 }, after: { left: 0, top: 56, right: 832, bottom: 800 }, centre: [416, 372] },
    { name: 'a phone’s sheet closes under the map: the new middle is below the old map’s bottom edge', before: { left: 0, top: 56, right: 390, bottom: 464 }, after: { left: 0, top: 56, right: 390, bottom: 844 }, centre: [195, 394] },
    { name: 'a box that moves on the page as well (the header grew)', before: { left: 0, top: 56, right: 400, bottom: 456 }, after: { left: 0, top: 80, right: 400, bottom: 480 }, centre: [200, 224] },
    { name: 'no change: the old middle', before: { left: 10, top: 10, right: 110, bottom: 60 }, after: { left: 10, top: 10, right: 110, bottom: 60 }, centre: [50, 25] },
  ])('$name', ({ before, after, centre }) => {
    expect(stillCentre(before, after)).toEqual(centre);
  });
});

describe('where the camera may be', () => {
  it('keeps the zoom where the world is shorter or barely taller than the map (a phone’s sheet closed): no jump in scale or place', () => {
    // At zoom 0.5 the world is 724 px tall; the phone's map is 788 px tall with its sheet closed.
    expect(constrainView(-44, 54.3, 0.5, 788)).toEqual({ lng: -44, lat: 54.3, zoom: 0.5 });
    expect(constrainView(10, 80, 2, 1000)).toEqual({ lng: 10, lat: 80, zoom: 2 });
  });

  it('keeps the centre on the world, and the zoom within the map’s range', () => {
    expect(constrainView(-44, 89, 0.5, 788).lat).toBe(MAX_LATITUDE);
    expect(constrainView(0, -89, 3, 788).lat).toBe(-MAX_LATITUDE);
    expect(constrainView(0, 0, 0.1, 300).zoom).toBe(0.5);
    expect(constrainView(0, 0, 12, 300).zoom).toBe(9);
  });
});

describe('the padding a frame keeps clear', () => {
  const network: [number, number, number, number] = [-102.889, -23.752, 14.421, 55.675];
  const room = { top: 191, right: 36, bottom: 154, left: 198 };
  it('keeps the controls’ room where the framed places fit in what is left', () => {
    expect(framePadding([-80, -20, -60, 0], 390, 788, room)).toEqual(room);
    expect(framePadding(network, 1280, 800, { top: 120, right: 40, bottom: 80, left: 40 })).toEqual({ top: 120, right: 40, bottom: 80, left: 40 });
  });
  it('keeps as much of the controls’ room as leaves the places room at the widest zoom, where all of it would not (the network on a 390 px phone under the key)', () => {
    // Across, the network needs 235 px at zoom 0.5: of the 234 px of room, 155 are left, shared 198 : 36 (rounded down, and at least the margin).
    const padding = framePadding(network, 390, 788, room);
    expect(padding).toEqual({ top: 191, bottom: 154, left: 130, right: 24 });
    expect(390 - padding.left - padding.right).toBeGreaterThanOrEqual(235);
    // Up and down: a 408 px map under the key and the Spanish buttons (212 px from its top) keeps most of that room.
    const phone = framePadding(network, 390, 408, { top: 196, right: 64, bottom: 40, left: 64 });
    expect(phone.top).toBeGreaterThan(150);
    expect(408 - phone.top - phone.bottom).toBeGreaterThanOrEqual(184);
  });
  it('leaves at least 80 px to frame in, and a plain margin where there is no room to keep', () => {
    expect(framePadding([-80, -20, -60, 0], 300, 300, { top: 150, right: 10, bottom: 100, left: 10 })).toEqual({ top: 132, right: 10, bottom: 88, left: 10 });
    expect(framePadding([-80, -20, -60, 0], 300, 300, undefined)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });
});
