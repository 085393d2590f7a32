/**
 * `npm run corpus:suggest -- <document-id> [--out FILE]`: drafts claims, route legs and new gazetteer entries for one
 * document, every one `status: suggested` (derive refuses them until a curator has reviewed them).
 * With --out, the claims go to FILE, the legs to FILE less ".yaml" plus ".routes.draft.yaml" and the new places to
 * ".places.draft.yaml" beside it (derive never reads a .draft.yaml); without, all three are printed.
 * `npm run corpus:suggest -- --evaluate`: leave-one-out on every document, as a table (README, "Curator assistant").
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readCorpusFiles } from './corpus-files.ts';
import { draftNewPlaces, placesYaml } from './new-places.ts';
import { closestId, loadCorpus, type CorpusFiles } from '../lib/corpus/load.ts';
import { parseDocumentFile } from '../lib/corpus/documents.ts';
import { parseYamlFile } from '../lib/corpus/yaml-file.ts';
import { schemaProblems, validators } from '../lib/corpus/schema.ts';
import { claimsYaml, routesYaml, suggestFor, type Suggestions } from '../lib/corpus/suggest.ts';
import { evaluateSuggestions, evaluationTable } from '../lib/corpus/suggest-evaluate.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import type { ClaimRecord, PlaceRecord } from '../lib/corpus/types.ts';

export interface Draft {
  suggestions: Suggestions;
  claims: string;
  routes: string;
  places: string;
  ms: number;
}

/** Reads one document and the gazetteer from a corpus folder's files, and drafts. Throws CorpusError with the fix. */
export function draftDocument(files: CorpusFiles, documentId: string): Draft {
  const path = `documents/${documentId}.md`;
  const file = files.documents.find((d) => d.path === path);
  if (!file) {
    const known = files.documents.map((d) => d.path.replace(/^documents\/|\.md$/g, ''));
    const guess = closestId(documentId, known);
    throw new CorpusError(path, undefined, `there is no such document${guess ? ` (did you mean "${guess}"?)` : ''}; write it first (CURATING.md, step 2), or use one of: ${known.join(', ')}`);
  }
  const started = performance.now();
  const doc = parseDocumentFile(file.path, file.text);
  const placesFile = parseYamlFile(files.places.path, files.places.text);
  const placeProblems = schemaProblems(validators.places, placesFile.data);
  if (placeProblems.length) {
    const p = placeProblems[0]!;
    throw new CorpusError(files.places.path, placesFile.lineOf(p.path), `${p.message}; the assistant needs a readable gazetteer`);
  }
  const places = (placesFile.data as PlaceRecord[]).map((p) => ({ ...p, aliases: p.aliases ?? [] }));
  // Claims already written for the document are not drafted again.
  const claimsFile = files.claims.find((c) => c.path === `claims/${documentId}.yaml`);
  const known = claimsFile ? (((parseYamlFile(claimsFile.path, claimsFile.text).data as { claims?: ClaimRecord[] } | null)?.claims ?? []) as ClaimRecord[]) : [];
  // So are legs already in routes.yaml for it (a routes file that cannot be read is left to corpus:check).
  let knownLegs: Array<{ from: string; to: string }> = [];
  try {
    const routes = parseYamlFile(files.routes.path, files.routes.text).data;
    if (Array.isArray(routes)) knownLegs = routes.filter((r) => r?.document === documentId).flatMap((r) => (Array.isArray(r.legs) ? r.legs : []));
  } catch (e) {
    if (!(e instanceof CorpusError)) throw e;
  }
  const suggestions = suggestFor(doc, places, known, knownLegs);
  const claims = claimsYaml(suggestions);
  // Never hand a curator a file the build cannot read: the draft must parse and fit the claims schema.
  const check = schemaProblems(validators.claims, parseYamlFile('draft', claims).data);
  if (check.length) throw new Error(`corpus:suggest wrote a draft the claims schema refuses (${check[0]!.message}); this is a bug in suggest.ts`);
  const placesText = placesYaml(draftNewPlaces(doc.body, places), documentId);
  return { suggestions, claims, routes: routesYaml(suggestions), places: placesText, ms: performance.now() - started };
}

const sibling = (out: string, ending: string) => out.replace(/(\.ya?ml)?$/, ending);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { corpus: { type: 'string', default: 'geodata' }, out: { type: 'string' }, evaluate: { type: 'boolean', default: false } },
  });
  try {
    const files = readCorpusFiles(resolve(values.corpus));
    if (values.evaluate) {
      const rows = evaluateSuggestions(loadCorpus(files), () => performance.now());
      console.log(evaluationTable(rows));
      for (const r of rows) if (r.document !== 'overall') console.log(`${r.document}: drafted in ${Math.round(r.ms)} ms`);
    } else {
      const id = positionals[0];
      if (!id || positionals.length > 1) {
        console.error('usage: npm run corpus:suggest -- <document-id> [--out FILE]   or   npm run corpus:suggest -- --evaluate');
        process.exit(2);
      }
      const draft = draftDocument(files, id);
      const s = draft.suggestions;
      const summary = `corpus:suggest: ${id}: ${s.claims.length} claims, ${s.legs.length} legs, ${(draft.places.match(/^- id:/gm) ?? []).length} new places drafted in ${Math.round(draft.ms)} ms; every one is status: suggested until you review it`;
      if (values.out) {
        const out = resolve(values.out);
        if (existsSync(out)) {
          console.error(`corpus:suggest: ${values.out} exists; the assistant does not overwrite a file. Choose another --out, or move it away.`);
          process.exit(1);
        }
        writeFileSync(out, draft.claims);
        const written = [values.out];
        for (const [ending, text] of [['.routes.draft.yaml', draft.routes], ['.places.draft.yaml', draft.places]] as const) {
          if (!text) continue;
          writeFileSync(sibling(out, ending), text);
          written.push(sibling(values.out, ending));
        }
        console.error(`${summary}\nwritten: ${written.join(', ')}`);
      } else {
        console.log(draft.claims);
        if (draft.routes) console.log(`# --- legs: append to routes.yaml once reviewed ---\n${draft.routes}`);
        if (draft.places) console.log(`# --- new places: append to places.yaml once reviewed ---\n${draft.places}`);
        console.error(summary);
      }
    }
  } catch (e) {
    if (e instanceof CorpusInvalid || e instanceof CorpusError) {
      console.error(`corpus:suggest: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

