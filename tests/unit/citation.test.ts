import { describe, expect, it } from 'vitest';
import { citationNote, paragraphReference, passageCitation, passageCslJson } from '../../src/lib/corpus/citation.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

// What a historian pastes (issue 32): the words on their own line, then one note in one style, with the record, the
// date in one format, the paragraph and the atlas's link.
const atlas = realAtlas();
const doc = (id: string) => atlas.documents.find((d) => d.id === id)!;
const passage = (placeId: string, exact: string) => atlas.places.features.find((f) => f.properties.id === placeId)!.properties.evidence.find((e) => e.exact === exact)!;

describe('a passage’s citation', () => {
  it('puts the quote on its own line, then a Chicago note: originator, “title,” recipient, date, record, archive, paragraph, link', () => {
    const e = passage('havana', 'He received his first training in Habana.');
    expect(passageCitation(doc('cia-1963-04-11'), e, 'https://atlas.example/').split('\n')).toEqual([
      '“He received his first training in Habana.”',
      'CIA, “Activities of Cuban-Trained Peruvian Guerrillas,” to The Director of Central Intelligence, 11 April 1963, record 176-10036-10058, ' +
        'NARA, JFK Assassination System, National Security Files, Box 51: Cuba, Subjects intelligence material 6/63-7/63, Box 1, ¶ 4 of the transcription, ' +
        `Archive Atlas, https://atlas.example/#doc=cia-1963-04-11:${e.start}-${e.end}.`,
    ]);
  });

  it('writes every date one way, day month year, never inventing a day', () => {
    expect(citationNote(atlas.documents.find((d) => d.id === 'alekseev-1962-10-28')!, { exact: 'x', start: 0, end: 1 })).toContain(', 28 October 1962, ');
    expect(citationNote(doc('soviet-embassy-1961'), { exact: 'x', start: 0, end: 1 })).toMatch(/,” 1961, trans\./);
    // The archives' own citations mix "11 April 1963" and "October 28, 1962"; the notes do not.
    for (const d of atlas.documents) expect(citationNote(d, { exact: 'x', start: 0, end: 1 })).not.toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},/);
  });

  it('gives the memo’s own paragraph number where it numbers its paragraphs, else the transcription’s', () => {
    const cia = doc('cia-1963-04-11');
    expect(paragraphReference(cia, passage('paris', 'Paris has emerged as the center of the network.').start)).toBe('para. 8');
    expect(paragraphReference(cia, passage('havana', 'He received his first training in Habana.').start)).toBe('¶ 4 of the transcription');
  });

  it('says what is not known: the KGB report’s note names no archive, as its source does not', () => {
    expect(citationNote(doc('kgb-1962-04-14'), { exact: 'x', start: 300, end: 301 })).toContain('the source archive is not named in the text');
  });

  it('offers the same facts as CSL-JSON for a reference manager', () => {
    const e = passage('paris', 'Paris has emerged as the center of the network.');
    expect(passageCslJson(doc('cia-1963-04-11'), e, 'https://atlas.example/')).toMatchObject({
      type: 'manuscript',
      title: 'Activities of Cuban-Trained Peruvian Guerrillas',
      author: [{ literal: 'CIA' }],
      issued: { 'date-parts': [[1963, 4, 11]] },
      archive_location: '176-10036-10058',
      locator: 'para. 8',
      URL: `https://atlas.example/#doc=cia-1963-04-11:${e.start}-${e.end}`,
      note: '“Paris has emerged as the center of the network.”',
    });
    expect(passageCslJson(doc('soviet-embassy-1961'), { exact: 'x', start: 0, end: 1 })).toMatchObject({ issued: { 'date-parts': [[1961]] } });
  });
});
