import { markupIn, passagesByRole, withoutMarkup } from '../corpus/passage.ts';
import { passageCitation } from '../corpus/citation.ts';
import { groupLegsByPassage, withoutNotes } from '../corpus/queries.ts';
import type { Role } from '../atlas/roles.ts';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { PUBLISHED_FILES, featureKey, type AtlasData, type Evidence, type FeatureDetail, type FeatureRef, type Journey, type JourneyPassages, type LegCore, type LegProps, type PlaceCore, type PublishedDocument } from '../atlas/contract.ts';
import type { PlaceGeometry } from '../geo/places.ts';
import { documentsAtHand, indexAtlas } from '../state/atlas-data.ts';
import type { Segment } from './text-width.ts';
import { formatMessage } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';

/** One numbered quote: the words as the panel marks them, then the archival citation ("Copy citation"'s text). */
export interface Footnote {
  number: number;
  /** The whole note as runs: “quote” citation. Superscripts are the archive's <sup> markers, set raised. */
  runs: Segment[];
  /** The same note as plain text: exactly the panel's archival citation for this passage. */
  text: string;
}
export interface FootnoteGroup {
  /** What the quotes below support (a role, a leg, a journey step), or none when the title says it. */
  heading?: string;
  notes: Footnote[];
}
export interface FigureSubject {
  title: string;
  /** A line under the title: a place's roles, a leg's route, a step's count. */
  subtitle?: string;
  groups: FootnoteGroup[];
}

/**
 * A quote as the panel shows it: the archive's <sup> tags set as superscripts and never printed, whitespace as one
 * space (the citation's own form).
 */
export function quoteSegments(exact: string): Segment[] {
  const { tags, superscripts } = markupIn(exact);
  const chars = Array.from(exact);
  const within = (i: number, r: { start: number; end: number }) => i >= r.start && i < r.end;
  const out: Segment[] = [];
  let lastWasSpace = false;
  chars.forEach((ch, i) => {
    if (tags.some((t) => within(i, t))) return;
    const space = /\s/.test(ch);
    if (space && lastWasSpace) return;
    lastWasSpace = space;
    const sup = superscripts.some((r) => within(i, r));
    const text = space ? ' ' : ch;
    const last = out[out.length - 1];
    if (last && last.sup === sup) last.text += text;
    else out.push({ text, sup });
  });
  return out;
}

/** A role's name in the page's language, from the messages (where the registry's labels are published). */
const roleName = (role: Role | 'route', locale: Locale) => formatMessage(locale, `role.${role}`);

/**
 * A feature's properties with its passages, where they have been fetched (withPassages) or derived: those fetched so
 * far (a feature file's pages the panel has opened), and how many it has in all.
 */
type WithPassages<P> = P & { evidence?: Evidence[]; passageCount?: number };
/** The page's data with the passages of the features the figure quotes (withPassages), without the document words. */
export type FigurePassages = Omit<AtlasData, 'documents' | 'places' | 'legs'> & {
  places: FeatureCollection<PlaceGeometry, WithPassages<PlaceCore>>;
  legs: FeatureCollection<LineString | MultiLineString, WithPassages<LegCore>>;
};
/** What a figure is made from: the page's data, with the passages (citedFeatures) and documents' words (citedDocuments) it quotes. */
export type FigureData = FigurePassages & { documents: PublishedDocument[] };

/** The features whose passages a figure of this view quotes: the page fetches them (each its own file) first. */
export function citedFeatures(data: Pick<AtlasData, 'journeys'>, selected: FeatureRef | null, journey: { id: string; step: number } | null): FeatureRef[] {
  const step = journey ? data.journeys.find((j) => j.id === journey.id)?.steps[journey.step] : undefined;
  return [...(step?.legs.map((id) => ({ kind: 'leg' as const, id })) ?? []), ...(selected ? [selected] : [])];
}

/** The page's data with these features' fetched passages put back on them (keyed `kind:id`). */
export function withPassages(data: AtlasData, details: ReadonlyMap<string, FeatureDetail>): FigurePassages {
  const put = <P extends { id: string }>(kind: FeatureRef['kind'], p: P): WithPassages<P> => {
    const detail = details.get(featureKey({ kind, id: p.id }));
    return detail ? { ...p, evidence: detail.evidence, passageCount: detail.passageCount } : p;
  };
  return {
    ...data,
    places: { ...data.places, features: data.places.features.map((f) => ({ ...f, properties: put('place', f.properties) })) },
    legs: { ...data.legs, features: data.legs.features.map((f) => ({ ...f, properties: put('leg', f.properties) })) },
  };
}

/** The page's data with a journey's steps' own passages (its JourneyPassages, fetched) put back on its steps. */
export function withJourneyPassages<D extends Pick<AtlasData, 'journeys'>>(data: D, journeyId: string, passages: JourneyPassages): D {
  const put = (journey: Journey): Journey => ({ ...journey, steps: journey.steps.map((step, i) => (passages.steps[i] ? { ...step, evidence: passages.steps[i] } : step)) });
  return { ...data, journeys: data.journeys.map((j) => (j.id === journeyId ? put(j) : j)) };
}

/** The documents whose words a figure of this view quotes: the page fetches them (each its own file) before making it. */
export function citedDocuments(data: FigurePassages, selected: FeatureRef | null, journey: { id: string; step: number } | null): string[] {
  const index = indexAtlas({ ...data, documents: [] });
  const evidence: Evidence[] = [];
  const step = journey ? index.journey(journey.id)?.steps[journey.step] : undefined;
  if (step) evidence.push(...(step.evidence ?? []));
  for (const ref of citedFeatures(data, selected, journey)) evidence.push(...(index.detail(ref)?.evidence ?? []));
  return [...new Set(evidence.map((e) => e.document))];
}

/**
 * The subject of the figure and its numbered quotes, in the order the side panel shows them: a journey's step
 * first (its own passage, then its legs' passages), then the selected place or leg by role.
 */
/** `base`: the atlas's address, for each footnote's link to its passage (as the panel's citations have). */
export function figureSubject(data: FigureData, selected: FeatureRef | null, journey: { id: string; step: number } | null, base?: string, locale: Locale = 'en'): FigureSubject {
  const index = indexAtlas(data, documentsAtHand(data.documents));
  const groups: FootnoteGroup[] = [];
  let number = 0;
  const documentOf = (e: Evidence) => {
    const doc = index.document(e.document);
    if (!doc) throw new Error(`figure: passage ${e.document}:${e.start}-${e.end} cites document "${e.document}", which ${PUBLISHED_FILES.documents} does not have; run "npm run derive" again`);
    return doc;
  };
  const note = (e: Evidence): Footnote => {
    const doc = documentOf(e);
    // One line in print: the quote, then its note.
    const text = passageCitation(doc, e, base).replace('\n', ' ');
    const quote = withoutMarkup(e.exact).replace(/\s+/g, ' ');
    // The citation is “quote” then the rest; the quote's runs stand in for its plain words.
    return { number: ++number, text, runs: [{ text: '“', sup: false }, ...quoteSegments(e.exact), { text: text.slice(quote.length + 1), sup: false }] };
  };
  const byRole = (evidence: Evidence[], heading: string | undefined) => {
    // The panel's grouping passes over a passage whose document is missing; the figure says so instead.
    evidence.forEach(documentOf);
    const sections = passagesByRole(evidence, index.document);
    sections.forEach((section, i) => {
      const roleHeading = sections.length > 1 ? roleName(section.role, locale) : undefined;
      const parts = [i === 0 ? heading : undefined, roleHeading].filter((p) => p !== undefined);
      groups.push({ ...(parts.length ? { heading: parts.join(': ') } : {}), notes: section.groups.flatMap((g) => g.evidence).map(note) });
    });
  };

  const passagesOf = (ref: FeatureRef) => index.detail(ref)?.evidence ?? [];
  // The figure quotes the passages the page has (a feature file's first page, and those the reader asked for): a
  // place quoted thousands of times would otherwise make a figure of hundreds of pages. It says so where that is not all.
  const sayIfPartial = (ref: FeatureRef, name: string) => {
    const features: ReadonlyArray<{ properties: { id: string; passageCount?: number } }> = ref.kind === 'place' ? data.places.features : data.legs.features;
    const total = features.find((f) => f.properties.id === ref.id)?.properties.passageCount;
    const shown = passagesOf(ref).length;
    if (total !== undefined && total > shown) groups.push({ heading: formatMessage(locale, 'figure.partial', { name, shown, total }), notes: [] });
  };
  let title = formatMessage(locale, 'figure.title');
  let subtitle: string | undefined;
  const activeJourney = journey ? index.journey(journey.id) : undefined;
  const step = activeJourney?.steps[journey!.step];
  const feature = selected ? index.feature(selected) : undefined;
  if (activeJourney && step) {
    const legs = step.legs.flatMap((id): Array<LegCore & Pick<LegProps, 'evidence'>> => {
      const leg = index.feature({ kind: 'leg', id });
      return leg?.kind === 'leg' ? [{ ...leg.props, evidence: passagesOf({ kind: 'leg', id }) }] : [];
    });
    title = activeJourney.name;
    subtitle = formatMessage(locale, 'figure.step', { step: journey!.step + 1, total: activeJourney.steps.length, name: step.branch ?? step.name ?? legs.map((l) => l.name).join(', ') });
    if (step.evidence) byRole(withoutNotes(step.evidence), step.name);
    for (const passage of groupLegsByPassage(legs)) byRole(passage.evidence, passage.names.join(', '));
    for (const leg of legs) sayIfPartial({ kind: 'leg', id: leg.id }, leg.name);
    if (feature) byRole(feature.kind === 'leg' ? withoutNotes(passagesOf(selected!)) : passagesOf(selected!), formatMessage(locale, 'figure.selected', { name: feature.props.name }));
    if (feature) sayIfPartial(selected!, feature.props.name);
  } else if (feature) {
    title = feature.props.name;
    subtitle = feature.kind === 'leg' ? formatMessage(locale, 'panel.legOf', { order: feature.props.order, route: feature.props.routeName }) : feature.props.roles.map((r) => roleName(r, locale)).join(' · ');
    byRole(feature.kind === 'leg' ? withoutNotes(passagesOf(selected!)) : passagesOf(selected!), undefined);
    sayIfPartial(selected!, feature.props.name);
  }
  return { title, ...(subtitle ? { subtitle } : {}), groups };
}
