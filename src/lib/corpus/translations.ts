/**
 * Curator-written text that has no Spanish yet: a journey's name, a branch label or a note without its
 * `name_es`, `branch_es` or `note_es`. Read from the corpus files themselves, so each gap names its line.
 */
import type { CorpusFiles, SourceFile } from './load.ts';
import { parseYamlFile } from './yaml-file.ts';

export interface MissingTranslation {
  file: string;
  line: number | undefined;
  /** The field that needs a Spanish sibling: "note", "name" or "branch". */
  field: string;
  english: string;
}

type Entry = Record<string, unknown>;

/** Every curator field of `entry` (at `path` in the file) whose `<field>_es` is absent. */
function gapsIn(entry: Entry, fields: readonly string[], at: ReadonlyArray<string | number>, file: ReturnType<typeof parseYamlFile>): MissingTranslation[] {
  return fields
    .filter((field) => typeof entry[field] === 'string' && (entry[field] as string).length > 0 && entry[`${field}_es`] === undefined)
    .map((field) => ({ file: file.path, line: file.lineOf([...at, field]), field, english: entry[field] as string }));
}

const entries = (value: unknown): Entry[] => (Array.isArray(value) ? value.filter((v): v is Entry => typeof v === 'object' && v !== null) : []);

/** Gaps in files loadCorpus has already accepted (so their shapes are known), in file order. */
export function missingSpanish(files: Pick<CorpusFiles, 'places' | 'claims' | 'routes'>): MissingTranslation[] {
  const gaps: MissingTranslation[] = [];
  const parse = (source: SourceFile) => parseYamlFile(source.path, source.text);

  const places = parse(files.places);
  entries(places.data).forEach((place, i) => gaps.push(...gapsIn(place, ['note'], [i], places)));

  for (const source of [...files.claims].sort((a, b) => a.path.localeCompare(b.path))) {
    const claims = parse(source);
    entries((claims.data as Entry | null)?.claims).forEach((claim, i) => gaps.push(...gapsIn(claim, ['note'], ['claims', i], claims)));
  }

  const routes = parse(files.routes);
  entries(routes.data).forEach((route, r) => {
    gaps.push(...gapsIn(route, ['name'], [r], routes));
    entries(route.legs).forEach((leg, l) => gaps.push(...gapsIn(leg, ['branch', 'note'], [r, 'legs', l], routes)));
  });
  return gaps;
}
