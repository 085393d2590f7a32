import { describe, expect, it } from 'vitest';
import { localiseAtlasData } from '../../src/lib/state/localise.ts';
import { searchPlaces } from '../../src/lib/corpus/queries.ts';
import { realAtlasData } from '../helpers/real-atlas.ts';

const atlas = realAtlasData;
const props = <P extends { id: string }>(fc: { features: Array<{ properties: P }> }, id: string) => fc.features.find((f) => f.properties.id === id)!.properties as P & { label?: string; roleName?: string };

describe('the data in the page’s language', () => {
  it.each([
    ['havana', 'La Habana'], ['mexico', 'México'], ['peru', 'Perú'], ['brazil', 'Brasil'], ['prague', 'Praga'], ['paris', 'París'],
    ['united-states', 'Estados Unidos'], ['berlin', 'Berlín Occidental'], ['dominican-republic', 'República Dominicana'],
  ])('names %s "%s" on the map, in the panel and the list in Spanish', (id, name) => {
    const es = localiseAtlasData(atlas(), 'es');
    expect(props(es.places, id).name).toBe(name);
    expect(props(es.labels, id).label).toBe(id === 'dominican-republic' ? 'Rep. Dominicana' : name);
  });

  it('keeps the English names in English, with the Spanish one among the aliases', () => {
    const en = localiseAtlasData(atlas(), 'en');
    expect(props(en.places, 'mexico')).toMatchObject({ name: 'Mexico', roleName: 'Transit hub' });
    expect(props(en.places, 'mexico').aliases).toContain('México');
  });

  it('names a leg’s ends in Spanish, and the role in screen-reader names', () => {
    const es = localiseAtlasData(atlas(), 'es');
    expect(es.legs.features.map((f) => f.properties.name)).toContain('Cuba → París');
    expect(props(es.places, 'paris').roleName).toBe('Centro de mando de la red');
    // A leg's screen-reader name on the SVG map says what it is in the language too.
    expect(es.legs.features.map((f) => (f.properties as { roleName?: string }).roleName)).toEqual(es.legs.features.map(() => 'Tramo de ruta'));
    expect((localiseAtlasData(atlas(), 'en').legs.features[0]!.properties as { roleName?: string }).roleName).toBe('Route leg');
  });

  it('finds Havana by "La Habana" and Mexico by "México" or "Mexico", in either language', () => {
    for (const locale of ['en', 'es'] as const) {
      const data = localiseAtlasData(atlas(), locale);
      expect(searchPlaces(data, 'La Habana')[0]).toMatchObject({ kind: 'place', id: 'havana' });
      expect(searchPlaces(data, 'Mexico')[0]).toMatchObject({ kind: 'place', id: 'mexico' });
      expect(searchPlaces(data, 'Brasil')[0]).toMatchObject({ kind: 'place', id: 'brazil' });
    }
  });

  it('takes the countries’ Spanish names from i18n-iso-countries where places.yaml says so', async () => {
    const countries = (await import('i18n-iso-countries')).default;
    countries.registerLocale((await import('i18n-iso-countries/langs/es.json', { with: { type: 'json' } })).default);
    const { readFileSync } = await import('node:fs');
    const yaml = readFileSync('geodata/places.yaml', 'utf8');
    const cited = [...yaml.matchAll(/name_es: (.+)\n(?: {2}label_es: .+\n)? {2}name_es_source: "i18n-iso-countries 7\.14\.0, Spanish \(es\) name of ISO 3166-1 ([A-Z]{2})"/g)];
    expect(cited.length).toBeGreaterThanOrEqual(15);
    for (const [, name, code] of cited) expect(name, code).toBe(countries.getName(code!, 'es'));
  });
});
