import { CorpusError, CorpusInvalid } from './errors.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';
import { parseDocumentFile, paragraphsMissingFromSource, foldWhitespace, MAX_MISSING_PARAGRAPHS } from './documents.ts';
import { resolveQuote, nearestText } from './quote.ts';
import { schemaProblems, validators } from './schema.ts';
import { periodProblem } from './dates.ts';
import { bodyOffsets } from './offsets.ts';
import { areaPolygonProblems } from '../geo/polygon-checks.ts';
import { draftProblem } from './drafts.ts';
import { legEndProblems, paragraphAt, periodSourceProblem, type AnchoredText, type RuleProblem } from './evidence-rules.ts';
import type { ClaimRecord, LegRecord, PlaceRecord, QuoteSelector, RouteRecord } from './types.ts';
import type { ContextPassage, CorpusDocument } from '../atlas/contract.ts';

export interface SourceFile {
  /** Path relative to the corpus folder, as shown in messages: "claims/cia-1963-04-11.yaml". */
  path: string;
  text: string;
}

export interface CorpusFiles {
  documents: SourceFile[];
  places: SourceFile;
  claims: SourceFile[];
  routes: SourceFile;
  /** Raw texts by file name (geodata/sources/); a Map, or a folder read as each is asked for. */
  sources: Pick<ReadonlyMap<string, string>, 'get'>;
}

export interface Anchor {
  start: number;
  end: number;
}

/** A claim or leg with its quote anchored, and its context quotes too (in the order written). */
export type ResolvedClaim = Omit<ClaimRecord, 'context'> & Anchor & { document: string; context?: ContextPassage[] };
export type ResolvedLeg = Omit<LegRecord, 'context'> & Anchor & { index: number; context?: ContextPassage[] };
export type ResolvedRoute = Omit<RouteRecord, 'legs'> & { legs: ResolvedLeg[] };

export interface Corpus {
  documents: CorpusDocument[];
  places: PlaceRecord[];
  claims: ResolvedClaim[];
  routes: ResolvedRoute[];
  /** Where each place is written, so later geometry errors can point at it (the line is looked up when read). */
  placeAt: Map<string, { file: string; readonly line: number | undefined }>;
}

/** The known id closest to a mistyped one, for "did you mean". */
export function closestId(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of known) {
    const score = editDistance(wanted, id);
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best !== undefined && bestScore <= Math.max(2, wanted.length / 3) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

export interface LoadOptions {
  /** A line now and then during long work (a long document checked against its source), for a progress display. */
  progress?: (line: string) => void;
}

/** Reads, validates and anchors the whole corpus; throws CorpusInvalid listing every problem. */
export function loadCorpus(files: CorpusFiles, options: LoadOptions = {}): Corpus {
  const problems: CorpusError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof CorpusError) problems.push(e);
      else throw e;
      return undefined;
    }
  };
  // Lines are passed as functions and looked up only for a message: the first lookup in a file
  // parses it again, with the yaml library (see yaml-file.ts).
  type LineOf = () => number | undefined;
  const validYaml = (file: SourceFile, validate: (typeof validators)[keyof typeof validators]): YamlFile | undefined =>
    attempt(() => {
      const yaml = parseYamlFile(file.path, file.text);
      const found = schemaProblems(validate, yaml.data);
      for (const p of found) problems.push(new CorpusError(file.path, yaml.lineOf(p.path), p.message));
      return found.length ? undefined : yaml;
    });

  // The routes are one file, read first while little else is held: at 100,000 documents reading it needs a gigabyte
  // for a moment. Its problems are listed where they always were, after the claims'.
  const routesYaml = validYaml(files.routes, validators.routes);
  const routesProblems = problems.splice(0);

  // Documents
  const documents = new Map<string, CorpusDocument>();
  // A document whose own file is broken is reported once; claims and routes that cite it are not blamed too.
  const brokenDocuments = new Set<string>();
  for (const file of [...files.documents].sort((a, b) => a.path.localeCompare(b.path))) {
    const doc = attempt(() => parseDocumentFile(file.path, file.text));
    if (!doc) {
      brokenDocuments.add(file.path.replace(/^.*\//, '').replace(/\.md$/, ''));
      continue;
    }
    const expectedName = `${doc.id}.md`;
    if (!file.path.endsWith(`/${expectedName}`) && file.path !== expectedName) {
      problems.push(new CorpusError(file.path, 2, `the document id "${doc.id}" must match the file name; rename the file to ${expectedName} or change the id`));
    }
    if (documents.has(doc.id)) {
      problems.push(new CorpusError(file.path, 2, `duplicate document id "${doc.id}"; each document needs its own id`));
      continue;
    }
    const raw = files.sources.get(doc.source);
    if (raw === undefined) {
      problems.push(new CorpusError(file.path, undefined, `source "${doc.source}" is not in sources/; add the raw text there unchanged`));
    } else {
      const progress = options.progress && ((done: number, total: number) => options.progress!(`${file.path}: ${Math.floor((100 * done) / total)} % checked against sources/${doc.source}`));
      const missing = paragraphsMissingFromSource(doc, raw, progress);
      if (missing.length === MAX_MISSING_PARAGRAPHS) {
        problems.push(new CorpusError(file.path, undefined, `${MAX_MISSING_PARAGRAPHS} paragraphs are not word for word in sources/${doc.source}, and the rest was not checked: is it the right source?`));
      }
      for (const i of missing) {
        const text = bodyOffsets(doc).slice(doc.paragraphs[i]!.start, doc.paragraphs[i]!.end);
        const near = nearestText(foldWhitespace(raw), foldWhitespace(text));
        problems.push(
          new CorpusError(
            file.path,
            doc.paragraphLines[i],
            `paragraph ${i + 1} is not word for word in sources/${doc.source}; the body must keep the source's exact words` +
              (near ? `; the source reads: "${near}"` : ''),
          ),
        );
      }
    }
    const { paragraphLines: _lines, ...plain } = doc;
    documents.set(doc.id, plain);
  }

  // Places, each checked on its own: one bad field costs that place, not the whole gazetteer.
  const gazetteer = readGazetteer(files.places, problems);
  const placesYaml = gazetteer.yaml;
  const places = new Map<string, PlaceRecord>();
  const placeAt: Corpus['placeAt'] = new Map();
  for (const [i, raw] of gazetteer.valid) {
    const draft = draftProblem(raw);
    if (draft) {
      problems.push(new CorpusError(files.places.path, placesYaml!.lineOf([i, ...draft.field]), `place "${raw.id}" ${draft.message}`));
      if (raw.status === 'suggested') {
        gazetteer.invalidIds.add(raw.id); // its claims are not blamed for naming it
        continue;
      }
    }
    const { status: _s, confidence: _c, why: _w, ...fields } = raw;
    const place = { ...fields, aliases: raw.aliases ?? [] };
    if (places.has(place.id)) {
      problems.push(new CorpusError(files.places.path, placesYaml!.lineOf([i, 'id']), `duplicate place id "${place.id}"; each place needs its own id`));
      continue;
    }
    if (place.label !== undefined && place.label.length >= place.name.length) {
      problems.push(
        new CorpusError(files.places.path, placesYaml!.lineOf([i, 'label']), `place "${place.id}": label "${place.label}" is not shorter than its name "${place.name}"; a label only shortens the name for the map, so remove it to print the name`),
      );
    }
    if (place.label_es !== undefined && (place.name_es === undefined || place.label_es.length >= place.name_es.length)) {
      problems.push(
        new CorpusError(files.places.path, placesYaml!.lineOf([i, 'label_es']), `place "${place.id}": label_es "${place.label_es}" must shorten its name_es${place.name_es ? ` "${place.name_es}"` : ', which it lacks'}; give name_es, or remove label_es to print name_es`),
      );
    }
    if (place.name_es !== undefined && place.name_es_source === undefined) {
      problems.push(new CorpusError(files.places.path, placesYaml!.lineOf([i, 'name_es']), `place "${place.id}": name_es "${place.name_es}" needs a name_es_source saying where the Spanish name is from (a package, Wikidata's Spanish label, the editors' translation)`));
    }
    const geometryKey = { point: 'point', country: 'country', area: 'area' }[place.precision];
    if (!(geometryKey in place)) {
      problems.push(
        new CorpusError(files.places.path, placesYaml!.lineOf([i]), `place "${place.id}" has precision "${place.precision}" and so needs a "${geometryKey}" field`),
      );
    }
    // Every outline a curator wrote: the zone's own polygon, or each polygon among its parts.
    const outlines = [
      { at: ['area', 'polygon'], points: place.area?.polygon },
      ...(place.area?.parts ?? []).map((part, k) => ({ at: ['area', 'parts', k, 'polygon'], points: part.polygon })),
    ];
    for (const { at, points } of outlines) {
      for (const p of points ? areaPolygonProblems(points) : []) {
        const line = placesYaml!.lineOf([i, ...at, ...(p.vertex === undefined ? [] : [p.vertex])]);
        problems.push(new CorpusError(files.places.path, line, `place "${place.id}": ${p.message}`));
      }
    }
    places.set(place.id, place);
    placeAt.set(place.id, placeLocation(files.places.path, placesYaml!, i));
  }

  const anchor = (file: string, line: LineOf, documentId: string, quote: ClaimRecord['quote']): Anchor | undefined => {
    const doc = documents.get(documentId);
    if (!doc) return undefined;
    const result = resolveQuote(doc.body, quote, bodyOffsets(doc));
    if (!result.ok) {
      problems.push(new CorpusError(file, line(), `${result.reason} (document ${documentId})`));
      return undefined;
    }
    return { start: result.start, end: result.end };
  };
  // A record's context quotes, each anchored like its quote; undefined when one of them is not in the document.
  const anchorContext = (file: string, line: (k: number) => LineOf, documentId: string, quotes: QuoteSelector[] | undefined): ContextPassage[] | undefined => {
    const anchored = (quotes ?? []).map((q, k) => {
      const at = anchor(file, line(k), documentId, q);
      return at && { exact: q.exact, ...at };
    });
    return anchored.every((a) => a !== undefined) ? anchored : undefined;
  };
  // Where a quote starts, by paragraph: a date may be read only from its own paragraph.
  const inParagraphs = (documentId: string, passages: ContextPassage[]): AnchoredText[] => {
    const paragraphs = documents.get(documentId)!.paragraphs;
    return passages.map((p) => ({ ...p, paragraph: paragraphAt(paragraphs, p.start) }));
  };
  const ruleProblem = (file: string, line: (field: Array<string | number>) => number | undefined, what: string) => (p: RuleProblem) =>
    problems.push(new CorpusError(file, line(p.field), `${what}: ${p.message}`));
  const knownPlace = (file: string, line: LineOf, id: string, context = '') => {
    if (places.has(id)) return true;
    // Already reported where it is written: the gazetteer could not be read, or this place's entry is wrong.
    if (gazetteer.unreadable || gazetteer.invalidIds.has(id)) return false;
    const guess = closestId(id, places.keys());
    problems.push(
      new CorpusError(file, line(), `${context}unknown place "${id}": it is not in ${files.places.path}${guess ? `; did you mean "${guess}"?` : '; add it to the gazetteer first'}`),
    );
    return false;
  };
  const knownDocument = (file: string, line: LineOf, id: string) => {
    if (documents.has(id)) return true;
    if (brokenDocuments.has(id)) return false;
    const guess = closestId(id, documents.keys());
    problems.push(new CorpusError(file, line(), `document "${id}" is not in documents/${guess ? `; did you mean "${guess}"?` : ''}`));
    return false;
  };

  // Claims
  const claims: ResolvedClaim[] = [];
  const claimAt = new Map<string, { file: string; line: () => number | undefined }>();
  for (const file of [...files.claims].sort((a, b) => a.path.localeCompare(b.path))) {
    const yaml = validYaml(file, validators.claims);
    if (!yaml) continue;
    const data = yaml.data as { document: string; claims: ClaimRecord[] };
    if (!knownDocument(file.path, () => yaml.lineOf(['document']), data.document)) continue;
    data.claims.forEach((claim, i) => {
      const draft = draftProblem(claim);
      if (draft) problems.push(new CorpusError(file.path, yaml.lineOf(['claims', i, ...draft.field]), `claim on "${claim.place}" (${claim.role}) ${draft.message}`));
      if (claim.status === 'suggested') return;
      const periodWrong = claim.period && periodProblem(claim.period);
      if (periodWrong) problems.push(new CorpusError(file.path, yaml.lineOf(['claims', i, 'period']), periodWrong));
      if (!knownPlace(file.path, () => yaml.lineOf(['claims', i, 'place']), claim.place)) return;
      const line = () => yaml.lineOf(['claims', i, 'place']);
      const at = anchor(file.path, () => yaml.lineOf(['claims', i, 'quote']), data.document, claim.quote);
      const context = anchorContext(file.path, (k) => () => yaml.lineOf(['claims', i, 'context', k]), data.document, claim.context);
      if (!at || !context) return;
      const [quoteAt, ...contextAt] = inParagraphs(data.document, [{ exact: claim.quote.exact, ...at }, ...context]);
      const undated = periodSourceProblem(claim.period, quoteAt!, contextAt, claim.note);
      if (undated) ruleProblem(file.path, (field) => yaml.lineOf(['claims', i, ...field]), `claim on "${claim.place}" (${claim.role})`)(undated);
      const repeated = repeatedClaim(claimAt, { file: file.path, line }, data.document, claim, at);
      if (repeated) problems.push(repeated);
      else {
        const { context: _quotes, status: _s, confidence: _c, why: _w, ...record } = claim;
        claims.push({ ...record, ...at, document: data.document, ...(context.length ? { context } : {}) });
      }
    });
  }

  // Routes
  problems.push(...routesProblems);
  const routes: ResolvedRoute[] = [];
  const routeIds = new Set<string>();
  for (const [r, route] of ((routesYaml?.data ?? []) as RouteRecord[]).entries()) {
    const line = (...path: Array<string | number>): LineOf => () => routesYaml!.lineOf([r, ...path]);
    if (routeIds.has(route.id)) {
      problems.push(new CorpusError(files.routes.path, line('id')(), `duplicate route id "${route.id}"; each route needs its own id`));
      continue;
    }
    routeIds.add(route.id);
    if (!knownDocument(files.routes.path, line('document'), route.document)) continue;
    const legs: ResolvedLeg[] = [];
    route.legs.forEach((leg, index) => {
      const draft = draftProblem(leg);
      if (draft) problems.push(new CorpusError(files.routes.path, line('legs', index, ...draft.field)(), `route "${route.id}" leg ${index + 1} (${leg.from} to ${leg.to}) ${draft.message}`));
      if (leg.status === 'suggested') return;
      const fromOk = knownPlace(files.routes.path, line('legs', index, 'from'), leg.from, `route "${route.id}" leg ${index + 1} starts at an `);
      const toOk = knownPlace(files.routes.path, line('legs', index, 'to'), leg.to, `route "${route.id}" leg ${index + 1} goes to an `);
      if (fromOk && toOk && leg.from === leg.to) {
        problems.push(new CorpusError(files.routes.path, line('legs', index)(), `route "${route.id}" leg ${index + 1} starts and ends at "${leg.from}"; a leg joins two different places`));
        return;
      }
      const at = anchor(files.routes.path, line('legs', index, 'quote'), route.document, leg.quote);
      const context = anchorContext(files.routes.path, (k) => line('legs', index, 'context', k), route.document, leg.context);
      if (!(fromOk && toOk && at && context)) return;
      const report = ruleProblem(files.routes.path, (field) => line('legs', index, ...field)(), `route "${route.id}" leg ${index + 1} (${leg.from} to ${leg.to})`);
      legEndProblems(leg, { from: places.get(leg.from)!, to: places.get(leg.to)! }, leg.quote.exact, context).forEach(report);
      const [quoteAt, ...contextAt] = inParagraphs(route.document, [{ exact: leg.quote.exact, ...at }, ...context]);
      const undated = periodSourceProblem(leg.period, quoteAt!, contextAt, leg.note);
      if (undated) report(undated);
      const periodWrong = leg.period && periodProblem(leg.period);
      if (periodWrong) problems.push(new CorpusError(files.routes.path, line('legs', index, 'period')(), periodWrong));
      const { context: _quotes, status: _s, confidence: _c, why: _w, ...record } = leg;
      legs.push({ ...record, ...at, index, ...(context.length ? { context } : {}) });
    });
    routes.push({ id: route.id, name: route.name, ...(route.name_es ? { name_es: route.name_es } : {}), document: route.document, legs });
  }

  if (problems.length) throw new CorpusInvalid(problems);
  return { documents: [...documents.values()], places: [...places.values()], claims, routes, placeAt };
}

/**
 * The gazetteer's entries that pass the schema, by their index in the file. An entry that fails is reported and
 * left out; its id is kept so that claims and routes naming it are not reported again as naming an unknown place.
 * A file that cannot be read at all (a YAML syntax error, not a list) is reported once and keeps nothing.
 */
function readGazetteer(file: SourceFile, problems: CorpusError[]) {
  const invalidIds = new Set<string>();
  let yaml: YamlFile;
  try {
    yaml = parseYamlFile(file.path, file.text);
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
    problems.push(e);
    return { yaml: undefined, valid: [], invalidIds, unreadable: true };
  }
  const found = schemaProblems(validators.places, yaml.data);
  for (const p of found) problems.push(new CorpusError(file.path, yaml.lineOf(p.path), p.message));
  if (found.some((p) => typeof p.path[0] !== 'number')) return { yaml, valid: [], invalidIds, unreadable: true };
  const invalid = new Set(found.map((p) => p.path[0] as number));
  const valid: Array<[number, PlaceRecord]> = [];
  (yaml.data as unknown[]).forEach((entry, i) => {
    if (!invalid.has(i)) valid.push([i, entry as PlaceRecord]);
    else if (typeof (entry as { id?: unknown } | null)?.id === 'string') invalidIds.add((entry as { id: string }).id);
  });
  return { yaml, valid, invalidIds, unreadable: false };
}

/**
 * Where a place is written, its line looked up when read. Made out here, not in loadCorpus: a getter made there would
 * hold loadCorpus's scope, and with it every file's text, for as long as the corpus lives.
 */
function placeLocation(file: string, yaml: YamlFile, index: number): { file: string; readonly line: number | undefined } {
  return {
    file,
    get line() {
      return yaml.lineOf([index, 'id']);
    },
  };
}

/** A claim that says again what an earlier one said (same document, place, role and passage), reported with both lines. */
function repeatedClaim(
  seen: Map<string, { file: string; line: () => number | undefined }>,
  here: { file: string; line: () => number | undefined },
  document: string,
  claim: ClaimRecord,
  at: Anchor,
): CorpusError | undefined {
  const key = JSON.stringify([document, claim.place, claim.role, at.start, at.end]);
  const first = seen.get(key);
  if (!first) {
    seen.set(key, here);
    return undefined;
  }
  const where = first.file === here.file ? `line ${first.line()}` : `${first.file} line ${first.line()}`;
  return new CorpusError(
    here.file,
    here.line(),
    `this claim repeats the one at ${where}: same document (${document}), place "${claim.place}", role "${claim.role}" and quote "${claim.quote.exact}"; remove one of them`,
  );
}
