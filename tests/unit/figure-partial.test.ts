import { describe, expect, it } from 'vitest';
import { figureSubject, type FigureData } from '../../src/lib/figure/footnotes.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

// Issue 27: a feature's file holds a first page of its passages; the figure quotes those the page has and says so
// where that is not all of them (a figure of every passage of a place quoted thousands of times would run to hundreds of pages).

/** The derivation's data with Havana's passages as the page has them: its first `shown`, of `total`. */
function createData(shown: number, total: number): FigureData {
  const { basemap: _basemap, ...atlas } = realAtlas();
  const havana = atlas.places.features.find((f) => f.properties.id === 'havana')!;
  Object.assign(havana.properties, { evidence: havana.properties.evidence.slice(0, shown), passageCount: total });
  return atlas;
}
const headings = (data: FigureData, locale: 'en' | 'es' = 'en') => figureSubject(data, { kind: 'place', id: 'havana' }, null, undefined, locale).groups.map((g) => g.heading ?? '');

describe('a figure of a feature whose passages are not all here', () => {
  it('quotes the passages the page has and says how many of how many, in the page’s language', () => {
    const data = createData(2, 3200);
    const subject = figureSubject(data, { kind: 'place', id: 'havana' }, null);
    expect(subject.groups.flatMap((g) => g.notes)).toHaveLength(2);
    expect(headings(data)).toContain('Havana: the 2 passages open in the atlas when this figure was made, of 3,200; the link below opens the rest.');
    expect(headings(data, 'es')).toContain('Havana: los 2 fragmentos abiertos en el atlas al hacer esta imagen, de 3200; el enlace de abajo abre los demás.');
  });

  it('says nothing of the kind when every passage is quoted', () => {
    const all = realAtlas().places.features.find((f) => f.properties.id === 'havana')!.properties.evidence.length;
    expect(headings(createData(all, all)).filter((h) => /open in the atlas/.test(h))).toEqual([]);
  });
});
