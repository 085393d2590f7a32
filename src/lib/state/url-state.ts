import type { Filters } from '../corpus/queries.ts';
import { ROLES, type Role } from '../corpus/types.ts';

/** Everything on screen that a shared link should bring back. */
export interface UrlState {
  selected: { kind: 'place' | 'leg'; id: string } | null;
  journey: { id: string; step: number } | null;
  reader: { document: string; start: number; end: number } | null;
  view: { lng: number; lat: number; zoom: number } | null;
  filters: Filters;
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The map's limits: MapLibre's Web Mercator stops short of the poles, and zooms from 0 to 22. */
export const VIEW_LIMITS = { lat: 85.051129, minZoom: 0, maxZoom: 22, wrapTurns: 10 } as const;

/**
 * A camera from a link, or null: longitude wrapped into [-180, 180) (a map panned round the world a few times);
 * a latitude past the poles, a zoom out of range or a longitude many turns out (1e305) is not a view to trust.
 */
export function checkedView(lng: number, lat: number, zoom: number): UrlState['view'] {
  if (![lng, lat, zoom].every(Number.isFinite)) return null;
  if (Math.abs(lng) > 180 * VIEW_LIMITS.wrapTurns || Math.abs(lat) > VIEW_LIMITS.lat) return null;
  if (zoom < VIEW_LIMITS.minZoom || zoom > VIEW_LIMITS.maxZoom) return null;
  const wrapped = lng >= -180 && lng < 180 ? lng : round(((((lng + 180) % 360) + 360) % 360) - 180, 6);
  return { lng: wrapped, lat, zoom };
}

/** The state as a URL hash: short, readable, and stable in key order. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set(state.selected.kind, state.selected.id);
  if (state.journey) params.set('journey', `${state.journey.id}:${state.journey.step + 1}`);
  if (state.reader) params.set('doc', `${state.reader.document}:${state.reader.start}-${state.reader.end}`);
  if (state.filters.hiddenRoles.length) params.set('hide', [...state.filters.hiddenRoles].sort().join(','));
  if (!state.filters.routes) params.set('routes', 'off');
  if (state.filters.hiddenDocuments.length) params.set('hidedocs', [...state.filters.hiddenDocuments].sort().join(','));
  if (state.filters.until) params.set('until', state.filters.until);
  if (state.view) params.set('view', `${round(state.view.lng, 3)},${round(state.view.lat, 3)},${round(state.view.zoom, 2)}`);
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `#${text}` : '';
}

/** Reads a hash back; anything malformed is ignored rather than trusted. */
export function decodeUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = (v: string | null) => (v && /^[a-z0-9-]+$/.test(v) ? v : null);
  const place = id(params.get('place'));
  const leg = id(params.get('leg'));
  const journeyMatch = /^([a-z0-9-]+):(\d+)$/.exec(params.get('journey') ?? '');
  const docMatch = /^([a-z0-9-]+):(\d+)-(\d+)$/.exec(params.get('doc') ?? '');
  // Number('') is 0: an empty field must not pass as a coordinate.
  const view = (params.get('view') ?? '').split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
  const until = params.get('until');
  return {
    selected: place ? { kind: 'place', id: place } : leg ? { kind: 'leg', id: leg } : null,
    journey: journeyMatch && Number(journeyMatch[2]) <= 10_000 ? { id: journeyMatch[1]!, step: Math.max(0, Number(journeyMatch[2]) - 1) } : null,
    reader:
      docMatch && Number(docMatch[2]) <= Number(docMatch[3]) && Number(docMatch[3]) <= Number.MAX_SAFE_INTEGER
        ? { document: docMatch[1]!, start: Number(docMatch[2]), end: Number(docMatch[3]) }
        : null,
    view: view.length === 3 ? checkedView(view[0]!, view[1]!, view[2]!) : null,
    filters: {
      hiddenRoles: (params.get('hide') ?? '').split(',').filter(isRole),
      routes: params.get('routes') !== 'off',
      hiddenDocuments: (params.get('hidedocs') ?? '').split(',').filter((d) => id(d) !== null),
      until: until && /^\d{4}-(0[1-9]|1[0-2])$/.test(until) ? until : null,
    },
  };
}
