import { describe, expect, it } from 'vitest';
import { paddingAround } from '../../src/lib/map/camera.ts';

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
