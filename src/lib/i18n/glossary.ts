/**
 * The Spanish interface's glossary: one term per concept, as a museum's editor would fix it for wall texts and
 * touch-screen copy. Each entry names the words it rejects and why; glossaryProblems finds them in a text, and a test
 * runs it over every Spanish message and every Spanish field the curators write.
 */
export interface GlossaryEntry {
  concept: string;
  /** The one Spanish term for the concept. */
  term: string;
  /** Words that must not stand for it (whole words, any case). */
  rejected: string[];
  why: string;
}

export const SPANISH_GLOSSARY: readonly GlossaryEntry[] = [
  { concept: 'a quoted passage of a document', term: 'fragmento', rejected: ['pasaje', 'pasajes'], why: '"pasaje" is also a travel ticket, on a map of trips' },
  { concept: 'a guided route through the documents', term: 'recorrido', rejected: ['recorrer el tiempo'], why: '"recorrer" is kept for journeys; the timeline plays ("Reproducir")' },
  { concept: 'one step of a journey', term: 'paso', rejected: ['etapa', 'etapas'], why: 'one word for a step' },
  { concept: 'a route leg', term: 'tramo', rejected: ['segmento', 'segmentos', 'trayecto', 'trayectos'], why: 'one word for a leg' },
  { concept: 'a place on the map', term: 'lugar', rejected: ['toque en cualquier lugar'], why: '"lugar" is the map\'s word for a place, not "anywhere on the screen"' },
  { concept: 'false papers', term: 'documentación falsa', rejected: ['documentos falsos', 'documento falso'], why: '"documento" is the archive\'s document everywhere else' },
  { concept: 'an archival reference', term: 'referencia', rejected: ['cita', 'citas', 'cita copiada'], why: '"cita" means both a quotation and a citation, beside quoted fragments' },
  { concept: 'the saved picture of the map', term: 'imagen', rejected: ['figura', 'figuras'], why: '"figura" is a calque of "figure"' },
  { concept: 'who translated a document', term: 'traducción', rejected: ['traductor', 'traductora', 'traductores'], why: 'gender-neutral' },
  { concept: 'a mobile phone', term: 'celular', rejected: ['teléfono'], why: 'the usual word in Latin America' },
  { concept: 'words that name something', term: 'mencionados', rejected: ['países nombrados', 'se lee como'], why: 'calques ("named countries", "reads as"): "mencionados", "se interpreta como"' },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = SPANISH_GLOSSARY.flatMap((entry) =>
  entry.rejected.map((word) => ({ entry, word, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu') })),
);

/** The rejected words a Spanish text uses, each with the term to use instead and why. */
export function glossaryProblems(text: string): Array<{ word: string; use: string; why: string }> {
  // The documents' own English words, quoted «like this», are not the interface's Spanish.
  const spanish = text.replace(/«[^»]*»/g, '«»');
  return patterns.filter((p) => p.pattern.test(spanish)).map((p) => ({ word: p.word, use: p.entry.term, why: p.entry.why }));
}
