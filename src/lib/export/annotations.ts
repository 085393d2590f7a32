import type { Atlas } from '../atlas/contract.ts';
import type { CorpusDocument, Evidence } from '../corpus/types.ts';
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

function target(doc: CorpusDocument, e: Evidence) {
  const body = bodyOffsets(doc);
  return {
    source: atlasUri.document(doc.id),
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: e.exact,
        prefix: body.slice(Math.max(0, e.start - CONTEXT_CHARS), e.start),
        suffix: body.slice(e.end, e.end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start: e.start, end: e.end },
    ],
  };
}

export function toWebAnnotations(atlas: Pick<Atlas, 'places' | 'legs' | 'documents'>) {
  const docs = new Map(atlas.documents.map((d) => [d.id, d]));
  const items = [
    ...atlas.places.features.flatMap((f) =>
      f.properties.evidence.map((e, i) => ({
        id: atlasUri.annotation('claim', `${f.properties.id}-${i + 1}`),
        type: 'Annotation',
        motivation: 'identifying',
        body: [
          { type: 'SpecificResource', source: atlasUri.place(f.properties.id), purpose: 'identifying' },
          { type: 'TextualBody', value: e.role, purpose: 'tagging', format: 'text/plain' },
          ...comments(e),
        ],
        target: target(docs.get(e.document)!, e),
      })),
    ),
    ...atlas.legs.features.flatMap((f) =>
      f.properties.evidence.map((e) => ({
        id: atlasUri.annotation('leg', f.properties.id),
        type: 'Annotation',
        motivation: 'linking',
        body: [
          { type: 'SpecificResource', source: atlasUri.leg(f.properties.id), purpose: 'identifying' },
          { type: 'SpecificResource', source: atlasUri.place(f.properties.from), purpose: 'linking' },
          { type: 'SpecificResource', source: atlasUri.place(f.properties.to), purpose: 'linking' },
          { type: 'TextualBody', value: `route leg: ${f.properties.name}`, purpose: 'describing', format: 'text/plain' },
          ...comments(e),
        ],
        target: target(docs.get(e.document)!, e),
      })),
    ),
  ];
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:archive-atlas:annotations',
    type: 'AnnotationCollection',
    label: 'Archive Atlas: places and route legs anchored in the documents',
    total: items.length,
    first: { id: 'urn:archive-atlas:annotations:page-1', type: 'AnnotationPage', startIndex: 0, items },
  };
}
