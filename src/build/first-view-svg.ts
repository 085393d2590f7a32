/**
 * The opening view drawn at build time, by the same d3-geo projection as the SVG map (src/lib/map/svg-view.ts), and
 * written into index.html as an inline SVG: a map is on screen with the first HTML response, before any script runs.
 * It frames the network's bounds as the page's first view does (viewBox in world px, `meet`, inset by the room the
 * map's controls take: src/ui/global.css); the page takes it away once its own map has drawn (src/ui/MapStage.svelte).
 * No labels (they are in the page's language) and no inline style: only presentation attributes, which the CSP allows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoPath } from 'd3-geo';
import simplify from '@turf/simplify';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Plugin } from 'vite';
import { DATA_FILES, PUBLISHED_FILES, type AtlasMeta, type PublishedFile } from '../lib/atlas/contract.ts';
import type { Role } from '../lib/atlas/roles.ts';
import { toWorld, worldStream } from '../lib/map/svg-view.ts';
import { bundleFans } from '../lib/map/bundle.ts';
import { pinStyle, PIN } from '../lib/map/marks.ts';
import { BASEMAP, dashPx, LEG, ROLE_COLORS, ROUTE_COLOR } from '../lib/map/look.ts';

export const FIRST_VIEW_ID = 'first-view';

interface FirstViewData {
  basemap: FeatureCollection;
  places: FeatureCollection<Geometry, { id: string; primaryRole: Role; precision: 'point' | 'area' | 'country' }>;
  legs: FeatureCollection;
  meta: AtlasMeta;
}

const round = (n: number) => Math.round(n * 100) / 100;
/**
 * Degrees: shapes are simplified to about a screen pixel at the opening view's zooms (2 to 3), so the picture costs
 * tens of kilobytes in the HTML, not hundreds; the live map then draws them whole.
 */
const SIMPLIFY_DEGREES = 0.2;
const simpler = <G extends Geometry | FeatureCollection | Feature>(shape: G): G => simplify(shape as Feature, { tolerance: SIMPLIFY_DEGREES, highQuality: false, mutate: false }) as unknown as G;

/** The opening view as SVG markup: basemap, countries, zones, legs and pins, framing `meta.networkBounds`. */
export function drawFirstView({ basemap, places, legs, meta }: FirstViewData): string {
  const path = geoPath(worldStream()).digits(1);
  const [west, south, east0, north] = meta.networkBounds;
  const east = east0 < west ? east0 + 360 : east0;
  const [x0, y1] = toWorld(west, south);
  const [x1, y0] = toWorld(east, north);
  const viewBox = [x0, y0, x1 - x0, y1 - y0].map(round).join(' ');
  const colour = (role: Role) => ROLE_COLORS[role] ?? '#555';
  const fixed = 'vector-effect="non-scaling-stroke"';
  const shapes = (precision: 'country' | 'area') =>
    places.features
      .filter((f) => f.properties.precision === precision)
      .map((f) => {
        const c = colour(f.properties.primaryRole);
        const look = precision === 'country' ? 'fill-opacity="0.32" stroke-width="1"' : 'fill-opacity="0.16" stroke-width="1.5" stroke-dasharray="4.5 3"';
        return `<path d="${path(simpler(f)) ?? ''}" fill="${c}" stroke="${c}" ${look} ${fixed}/>`;
      })
      .join('');
  const legLines = bundleFans(legs)
    .features.map((f: Feature) => {
      const p = f.properties as { fan?: boolean; unstated?: unknown };
      const unstated = p.unstated !== undefined && p.unstated !== null && !(Array.isArray(p.unstated) && p.unstated.length === 0);
      const width = p.fan ? LEG.fanWidth : LEG.width;
      const opacity = p.fan ? LEG.fanOpacity : LEG.opacity;
      return `<path d="${path(f) ?? ''}" fill="none" stroke="${ROUTE_COLOR}" stroke-width="${width}" stroke-opacity="${opacity}" stroke-linecap="${unstated ? 'butt' : 'round'}"${unstated ? ` stroke-dasharray="${dashPx(LEG.unstatedDash, width)}"` : ''} ${fixed}/>`;
    })
    .join('');
  // A pin keeps its screen size at any scale: a zero-length line with round caps and a non-scaling stroke is a disc.
  const disc = (x: number, y: number, diameter: number, fill: string) => `<path d="M${round(x)} ${round(y)}h0" stroke="${fill}" stroke-width="${diameter}" stroke-linecap="round" ${fixed}/>`;
  const pins = places.features
    .filter((f): f is Feature<Point, FirstViewData['places']['features'][number]['properties']> => f.properties.precision === 'point' && f.geometry.type === 'Point')
    .map((f) => {
      const [x, y] = toWorld(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      const pin = pinStyle(f.properties.primaryRole);
      const discs = disc(x, y, 2 * pin.radius + pin.strokeWidth, pin.stroke) + disc(x, y, 2 * pin.radius - pin.strokeWidth, pin.fill) + (pin.dot ? disc(x, y, 2 * PIN.dotRadius, pin.dot) : '');
      return `<g data-place="${f.properties.id}">${discs}</g>`;
    })
    .join('');
  const sea = `<rect x="-1024" y="-1024" width="3072" height="3072" fill="${BASEMAP.sea}"/>`;
  const land = `<path d="${path(simpler(basemap)) ?? ''}" fill="${BASEMAP.land}" stroke="${BASEMAP.border}" stroke-width="${BASEMAP.borderWidth}" stroke-linejoin="round" ${fixed}/>`;
  return (
    `<div id="${FIRST_VIEW_ID}" class="first-view" aria-hidden="true" data-bounds="${meta.networkBounds.join(',')}">` +
    `<svg viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet" overflow="visible" xmlns="http://www.w3.org/2000/svg" focusable="false">` +
    `${sea}${land}<g stroke-linejoin="round">${shapes('country')}${shapes('area')}</g><g stroke-linejoin="round">${legLines}</g><g>${pins}</g></svg></div>`
  );
}

/** Reads the derived data a build publishes (static/data/, made by `npm run derive`). */
export function readFirstViewData(dataDir: string): FirstViewData {
  const json = <T>(file: PublishedFile) => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;
  return { basemap: json(PUBLISHED_FILES.basemap), places: json(PUBLISHED_FILES.places), legs: json(PUBLISHED_FILES.legs), meta: json(PUBLISHED_FILES.meta) };
}

/** Build only: the opening view drawn into index.html, right before the app's mount point, from the public folder's data/; and meta.json preloaded. */
export function firstViewPicture(): Plugin {
  let dataDir = '';
  return {
    name: 'first-view-picture',
    apply: 'build',
    configResolved(config) {
      dataDir = join(config.publicDir, 'data');
    },
    transformIndexHtml(html) {
      const at = html.indexOf('<div id="app">');
      if (at < 0) throw new Error('first-view-picture: src/index.html needs <div id="app"></div>; the opening view goes right before it');
      const meta = join(dataDir, PUBLISHED_FILES.meta);
      if (!existsSync(meta)) throw new Error(`first-view-picture: ${meta} is missing; run "npm run derive" first (npm run build does)`);
      return {
        html: `${html.slice(0, at)}${drawFirstView(readFirstViewData(dataDir))}\n    ${html.slice(at)}`,
        // meta.json is read first (whether the map comes as tiles says which files the first view needs): on its way
        // with the page, so reading it first costs no round trip (atlas-data.ts).
        tags: [{ tag: 'link', attrs: { rel: 'preload', href: `./${DATA_FILES.meta}`, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' as const }],
      };
    },
  };
}
