import type { Atlas, PlaceProps, CorpusDocument, Evidence } from '../atlas/contract.ts';
import { formatMessage } from '../i18n/format.ts';
import { formatIsoDate } from '../corpus/dates.ts';
import { atlasUri, oneLine } from './ids.ts';

// Linked Places Format (the World Historical Gazetteer's GeoJSON-LD), v1.2: one feature per place.
export const LPF_CONTEXT = 'https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld';

const TYPES: Record<string, { identifier?: string; label: string }> = {
  city: { identifier: 'aat:300008389', label: 'cities' },
  country: { identifier: 'aat:300128207', label: 'nations' },
  region: { identifier: 'aat:300182722', label: 'regions (geographic)' },
  site: { label: 'site' },
};

const certainty = { point: 'certain', country: 'certain', area: 'uncertain' } as const;

/**
 * The event's own period where the passage gives one, else the document's date. A period the text hedges
 * ("over the past three months") keeps that: its ends are `earliest`/`latest` bounds, not exact `in` dates.
 */
export function timespan(e: Evidence, doc: CorpusDocument) {
  if (e.period?.from || e.period?.to) {
    const from = e.period.from ?? e.period.to!;
    const to = e.period.to ?? e.period.from!;
    return e.period.approximate ? { start: { earliest: from }, end: { latest: to } } : { start: { in: from }, end: { in: to } };
  }
  return { start: { in: doc.date }, end: { in: doc.date } };
}

/** Each place as an LPF feature, one at a time (the collection at 100,000 documents is too big for one string). */
export function* linkedPlaceFeatures(atlas: Pick<Atlas, 'places' | 'documents'>) {
  const docs = new Map(atlas.documents.map((d) => [d.id, d]));
  // A document is cited under many names of many places: its label is worked out once.
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? labels.set(id, oneLine(docs.get(id)!.citation)).get(id)!;
  const citation = (id: string) => ({ '@id': atlasUri.document(id), label: label(id) });
  const feature = (p: PlaceProps, geometry: Atlas['places']['features'][number]['geometry']) => {
    // A document is cited for a name only where its text uses that name (the letter says "Berlin", never "West
    // Berlin"): its mentions are found as the reader marks them, whole words with the gazetteer's case.
    // Each document's names for this place, gathered once rather than once per name (a country is in most documents).
    const namesIn = p.documents.map((id) => ({ id, names: new Set(docs.get(id)!.mentions.filter((m) => m.place === p.id).map((m) => m.text)) }));
    const usedIn = (toponym: string) => namesIn.filter(({ names }) => names.has(toponym)).map(({ id }) => id);
    const type = TYPES[p.kind] ?? { label: p.kind };
    return {
      '@id': atlasUri.place(p.id),
      type: 'Feature',
      properties: { title: p.name },
      names: [p.name, ...p.aliases].map((toponym) => ({ toponym, lang: 'en', citations: usedIn(toponym).map(citation) })),
      types: [{ ...type, sourceLabel: p.kind }],
      geometry: {
        type: 'GeometryCollection',
        geometries: [{ ...geometry, certainty: certainty[p.precision], source: oneLine(p.coordinateSource) }],
      },
      when: {
        timespans: p.evidence.map((e) => timespan(e, docs.get(e.document)!)),
        label: 'when the documents attest the place in these roles: the period a passage gives, else its document\'s date; earliest/latest where the text gives the period only approximately',
      },
      links: [
        ...(p.wikidata ? [{ type: 'closeMatch', identifier: `wd:${p.wikidata}` }] : []),
        ...(p.geonames ? [{ type: 'closeMatch', identifier: `gn:${p.geonames}` }] : []),
      ],
      descriptions: p.evidence.map((e) => {
        const doc = docs.get(e.document)!;
        return {
          // The curator's note goes with the words it qualifies (an intention, a contradiction, a date read from context).
          value: oneLine(`${formatMessage('en', `role.${e.role}`)} — ${doc.title} (${formatIsoDate(doc.date)}): “${e.exact}”${e.note ? `. Note: ${e.note}` : ''}`),
          lang: 'en',
        };
      }),
    };
  };
  for (const f of atlas.places.features) yield feature(f.properties, f.geometry);
}

/** The LPF collection around `features`: an array, or a lazy one (jsonArrayOf) when it is written in pieces. */
export const linkedPlacesCollection = <Features>(features: Features) => ({ '@context': LPF_CONTEXT, type: 'FeatureCollection', features });

export const toLinkedPlaces = (atlas: Pick<Atlas, 'places' | 'documents'>) => linkedPlacesCollection([...linkedPlaceFeatures(atlas)]);
