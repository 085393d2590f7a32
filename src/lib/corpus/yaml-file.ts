import { load, CORE_SCHEMA, defineMappingTag, mapTag } from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { CorpusError } from './errors.ts';

/** A parsed YAML file that can say on which line any value stands. */
export interface YamlFile {
  path: string;
  data: unknown;
  /** Line of the value at `path`, or of its nearest existing parent. Costly the first time: call it only for a message. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** The `yaml` library's view of a file: its Document, with the line of every node. */
interface Located {
  doc: Document;
  lineCounter: LineCounter;
}

// js-yaml reads a null key ("~: x") as the key "null", the yaml library as "": refused here, so the
// yaml library reads such a file, as it did before js-yaml.
const SCHEMA = CORE_SCHEMA.withTags(
  defineMappingTag(mapTag.tagName, { ...mapTag, addPair: (map, key, value) => (key === null ? 'a null key' : mapTag.addPair(map, key, value)) }),
);

function locate(text: string): Located {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { doc, lineCounter };
}

/**
 * Reads a YAML file (YAML 1.2, core schema, duplicate keys refused).
 *
 * The data are read by js-yaml, which is fast. The `yaml` library, which keeps every node's position
 * and words the errors, parses the file only when a line is asked for, or when js-yaml refuses the
 * file: then the message and line are the `yaml` library's, and a file that js-yaml refuses but the
 * `yaml` library accepts (an empty one, say) is read by the `yaml` library. js-yaml refuses aliases
 * and null keys here, so a file with aliases gets the `yaml` library's limit on alias expansion too.
 *
 * Both give the same data for every file the two accept (tests/unit/yaml-file.test.ts) except for
 * input no corpus file has: explicit scalar tags ("!!float 1" is 1 for js-yaml, "1" for the `yaml`
 * library), line breaks that are a lone carriage return, and integers beyond a double's range.
 */
export function parseYamlFile(path: string, text: string, lineOffset = 0): YamlFile {
  let located: Located | undefined;
  let data: unknown;
  try {
    data = load(text, { schema: SCHEMA, json: false, maxAliases: 0 });
  } catch (refusal) {
    located = locate(text);
    const first = located.doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line ?? located.lineCounter.linePos(first.pos[0]).line;
      throw new CorpusError(path, line + lineOffset, `not valid YAML: ${first.message.split('\n')[0]}`);
    }
    // A tag ("!evil Paris") would be read as plain text by the yaml library: corpus values are never tagged.
    const tag = located.doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    if (tag) {
      const line = tag.linePos?.[0]?.line ?? located.lineCounter.linePos(tag.pos[0]).line;
      const name = /Unresolved tag: (\S+)/.exec(tag.message)?.[1] ?? 'a tag';
      throw new CorpusError(path, line + lineOffset, `YAML tags such as ${name} are not allowed in corpus files; write the value without it`);
    }
    const at = (refusal as { mark?: { line?: number } }).mark?.line;
    try {
      data = located.doc.toJS();
    } catch (e) {
      // The yaml library refuses aliases that expand past its limit (an "alias bomb") with a bare ReferenceError.
      if (!(e instanceof ReferenceError)) throw e;
      const line = at === undefined ? undefined : at + 1 + lineOffset;
      if (/Excessive alias count/.test(e.message)) throw new CorpusError(path, line, 'too many aliases (*name) expand here; write the values out in full instead of repeating them by alias');
      throw new CorpusError(path, line, `not valid YAML: ${e.message}`);
    }
  }
  return {
    path,
    data,
    lineOf(at) {
      const { doc, lineCounter } = (located ??= locate(text));
      // Walk up to the nearest node that exists, so a missing key points at its parent.
      for (let n = at.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
      }
      return undefined;
    },
  };
}
