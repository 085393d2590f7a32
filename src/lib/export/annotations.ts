import type { Atlas, LegProps, CorpusDocument, Evidence } from '../atlas/contract.ts';
import { atlasUri } from './ids.ts';
import { bodyOffsets } from '../corpus/offsets.ts';

// Claims and legs as W3C Web Annotations: the target is the exact words, by quote and by position. Both count
// code points, as the evidence offsets do, so a prefix never starts or a suffix never ends inside a character.
const CONTEXT_CHARS = 32;

/** The curator's note on a passage (an intention, a contradiction, where a date is read from), in each language written. */
function comments(e: Evidence) {
  return [
    ...(e.note ? [{ type: 'TextualBody', value: e.note, purpose: 'commenting', format: 'text/plain', language: 'en' }] : []),
    ...(e.note_es ? [{ type: 'TextualBody', value: e.note_es, purpose: 'commenting', format: 'text/plain', language: 'es' }] : []),
  ];
}

/** The exact words by quote (with 32 characters either side) and by position. */
function selectors(doc: CorpusDocument, q: { exact: string; start: number; end: number }) {
  const body = bodyOffsets(doc);
  return [
    {
      type: 'TextQuoteSelector',
      exact: q.exact,
      prefix: body.slice(Math.max(0, q.start - CONTEXT_CHARS), q.start),
      suffix: body.slice(q.end, q.end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start: q.start, end: q.end },
  ];
}

function target(doc: CorpusDocument, e: Evidence) {
  return { source: atlasUri.document(doc.id), selector: selectors(doc, e) };
}

const SUPPORT_WORDS = { from: 'the leg’s start', to: 'the leg’s end', period: 'the period' } as const;

/**
 * The passages the target's words rest on besides themselves: the context quote that names an end the leg's quote
 * does not, or that dates the claim. Each is a body linking a resource related to the target (its own words in the
 * same document), selected as the target is, so a reader can open the words the caveat names; its label says what
 * the passage gives words for.
 */
function contextBodies(doc: CorpusDocument, e: Evidence) {
  return (e.context ?? []).map((c) => ({
    type: 'SpecificResource',
    source: atlasUri.document(doc.id),
    purpose: 'linking',
    label: c.supports?.length ? `context: the words for ${c.supports.map((s) => SUPPORT_WORDS[s]).join(' and ')}` : 'context',
    selector: selectors(doc, c),
  }));
}

const DIRECTION_WORDS: Record<LegProps['direction'], string> = {
  directed: 'in the order the text gives',
  undirected: 'order of travel not stated',
  'round-trip': 'there and back, as the text says',
};
const END_WORDS = { from: 'start', to: 'end' } as const;

/** "route leg: Peru → Mexico (in the order the text gives; its start is not named in this passage: read from context)". */
export function legDescription(l: Pick<LegProps, 'name' | 'direction' | 'unstated'>): string {
  const unstated = (l.unstated ?? []).map((end) => END_WORDS[end]);
  const ends = unstated.length ? `; its ${unstated.join(' and ')} ${unstated.length > 1 ? 'are' : 'is'} not named in this passage: read from context` : '';
  return `route leg: ${l.name} (${DIRECTION_WORDS[l.direction]}${ends})`;
}

/** The annotations, one at a time in published order: the places' passages, then the legs'. */
export function* webAnnotationItems(atlas: Pick<Atlas, 'places' | 'legs' | 'documents'>) {
  const docs = new Map(atlas.documents.map((d) => [d.id, d]));
  for (const f of atlas.places.features) {
    for (const [i, e] of f.properties.evidence.entries()) {
      yield {
        id: atlasUri.annotation('claim', `${f.properties.id}-${i + 1}`),
        type: 'Annotation',
        motivation: 'identifying',
        body: [
          { type: 'SpecificResource', source: atlasUri.place(f.properties.id), purpose: 'identifying' },
          { type: 'TextualBody', value: e.role, purpose: 'tagging', format: 'text/plain' },
          ...comments(e),
          ...contextBodies(docs.get(e.document)!, e),
        ],
        target: target(docs.get(e.document)!, e),
      };
    }
  }
  for (const f of atlas.legs.features) {
    for (const e of f.properties.evidence) {
      yield {
        id: atlasUri.annotation('leg', f.properties.id),
        type: 'Annotation',
        motivation: 'linking',
        body: [
          { type: 'SpecificResource', source: atlasUri.leg(f.properties.id), purpose: 'identifying' },
          { type: 'SpecificResource', source: atlasUri.place(f.properties.from), purpose: 'linking' },
          { type: 'SpecificResource', source: atlasUri.place(f.properties.to), purpose: 'linking' },
          { type: 'TextualBody', value: legDescription(f.properties), purpose: 'describing', format: 'text/plain' },
          ...comments(e),
          ...contextBodies(docs.get(e.document)!, e),
        ],
        target: target(docs.get(e.document)!, e),
      };
    }
  }
}

/** How many annotations webAnnotationItems gives, without making them (the collection states its total first). */
export const webAnnotationCount = (atlas: Pick<Atlas, 'places' | 'legs'>) =>
  [...atlas.places.features, ...atlas.legs.features].reduce((n, f) => n + f.properties.evidence.length, 0);

/** The collection around `items`: an array, or a lazy one (jsonArrayOf) when it is written in pieces. */
export function webAnnotationCollection<Items>(items: Items, total: number) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:archive-atlas:annotations',
    type: 'AnnotationCollection',
    label: 'Archive Atlas: places and route legs anchored in the documents',
    total,
    first: { id: 'urn:archive-atlas:annotations:page-1', type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function toWebAnnotations(atlas: Pick<Atlas, 'places' | 'legs' | 'documents'>) {
  const items = [...webAnnotationItems(atlas)];
  return webAnnotationCollection(items, items.length);
}
