import type { Filters } from '../corpus/queries.ts';
import { ROLES, type Role } from '../atlas/roles.ts';
import { mappableView } from '../map/camera.ts';
import { TIMELINE_MONTHS } from '../corpus/dates.ts';

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
/** A decimal as people and this file write it; not hex, blanks, or the empty string that Number() reads as 0. */
const decimal = (text: string) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN);
/** A count from digits alone, or null when it is too large to count with exactly. */
const wholeNumber = (digits: string) => (Number.isSafeInteger(Number(digits)) ? Number(digits) : null);

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
  // A view the map could not show is left out rather than shared; a longitude past ±180 is written wrapped.
  const view = state.view && mappableView(round(state.view.lng, 3), round(state.view.lat, 3), round(state.view.zoom, 2));
  if (view) params.set('view', `${round(view.lng, 3)},${view.lat},${view.zoom}`);
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return text ? `#${text}` : '';
}

/**
 * Reads a hash back; anything malformed or out of range is ignored rather than trusted. Every number is checked: the
 * view as mappableView does (a longitude past ±180 is wrapped), a journey step from 1, a passage as a non-empty
 * range, the time within the timeline.
 */
export function decodeUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = (v: string | null) => (v && /^[a-z0-9-]+$/.test(v) ? v : null);
  const place = id(params.get('place'));
  const leg = id(params.get('leg'));
  const journeyMatch = /^([a-z0-9-]+):(\d+)$/.exec(params.get('journey') ?? '');
  const docMatch = /^([a-z0-9-]+):(\d+)-(\d+)$/.exec(params.get('doc') ?? '');
  const view = (params.get('view') ?? '').split(',').map(decimal);
  const step = journeyMatch ? wholeNumber(journeyMatch[2]!) : null;
  const [start, end] = docMatch ? [wholeNumber(docMatch[2]!), wholeNumber(docMatch[3]!)] : [null, null];
  const until = params.get('until');
  return {
    selected: place ? { kind: 'place', id: place } : leg ? { kind: 'leg', id: leg } : null,
    journey: journeyMatch && step !== null && step >= 1 ? { id: journeyMatch[1]!, step: step - 1 } : null,
    reader: docMatch && start !== null && end !== null && start < end ? { document: docMatch[1]!, start, end } : null,
    view: view.length === 3 ? mappableView(view[0]!, view[1]!, view[2]!) : null,
    filters: {
      hiddenRoles: (params.get('hide') ?? '').split(',').filter(isRole),
      routes: params.get('routes') !== 'off',
      hiddenDocuments: (params.get('hidedocs') ?? '').split(',').filter((d) => id(d) !== null),
      until: until && TIMELINE_MONTHS.includes(until) ? until : null,
    },
  };
}

/**
 * Whether a link opens on what the first view leaves for later past the tiles threshold (AtlasRest): a leg, a journey,
 * a document, or a document switched off. Such a page waits for them before it opens.
 */
export function opensOnTheRest(hash: string): boolean {
  const state = decodeUrlState(hash);
  return state.selected?.kind === 'leg' || state.journey !== null || state.reader !== null || state.filters.hiddenDocuments.length > 0;
}
