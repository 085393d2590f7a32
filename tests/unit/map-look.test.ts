import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASEMAP, dashPx, LEG, SHAPE, svgLookProperties } from '../../src/lib/map/look.ts';
import { atlasStyle, DATA_LAYERS } from '../../src/lib/map/style.ts';
import { LAYERS } from '../../src/lib/map/ids.ts';
import { TAP } from '../../src/lib/map/pick-order.ts';

/** One source for the map's look (issue 28 point 2): MapLibre's style and the SVG map both read look.ts. */
const css = () => readFileSync('src/lib/map/svg-map.css', 'utf8');
const declarations = () => [...css().replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)].map((m) => ({ property: m[1]!, value: m[2]!.trim() }));
const paint = (id: string) => (DATA_LAYERS.find((l) => l.id === id) as { paint: Record<string, unknown> }).paint;

describe('the map’s look, from one module', () => {
  it('leaves the SVG map’s stylesheet no colour, width, opacity, radius or dash of its own: each is a custom property', () => {
    const looks = ['fill', 'stroke', 'stroke-width', 'stroke-opacity', 'fill-opacity', 'opacity', 'r', 'stroke-dasharray', 'font-size'];
    const ownValues = declarations().filter(({ property, value }) => looks.includes(property) && !/^(var\(--[a-z-]+\)|calc\(var\(--[a-z-]+\) \+ 1\)|none|transparent|1)$/.test(value));
    expect(ownValues).toEqual([]);
    expect(css()).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(/i);
  });

  it('defines every custom property the stylesheet reads, and reads every one it defines', () => {
    const used = new Set([...css().matchAll(/var\((--[a-z-]+)\)/g)].map((m) => m[1]!));
    const defined = new Set(Object.keys(svgLookProperties()));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
    expect([...defined].filter((name) => !used.has(name))).toEqual([]);
  });

  it('gives MapLibre’s style and the SVG map the same values', () => {
    const svg = svgLookProperties();
    const style = atlasStyle('b.geojson', 'f.woff2');
    expect(style.layers.find((l) => l.id === LAYERS.background)).toMatchObject({ paint: { 'background-color': BASEMAP.sea } });
    expect(svg['--sea']).toBe(BASEMAP.sea);
    // Routes: the muted width is the expression's last word, the fan's the one before; the SVG map's the same.
    const width = paint(LAYERS.legs)['line-width'] as unknown[];
    expect(width.slice(-3)).toEqual([expect.anything(), LEG.fanWidth, LEG.width]);
    expect([svg['--leg-width'], svg['--fan-width']]).toEqual([String(LEG.width), String(LEG.fanWidth)]);
    // Dashes: MapLibre's in line widths, the SVG map's in px of the same line.
    expect(paint(LAYERS.areaLine)['line-dasharray']).toEqual(SHAPE.zoneDash);
    expect(svg['--zone-dash']).toBe(dashPx(SHAPE.zoneDash, SHAPE.zoneLineWidth));
    expect(svg['--zone-dash']).toBe('4.5 3');
    expect(paint(LAYERS.legsFromContext)['line-dasharray']).toEqual(LEG.unstatedDash);
    expect(svg['--unstated-dash']).toBe(dashPx(LEG.unstatedDash, LEG.width));
    // Hit sizes: the tap sizes' (pick-order.ts).
    expect(paint(LAYERS.legsHit)['line-width']).toBe(TAP.hitLineWidth);
    expect(paint(LAYERS.pointsHit)['circle-radius']).toBe(TAP.hitPinRadius);
    expect(svg['--leg-hit-width']).toBe(String(TAP.hitLineWidth));
  });
});
