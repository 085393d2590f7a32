import { beforeAll, describe, expect, it } from 'vitest';
import { featureKey, type Atlas, type EvidenceSource, type FeatureRef } from '../../src/lib/atlas/contract.ts';
import { ROLES, type Role } from '../../src/lib/atlas/roles.ts';
import { featureSourcesChunks } from '../../src/lib/corpus/page-layer.ts';
import { realAtlas, realAtlasData } from '../helpers/real-atlas.ts';
import { connectionsOf, groupLegsByPassage, networkOf, searchAtlas, visibleFeatures, NO_FILTERS, reportedBy, documentSwitches, DOCUMENT_SWITCHES_SHOWN, findAmong } from '../../src/lib/corpus/queries.ts';
import { encodeUrlState, decodeUrlState, type UrlState } from '../../src/lib/address/url-state.ts';
import { latestDay, earliestDay, monthsBetween, byReportedDay } from '../../src/lib/corpus/dates.ts';
import { createCorpusFiles } from '../helpers/corpus-fixture.ts';
import { loadCorpus } from '../../src/lib/corpus/load.ts';
import { deriveAtlas } from '../../src/lib/corpus/derive.ts';
import { loadWorldAtlas } from '../../src/build/corpus-files.ts';

let atlas: Atlas;
let world: ReturnType<typeof loadWorldAtlas>;
beforeAll(() => {
  atlas = realAtlas();
  world = loadWorldAtlas();
});

describe('journeys', () => {
  it('tell the return by way of Paris step by step, with the countries the memo names together', () => {
    const journey = atlas.journeys.find((j) => j.id === 'return-via-paris')!;
    const legName = (id: string) => atlas.legs.features.find((f) => f.properties.id === id)!.properties.name;
    expect(journey.steps.map((s) => [s.branch ?? null, s.legs.map(legName)])).toEqual([
      [null, ['Cuba → Paris']],
      ['To several Latin American countries, among them Colombia and Brazil', ['Paris → Colombia', 'Paris → Brazil']],
      ['From the re-entry points into Peru', ['Colombia → Peru', 'Brazil → Peru']],
    ]);
    expect(atlas.journeys.map((j) => j.id)).toEqual(['outbound-via-mexico', 'return-via-paris', 'through-paris-and-prague', 'return-via-mexico', 'to-cuba-and-back']);
  });
});

describe('a journey step’s passages', () => {
  const stepLegs = (journeyId: string, step: number) =>
    atlas.journeys.find((j) => j.id === journeyId)!.steps[step]!.legs.map((id) => atlas.legs.features.find((f) => f.properties.id === id)!.properties);

  it('shows the sentence behind ten legs once, with every leg it supports', () => {
    const groups = groupLegsByPassage(stepLegs('to-cuba-and-back', 0));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.names).toHaveLength(10);
    expect(groups[0]!.evidence.map((e) => e.exact)).toEqual([expect.stringMatching(/^training partisan groups arriving in Cuba from Venezuela/)]);
    expect(groups[0]!.notes).toHaveLength(1);
  });

  it('keeps each leg’s own note when two legs share a sentence, and takes the notes off the passage', () => {
    const [group] = groupLegsByPassage(stepLegs('return-via-paris', 2));
    expect(group!.names).toEqual(['Colombia → Peru', 'Brazil → Peru']);
    expect(group!.notes.map((n) => /names (\w+) as a re-entry point/.exec(n)?.[1])).toEqual(['Colombia', 'Brazil']);
    expect(group!.evidence.every((e) => e.note === undefined)).toBe(true);
  });
});

describe('the network around a place', () => {
  it('shows Paris as the centre: three legs, their other ends, and the documents that name it (Prague is named with it, not a leg)', () => {
    const paris = connectionsOf(atlas, 'paris');
    expect(paris.legs.map((l) => l.name).sort()).toEqual(['Cuba → Paris', 'Paris → Brazil', 'Paris → Colombia']);
    expect(paris.others.sort()).toEqual(['brazil', 'colombia', 'cuba']);
    expect(paris.documents).toEqual(['cia-1963-04-11']);
  });
});

describe('the network around a place', () => {
  it('lists every leg that touches the place, in the legs’ order, and the places at their other ends', () => {
    for (const { properties: place } of atlas.places.features) {
      const legs = atlas.legs.features.map((f) => f.properties).filter((l) => l.from === place.id || l.to === place.id);
      const network = networkOf(atlas, place.id);
      expect(network.legs.map((l) => l.id), place.id).toEqual(legs.map((l) => l.id));
      expect(network.others, place.id).toEqual([...new Set(legs.map((l) => (l.from === place.id ? l.to : l.from)))]);
    }
    expect(networkOf(atlas, 'paris').legs.map((l) => l.name)).toContain('Cuba → Paris');
    // A new collection of legs (another language's) is read afresh.
    const fewer = { legs: { ...atlas.legs, features: atlas.legs.features.filter((f) => f.properties.to !== 'paris') } };
    expect(networkOf(fewer, 'paris').legs.map((l) => l.name)).not.toContain('Cuba → Paris');
  });
});

describe('filters', () => {
  it('shows only what the documents had reported by a date', () => {
    const early = visibleFeatures(atlas, { ...NO_FILTERS, until: '1961-12' });
    expect(early.places.sort()).toEqual(['cuba', 'moscow', 'united-states', 'ussr']);
    expect(early.legs).toEqual([]);
    const mid1962 = visibleFeatures(atlas, { ...NO_FILTERS, until: '1962-04' });
    expect(mid1962.places).toContain('venezuela');
    expect(mid1962.places).not.toContain('paris');
    expect(visibleFeatures(atlas, NO_FILTERS).places).toHaveLength(35);
  });

  it('switches roles, routes and documents off', () => {
    const noOrigins = visibleFeatures(atlas, { ...NO_FILTERS, hiddenRoles: ['origin', 'destination'] });
    expect(noOrigins.places).not.toContain('venezuela');
    expect(noOrigins.places).toContain('peru'); // Peru is also a front, a re-entry point and context
    expect(visibleFeatures(atlas, { ...NO_FILTERS, routes: false }).legs).toEqual([]);
    const noCia = visibleFeatures(atlas, { ...NO_FILTERS, hiddenDocuments: ['cia-1963-04-11'] });
    expect(noCia.places).not.toContain('paris');
    expect(noCia.legs.every((id) => id.startsWith('to-cuba-and-back-'))).toBe(true);
    expect(noCia.legs).toHaveLength(10);
  });

  it('shows on the page (each role’s first reported day, then the pairs file for document switches) what it shows from the passages', () => {
    const page = realAtlasData();
    const months = monthsBetween('1961-01', '1963-12');
    const roleSets: Role[][] = [[], ...ROLES.map((r) => [r]), ['origin', 'destination'], ROLES.filter((r) => r !== 'context')];
    let differing = 0;
    for (const until of [null, ...months]) {
      for (const hiddenRoles of roleSets) {
        const filters = { ...NO_FILTERS, hiddenRoles, until };
        const fromPassages = visibleFeatures(atlas, filters);
        expect(visibleFeatures(page, filters), JSON.stringify(filters)).toEqual(fromPassages);
        if (fromPassages.places.length !== 35) differing++;
      }
    }
    expect(differing, 'filters that hide something').toBeGreaterThan(100);
    // Switching a document off needs every (document, role) pair: until they have come the page applies the time
    // and role filters alone; with them, it hides what the passages do.
    const sources = JSON.parse([...featureSourcesChunks(atlas)].join('')) as Record<string, EvidenceSource[]>;
    const sourcesOf = (ref: FeatureRef) => sources[featureKey(ref)];
    for (const doc of atlas.documents) {
      const filters = { ...NO_FILTERS, hiddenDocuments: [doc.id], until: '1963-06' };
      expect(visibleFeatures(page, filters, sourcesOf), doc.id).toEqual(visibleFeatures(atlas, filters));
    }
    const noCia = { ...NO_FILTERS, hiddenDocuments: ['cia-1963-04-11'] };
    expect(visibleFeatures(page, noCia, () => undefined).places).toContain('paris');
    expect(visibleFeatures(page, noCia, sourcesOf).places).not.toContain('paris');
  });

  it.each([
    ['1961', '1961-01', false],
    ['1961', '1961-06', false],
    ['1961', '1961-11', false],
    ['1961', '1961-12', true],
    ['1961', '1962-01', true],
    ['1962-02', '1962-01', false],
    ['1962-02', '1962-02', true],
    ['1962-04-14', '1962-03', false],
    ['1962-04-14', '1962-04', true],
    [undefined, '1961-01', true],
  ])('a document dated %s is reported by %s: %s', (date, until, expected) => {
    expect(reportedBy(date, until)).toBe(expected);
  });
});

describe('the timeline takes a year- or month-dated document at the latest day it can mean', () => {
  it('the 1961 Soviet paper, dated only "1961", enters at December 1961, not January', () => {
    const paper = atlas.documents.find((d) => d.id === 'soviet-embassy-1961')!;
    expect(paper.date).toBe('1961');
    const itsPlaces = atlas.places.features.filter((f) => f.properties.documents.includes(paper.id)).map((f) => f.properties.id);
    expect(itsPlaces.length).toBeGreaterThan(0);
    // Nothing else was reported in 1961: before its last day the map is empty, then it shows what the paper names.
    for (const until of ['1961-01', '1961-06', '1961-11']) expect({ until, shown: visibleFeatures(atlas, { ...NO_FILTERS, until }) }).toEqual({ until, shown: { places: [], legs: [] } });
    expect(visibleFeatures(atlas, { ...NO_FILTERS, until: '1961-12' }).places.sort()).toEqual(itsPlaces.sort());
  });

  it('orders documents and each place’s passages by that day: "1961" after "1961-06-01"', () => {
    const files = createCorpusFiles();
    const early = files.documents[0]!.text.replace('id: test-doc', 'id: june-doc').replace('date: "1963-04-11"', 'date: "1961-06-01"');
    const year = files.documents[0]!.text.replace('id: test-doc', 'id: year-doc').replace('date: "1963-04-11"', 'date: "1961"');
    const claims = (doc: string) => files.claims[0]!.text.replace('document: test-doc', `document: ${doc}`);
    const corpus = loadCorpus({
      ...files,
      documents: [
        { path: 'documents/year-doc.md', text: year },
        { path: 'documents/june-doc.md', text: early },
      ],
      claims: [
        { path: 'claims/year-doc.yaml', text: claims('year-doc') },
        { path: 'claims/june-doc.yaml', text: claims('june-doc') },
      ],
      routes: { path: 'routes.yaml', text: files.routes.text.replace('document: test-doc', 'document: june-doc') },
    });
    const derived = deriveAtlas(corpus, world.places50m, world.basemap110m);
    expect(derived.documents.map((d) => d.id)).toEqual(['june-doc', 'year-doc']);
    expect(derived.places.features.find((f) => f.properties.id === 'paris')!.properties.evidence.map((e) => e.document)).toEqual(['june-doc', 'year-doc']);
  });

  it.each([
    [['1961', '1961-06-01', '1962-02', '1961-12-30', '1962-02-27'], ['1961-06-01', '1961-12-30', '1961', '1962-02-27', '1962-02']],
  ])('byReportedDay sorts %j as %j', (dates, sorted) => {
    expect([...dates].sort(byReportedDay)).toEqual(sorted);
  });
});

describe('search', () => {
  it('finds Havana by the memo’s spelling, Habana', () => {
    expect(searchAtlas(atlas, 'habana')[0]).toMatchObject({ kind: 'place', id: 'havana', matched: 'Habana' });
  });

  it('shows a passage near the archive’s <sup> footnote marker without the tag, whole or cut in half', () => {
    const snippets = ['President Dorticos', 'In my presence Dorticos', 'letters to President'].flatMap((q) =>
      searchAtlas(atlas, q).flatMap((r) => (r.kind === 'passage' ? [r.snippet] : [])),
    );
    expect(snippets.some((s) => s.includes('Dorticos.[1]'))).toBe(true);
    for (const s of snippets) expect(s).not.toMatch(/<|>|\bsup\b/);
  });

  it('finds passages by their words, with offsets into the document body', () => {
    const results = searchAtlas(atlas, 'swiss banks').flatMap((r) => (r.kind === 'passage' ? [r] : []));
    expect(results).toHaveLength(1);
    const r = results[0]!;
    const body = atlas.documents.find((d) => d.id === r.document)!.body;
    expect(body.slice(r.start, r.end)).toBe('Swiss banks');
  });
});

describe('dates', () => {
  it.each([
    ['1961', '1961-01-01', '1961-12-31'],
    ['1962-02', '1962-02-01', '1962-02-28'],
    ['1962-04-14', '1962-04-14', '1962-04-14'],
  ])('%s spans %s to %s', (iso, first, last) => {
    expect([earliestDay(iso), latestDay(iso)]).toEqual([first, last]);
  });
  it('lists the timeline’s months', () => {
    expect(monthsBetween('1961-11', '1962-02')).toEqual(['1961-11', '1961-12', '1962-01', '1962-02']);
  });
});

describe('deep links', () => {
  const createState = (): UrlState => ({
    selected: { kind: 'place', id: 'paris' },
    journey: { id: 'return-via-paris', step: 2 },
    reader: { document: 'cia-1963-04-11', start: 10, end: 40 },
    view: { lng: -40.12345, lat: 20.5, zoom: 3.456 },
    filters: { hiddenRoles: ['origin', 'context'], routes: false, hiddenDocuments: ['kgb-1962-04-14'], until: '1962-06' },
  });

  it('round-trips what is on screen through the URL', () => {
    const hash = encodeUrlState(createState());
    expect(hash).toBe('#place=paris&journey=return-via-paris:3&doc=cia-1963-04-11:10-40&hide=context,origin&routes=off&hidedocs=kgb-1962-04-14&until=1962-06&view=-40.123,20.5,3.46');
    expect(decodeUrlState(hash)).toEqual({ ...createState(), view: { lng: -40.123, lat: 20.5, zoom: 3.46 }, filters: { ...createState().filters, hiddenRoles: ['context', 'origin'] } });
  });

  it('ignores what it cannot trust', () => {
    expect(decodeUrlState('#place=<script>&until=1962-13&view=1,200,3&hide=bogus')).toEqual({
      selected: null,
      journey: null,
      reader: null,
      view: null,
      filters: { hiddenRoles: [], routes: true, hiddenDocuments: [], until: null },
    });
  });
});

describe('documentSwitches: the key’s document switches at any corpus size', () => {
  const doc = (n: number, title = `Memo ${n}`) => ({ id: `d${n}`, title, date: `1962-${String((n % 12) + 1).padStart(2, '0')}-01`, originator: n % 2 ? 'CIA' : 'KGB' });
  const many = Array.from({ length: 10_000 }, (_, i) => doc(i));

  it('offers every document of a small corpus, in its order', () => {
    const few = many.slice(0, DOCUMENT_SWITCHES_SHOWN);
    expect(documentSwitches(few, ['d3'], 'zzz')).toBe(few);
  });

  it('of a large one, those switched off first, then up to the limit of those whose title, originator or date hold the words typed', () => {
    expect(documentSwitches(many, [], '').map((d) => d.id)).toEqual(many.slice(0, DOCUMENT_SWITCHES_SHOWN).map((d) => d.id));
    const off = documentSwitches(many, ['d9999', 'd5000'], '');
    expect(off.slice(0, 2).map((d) => d.id)).toEqual(['d5000', 'd9999']);
    expect(off).toHaveLength(DOCUMENT_SWITCHES_SHOWN + 2);
    expect(documentSwitches(many, [], 'memo 9998').map((d) => d.id)).toEqual(['d9998']);
    expect(documentSwitches(many, [], '  MEMO 9998 ').map((d) => d.id), 'case and blanks ignored').toEqual(['d9998']);
    const kgbInMarch = documentSwitches(many, [], '1962-03', 5);
    expect(kgbInMarch.map((d) => d.date)).toEqual(Array(5).fill('1962-03-01'));
    expect(documentSwitches(many, [], 'KGB', 3).every((d) => d.originator === 'KGB')).toBe(true);
    // Typography folded as in the passages' search: a typed straight quote finds a curly one.
    const quoted = [...many, doc(10_000, 'Castro’s letter')];
    expect(documentSwitches(quoted, [], "castro's").map((d) => d.id)).toEqual(['d10000']);
  });
});

describe('findAmong: a long list cut to what a visitor can read', () => {
  const journeys = Array.from({ length: 15_000 }, (_, i) => ({ id: `j${i}`, name: i % 3 ? `Out to Cuba by way of Mexico ${i}` : `Back by way of Paris ${i}`, name_es: i % 3 ? `Hacia Cuba por México ${i}` : `De regreso por París ${i}` }));
  const text = (j: (typeof journeys)[number]) => `${j.name} ${j.name_es}`;

  it('lists the first ones until something is typed, then those that hold it, in either language', () => {
    expect(findAmong(journeys, text, '', 40).map((j) => j.id)).toEqual(journeys.slice(0, 40).map((j) => j.id));
    const paris = findAmong(journeys, text, 'parís', 40);
    expect(paris).toHaveLength(40);
    expect(paris.every((j) => j.name.startsWith('Back by way of Paris'))).toBe(true);
    expect(findAmong(journeys, text, 'Mexico 14999', 40).map((j) => j.id)).toEqual(['j14999']);
    expect(findAmong(journeys, text, 'nowhere', 40)).toEqual([]);
    expect(findAmong(journeys.slice(0, 40), text, 'nowhere', 40), 'a short list whole').toHaveLength(40);
  });
});
