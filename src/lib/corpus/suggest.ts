/**
 * The curator assistant: drafts claims and route legs for one document from its words, each marked
 * `status: suggested` with a confidence and the cue that led to it (`why`). It never decides: derive refuses a
 * suggestion until a curator has read it (CURATING.md, "Drafting with the assistant"). Pure: the command is
 * src/build/corpus-suggest.ts.
 *
 * How a draft is made, sentence by sentence:
 * - places: the gazetteer's names and aliases, the period's names, possessives, "Cuban territory", "Peruvians"
 *   (place-names.ts);
 * - roles: the first cue (below) whose words surround the place's name; no cue, role `context`, and then only
 *   once per place and paragraph (a context mark needs one passage, not every one);
 * - quotes: the shortest run of whole words holding the name and its cue, widened (or given a prefix or suffix)
 *   until it occurs once; a quote the quote checker does not find is dropped, never written;
 * - legs: sentences of travel ("from X to Y", "by way of X and thence to Y", "go through X and Y", "arriving in X
 *   from Y … and their return"), an end the sentence leaves out read from a context quote that names it.
 */
import { resolveQuote } from './quote.ts';
import { findPlaceNames, type NameMatch } from './place-names.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import type { Direction } from '../atlas/contract.ts';
import type { PlaceRecord, QuoteSelector } from './types.ts';
import type { Role } from '../atlas/roles.ts';

export interface SuggestedClaim {
  place: string;
  role: Role;
  quote: QuoteSelector;
  status: 'suggested';
  /** 0–1: how far the cue alone supports the role; never more than the cue's own weight. */
  confidence: number;
  /** The cue, as the curator reads it: '"trained in" → training-site'. */
  why: string;
  /** Index of the sentence (splitSentences) the quote starts in. */
  sentence: number;
}

export interface SuggestedLeg {
  from: string;
  to: string;
  quote: QuoteSelector;
  direction?: Direction;
  together?: true;
  unstated?: Array<'from' | 'to'>;
  context?: QuoteSelector[];
  status: 'suggested';
  confidence: number;
  why: string;
  sentence: number;
}

export interface Suggestions {
  document: string;
  claims: SuggestedClaim[];
  legs: SuggestedLeg[];
}

/** A sentence with each place name replaced by a token: "@3" for a place, "#3" for its people ("Peruvians"). */
interface Masked {
  text: string;
  /** For each index of `text`, the body index it stands for (one past the end as the last entry). */
  at: number[];
  names: NameMatch[];
}

function mask(sentence: Sentence, names: NameMatch[]): Masked {
  let text = '';
  const at: number[] = [];
  let i = sentence.start;
  names.forEach((n, k) => {
    for (; i < n.start; i++) {
      text += sentenceChar(sentence, i);
      at.push(i);
    }
    const token = `${n.form === 'people' ? '#' : '@'}${k}`;
    for (let j = 0; j < token.length; j++) at.push(j === 0 ? n.start : n.end);
    text += token;
    i = n.end;
  });
  for (; i < sentence.end; i++) {
    text += sentenceChar(sentence, i);
    at.push(i);
  }
  at.push(sentence.end);
  return { text, at, names };
}
const sentenceChar = (s: Sentence, i: number) => {
  const c = s.text[i - s.start]!;
  return c === '\n' ? ' ' : c;
};

// Building blocks of the cue patterns: one place, or a list of places ("Algeria, North Vietnam, Laos, and China").
const P = '(?<p>@\\d+)';
const LIST = '(?<p>(?:the )?@\\d+(?:,? (?:and |or )?(?:the )?@\\d+)*)';
const PEOPLE = '(?<p>#\\d+)';

interface Cue {
  role: Role;
  re: RegExp;
  confidence: number;
  /** The cue words as the curator sees them in `why`. */
  words: string;
  /** Adds its role to places that already play this one in the sentence, rather than competing for places. */
  adds?: Role;
}
const cue = (role: Role, pattern: string, confidence: number, words: string, adds?: Role): Cue => ({ role, re: new RegExp(pattern, 'gi'), confidence, words, ...(adds ? { adds } : {}) });

/**
 * Cue words → role, in the order they are tried: the first that fits a place gives its role. The confidence is
 * the cue's, lower where the words say less ("links" for a contact, "re-entry into" for where they went back).
 */
export const CUES: readonly Cue[] = [
  cue('planned-training', `\\bwill\\b[^.;]{0,40}?\\b(?:training|instructions?|trained)\\b (?:in|at) ${LIST}`, 0.75, 'will receive instructions in'),
  cue('planned-training', `\\bwill\\b[^.;]{0,30}?\\bgo to ${P}[^.;]{0,50}\\btraining\\b`, 0.65, 'will go to … training'),
  cue('planned-training', `\\b(?:plans?|planned|planning) to (?:train|give training|set up (?:a )?(?:training )?camps?)\\b[^.;]{0,30}?\\bin ${LIST}`, 0.65, 'plans to train in'),
  cue('training-site', `\\btrain(?:ed|ing)\\b(?: [\\w-]+){0,4}? (?:in|at|on) ${LIST}`, 0.8, 'trained in'),
  cue('training-site', `${P} where (?:they|he|she) (?:were|was) (?:given|trained|taught)\\b`, 0.7, 'where they were given'),
  cue('training-site', `\\binstructions? (?:were|was) given in ${LIST}`, 0.75, 'instructions were given in'),
  cue('command-centre', `${P}[^.;]{0,30}\\bcent(?:er|re) of the (?:network|ring|organi[sz]ation|operation)\\b`, 0.85, 'the center of the network'),
  cue('command-centre', `\\bheadquartered in ${P}`, 0.85, 'headquartered in'),
  cue('command-centre', `\\b(?:run|directed|led) from ${P}`, 0.7, 'run from'),
  cue('command-centre', `\\bheadquarters (?:is |are )?in ${P}`, 0.7, 'headquarters in'),
  cue('transit-hub', `\\bby way of ${LIST}`, 0.85, 'by way of'),
  cue('transit-hub', `\\b(?:go|goes|went|going|pass|passes|passed) through ${LIST}`, 0.8, 'go through'),
  cue('transit-hub', `\\b(?:travel+ed|travel+ing|returned|returning|came|moved)\\b[^.;]{0,40}?\\bthrough ${LIST}`, 0.7, 'returned … through'),
  cue('transit-hub', `\\bto ${P} to be sent on\\b`, 0.8, 'to be sent on'),
  cue('transit-hub', `\\b(?:via|transit(?:ed|ing)? through) ${LIST}`, 0.8, 'via'),
  cue('re-entry', `${LIST}[^.;]{0,40}\\bre-?entry points?\\b`, 0.85, 're-entry points'),
  cue('re-entry', `\\bre-?enter(?:ed|ing)? (?:through|by way of|via) ${LIST}`, 0.8, 're-enter through'),
  cue('documents-source', `\\b(?:false|forged|falsified) (?:documentation|documents|papers|passports)\\b[^.;]{0,40}?\\bfrom\\b[^.;]{0,30}?${LIST}`, 0.8, 'false documentation from'),
  cue('contact', `\\bcorrespondence points?["”]? in ${LIST}`, 0.8, 'correspondence points in'),
  cue('contact', `\\bcontacts? (?:in|with)\\b(?: [\\w-]+){0,2}? ${LIST}`, 0.75, 'contacts in'),
  cue('contact', `\\bin ${P} as a (?:[\\w-]+ )?contact\\b`, 0.75, 'as a contact'),
  cue('contact', `\\b(?:links?|contacts?|correspondents?)\\b[^.;]{0,30}?${P}`, 0.6, 'links … whose'),
  cue('funding', `${P} banks?\\b`, 0.8, 'banks'),
  cue('funding', `\\bfunded (?:through|by) (?:the )?${P}`, 0.8, 'funded through'),
  cue('funding', `\\bfunds?\\b[^.;]{0,40}?\\bby ${P}`, 0.75, 'funds … sent by'),
  cue('funding', `\\b(?:money|funds?)\\b[^.;]{0,40}?\\b(?:in|through) (?:the )?${P}`, 0.6, 'money … in'),
  cue('origin', `\\barriving in @\\d+ from ${LIST}`, 0.8, 'arriving in … from'),
  cue('origin', `\\b(?:came|come|comes|coming|arrived|arriving) from ${LIST}`, 0.75, 'coming from'),
  cue('origin', `${PEOPLE} (?:who were |were )?(?:trained|arriving|arrived|came|coming)\\b`, 0.6, 'Peruvians trained'),
  cue('destination', `\\b(?:spread|crossed|crossing|cross)\\b[^.;]{0,20}\\bborders? into ${P}`, 0.8, 'across the border into'),
  cue('destination', `\\breturn(?:ed|ing)? to ${P}`, 0.7, 'return to'),
  cue('destination', `\\bre-?entry into ${P}`, 0.6, 're-entry into'),
  cue('destination', `\\b(?:coming|came|come|sent|went|go|going|brought) back\\b`, 0.55, 'coming back'),
  cue('destination', `\\b(?:their|the) return to (?:these|those) countries\\b`, 0.75, 'their return to these countries', 'origin'),
];

// Enumerations that name the members of a plural announced in the sentence before ("four fronts … One is in the
// south …, another …, a third is in Lima"): each place in them plays the role the plural names.
const ENUMERATED: ReadonlyArray<{ noun: RegExp; role: Role }> = [
  { noun: /\b(?:two|three|four|five|six|several) (?:[\w-]+ )?fronts\b/i, role: 'front' },
  { noun: /\b(?:two|three|four|five|six|several) (?:[\w-]+ )?(?:training camps|camps)\b/i, role: 'training-site' },
];
const ENUMERATION = /\b(?:One|one) is\b[^.]*\b(?:another|a second|a third|the fourth|the other)\b/;

const CONTEXT_CONFIDENCE = 0.3;

interface Found {
  place: string;
  role: Role;
  /** Body indexes of the words the quote must hold: the name and its cue. */
  start: number;
  end: number;
  confidence: number;
  why: string;
  name: NameMatch;
}

/** Whole words around [start, end) of the body, within the sentence. */
function wordSpan(body: string, sentence: Sentence, start: number, end: number): [number, number] {
  while (start > sentence.start && /[\p{L}\p{N}'’-]/u.test(body[start - 1]!)) start--;
  while (end < sentence.end && /[\p{L}\p{N}'’-]/u.test(body[end]!)) end++;
  while (end > start && /[\s,;:(—-]/.test(body[end - 1]!)) end--;
  // Keep quotation marks paired: '"Correspondence points" in Europe', not 'Correspondence points" in Europe'.
  const text = body.slice(start, end);
  if ((text.split('"').length - 1) % 2 === 1 && body[start - 1] === '"' && start > sentence.start) start--;
  if (text.includes('”') && !text.includes('“') && body[start - 1] === '“' && start > sentence.start) start--;
  return [start, end];
}

/** The clause around a name (between commas, semicolons, colons), widened to the sentence when it is a few words. */
function clauseAround(body: string, sentence: Sentence, start: number, end: number, minWords = 5): [number, number] {
  let a = start;
  while (a > sentence.start && !/[,;:]/.test(body[a - 1]!)) a--;
  while (a < start && /\s/.test(body[a]!)) a++;
  let b = end;
  while (b < sentence.end && !/[,;:]/.test(body[b]!)) b++;
  const span = wordSpan(body, sentence, a, b);
  const words = body.slice(span[0], span[1]).trim().split(/\s+/).length;
  if (words >= minWords) return span;
  // The whole sentence, less a paragraph's number ("6. The agent …").
  const numbered = /^\d{1,3}\.\s+/.exec(sentence.text);
  return [sentence.start + (numbered?.[0].length ?? 0), sentence.end];
}

/**
 * The quote for body[start, end): as it stands when it occurs once; otherwise widened to its sentence, then given
 * the words before or after it. Undefined when even that does not pick one place (never a quote that fails).
 */
export function quoteFor(body: string, sentence: Sentence, start: number, end: number): QuoteSelector | undefined {
  const tries: QuoteSelector[] = [];
  const exact = body.slice(start, end).trim();
  tries.push({ exact });
  const whole = body.slice(sentence.start, sentence.end);
  if (whole !== exact) tries.push({ exact: whole });
  // The words after or before it, whole words only (the quote checker compares them exactly).
  for (const n of [12, 24, 48]) {
    let to = Math.min(body.length, sentence.end + n);
    while (to < body.length && /[\p{L}\p{N}]/u.test(body[to]!)) to++;
    const suffix = body.slice(sentence.end, to);
    if (suffix) tries.push({ exact: whole, suffix });
    let from = Math.max(0, sentence.start - n);
    while (from > 0 && /[\p{L}\p{N}]/u.test(body[from - 1]!)) from--;
    const prefix = body.slice(from, sentence.start);
    if (prefix) tries.push({ exact: whole, prefix });
  }
  return tries.find((q) => q.exact && resolveQuote(body, q).ok);
}

/** Cue words of a match, for `why`: the matched words with the places left out. */
function cueWords(masked: Masked, from: number, to: number, names: NameMatch[]): string {
  const words = masked.text
    .slice(from, to)
    .replace(/[@#](\d+)/g, (_, k: string) => names[Number(k)]!.text)
    .replace(/\s+/g, ' ')
    .trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
}

function rolesIn(body: string, sentence: Sentence, masked: Masked, previous: Sentence | undefined): Found[] {
  const found: Found[] = [];
  const has = (k: number) => found.some((f) => f.name === masked.names[k]);
  // Enumerations first: "One is in the south with headquarters in Cusco" is a front, not a command centre.
  if (previous && previous.paragraph === sentence.paragraph && ENUMERATION.test(sentence.text)) {
    for (const { noun, role } of ENUMERATED) {
      const plural = noun.exec(previous.text);
      if (!plural) continue;
      masked.names.forEach((name, k) => {
        if (name.form === 'people' || has(k)) return;
        const [start, end] = clauseAround(body, sentence, name.start, name.end, 3);
        found.push({ place: name.place, role, start, end, confidence: 0.6, why: `"${plural[0]}" (sentence before), then "${body.slice(start, end)}" → ${role}`, name });
      });
    }
  }
  for (const c of CUES) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(masked.text); m; m = c.re.exec(masked.text)) {
      const mStart = m.index;
      const mEnd = m.index + m[0].length;
      const list = m.groups?.p;
      // A cue that names no place of its own ("coming back") applies to every place the sentence names.
      const targets =
        list === undefined
          ? masked.names.flatMap((n, k) => (n.form === 'people' ? [] : [k]))
          : [...list.matchAll(/[@#](\d+)/g)].map((t) => Number(t[1]));
      const listStart = list === undefined ? mStart : mStart + m[0].indexOf(list);
      const listEnd = list === undefined ? mStart : listStart + list.length;
      // The cue's own words: the match less the list of places (before or after it).
      const [cueStart, cueEnd] = list === undefined || (listStart > mStart && listEnd < mEnd) ? [mStart, mEnd] : listStart === mStart ? [listEnd, mEnd] : [mStart, listStart];
      for (const k of targets) {
        const name = masked.names[k]!;
        if (c.adds ? !found.some((f) => f.name === name && f.role === c.adds) : has(k)) continue;
        const [start, end] = wordSpan(body, sentence, Math.min(masked.at[cueStart]!, name.start), Math.max(masked.at[cueEnd]!, name.end));
        // A people's name is part of its cue ("Peruvians trained"): the why quotes it.
        const words = name.form === 'people' ? cueWords(masked, mStart, mEnd, masked.names) : cueWords(masked, cueStart, cueEnd, masked.names);
        found.push({ place: name.place, role: c.role, start, end, confidence: c.confidence, why: `"${words}" → ${c.role}`, name });
      }
    }
  }
  return found;
}

interface LegCue {
  re: RegExp;
  kind: 'directed' | 'together' | 'arriving';
  confidence: number;
  words: string;
}
const A = '(?<a>@\\d+)';
const B = '(?<b>@\\d+)';
const LEG_CUES: readonly LegCue[] = [
  { re: new RegExp(`\\bfrom (?:the )?${A} to (?:the )?${B}`, 'gi'), kind: 'directed', confidence: 0.8, words: 'from … to' },
  { re: new RegExp(`\\b(?:left|leave|leaves|leaving) (?:the )?${A} for (?:the )?${B}`, 'gi'), kind: 'directed', confidence: 0.8, words: 'left … for' },
  { re: new RegExp(`\\bby way of (?:the )?${A},? (?:and )?thence to (?:the )?${B}`, 'gi'), kind: 'directed', confidence: 0.8, words: 'by way of … and thence to' },
  { re: new RegExp(`\\b(?:go|goes|went|going|pass|passes|passed) through (?:the )?${A} and (?:the )?${B}`, 'gi'), kind: 'together', confidence: 0.75, words: 'go through … and …' },
  { re: new RegExp(`\\barriving in (?:the )?${B} from (?<list>(?:the )?@\\d+(?:,? (?:and |or )?(?:the )?@\\d+)*)`, 'gi'), kind: 'arriving', confidence: 0.75, words: 'arriving in … from' },
];
const ROUND_TRIP = /\b(?:their|the) return to (?:these|those) countries\b/i;
const FAN_OUT = new RegExp(`\\bfrom ${A}, (?:[\\w-]+ ){0,4}(?:fan out|spread out|are sent on|disperse|scatter) to\\b`, 'gi');
const REENTRY_POINTS = new RegExp(`${LIST}[^.;]{0,40}\\bre-?entry points?\\b`, 'gi');

function legsIn(body: string, sentences: Sentence[], i: number, maskedAll: Masked[], places: readonly PlaceRecord[]): SuggestedLeg[] {
  const sentence = sentences[i]!;
  const masked = maskedAll[i]!;
  const legs: SuggestedLeg[] = [];
  const id = (k: string | undefined) => masked.names[Number(k!.slice(1))]!;
  const push = (from: NameMatch, to: NameMatch, start: number, end: number, extra: Partial<SuggestedLeg>, confidence: number, why: string, span?: Sentence) => {
    if (from.place === to.place) return;
    const quote = quoteFor(body, span ?? sentence, ...wordSpan(body, span ?? sentence, start, end));
    if (!quote) return;
    legs.push({ from: from.place, to: to.place, quote, ...extra, status: 'suggested', confidence, why, sentence: i });
  };
  for (const c of LEG_CUES) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(masked.text); m; m = c.re.exec(masked.text)) {
      const start = masked.at[m.index]!;
      const end = masked.at[m.index + m[0].length]!;
      if (c.kind === 'arriving') {
        const to = id(m.groups!.b);
        const roundTrip = ROUND_TRIP.exec(masked.text);
        const stop = roundTrip ? masked.at[roundTrip.index + roundTrip[0].length]! : end;
        for (const t of m.groups!.list!.matchAll(/@\d+/g)) {
          push(id(t[0]), to, start, stop, roundTrip ? { direction: 'round-trip' } : {}, c.confidence, roundTrip ? `"arriving in … from …, and their return to these countries" → round trip` : `"${c.words}" → directed`);
        }
      } else {
        push(id(m.groups!.a), id(m.groups!.b), start, end, c.kind === 'together' ? { together: true } : {}, c.confidence, c.kind === 'together' ? `"${c.words}": two stops named together, no travel between them → together (no line)` : `"${c.words}" → directed`);
      }
    }
  }
  // "From Paris, the travelers fan out to a number of … countries. Colombia and Brazil …": the ends are in the next sentence.
  FAN_OUT.lastIndex = 0;
  const next = sentences[i + 1];
  const fan = FAN_OUT.exec(masked.text);
  if (fan && next && next.paragraph === sentence.paragraph) {
    const from = id(fan.groups!.a);
    const span: Sentence = { ...sentence, end: next.end, text: body.slice(sentence.start, next.end) };
    for (const to of maskedAll[i + 1]!.names.filter((n) => n.form !== 'people')) {
      push(from, to, sentence.start, next.end, {}, 0.6, `"from … fan out to" and the places the next sentence names → directed`, span);
    }
  }
  // Re-entry points: the country re-entered is read from "re-entry into X" elsewhere in the document.
  REENTRY_POINTS.lastIndex = 0;
  const points = REENTRY_POINTS.exec(masked.text);
  if (points) {
    const into = findReentryTarget(body, sentences, places);
    if (into) {
      for (const t of points.groups!.p!.matchAll(/@\d+/g)) {
        const from = id(t[0]);
        const quote = quoteFor(body, sentence, sentence.start, sentence.end);
        if (!quote || from.place === into.place) continue;
        legs.push({
          from: from.place,
          to: into.place,
          quote,
          unstated: ['to'],
          context: [into.quote],
          status: 'suggested',
          confidence: 0.5,
          why: `"re-entry points", the country re-entered read from "${into.quote.exact}" → unstated to`,
          sentence: i,
        });
      }
    }
  }
  return legs;
}

function findReentryTarget(body: string, sentences: Sentence[], places: readonly PlaceRecord[]): { place: string; quote: QuoteSelector } | undefined {
  for (const s of sentences) {
    const m = /\bre-?entry into (?:the )?/i.exec(s.text);
    if (!m) continue;
    const after = s.start + m.index + m[0].length;
    const name = findPlaceNames(body.slice(after, s.end), places).find((n) => n.start === 0 && n.form !== 'people');
    if (!name) continue;
    const quote = quoteFor(body, s, s.start + m.index, after + name.end);
    if (quote) return { place: name.place, quote };
  }
  return undefined;
}

function insideBrackets(body: string, start: number, end: number): boolean {
  const open = body.lastIndexOf('[', start);
  const close = body.indexOf(']', end);
  return open !== -1 && close !== -1 && body.lastIndexOf(']', start) < open && !body.slice(end, close).includes('[');
}

/** A confidence as written: two decimals. */
const rounded = (x: number) => Math.round(x * 100) / 100;

/**
 * Drafts claims and legs for one document body. `known` lists claims already written for it (place and quote):
 * a place already claimed in a sentence is not drafted again there; `knownLegs`, legs already in routes.yaml for
 * it: a leg between the same two places is not drafted again.
 */
export function suggestFor(
  document: { id: string; body: string },
  places: readonly PlaceRecord[],
  known: ReadonlyArray<{ place: string; quote: QuoteSelector }> = [],
  knownLegs: ReadonlyArray<{ from: string; to: string }> = [],
): Suggestions {
  const { body } = document;
  const sentences = splitSentences(body);
  // A name inside square brackets is the editor's insertion ("[Havana] City", "Santiago [de Cuba]"), not the document's words.
  const names = findPlaceNames(body, places).filter((n) => !insideBrackets(body, n.start, n.end));
  const masked = sentences.map((s) => mask(s, names.filter((n) => n.start >= s.start && n.end <= s.end)));
  const claimed = new Set(
    known.flatMap((k) => {
      const r = resolveQuote(body, k.quote);
      if (!r.ok) return [];
      const at = sentences.findIndex((s) => s.end > body.indexOf(k.quote.exact));
      return [`${k.place}@${at}`];
    }),
  );
  const claims: SuggestedClaim[] = [];
  const legs: SuggestedLeg[] = [];
  const contextIn = new Set<string>(); // place@paragraph: one context suggestion each
  sentences.forEach((sentence, i) => {
    const sentenceLegs = legsIn(body, sentences, i, masked, places);
    const drawn = (l: SuggestedLeg) => knownLegs.some((k) => (k.from === l.from && k.to === l.to) || (k.from === l.to && k.to === l.from));
    legs.push(...sentenceLegs.filter((l) => !drawn(l)));
    const found = rolesIn(body, sentence, masked[i]!, sentences[i - 1]);
    const ends = new Set(sentenceLegs.filter((l) => !l.together).flatMap((l) => [l.from, l.to]));
    const seen = new Set<string>();
    const add = (f: Omit<Found, 'name'>) => {
      const key = `${f.place}/${f.role}`;
      if (seen.has(key) || claimed.has(`${f.place}@${i}`)) return;
      const quote = quoteFor(body, sentence, f.start, f.end);
      if (!quote) return;
      seen.add(key);
      claims.push({ place: f.place, role: f.role, quote, status: 'suggested', confidence: rounded(f.confidence), why: f.why, sentence: i });
    };
    found.forEach(add);
    for (const name of masked[i]!.names) {
      if (name.form === 'people' || found.some((f) => f.place === name.place)) continue;
      // A leg already carries a place the sentence names only as where travel starts or ends.
      if (ends.has(name.place)) continue;
      const key = `${name.place}@${sentence.paragraph}`;
      if (contextIn.has(key)) continue;
      contextIn.add(key);
      const [start, end] = clauseAround(body, sentence, name.start, name.end);
      add({ place: name.place, role: 'context', start, end, confidence: name.form === 'name' ? CONTEXT_CONFIDENCE : CONTEXT_CONFIDENCE - 0.1, why: `no cue: "${name.text}" is named, not as part of the network → context` });
    }
  });
  return { document: document.id, claims, legs };
}

const q = (s: string) => JSON.stringify(s);
const quoteYaml = (quote: QuoteSelector) =>
  `{ exact: ${q(quote.exact)}${quote.prefix !== undefined ? `, prefix: ${q(quote.prefix)}` : ''}${quote.suffix !== undefined ? `, suffix: ${q(quote.suffix)}` : ''} }`;

/** The drafted claims as a claims file (geodata/claims/<document>.yaml), every one `status: suggested`. */
export function claimsYaml(s: Suggestions): string {
  const lines = [
    `# Drafted by npm run corpus:suggest from documents/${s.document}.md. Nothing here is published until a curator`,
    '# has read each claim against the document: then write status: reviewed (or delete the line) and delete its',
    '# confidence and why; delete a claim the words do not bear out (CURATING.md, "Drafting with the assistant").',
    `document: ${s.document}`,
    s.claims.length ? 'claims:' : 'claims: []',
  ];
  for (const c of s.claims) {
    lines.push(`  - place: ${c.place}`, `    role: ${c.role}`, `    quote: ${quoteYaml(c.quote)}`, '    status: suggested', `    confidence: ${c.confidence}`, `    why: ${q(c.why)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The drafted legs as one route to append to routes.yaml, every leg `status: suggested`; '' when there are none. */
export function routesYaml(s: Suggestions): string {
  if (!s.legs.length) return '';
  const lines = [
    `# Drafted by npm run corpus:suggest from documents/${s.document}.md: split into journeys, name them, and review each leg.`,
    `- id: ${s.document}-suggested`,
    `  name: ${q(`Suggested legs of ${s.document}`)}`,
    `  document: ${s.document}`,
    '  legs:',
  ];
  for (const l of s.legs) {
    lines.push(`    - from: ${l.from}`, `      to: ${l.to}`);
    if (l.together) lines.push('      together: true');
    if (l.direction) lines.push(`      direction: ${l.direction}`);
    lines.push(`      quote: ${quoteYaml(l.quote)}`);
    if (l.unstated) lines.push(`      unstated: [${l.unstated.join(', ')}]`);
    if (l.context) lines.push('      context:', ...l.context.map((c) => `        - ${quoteYaml(c)}`));
    lines.push('      status: suggested', `      confidence: ${l.confidence}`, `      why: ${q(l.why)}`);
  }
  return `${lines.join('\n')}\n`;
}
