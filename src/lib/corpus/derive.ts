import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { CorpusError, CorpusInvalid } from './errors.ts';
import type { Corpus, ResolvedLeg } from './load.ts';
import { ROLES, type Role } from '../atlas/roles.ts';
import { PRECISIONS, type Evidence, type Precision, type Atlas, type Journey, type LabelProps, type LegProps, type PlaceProps } from '../atlas/contract.ts';
import { byText, legId, legName, placeStepName, vaguer } from './routes-page.ts';
import type { PlaceRecord } from './types.ts';
import { countriesById, basemapCountries } from '../geo/countries.ts';
import { anchorPoint, placeGeometry, GeometryProblem, type PlaceGeometry } from '../geo/places.ts';
import { legArc } from '../geo/legs.ts';
import { roundGeometry, roundPosition } from '../geo/round.ts';
import { findMentions } from './mentions.ts';
import { byReportedDay } from './dates.ts';
import { hasDateWords, namesPlace } from './evidence-rules.ts';
import { boundsOf, type Bounds } from '../geo/bounds.ts';

// The published shapes live in the contract; re-exported so the build's imports stay as they were.

/** Roles that place something beside the network rather than on it: left out of the opening view. */
const AROUND_THE_NETWORK = new Set<Role>(['context', 'planned-training']);

const PRECISION_ORDER: readonly Precision[] = PRECISIONS;
/** Documents in the order they were reported by: "1961" at its latest day, after "1961-06-01" (dates.ts). */
const byDocumentDate = (a: string | undefined, b: string | undefined) => (a && b ? byReportedDay(a, b) : byText(a ?? '', b ?? ''));

/**
 * From a loaded corpus to the collections the map draws. Only places that some passage supports
 * are drawn; every drawn feature carries that passage as evidence.
 */
export function deriveAtlas(corpus: Corpus, places50m: Topology, basemap110m: Topology): Atlas {
  const countries = countriesById(places50m);
  const problems: CorpusError[] = [];
  const docDates = new Map(corpus.documents.map((d) => [d.id, d.date]));

  const claimsByPlace = new Map<string, Evidence[]>();
  for (const c of corpus.claims) {
    const list = claimsByPlace.get(c.place) ?? [];
    const context = c.context?.map((passage) => ({ ...passage, supports: contextSupports(passage.exact, c) }));
    list.push({ document: c.document, role: c.role, exact: c.quote.exact, start: c.start, end: c.end, ...evidenceExtras({ ...c, context }), ...noteFields(c) });
    claimsByPlace.set(c.place, list);
  }

  const geometries = new Map<string, PlaceGeometry>();
  const anchors = new Map<string, Position>();
  const placeFeatures: Array<Feature<PlaceGeometry, PlaceProps>> = [];
  const labelFeatures: Array<Feature<Point, LabelProps>> = [];
  const placesById = new Map(corpus.places.map((p) => [p.id, p]));
  const placeRoles = new Map<string, Role[]>();

  for (const place of [...corpus.places].sort((a, b) => byText(a.id, b.id))) {
    let geometry: PlaceGeometry;
    try {
      geometry = roundGeometry(placeGeometry(place, countries));
    } catch (e) {
      if (!(e instanceof GeometryProblem)) throw e;
      const at = corpus.placeAt.get(place.id);
      problems.push(new CorpusError(at?.file ?? 'places.yaml', at?.line, `place "${place.id}": ${e.message}`));
      continue;
    }
    geometries.set(place.id, geometry);
    anchors.set(place.id, roundPosition(anchorPoint(geometry)));

    const evidence = (claimsByPlace.get(place.id) ?? []).sort(
      (a, b) => byDocumentDate(docDates.get(a.document), docDates.get(b.document)) || byText(a.document, b.document) || a.start - b.start || legendRank(a.role) - legendRank(b.role),
    );
    if (evidence.length === 0) continue; // no passage, no mark on the map
    const roles = ROLES.filter((r) => evidence.some((e) => e.role === r));
    const props: PlaceProps = {
      id: place.id,
      name: place.name,
      ...(place.name_es ? { name_es: place.name_es } : {}),
      aliases: place.aliases,
      kind: place.kind,
      roles,
      primaryRole: primaryRoleOf(roles),
      precision: place.precision,
      documents: [...new Set(evidence.map((e) => e.document))],
      evidence,
      bbox: boundsOf(geometry),
      coordinateSource: place.source,
      ...(place.wikidata ? { wikidata: place.wikidata } : {}),
      ...(place.geonames ? { geonames: place.geonames } : {}),
      ...(place.note ? { note: place.note } : {}),
      ...(place.note_es ? { note_es: place.note_es } : {}),
    };
    placeFeatures.push({ type: 'Feature', id: place.id, properties: props, geometry });
    placeRoles.set(place.id, roles);
    const labelEs = place.label_es ?? place.name_es;
    const labelProps: LabelProps = {
      id: props.id,
      name: props.name,
      ...(props.name_es ? { name_es: props.name_es } : {}),
      primaryRole: props.primaryRole,
      precision: props.precision,
      label: place.label ?? place.name,
      ...(labelEs ? { label_es: labelEs } : {}),
      labelRank: labelRank(primaryRoleOf(roles), place.precision, evidence.length),
    };
    labelFeatures.push({ type: 'Feature', id: place.id, properties: labelProps, geometry: { type: 'Point', coordinates: anchors.get(place.id)! } });
  }

  const legFeatures: Array<Feature<LineString | MultiLineString, LegProps>> = [];
  const legsByRoute = new Map<string, Array<Feature<LineString | MultiLineString, LegProps>>>();
  // Many legs join the same two places: each arc is computed once (it depends only on its ends).
  const arcs = new Map<string, { geometry: LineString | MultiLineString; bbox: Bounds }>();
  for (const route of [...corpus.routes].sort((a, b) => byText(a.id, b.id))) {
    for (const leg of route.legs) {
      const from = anchors.get(leg.from);
      const to = anchors.get(leg.to);
      if (!from || !to) continue; // the place's own geometry problem is already reported
      if (leg.within || leg.together) continue; // a move inside an area, or stops named together: a journey step, not a line
      const fromPlace = placesById.get(leg.from)!;
      const toPlace = placesById.get(leg.to)!;
      const id = legId(route.id, leg.index + 1);
      const arcKey = `${from.join(',')} ${to.join(',')}`;
      let arc = arcs.get(arcKey);
      if (!arc) {
        const geometry = legArc(from, to);
        arc = { geometry, bbox: boundsOf(geometry) };
        arcs.set(arcKey, arc);
      }
      const feature: Feature<LineString | MultiLineString, LegProps> = {
        type: 'Feature',
        id,
        properties: {
          id,
          name: legName(fromPlace.name, toPlace.name, leg.direction ?? 'directed'),
          route: route.id,
          routeName: route.name,
          ...(route.name_es ? { routeName_es: route.name_es } : {}),
          order: leg.index + 1,
          from: leg.from,
          to: leg.to,
          direction: leg.direction ?? 'directed',
          ...(leg.branch ? { branch: leg.branch } : {}),
          ...(leg.branch_es ? { branch_es: leg.branch_es } : {}),
          ...(leg.unstated ? { unstated: leg.unstated } : {}),
          roles: ['route'],
          precision: vaguer(fromPlace.precision, toPlace.precision),
          documents: [route.document],
          evidence: [legEvidence(route.document, leg, { from: fromPlace, to: toPlace })],
          bbox: [...arc.bbox] as Bounds,
          ...noteFields(leg),
        },
        geometry: arc.geometry,
      };
      legFeatures.push(feature);
      if (!legsByRoute.has(route.id)) legsByRoute.set(route.id, []);
      legsByRoute.get(route.id)!.push(feature);
    }
  }

  if (problems.length) throw new CorpusInvalid(problems);

  // Journeys keep the order of routes.yaml: the order in which the memo tells them.
  const journeys: Journey[] = corpus.routes
    .map((route) => {
      const steps: Journey['steps'] = [];
      const stepPlaces: Array<Feature<PlaceGeometry, PlaceProps>> = [];
      for (const leg of route.legs) {
        const id = legId(route.id, leg.index + 1);
        if (leg.within || leg.together) {
          const fromPlace = placesById.get(leg.from)!;
          const toPlace = placesById.get(leg.to)!;
          // No arrow in the name: the step draws no line, and its card says what the text does and does not give.
          const name = placeStepName(fromPlace.name, toPlace.name, leg.within ? 'within' : 'together');
          steps.push({ legs: [], places: [leg.from, leg.to], placesReason: leg.within ? 'within' : 'together', name, evidence: [legEvidence(route.document, leg, { from: fromPlace, to: toPlace })], ...noteFields(leg) });
          stepPlaces.push(...placeFeatures.filter((f) => f.properties.id === leg.from || f.properties.id === leg.to));
          continue;
        }
        const last = steps[steps.length - 1];
        if (leg.branch && last?.branch === leg.branch) last.legs.push(id);
        else steps.push({ legs: [id], ...(leg.branch ? { branch: leg.branch } : {}), ...(leg.branch_es ? { branch_es: leg.branch_es } : {}) });
      }
      const routeLegs = legsByRoute.get(route.id) ?? [];
      const framed = [...routeLegs, ...stepPlaces];
      return { id: route.id, name: route.name, ...(route.name_es ? { name_es: route.name_es } : {}), document: route.document, steps, bbox: boundsOf({ type: 'FeatureCollection', features: framed }) };
    })
    .filter((j) => j.steps.length > 0);

  const drawn = new Set(placeFeatures.map((f) => f.properties.id));
  const drawnPlaces = corpus.places.filter((p) => drawn.has(p.id));

  const places: Atlas['places'] = { type: 'FeatureCollection', features: placeFeatures };
  const legs: Atlas['legs'] = { type: 'FeatureCollection', features: legFeatures };
  // Anchors rather than whole shapes: the United States' Aleutians would otherwise stretch the view round the world.
  const bounds = boundsOf({ type: 'FeatureCollection', features: [...labelFeatures, ...legFeatures] });
  return {
    places,
    labels: { type: 'FeatureCollection', features: labelFeatures },
    legs,
    journeys,
    documents: [...corpus.documents]
      .sort((a, b) => byDocumentDate(a.date, b.date) || byText(a.id, b.id))
      .map((doc) => ({ ...doc, mentions: findMentions(doc.body, drawnPlaces) })),
    basemap: basemapCountries(basemap110m),
    meta: {
      bounds,
      networkBounds: boundsOf({ type: 'FeatureCollection', features: [...legFeatures, ...labelFeatures.filter((f) => placeRoles.get(f.properties.id)!.some((r) => !AROUND_THE_NETWORK.has(r)))] }),
      counts: { documents: corpus.documents.length, places: placeFeatures.length, legs: legFeatures.length, claims: corpus.claims.length },
    },
  };
}

const primaryRoleOf = (roles: Role[]): Role => roles[0]!;
/** A role's place in the legend: one passage's roles are listed in that order ("Trainees came from · Trainees went back to"). */
const legendRank = (role: Role | 'route') => (role === 'route' ? ROLES.length : ROLES.indexOf(role));

/** A record's note and its Spanish, each only when written. */
const noteFields = (record: { note?: string; note_es?: string }) => ({ ...(record.note ? { note: record.note } : {}), ...(record.note_es ? { note_es: record.note_es } : {}) });

/** A record's period and context passages, each only when written. */
const evidenceExtras = (record: { period?: Evidence['period']; context?: Evidence['context'] }) => ({
  ...(record.period ? { period: record.period } : {}),
  ...(record.context?.length ? { context: record.context } : {}),
});

const legEvidence = (document: string, leg: ResolvedLeg, ends: { from: PlaceRecord; to: PlaceRecord }): Evidence => ({
  document,
  role: 'route',
  exact: leg.quote.exact,
  start: leg.start,
  end: leg.end,
  ...evidenceExtras({ ...leg, context: leg.context?.map((c) => ({ ...c, supports: contextSupports(c.exact, leg, ends) })) }),
  ...noteFields(leg),
});

/** Which of a record's elements a context passage gives words for: an unstated end it names, a period it dates. */
function contextSupports(text: string, record: { unstated?: Array<'from' | 'to'>; period?: Evidence['period'] }, ends?: { from: PlaceRecord; to: PlaceRecord }) {
  const supports: Array<'from' | 'to' | 'period'> = (record.unstated ?? []).filter((end) => ends && namesPlace(text, ends[end]));
  if (record.period && hasDateWords(text)) supports.push('period');
  return supports;
}


/**
 * Where labels would collide, which one the map keeps: by the place's role in legend order (training sites, the
 * command centre and hubs before the places merely named as context), then a city before a country before a vague
 * zone (a city's label is the only name its pin has; a country and a zone can be seen by their shapes), then the
 * place more passages speak of. Always below the next whole number, so the passages never outweigh a role.
 */
export function labelRank(primaryRole: Role, precision: Precision, passages: number): number {
  const byRole = ROLES.indexOf(primaryRole) * PRECISION_ORDER.length + PRECISION_ORDER.indexOf(precision);
  return byRole + Math.round(1000 / (passages + 1)) / 1000;
}

