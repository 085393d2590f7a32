import { describe, expect, it } from 'vitest';
import { fitTransform, toWorld, transformForView, viewForTransform, viewProjection, WORLD_SIZE } from '../../src/lib/map/svg-view.ts';
import type { CameraView } from '../../src/lib/atlas/contract.ts';

/** MapLibre's `project` for a north-up, unpitched map, written out: Web Mercator on a 512 · 2^zoom px world, the view's centre at the middle. */
function maplibrePixel(view: CameraView, width: number, height: number, [lng, lat]: [number, number]): [number, number] {
  const worldSize = 512 * 2 ** view.zoom;
  const x = (l: number) => ((180 + l) / 360) * worldSize;
  const y = (p: number) => ((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360))) / 360) * worldSize;
  return [x(lng) - x(view.lng) + width / 2, y(lat) - y(view.lat) + height / 2];
}

const views: Array<{ name: string; view: CameraView; width: number; height: number }> = [
  { name: 'the start view on a laptop', view: { lng: -40, lat: 20, zoom: 1.5 }, width: 832, height: 723 },
  { name: 'a shared link on a phone', view: { lng: 10, lat: 20, zoom: 3 }, width: 360, height: 400 },
  { name: 'Havana close up on a kiosk', view: { lng: -82.38, lat: 23.13, zoom: 8.5 }, width: 1920, height: 1000 },
  { name: 'far south, zoomed out', view: { lng: 150, lat: -60, zoom: 0.5 }, width: 500, height: 500 },
];
const places: Array<[number, number]> = [[2.3488, 48.8534], [-82.38, 23.13], [-77.04, -12.05], [37.62, 55.75], [-179, 70]];

describe('the SVG map’s projection matches MapLibre’s camera', () => {
  for (const { name, view, width, height } of views) {
    it(`puts places where MapLibre would: ${name}`, () => {
      const projection = viewProjection(view, width, height);
      const t = transformForView(view, width, height);
      for (const lngLat of places) {
        const [ex, ey] = maplibrePixel(view, width, height, lngLat);
        const [px, py] = projection(lngLat)!;
        expect(px).toBeCloseTo(ex, 6);
        expect(py).toBeCloseTo(ey, 6);
        const [wx, wy] = toWorld(...lngLat);
        expect(t.k * wx + t.x).toBeCloseTo(ex, 6);
        expect(t.k * wy + t.y).toBeCloseTo(ey, 6);
      }
    });
    it(`reads back the view it was given: ${name}`, () => {
      const back = viewForTransform(transformForView(view, width, height), width, height);
      expect(back.lng).toBeCloseTo(view.lng, 9);
      expect(back.lat).toBeCloseTo(view.lat, 9);
      expect(back.zoom).toBeCloseTo(view.zoom, 12);
    });
  }

  it('uses MapLibre’s world: 512 px at zoom 0, from 180° W on the north edge', () => {
    expect(toWorld(-180, 85.051129)[0]).toBeCloseTo(0, 9);
    expect(toWorld(-180, 85.051129)[1]).toBeCloseTo(0, 3);
    expect(toWorld(0, 0)).toEqual([WORLD_SIZE / 2, WORLD_SIZE / 2]);
  });

  it('keeps a line drawn on past the antimeridian on its side, as MapLibre draws it', () => {
    expect(toWorld(190, 0)[0]).toBeCloseTo(toWorld(-170, 0)[0] + WORLD_SIZE, 9);
    expect(toWorld(-190, 0)[0]).toBeCloseTo(toWorld(170, 0)[0] - WORLD_SIZE, 9);
  });

  it('wraps a view read back east of the antimeridian into [-180, 180)', () => {
    const t = transformForView({ lng: 179, lat: 0, zoom: 2 }, 400, 400);
    const panned = { ...t, x: t.x - 4 * ((2 * WORLD_SIZE) / 360) }; // 2° further east
    expect(viewForTransform(panned, 400, 400).lng).toBeCloseTo(-179, 9);
  });

  it('frames bounds as MapLibre’s fitBounds does: the largest zoom that fits inside the padding, centred there, up to maxZoom', () => {
    const padding = { top: 100, right: 20, bottom: 40, left: 60 };
    const [width, height] = [800, 600];
    const bounds: [number, number, number, number] = [-80, -20, 0, 50];
    const t = fitTransform(bounds, width, height, padding, 9);
    const [sw, ne] = [toWorld(-80, -20), toWorld(0, 50)];
    const zoom = Math.log2(Math.min((width - 80) / (ne[0] - sw[0]), (height - 140) / (sw[1] - ne[1])));
    expect(Math.log2(t.k)).toBeCloseTo(zoom, 9);
    const screen = (p: [number, number]) => [t.k * p[0] + t.x, t.k * p[1] + t.y];
    // The box's middle at the middle of the room the padding leaves.
    expect((screen(sw)[0]! + screen(ne)[0]!) / 2).toBeCloseTo(60 + (width - 80) / 2, 6);
    expect((screen(sw)[1]! + screen(ne)[1]!) / 2).toBeCloseTo(100 + (height - 140) / 2, 6);
    expect(Math.log2(fitTransform([2, 48, 2.5, 48.5], width, height, padding, 5).k)).toBe(5);
  });
});
