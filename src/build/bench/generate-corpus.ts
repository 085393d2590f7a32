/**
 * A benchmark corpus: the five real documents, plus generated memos written from the real gazetteer,
 * laid out like geodata/ (sources/, documents/, places.yaml, claims/, routes.yaml) and valid as it.
 *
 * Every generated document is marked as synthetic in its citation and summary. Its sentences name
 * gazetteer places by their names and aliases in the roles the real corpus uses; claims and route
 * legs quote those sentences exactly; a raw source with some web-page chrome around the body lets
 * the fidelity check pass. A seeded PRNG makes the same arguments give byte-identical files, and a
 * document depends only on the seed and its own number, so a small corpus is a prefix of a large one.
 *
 * Usage: tsx src/build/bench/generate-corpus.ts --documents 1000 --out .tmp/corpus-1000 [--seed 1]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { DocumentMeta, Period } from '../../lib/atlas/contract.ts';
import type { Role } from '../../lib/atlas/roles.ts';

/** The real corpus this generator starts from. */
export const REAL_CORPUS_DIR = fileURLToPath(new URL('../../../geodata/', import.meta.url));
/** Written into every generated corpus, so a later run may replace it (and nothing else). */
export const GENERATED_MARKER = '.generated-corpus';
export const DEFAULT_SEED = 1;

export interface GeneratedCorpusSummary {
  dir: string;
  documents: number;
  realDocuments: number;
  generatedDocuments: number;
  claims: number;
  routes: number;
  legs: number;
  seed: number;
}

// --- Deterministic randomness -------------------------------------------------------------------

/** mulberry32: small, fast, and the same on every platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(seed: number, stream: number) {
    // Mix seed and document number (murmur3's finaliser) so neighbouring documents get unrelated sequences.
    this.next = mulberry32(fmix32(fmix32(seed) ^ Math.imul(stream + 1, 0x9e3779b9)));
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

// --- How the documents write the gazetteer's places ----------------------------------------------

/** Phrases for each place the generator uses; every phrase contains the place's name or an alias. */
const PHRASES: Record<string, string[]> = {
  havana: ['Havana', 'Habana', 'La Habana'],
  paris: ['Paris'],
  prague: ['Prague', 'Praha'],
  lima: ['Lima'],
  cusco: ['Cusco', 'Cuzco'],
  moscow: ['Moscow'],
  berlin: ['Berlin'],
  'santiago-de-cuba': ['Santiago de Cuba', 'Santiago'],
  'guantanamo-base': ['the Guantanamo base'],
  cuba: ['Cuba'],
  mexico: ['Mexico'],
  peru: ['Peru'],
  venezuela: ['Venezuela'],
  guatemala: ['Guatemala'],
  'dominican-republic': ['the Dominican Republic'],
  ecuador: ['Ecuador'],
  bolivia: ['Bolivia'],
  paraguay: ['Paraguay'],
  panama: ['Panama'],
  honduras: ['Honduras'],
  nicaragua: ['Nicaragua'],
  colombia: ['Colombia'],
  brazil: ['Brazil'],
  switzerland: ['Switzerland'],
  algeria: ['Algeria'],
  'north-vietnam': ['North Vietnam'],
  laos: ['Laos'],
  china: ['China'],
  'united-states': ['the United States', 'the USA', 'the United States of America'],
  'cuba-rural-hills': ['the rural hill areas of Cuba'],
  'west-indies': ['the Dutch and British West Indies', 'the West Indies'],
  'peru-central-sierra': ['the central region in the Sierra', 'the Sierra of central Peru'],
  'northern-peru': ['northern Peru'],
};

const DEMONYMS: Record<string, string> = {
  peru: 'Peruvians',
  venezuela: 'Venezuelans',
  guatemala: 'Guatemalans',
  'dominican-republic': 'Dominicans',
  ecuador: 'Ecuadorians',
  bolivia: 'Bolivians',
  paraguay: 'Paraguayans',
  panama: 'Panamanians',
  honduras: 'Hondurans',
  nicaragua: 'Nicaraguans',
  colombia: 'Colombians',
  brazil: 'Brazilians',
  mexico: 'Mexicans',
};

/** Which places play which role, as in the real corpus. */
const POOLS = {
  origin: Object.keys(DEMONYMS),
  training: ['havana', 'cuba', 'cuba-rural-hills', 'santiago-de-cuba'],
  hubs: ['mexico', 'paris', 'prague', 'west-indies', 'panama', 'moscow', 'berlin'],
  reentry: ['colombia', 'brazil', 'ecuador', 'venezuela', 'bolivia', 'peru', 'mexico', 'panama', 'west-indies'],
  funding: ['cuba', 'paris', 'prague', 'moscow', 'mexico'],
  planned: ['algeria', 'north-vietnam', 'laos', 'china'],
  fronts: ['cusco', 'lima', 'peru-central-sierra', 'northern-peru'],
  context: ['united-states', 'moscow', 'havana', 'berlin', 'guantanamo-base', 'santiago-de-cuba', 'cuba', 'laos'],
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** YAML double-quoted scalars: JSON strings are valid YAML. */
const q = (s: string) => JSON.stringify(s);

/** A month counted from year 0, so periods can be computed and compared. */
const monthIndex = (year: number, month: number) => year * 12 + (month - 1);
const isoMonth = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
const monthName = (index: number) => MONTHS[index % 12]!;
/** Periods the texts give may start before the documents' years, but not before 1960. */
const FIRST_MONTH = monthIndex(1960, 1);

// --- Sentences ------------------------------------------------------------------------------------

interface ClaimSpec {
  place: string;
  role: Role;
  period?: Period;
  note?: string;
}

interface LegSpec {
  from: string;
  to: string;
  /** Two stops named together, with no travel between them: no line (CURATING.md). */
  together?: boolean;
  branch?: string;
  note?: string;
}

/** A piece of a sentence: plain words, or words that claims (and at most one leg) quote. */
type Segment = string | { text: string; claims?: ClaimSpec[]; leg?: LegSpec };

interface Sentence {
  segments: Segment[];
  /** Claims and a leg that quote the whole sentence. */
  claims?: ClaimSpec[];
  leg?: LegSpec;
}

const textOf = (s: Sentence) => s.segments.map((g) => (typeof g === 'string' ? g : g.text)).join('');

interface DocContext {
  rng: Rng;
  index: number;
  /** Month index of the document's date. */
  month: number;
  origins: string[];
  demonym: string;
  say: (place: string) => string;
  /** One of `options`, preferring those the document has not used yet, so it does not repeat itself. */
  choose: <T>(tag: string, options: readonly T[]) => T;
}

const FILLER: Array<(c: DocContext) => string> = [
  () => 'Correspondence between members of the ring is by cable and letter.',
  (c) => `The security precautions include ${c.rng.int(3, 7)} alternate systems of code and clandestine key words.`,
  () => 'The trainees have been assigned numbers, and number designations are given to hotels and pensions.',
  () => 'A dictionary is used for code words in either cables or letters, with page and word number references.',
  () => 'No other dissemination has been made of this report, in order to protect the source.',
  () => 'The source has been reliable in the past, and his information is regarded as probably true.',
  () => 'Information on the numbers of trained partisans is kept secret by the Cubans.',
  (c) => `Partisan training is conducted in quite a rush (${c.rng.int(2, 4)}-${c.rng.int(5, 9)} days).`,
  () => 'The leaders of the training camps had not made adequate plans to receive them.',
  () => 'Recently, however, the operation has been soundly reorganized.',
  (c) => `About ${c.rng.int(20, 400)} persons have been named by the source as connected with the ring.`,
  () => 'The content of the messages appears to relate to business matters, covering shipment dates and invoice numbers.',
  () => 'Further details will be reported as they become available.',
  () => 'The matter has been discussed with the friends, who asked that it be kept in strict confidence.',
  () => 'It is not known how many of the trainees are actually members of the Communist Party.',
  (c) => `The group was removed from its camp for ${c.rng.int(2, 9)} weeks to undergo special training in secret communications.`,
  () => 'Several of the leaders have been arrested, but the network continues to operate.',
  () => 'Our comrades consider that this assessment is broadly correct.',
  () => 'At least another month will be required before the trainees are re-integrated into the plans for the revolution.',
  () => 'The practical execution of specific tasks has been assigned to the intelligence service.',
  (c) => `The source knows of some ${c.rng.int(30, 300)} ${c.demonym} who have received Cuban training.`,
  () => 'They are traveling under assumed names and with forged papers.',
  () => 'The leadership has asked for additional instructors, radios and equipment.',
  (c) => `The next group of ${c.rng.int(8, 40)} is expected to leave within a few weeks.`,
  () => 'Letters contain secret writing between the lines of innocuous business correspondence.',
];

const whole = (text: string, claims?: ClaimSpec[], leg?: LegSpec): Sentence => ({ segments: [text], ...(claims ? { claims } : {}), ...(leg ? { leg } : {}) });

function originSentence(c: DocContext): Sentence {
  const { rng } = c;
  if (c.origins.length > 1 && rng.chance(0.5)) {
    const months = rng.int(2, 5);
    const period: Period = { from: isoMonth(Math.max(FIRST_MONTH, c.month - months)), to: isoMonth(c.month), approximate: true };
    const note = `The text says "the past ${months} months" before the document's date.`;
    return whole(
      `Over the past ${months} months the primary attention has been concentrated on training partisan groups arriving in Cuba from ${list(c.origins.map(c.say))}, and other Latin American countries.`,
      c.origins.map((place) => ({ place, role: 'origin', period, note })),
    );
  }
  const place = rng.pick(c.origins);
  const m = Math.max(FIRST_MONTH, c.month - rng.int(1, 10));
  const templates: Array<() => Sentence> = [
    () => whole(`A group of ${rng.int(8, 90)} ${DEMONYMS[place]} left ${c.say(place)} in ${monthName(m)} ${Math.floor(m / 12)} for training abroad.`, [{ place, role: 'origin', period: { from: isoMonth(m), to: isoMonth(m) } }]),
    () => whole(`Most of the trainees were recruited in ${c.say(place)} among students and young workers.`, [{ place, role: 'origin' }]),
    () => ({ segments: ['The source was a member of ', { text: `a group of more than ${rng.int(10, 90)} ${DEMONYMS[place]} trained in Cuba`, claims: [{ place, role: 'origin' }, { place: 'cuba', role: 'training-site' }] }, ' during the past year.'] }),
  ];
  return c.choose('origin', templates)();
}

function trainingSentence(c: DocContext): Sentence {
  const { rng } = c;
  const place = rng.pick(POOLS.training);
  const x = c.say(place);
  const end = Math.max(FIRST_MONTH + 2, c.month - rng.int(0, 4));
  const start = Math.max(FIRST_MONTH, end - rng.int(1, 7));
  const span = Math.floor(start / 12) === Math.floor(end / 12) ? `from ${monthName(start)} until ${monthName(end)} ${Math.floor(end / 12)}` : `from ${monthName(start)} ${Math.floor(start / 12)} until ${monthName(end)} ${Math.floor(end / 12)}`;
  const templates: Array<() => Sentence> = [
    () => whole(`He received his first training in ${x}.`, [{ place, role: 'training-site' }]),
    () => whole(`The ${c.demonym} were trained in ${x} ${span}.`, [{ place, role: 'training-site', period: { from: isoMonth(start), to: isoMonth(end) } }]),
    () => whole(`Instruction in weapons and explosives was given at camps in ${x} for about ${rng.int(3, 12)} weeks.`, [{ place, role: 'training-site' }]),
    () => ({ segments: ['Later they were moved to ', { text: `${x}, where they were given political indoctrination and weapons`, claims: [{ place, role: 'training-site' }] }, '.'] }),
    () => whole(`Some ${rng.int(5, 60)} of them completed a course in guerrilla tactics in ${x}.`, [{ place, role: 'training-site' }]),
  ];
  return c.choose('training', templates)();
}

function hubSentence(c: DocContext): Sentence {
  const { rng } = c;
  const place = rng.pick(POOLS.hubs);
  const x = c.say(place);
  const claim: ClaimSpec[] = [{ place, role: 'transit-hub' }];
  const templates: Array<() => Sentence> = [
    () => whole(`His contingent traveled in groups by way of ${x}.`, claim),
    () => whole(`A contact in ${x} arranged tickets and hotel rooms for the travelers.`, claim),
    () => whole(`${cap(x)} has emerged as the center of the network.`, claim),
    () => whole(`The man in charge of the ${c.demonym} is said to be headquartered in ${x}.`, claim),
    () => ({ segments: [`In ${monthName(c.month - rng.int(0, 3))} `, { text: `he was appointed to stay behind in ${x} as a clandestine contact`, claims: claim }, ` of the ${c.demonym}.`] }),
  ];
  return c.choose('hub', templates)();
}

function reentrySentence(c: DocContext): Sentence {
  const { rng } = c;
  const place = rng.pick(POOLS.reentry);
  const x = c.say(place);
  const claim: ClaimSpec[] = [{ place, role: 're-entry' }];
  const templates: Array<() => Sentence> = [
    () => whole(`${cap(x)} has been used extensively as a re-entry point.`, claim),
    () => ({ segments: ['Some have ', { text: `false documentation from ${x}`, claims: claim }, ', where papers are easily obtained.'] }),
    () => whole(`Several of the returning trainees crossed into ${x} clandestinely without showing any papers.`, claim),
    () => whole(`About ${rng.int(4, 40)} of them came back through ${x} by small boats to isolated areas.`, claim),
  ];
  return c.choose('reentry', templates)();
}

function fundingSentence(c: DocContext): Sentence {
  const { rng } = c;
  if (rng.chance(0.3)) {
    const through = rng.pick(['cuba', 'paris', 'prague']);
    return whole(`Money for the operation has been deposited in Swiss banks and funded through ${c.say(through)}.`, [
      { place: 'switzerland', role: 'funding', note: 'The text says only "Swiss banks"; no city is named.' },
      { place: through, role: 'funding' },
    ]);
  }
  const place = rng.pick(POOLS.funding);
  const x = c.say(place);
  const claim: ClaimSpec[] = [{ place, role: 'funding' }];
  const templates: Array<() => Sentence> = [
    () => whole(`The money had been carefully cut up and funded through the ${x} branch.`, claim),
    () => whole(`The ${c.demonym} were obliged to wait until additional funds were sent to them from ${x}.`, claim),
    () => whole(`Some ${rng.int(2, 90)} thousand dollars reached the group through contacts in ${x}.`, claim),
  ];
  return c.choose('funding', templates)();
}

function plannedSentence(c: DocContext): Sentence {
  const { rng } = c;
  if (rng.chance(0.6)) {
    const places = rng.sample(POOLS.planned, rng.int(2, 4));
    return { segments: ['The source has learned that ', { text: `they will receive further instructions in ${list(places.map(c.say))}`, claims: places.map((place) => ({ place, role: 'planned-training' as const })) }, '.'] };
  }
  const place = rng.pick(POOLS.planned);
  return { segments: [{ text: `He will soon go to ${c.say(place)} to start arrangements for this training`, claims: [{ place, role: 'planned-training' }] }, `, perhaps in ${monthName(c.month + rng.int(1, 4))}.`] };
}

function frontsSentence(c: DocContext): Sentence {
  const { rng } = c;
  const places = rng.sample(POOLS.fronts, rng.int(2, 4));
  const ordinals = ['one', 'another', 'a third', 'the fourth'];
  const segments: Segment[] = [`The MIR has planned ${places.length} fronts in ${c.say('peru')}: `];
  places.forEach((place, i) => {
    if (i > 0) segments.push(i === places.length - 1 ? ', and ' : ', ');
    const where = place === 'cusco' ? `in the south with headquarters in ${c.say(place)}` : `in ${c.say(place)}`;
    segments.push({ text: `${ordinals[i]} is ${where}`, claims: [{ place, role: 'front' }] });
  });
  segments.push('.');
  return { segments, claims: [{ place: 'peru', role: 'context' }] };
}

function contextSentence(c: DocContext): Sentence {
  const { rng } = c;
  const place = rng.pick(POOLS.context);
  const x = c.say(place);
  const claim: ClaimSpec[] = [{ place, role: 'context' }];
  const templates: Array<() => Sentence> = [
    () => whole(`The statement was discussed with members of the embassy in ${x}.`, claim),
    () => whole(`Attempts are being made to learn whether contacts in ${x} are also connected with the ring.`, claim),
    () => whole(`The texts were sent to the ambassadors of all socialist countries in ${x}.`, claim),
    () => whole(`The Cuban leadership again demanded guarantees against aggression from ${x}.`, claim),
    () => whole(`Our source could not say whether anyone in ${x} knew of the plan.`, claim),
  ];
  return c.choose('context', templates)();
}

/** A journey of 2–5 legs: out to Cuba, or back from it, by way of the network's hubs. */
function routeSentences(c: DocContext): { name: string; sentences: Sentence[] } {
  const { rng } = c;
  const outbound = rng.chance(0.5);
  const hubs = rng.sample(POOLS.hubs, rng.int(outbound ? 0 : 1, rng.chance(0.2) ? 3 : 2));
  let stops: string[];
  if (outbound) {
    stops = [rng.pick(c.origins.filter((o) => !hubs.includes(o)).length ? c.origins.filter((o) => !hubs.includes(o)) : ['peru']), ...hubs, rng.pick(['havana', 'cuba'])];
    if (stops.length < 3 || (stops.length < 6 && rng.chance(0.3))) stops.push(rng.pick(['cuba-rural-hills', 'santiago-de-cuba']));
  } else {
    stops = [rng.pick(['havana', 'cuba']), ...hubs];
  }
  const legs: LegSpec[] = stops.slice(1).map((to, i) => ({ from: stops[i]!, to }));
  if (!outbound) {
    const last = stops[stops.length - 1]!;
    const targets = POOLS.reentry.filter((p) => !stops.includes(p));
    if (rng.chance(0.3) && legs.length <= 3) {
      const [a, b] = rng.sample(targets, 2) as [string, string];
      const branch = `${cap(c.say(a))} or ${c.say(b)}`;
      legs.push({ from: last, to: a, branch }, { from: last, to: b, branch });
    } else {
      legs.push({ from: last, to: rng.pick(targets) });
    }
  }
  if (legs.length > 1 && !legs[0]!.branch && rng.chance(0.15)) legs[0] = { ...legs[0]!, together: true, note: 'The text names both stops, not travel between them, so no line is drawn.' };

  const when = () => {
    const k = c.month - rng.int(0, 8);
    return `${monthName(k)} ${Math.floor(k / 12)}`;
  };
  const sentences = legs.map((leg): Sentence => {
    const a = c.say(leg.from);
    const b = c.say(leg.to);
    if (leg.together) return whole(`Many of the trainees go through ${a} and ${b}.`, undefined, leg);
    if (leg.branch) {
      const first = leg === legs.find((l) => l.branch === leg.branch);
      return whole(first ? `From ${a} some of them went on to ${b}.` : `Others went from ${a} to ${b} by the same means.`, undefined, leg);
    }
    const templates = [
      () => `The group left ${a} for ${b} in ${when()}.`,
      () => `From ${a} the travelers went on to ${b}.`,
      () => `They were then flown from ${a} to ${b} on false passports.`,
      () => `A courier took them from ${a} to ${b} by ship.`,
      () => `After a wait of ${rng.int(2, 30)} days in ${a} they continued to ${b}.`,
    ];
    const text = c.choose('leg', templates)();
    // The leg's own sentence also shows where the travelers passed through or came back in.
    const claims: ClaimSpec[] = [];
    if (POOLS.hubs.includes(leg.to) && rng.chance(0.5)) claims.push({ place: leg.to, role: 'transit-hub' });
    if (!outbound && leg === legs[legs.length - 1] && rng.chance(0.5)) claims.push({ place: leg.to, role: 're-entry' });
    return whole(text, claims.length ? claims : undefined, leg);
  });
  const places = (ids: string[]) => list(ids.map((id) => c.say(id).replace(/^the /, '')));
  const name = outbound
    ? hubs.length
      ? `Out to Cuba by way of ${places(hubs)}`
      : `Out to Cuba from ${places([stops[0]!])}`
    : `Back from Cuba by way of ${places(hubs)}`;
  return { name, sentences };
}

// --- Documents ----------------------------------------------------------------------------------

type Kind = 'cia' | 'kgb' | 'embassy' | 'minint';

/** The generated memos carry the same metadata as the real documents. */
type Meta = DocumentMeta;

interface GeneratedDocument {
  meta: Meta;
  body: string;
  source: string;
  claimsYaml: string;
  routesYaml: string;
  claims: number;
  routes: number;
  legs: number;
}

const SYNTHETIC = 'synthetic benchmark document generated from the Archive Atlas gazetteer; not a real record';
const CIA_SERIES = ['National Security Files, Box 51: Cuba, Subjects intelligence material', 'CIA Latin America Division files', 'National Security Files, Countries: Cuba, General'];

function generateDocument(seed: number, index: number): GeneratedDocument {
  const rng = new Rng(seed, index);
  const kind = rng.pick<Kind>(['cia', 'cia', 'kgb', 'embassy', 'minint']);
  // A date within 1961–1963; some sources give only the month, a few only the year.
  const day = new Date(Date.UTC(1961, 0, 1 + rng.int(0, 1094)));
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const precision = rng.next();
  const date = precision < 0.8 ? `${y}-${pad(m)}-${pad(d)}` : precision < 0.97 ? `${y}-${pad(m)}` : `${y}`;
  const longDate = precision < 0.8 ? `${d} ${MONTHS[m - 1]} ${y}` : precision < 0.97 ? `${MONTHS[m - 1]} ${y}` : `${y}`;
  const usDate = precision < 0.8 ? `${MONTHS[m - 1]} ${d}, ${y}` : longDate;
  const number = `g${pad(index + 1, 4)}`;
  const id = `${kind}-${date}-${number}`;
  const sourceFile = `${number}_${rng.hex(16)}.txt`;

  const origins = rng.sample(POOLS.origin, rng.int(1, 4));
  const spelled = new Map<string, string>();
  const chosen = new Set<string>();
  const c: DocContext = {
    rng,
    index,
    month: monthIndex(y, m),
    origins,
    demonym: DEMONYMS[origins[0]!]!,
    // A document keeps to one spelling of each place, as real ones mostly do.
    say: (place) => {
      if (!spelled.has(place)) spelled.set(place, rng.pick(PHRASES[place]!));
      return spelled.get(place)!;
    },
    choose: (tag, options) => {
      const fresh = options.map((_, i) => i).filter((i) => !chosen.has(`${tag}:${i}`));
      const i = fresh.length ? rng.pick(fresh) : rng.int(0, options.length - 1);
      chosen.add(`${tag}:${i}`);
      return options[i]!;
    },
  };

  // Metadata, a heading paragraph and a closing line, by kind of document.
  let meta: Omit<Meta, 'id' | 'date' | 'source' | 'citation'> & { cite: string };
  let heading: string;
  let closing: string | undefined;
  const recordNumber = `${rng.int(100, 199)}-${rng.int(10000, 10399)}-${rng.int(10000, 10499)}`;
  if (kind === 'cia') {
    const adjective = c.demonym.slice(0, -1);
    const title = rng.pick([`Activities of Cuban-Trained ${adjective} Guerrillas`, `Travel of ${c.demonym} Trained in Cuba`, `${adjective} Trainees Returning from Cuba`, `Funding and Couriers of the ${adjective} Network`]);
    const recipient = rng.pick(['The Director of Central Intelligence', 'Deputy Director (Plans)', 'Chief, Western Hemisphere Division']);
    const series = rng.pick(CIA_SERIES);
    meta = {
      title,
      originator: 'CIA',
      recipient,
      classification: rng.pick(['Secret', 'Secret, Eyes Only', 'Confidential']),
      archive: `NARA, JFK Assassination System, ${series}`,
      recordId: recordNumber,
      language: 'English',
      summary: `A memorandum on ${c.demonym} trained in Cuba and the network that moves them (${SYNTHETIC}).`,
      cite: `CIA, Memorandum for ${recipient}, “${title}”, ${longDate}, NARA record number ${recordNumber}, ${series} (${SYNTHETIC}).`,
    };
    heading = `SECRET\nCENTRAL INTELLIGENCE AGENCY\n${longDate}\nMEMORANDUM FOR: ${recipient}\nSUBJECT: ${title}`;
  } else if (kind === 'kgb') {
    const title = `Report to the TsK KPSS on Cuban training of ${c.demonym.slice(0, -1)} partisans`;
    const n = rng.int(6, 60);
    meta = {
      title,
      originator: rng.pick(['KGB Chairman', 'First Chief Directorate of the KGB']),
      recipient: 'TsK KPSS (Central Committee of the Communist Party of the Soviet Union)',
      classification: 'Top Secret',
      archive: `Published in English translation as “Cuban Affairs, Document ${n}”; the source archive is not named in the text`,
      translator: 'Benchmark translation (synthetic)',
      language: 'Russian (English translation)',
      cite: `“${longDate} – ${title}”, Cuban Affairs, Document ${n}, translated from Russian (${SYNTHETIC}).`,
    };
    heading = `Top Secret\n\n${longDate} TsK KPSS`;
    closing = 'Certified true copy';
  } else if (kind === 'embassy') {
    const title = `Cable from the Soviet Embassy in Havana on the travel of ${c.demonym.slice(0, -1)} trainees`;
    const record = String(rng.int(110000, 309999));
    meta = {
      title,
      originator: rng.pick(['Soviet Embassy in Cuba', 'USSR Ambassador to Cuba']),
      recipient: 'Soviet Ministry of Foreign Affairs',
      archive: 'Archive of Foreign Policy, Russian Federation (AVP RF), Moscow; Wilson Center Digital Archive',
      recordId: record,
      translator: 'Benchmark translation (synthetic)',
      language: 'Russian (English translation)',
      summary: `The embassy reports what it has learned of ${c.demonym} trained in Cuba (${SYNTHETIC}).`,
      cite: `“${title}”, ${usDate}, Wilson Center Digital Archive, Archive of Foreign Policy, Russian Federation (AVP RF), Moscow. Document ${record} (${SYNTHETIC}).`,
    };
    heading = longDate;
    closing = `${pad(d)}/${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][m - 1]}/${String(y).slice(2)} Embassy of the USSR`;
  } else {
    const title = `Letter from the Cuban Ministry of the Interior to Fidel Castro on the ${c.demonym.slice(0, -1)} trainees`;
    meta = {
      title,
      originator: rng.pick(['Cuban Ministry of the Interior', 'Department of State Security, Cuba']),
      recipient: 'Fidel Castro Ruz, Prime Minister',
      archive: 'History and Public Policy Program Digital Archive; provided by the Cuban Government',
      translator: 'Benchmark translation (synthetic)',
      language: 'Spanish (English translation)',
      summary: `A letter on the ${c.demonym} trained in Cuba and their return (${SYNTHETIC}).`,
      cite: `“${title},” ${usDate}, History and Public Policy Program Digital Archive, provided by the Cuban Government. Translated from Spanish (${SYNTHETIC}).`,
    };
    heading = `Havana, ${longDate}`;
    closing = 'Patria o Muerte';
  }

  // The body: paragraphs of sentences, each sentence used once so every quote finds one place.
  const used: string[] = [];
  const paragraphs: Sentence[][] = [];
  const routes: Array<{ name: string; sentences: Sentence[] }> = [];
  const fresh = (make: () => Sentence): Sentence | undefined => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const s = make();
      const text = textOf(s);
      if (!used.some((u) => u.includes(text) || text.includes(u))) {
        used.push(text);
        return s;
      }
    }
    return undefined;
  };
  const fillerSentence = () => whole(c.choose('filler', FILLER)(c));
  const filler = () => fresh(fillerSentence);
  const paragraph = (...makers: Array<() => Sentence>) => {
    const sentences = makers.map(fresh).filter((s): s is Sentence => s !== undefined);
    for (let i = rng.int(1, 3); i > 0; i--) {
      const f = filler();
      // After the paragraph's first sentence, which leads it.
      if (f) sentences.splice(rng.int(Math.min(1, sentences.length), sentences.length), 0, f);
    }
    if (sentences.length) paragraphs.push(sentences);
  };

  paragraph(() => whole(`The information in this report comes from a sensitive source who is in contact with a group of Cuban-trained ${c.demonym}.`));
  paragraph(...[originSentence, trainingSentence, trainingSentence].slice(0, rng.int(2, 3)).map((f) => () => f(c)));
  for (let r = rng.int(1, 2); r > 0; r--) {
    const route = routeSentences(c);
    // A route is kept only if every leg's sentence is new; otherwise the journey is left out.
    const texts = route.sentences.map(textOf);
    if (texts.some((t, i) => texts.indexOf(t) !== i || used.some((u) => u.includes(t) || t.includes(u)))) continue;
    used.push(...texts);
    routes.push(route);
    const extra = rng.chance(0.5) ? fresh(() => hubSentence(c)) : undefined;
    paragraphs.push(extra ? [...route.sentences, extra] : route.sentences);
  }
  paragraph(() => reentrySentence(c), ...(rng.chance(0.5) ? [() => reentrySentence(c)] : []));
  if (rng.chance(0.6)) paragraph(() => fundingSentence(c));
  if (rng.chance(0.35)) paragraph(() => plannedSentence(c), ...(origins.includes('peru') || rng.chance(0.3) ? [() => frontsSentence(c)] : []));
  if (rng.chance(0.6)) paragraph(() => contextSentence(c), ...(rng.chance(0.4) ? [() => contextSentence(c)] : []));
  paragraph(fillerSentence, fillerSentence);

  const numbered = kind === 'cia';
  const bodyParagraphs = [heading, ...paragraphs.map((p, i) => `${numbered && i > 1 ? `${i + 1}. ` : ''}${p.map(textOf).join(' ')}`), ...(closing ? [closing] : [])];
  const body = bodyParagraphs.join('\n\n');

  // Quotes: the words of a segment if they occur once in the body, else the whole sentence.
  const unique = (text: string) => {
    const at = body.indexOf(text);
    return at !== -1 && body.indexOf(text, at + 1) === -1;
  };
  const quoteFor = (sentence: Sentence, segment?: { text: string }) => {
    if (segment && unique(segment.text)) return segment.text;
    const text = textOf(sentence);
    if (!unique(text)) throw new Error(`generate-corpus: document ${id}: the sentence "${text}" is not unique in the body`);
    return text;
  };
  const claimLines: string[] = [];
  const addClaim = (claim: ClaimSpec, exact: string) => {
    claimLines.push(`  - place: ${claim.place}`, `    role: ${claim.role}`, `    quote: { exact: ${q(exact)} }`);
    if (claim.period) {
      const p = claim.period;
      claimLines.push(`    period: { ${[p.from && `from: ${q(p.from)}`, p.to && `to: ${q(p.to)}`, p.approximate && 'approximate: true'].filter(Boolean).join(', ')} }`);
    }
    if (claim.note) claimLines.push(`    note: ${q(claim.note)}`);
  };
  for (const sentence of paragraphs.flat()) {
    for (const claim of sentence.claims ?? []) addClaim(claim, quoteFor(sentence));
    for (const segment of sentence.segments) if (typeof segment !== 'string') for (const claim of segment.claims ?? []) addClaim(claim, quoteFor(sentence, segment));
  }
  const claimsYaml = [`# ${meta.title}, ${longDate}: ${SYNTHETIC}.`, `document: ${id}`, claimLines.length ? 'claims:' : 'claims: []', ...claimLines, ''].join('\n');

  const routeLines: string[] = [];
  let legCount = 0;
  routes.forEach((route, r) => {
    routeLines.push(`- id: ${id}-route-${r + 1}`, `  name: ${q(route.name)}`, `  document: ${id}`, '  legs:');
    for (const sentence of route.sentences) {
      const leg = sentence.leg!;
      routeLines.push(`    - from: ${leg.from}`, `      to: ${leg.to}`);
      if (leg.together) routeLines.push('      together: true');
      if (leg.branch) routeLines.push(`      branch: ${q(leg.branch)}`);
      routeLines.push(`      quote: { exact: ${q(quoteFor(sentence))} }`);
      if (leg.note) routeLines.push(`      note: ${q(leg.note)}`);
      legCount++;
    }
  });

  const fullMeta: Meta = {
    id,
    title: meta.title,
    date,
    originator: meta.originator,
    ...(meta.recipient ? { recipient: meta.recipient } : {}),
    ...(meta.classification ? { classification: meta.classification } : {}),
    archive: meta.archive,
    ...(meta.recordId ? { recordId: meta.recordId } : {}),
    ...(meta.translator ? { translator: meta.translator } : {}),
    citation: meta.cite,
    language: meta.language,
    source: sourceFile,
    ...(meta.summary ? { summary: meta.summary } : {}),
  };
  return {
    meta: fullMeta,
    body,
    source: rawSource(kind, fullMeta, longDate, usDate, bodyParagraphs, rng),
    claimsYaml,
    routesYaml: routeLines.length ? `${routeLines.join('\n')}\n` : '',
    claims: claimLines.filter((l) => l.startsWith('  - place:')).length,
    routes: routes.length,
    legs: legCount,
  };
}

/** Wraps a paragraph's lines at about `width` characters, as a text dump of a web page or PDF does. */
function wrap(paragraph: string, width: number, indent = ''): string {
  return paragraph
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(indent + current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(indent + current);
      return out.join('\n');
    })
    .join('\n');
}

/** The raw text "as received": the body, reflowed, inside the archive's web-page or form chrome. */
function rawSource(kind: Kind, meta: Meta, longDate: string, usDate: string, paragraphs: string[], rng: Rng): string {
  const width = rng.int(64, 96);
  if (kind === 'cia') {
    const [y, m, d] = meta.date.split('-');
    return [
      meta.recordId,
      '2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992',
      '',
      'JFK ASSASSINATION SYSTEM',
      'IDENTIFICATION FORM',
      'AGENCY: NARA',
      `RECORD NUMBER: ${meta.recordId}`,
      'ORIGINATOR: CIA',
      `TO: ${meta.recipient}`,
      `TITLE: ${meta.title}`,
      `DATE: ${[m && Number(m), d && Number(d), y].filter(Boolean).join('/')}`,
      `PAGES: ${rng.int(2, 9)}`,
      `CLASSIFICATION: ${meta.classification}`,
      'CURRENT STATUS: Released in Part',
      `COMMENTS: ${SYNTHETIC}`,
      '',
      ...paragraphs.map((p) => `${wrap(p, width)}\n`),
    ].join('\n');
  }
  if (kind === 'kgb') {
    const indent = '\u00a0'.repeat(rng.int(4, 12));
    return [
      meta.archive.replace(/^.*“(.*)”.*$/, '$1'),
      '',
      `${longDate} – ${meta.title}`,
      '',
      ...paragraphs.map((p) => `${indent}${p.replace(/\n/g, `\n${indent}`)}\n`),
      '',
      'Published by a benchmark translator',
      '',
      'Leave a Reply',
      '',
      'Fill in your details below or click an icon to log in:',
    ].join('\n');
  }
  if (kind === 'embassy') {
    return [
      '',
      '',
      `**${usDate}**`,
      '',
      `**${meta.title}**`,
      '',
      '**Citation:**',
      '',
      meta.citation,
      '',
      '**Summary:**',
      '',
      meta.summary ?? '',
      '',
      '**Original Language:**',
      '',
      'Russian',
      '',
      '**Contents:**',
      '',
      'Translation - English',
      '',
      ...paragraphs.map((p) => `${wrap(p, width)}\n`),
      `[\\[1\\]](#) ${SYNTHETIC}.`,
    ].join('\n');
  }
  return [
    'Search in',
    '',
    'Digital Archive International History Declassified',
    '',
    usDate,
    '',
    '',
    'This document was made possible with support from the Leon Levy Foundation',
    '',
    '  • Citation',
    '',
    '    get citation',
    '',
    `    ${meta.summary ?? ''}`,
    `    ${meta.citation}`,
    '  • share document',
    '',
    '',
    'English HTML',
    '',
    meta.title,
    '',
    ...paragraphs.map((p) => `${p}\n\n`),
    'It appears your Web browser is not configured to display PDF files. No worries, just click here to download the PDF file.',
    '',
    'Click here to view the PDF file in a new window.',
  ].join('\n');
}

function documentFile(meta: Meta, body: string): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(meta)) lines.push(`${key}: ${key === 'id' || key === 'source' ? value : q(value)}`);
  lines.push('---', body, '');
  return lines.join('\n');
}

// --- The corpus folder ----------------------------------------------------------------------------

/** Checks that every place the generator writes is in the gazetteer, under a name or alias it uses. */
function checkGazetteer(placesYaml: string): void {
  const places = parseYaml(placesYaml) as Array<{ id: string; name: string; aliases?: string[] }>;
  const byId = new Map(places.map((p) => [p.id, p]));
  for (const [id, phrases] of Object.entries(PHRASES)) {
    const place = byId.get(id);
    if (!place) throw new Error(`generate-corpus: the gazetteer has no place "${id}"; update PHRASES in src/build/bench/generate-corpus.ts`);
    const names = [place.name, ...(place.aliases ?? [])];
    for (const phrase of phrases) {
      if (!names.some((n) => phrase.includes(n) || phrase.toLowerCase().includes(n.toLowerCase()))) {
        throw new Error(`generate-corpus: "${phrase}" does not name the place "${id}" (${names.join(', ')})`);
      }
    }
  }
}

/**
 * Writes a corpus of `documents` documents into `dir`: the real ones from geodata/, then generated
 * ones. `dir` must be empty, missing, or a corpus this function wrote before (it is replaced).
 */
export function generateCorpus(dir: string, documents: number, seed: number = DEFAULT_SEED): GeneratedCorpusSummary {
  const real = readdirSync(join(REAL_CORPUS_DIR, 'documents')).filter((f) => f.endsWith('.md')).sort();
  if (!Number.isInteger(documents) || documents < real.length) {
    throw new RangeError(`generate-corpus: --documents must be a whole number of at least ${real.length} (the real documents are always included)`);
  }
  if (!Number.isInteger(seed)) throw new RangeError('generate-corpus: the seed must be a whole number');
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, GENERATED_MARKER))) throw new Error(`generate-corpus: ${dir} is not empty and was not written by this generator; choose another folder`);
    rmSync(dir, { recursive: true, force: true });
  }
  for (const sub of ['sources', 'documents', 'claims']) mkdirSync(join(dir, sub), { recursive: true });

  const placesYaml = readFileSync(join(REAL_CORPUS_DIR, 'places.yaml'), 'utf8');
  checkGazetteer(placesYaml);
  writeFileSync(join(dir, 'places.yaml'), placesYaml);
  const copy = (sub: string, ext: string) => {
    const names = readdirSync(join(REAL_CORPUS_DIR, sub)).filter((f) => f.endsWith(ext)).sort();
    for (const name of names) writeFileSync(join(dir, sub, name), readFileSync(join(REAL_CORPUS_DIR, sub, name)));
  };
  copy('sources', '.txt');
  copy('documents', '.md');
  copy('claims', '.yaml');
  const realRoutes = readFileSync(join(REAL_CORPUS_DIR, 'routes.yaml'), 'utf8');
  let realClaims = 0;
  for (const f of readdirSync(join(REAL_CORPUS_DIR, 'claims'))) realClaims += (readFileSync(join(REAL_CORPUS_DIR, 'claims', f), 'utf8').match(/^ {2}- place:/gm) ?? []).length;
  const realRouteList = parseYaml(realRoutes) as Array<{ legs: unknown[] }>;

  const summary: GeneratedCorpusSummary = {
    dir,
    documents,
    realDocuments: real.length,
    generatedDocuments: documents - real.length,
    claims: realClaims,
    routes: realRouteList.length,
    legs: realRouteList.reduce((n, r) => n + r.legs.length, 0),
    seed,
  };
  const routes: string[] = [];
  for (let i = 0; i < documents - real.length; i++) {
    const doc = generateDocument(seed, i);
    writeFileSync(join(dir, 'documents', `${doc.meta.id}.md`), documentFile(doc.meta, doc.body));
    writeFileSync(join(dir, 'sources', doc.meta.source), doc.source);
    writeFileSync(join(dir, 'claims', `${doc.meta.id}.yaml`), doc.claimsYaml);
    if (doc.routesYaml) routes.push(doc.routesYaml);
    summary.claims += doc.claims;
    summary.routes += doc.routes;
    summary.legs += doc.legs;
  }
  writeFileSync(
    join(dir, 'routes.yaml'),
    routes.length ? `${realRoutes}\n# --- Generated routes (${SYNTHETIC}s) ---\n${routes.join('')}` : realRoutes,
  );
  writeFileSync(join(dir, GENERATED_MARKER), `${JSON.stringify({ documents, seed })}\n`);
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { documents: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
  if (!values.documents || !values.out) {
    console.error('usage: tsx src/build/bench/generate-corpus.ts --documents N --out DIR [--seed S]');
    process.exit(2);
  }
  try {
    const s = generateCorpus(resolve(values.out), Number(values.documents), Number(values.seed));
    console.log(`generate-corpus: ${s.documents} documents (${s.realDocuments} real, ${s.generatedDocuments} generated), ${s.claims} claims, ${s.routes} routes with ${s.legs} legs in ${values.out}/ (seed ${s.seed})`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
