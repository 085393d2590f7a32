import { describe, expect, it } from 'vitest';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';
import { readCorpusFiles, loadWorldAtlas } from '../../src/build/corpus-files.ts';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { missingSpanish } from '../../src/lib/corpus/translations.ts';
import { CorpusInvalid } from '../../src/lib/corpus/errors.ts';

const routesWith = (extra: string[]) =>
  ['- id: out', '  name: Out', ...extra, '  document: test-doc', '  legs:', '    - from: lima', '      to: paris', '      quote: { exact: "The courier went from Lima to Paris." }', '      note: Read from the memo.', ''].join('\n');

describe('the Spanish curator fields', () => {
  it('are written for every journey name, branch label and note of the bundled corpus', () => {
    expect(missingSpanish(readCorpusFiles('geodata'))).toEqual([]);
  });

  it('are listed by file and line where missing', () => {
    const files = createCorpusFiles({ routes: routesWith([]) });
    expect(missingSpanish(files)).toEqual([
      { file: 'routes.yaml', line: 2, field: 'name', english: 'Out' },
      { file: 'routes.yaml', line: 8, field: 'note', english: 'Read from the memo.' },
    ]);
    expect(missingSpanish(createCorpusFiles({ routes: routesWith(['  name_es: Ida']) })).map((g) => g.field)).toEqual(['note']);
  });

  it('reach the derived journeys, legs and passages', () => {
    const corpus = loadCorpus(readCorpusFiles('geodata'));
    const { places50m, basemap110m } = loadWorldAtlas();
    const atlas = deriveAtlas(corpus, places50m, basemap110m);
    const journey = atlas.journeys.find((j) => j.id === 'return-via-paris')!;
    expect(journey.name_es).toBe('De regreso por París');
    expect(journey.steps[1]!.branch_es).toBe('A varios países latinoamericanos, entre ellos Colombia y Brasil');
    const leg = atlas.legs.features.find((f) => f.properties.id === 'return-via-paris-2')!.properties;
    expect(leg.routeName_es).toBe('De regreso por París');
    expect(leg.note_es).toMatch(/^El memorando nombra a Colombia y Brasil/);
    expect(leg.evidence[0]!.note_es).toBe(leg.note_es);
    const havana = atlas.places.features.find((f) => f.properties.id === 'havana')!.properties;
    expect(havana.evidence.some((e) => e.note_es?.startsWith('Una intención'))).toBe(true);
  });

  it('are refused when empty or misspelt, naming the file and line', () => {
    const problems = (routes: string) => {
      try {
        loadCorpus(createCorpusFiles({ routes }));
        return [];
      } catch (e) {
        if (!(e instanceof CorpusInvalid)) throw e;
        return e.message.split('\n').slice(1);
      }
    };
    expect(problems(routesWith(['  name_es: ""']))).toEqual(['  - routes.yaml line 3: "0.name_es" is empty; write the text, or leave the field out']);
    expect(problems(routesWith(['  nombre_es: Ida']))).toEqual([expect.stringMatching(/^ {2}- routes\.yaml line \d+: .*unknown field "nombre_es"; check its spelling$/)]);
  });
});
