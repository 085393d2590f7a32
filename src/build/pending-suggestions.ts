import type { CorpusFiles } from '../lib/corpus/load.ts';
import { parseYamlFile } from '../lib/corpus/yaml-file.ts';
import { pendingDrafts } from '../lib/corpus/drafts.ts';
import { CorpusError } from '../lib/corpus/errors.ts';

/**
 * Drafts still marked `status: suggested`, as lines grouped by document: "cia-1963-04-11: 3 pending" then one line
 * per draft with its file and line. A file that cannot be read is left to the corpus check, which reports it.
 */
export function pendingSuggestions(files: CorpusFiles, drafts: ReadonlyArray<{ path: string; text: string }> = []): string[] {
  const byDocument = new Map<string, string[]>();
  const add = (document: string, line: string) => byDocument.set(document, [...(byDocument.get(document) ?? []), line]);
  const read = (file: { path: string; text: string }) => {
    try {
      return parseYamlFile(file.path, file.text);
    } catch (e) {
      if (e instanceof CorpusError) return undefined;
      throw e;
    }
  };
  for (const file of files.claims) {
    const yaml = read(file);
    const document = String((yaml?.data as { document?: unknown } | null)?.document ?? file.path);
    for (const d of yaml ? pendingDrafts(yaml.data) : []) add(document, `    ${file.path} line ${yaml!.lineOf(d.path)}: ${d.what}`);
  }
  const routes = read(files.routes);
  for (const d of routes ? pendingDrafts(routes.data) : []) {
    const route = (routes!.data as Array<{ document?: unknown }>)[d.path[0] as number];
    add(String(route?.document ?? files.routes.path), `    ${files.routes.path} line ${routes!.lineOf(d.path)}: ${d.what}`);
  }
  // Drafts of legs and places beside a claims file: not in the corpus until a curator appends them.
  for (const file of drafts) {
    const yaml = read(file);
    const list = yaml ? pendingDrafts(yaml.data) : [];
    const document = String((yaml?.data as Array<{ document?: unknown }> | null)?.[0]?.document ?? file.path.replace(/^claims\/|\.(routes|places)\.draft\.yaml$/g, ''));
    for (const d of list) add(document, `    ${file.path} line ${yaml!.lineOf(d.path)}: ${d.what} (a draft file: append it once reviewed)`);
  }
  const places = read(files.places);
  for (const d of places ? pendingDrafts(places.data) : []) add('gazetteer', `    ${files.places.path} line ${places!.lineOf(d.path)}: ${d.what}`);
  return [...byDocument].flatMap(([document, lines]) => [`  ${document}: ${lines.length} pending`, ...lines]);
}
