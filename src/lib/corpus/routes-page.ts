import type { Feature, LineString, MultiLineString } from 'geojson';
// Only the type: the geometry code (turf) is a chunk of its own, loaded where lines are drawn again (atlas-data.ts).
import type { ArcOf } from '../geo/legs.ts';
import { PRECISIONS, type Atlas, type AtlasData, type Bounds, type Direction, type Journey, type PageLegProps, type PageRoute, type PageRouteLeg, type PageRoutesFile, type Precision } from '../atlas/contract.ts';

/** "A → B" where the text gives the direction; "A ↔ B" where it gives both ways; "A – B" where it gives no order. */
export function legName(from: string, to: string, direction: Direction): string {
  const sign = { directed: '→', 'round-trip': '↔', undirected: '–' }[direction];
  return `${from} ${sign} ${to}`;
}

/** "Rural hill areas of Cuba" → "rural hill areas of Cuba", for a name in the middle of a sentence (not a proper name's). */
const lowerFirst = (name: string) => (/^\p{Lu}\p{Ll}/u.test(name) && !/^\p{Lu}\p{Ll}+ \p{Lu}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name);

/** A journey step drawn with its two places, not a line: no arrow in the name; its card says what the text gives. */
export const placeStepName = (from: string, to: string, reason: 'within' | 'together') => (reason === 'within' ? `${from}, then ${lowerFirst(to)}` : `${from} and ${to}`);

/** The vaguer of two precisions (a leg is as vague as its vaguer end). */
export const vaguer = (a: Precision, b: Precision) => (PRECISIONS.indexOf(a) >= PRECISIONS.indexOf(b) ? a : b);

/** Legs are published in the order of their routes' ids (then their own order): the derivation's, kept by the page. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every leg's one role, shared (and frozen, so that no reader changes every leg's at once). */
const ROUTE_ROLES = Object.freeze(['route']) as unknown as ['route'];

/** A drawn leg's id: its route's and its order in it. */
export const legId = (route: string, order: number) => `${route}-${order}`;

const noteFields = (record: { note?: string; note_es?: string }) => ({ ...(record.note ? { note: record.note } : {}), ...(record.note_es ? { note_es: record.note_es } : {}) });

/**
 * routes.page.json from the derivation's legs and journeys: each route once, its legs in order (`lines`: with each
 * leg's line and box, up to the tiles threshold). `reportedDayOf`: when a document reports (page-layer's reportedDays).
 */
export function pageRoutes(atlas: Pick<Atlas, 'legs' | 'journeys'>, reportedDayOf: (document: string) => string, { lines }: { lines: boolean }): PageRoutesFile {
  const legs = new Map(atlas.legs.features.map((f) => [f.properties.id, f]));
  const routes = atlas.journeys.map((journey): PageRoute => {
    const routeLegs: PageRouteLeg[] = [];
    for (const step of journey.steps) {
      if (step.places) {
        routeLegs.push({ from: step.places[0]!, to: step.places[1]!, places: step.placesReason ?? 'within', ...noteFields(step) });
        continue;
      }
      for (const id of step.legs) {
        const leg = legs.get(id);
        if (!leg) throw new Error(`journey "${journey.id}" has leg "${id}", which legs.geojson does not have`);
        const p = leg.properties;
        legs.delete(id);
        routeLegs.push({
          from: p.from,
          to: p.to,
          order: p.order,
          ...(p.direction === 'directed' ? {} : { direction: p.direction }),
          ...(p.branch ? { branch: p.branch } : {}),
          ...(p.branch_es ? { branch_es: p.branch_es } : {}),
          ...(p.unstated ? { unstated: p.unstated } : {}),
          ...noteFields(p),
          ...(lines ? { line: leg.geometry, bbox: p.bbox } : {}),
        });
      }
    }
    return { id: journey.id, name: journey.name, ...(journey.name_es ? { name_es: journey.name_es } : {}), document: journey.document, reported: reportedDayOf(journey.document), legs: routeLegs };
  });
  const left = [...legs.keys()];
  if (left.length) throw new Error(`legs on no journey: ${left.slice(0, 5).join(', ')}`);
  return { routes };
}

/** What expanding a route needs of each place: its name, precision and box (places.page.geojson has them). */
export type RoutePlaces = ReadonlyMap<string, { name: string; precision: Precision; bbox: Bounds }>;

const union = (boxes: readonly Bounds[]): Bounds => [
  Math.min(...boxes.map((b) => b[0])),
  Math.min(...boxes.map((b) => b[1])),
  Math.max(...boxes.map((b) => b[2])),
  Math.max(...boxes.map((b) => b[3])),
];

/**
 * The page's legs and journeys from routes.page.json: exactly the derivation's, less the passages (the legs' in their
 * own files, the place steps' in journeyPassagesFile). `arcOf` draws the lines the file leaves out (past the tiles
 * threshold); a leg without its line and no `arcOf`, or an end that is not a place, is an error naming the file.
 */
export function expandRoutes(file: PageRoutesFile, places: RoutePlaces, arcOf?: ArcOf): { legs: AtlasData['legs']; journeys: Journey[] } {
  const placeOf = (route: PageRoute, id: string) => {
    const place = places.get(id);
    if (!place) throw new Error(`routes.page.json: route "${route.id}" goes to place "${id}", which places.page.geojson does not have. Run "npm run derive" again.`);
    return place;
  };
  const legFeatures: Array<Feature<LineString | MultiLineString, PageLegProps>> = [];
  // What legs have alike is one value, not one per leg: at 100,000 documents the page holds 390,000 legs, and their
  // own copies of a route's day and document, the one role and each pair's name were some 45 MB of its heap.
  const names = new Map<string, string>();
  const nameOf = (from: string, to: string, direction: Direction) => {
    const key = `${from}\u0000${to}\u0000${direction}`;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = legName(places.get(from)!.name, places.get(to)!.name, direction)));
    return name;
  };
  const journeys = file.routes.map((route): Journey => {
    const steps: Journey['steps'] = [];
    const boxes: Bounds[] = [];
    const reported = { route: route.reported };
    const firstDocuments = [route.document];
    for (const leg of route.legs) {
      const [from, to] = [placeOf(route, leg.from), placeOf(route, leg.to)];
      if (leg.places) {
        steps.push({ legs: [], places: [leg.from, leg.to], placesReason: leg.places, name: placeStepName(from.name, to.name, leg.places), ...noteFields(leg) });
        boxes.push(from.bbox, to.bbox);
        continue;
      }
      const id = legId(route.id, leg.order!);
      const drawn = leg.line && leg.bbox ? { line: leg.line, bbox: leg.bbox } : arcOf?.(leg.from, leg.to);
      if (!drawn) throw new Error(`routes.page.json: leg "${id}" has no line, and none is drawn here. Run "npm run derive" again.`);
      const direction = leg.direction ?? 'directed';
      legFeatures.push({
        type: 'Feature',
        id,
        geometry: drawn.line,
        properties: {
          id,
          name: nameOf(leg.from, leg.to, direction),
          route: route.id,
          routeName: route.name,
          ...(route.name_es ? { routeName_es: route.name_es } : {}),
          order: leg.order!,
          from: leg.from,
          to: leg.to,
          direction,
          ...(leg.branch ? { branch: leg.branch } : {}),
          ...(leg.branch_es ? { branch_es: leg.branch_es } : {}),
          ...(leg.unstated ? { unstated: leg.unstated } : {}),
          roles: ROUTE_ROLES,
          precision: vaguer(from.precision, to.precision),
          bbox: drawn.bbox,
          ...noteFields(leg),
          reported,
          firstDocuments,
        },
      });
      boxes.push(drawn.bbox);
      const last = steps[steps.length - 1];
      if (leg.branch && last?.branch === leg.branch) last.legs.push(id);
      else steps.push({ legs: [id], ...(leg.branch ? { branch: leg.branch } : {}), ...(leg.branch_es ? { branch_es: leg.branch_es } : {}) });
    }
    return { id: route.id, name: route.name, ...(route.name_es ? { name_es: route.name_es } : {}), document: route.document, steps, bbox: union(boxes) };
  });
  // The derivation's order: by route id, then each route's own.
  legFeatures.sort((a, b) => byText(a.properties.route, b.properties.route) || a.properties.order - b.properties.order);
  return { legs: { type: 'FeatureCollection', features: legFeatures }, journeys: journeys.filter((j) => j.steps.length > 0) };
}
