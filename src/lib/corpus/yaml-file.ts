import { constructFromEvents, parseEvents, CORE_SCHEMA, defineMappingTag, mapTag, type Event } from 'js-yaml';
import { LineCounter, parseDocument, isAlias, isNode, visit, type Document } from 'yaml';
import { CorpusError } from './errors.ts';
import { checkCuratorData, checkCuratorText } from './characters.ts';

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

/** The line of a character of `text`, counted as the `yaml` library counts them. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

// A tag ("!evil", "!!float") asks the reader to build something other than the plain value: no corpus file
// needs one, and the two libraries read them differently, so none is allowed.
const tagRefused = (path: string, line: number, tag: string) =>
  new CorpusError(path, line, `the YAML tag "${tag}" is not allowed; write the plain value (in quotes to keep it as text)`);

function firstTag(events: Event[]): { tagStart: number; tagEnd: number } | undefined {
  for (const event of events) if ('tagStart' in event && event.tagStart !== -1) return event;
  return undefined;
}

/**
 * The yaml library's data, or a located message where it has none to give. Tags are refused here too, for a file
 * that js-yaml's parser refuses and this one accepts (none is known; js-yaml's events are checked first).
 */
function toData(path: string, { doc, lineCounter }: Located, lineOffset: number): unknown {
  const lineOf = (node: { range?: [number, number, number] | null }) => (node.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined);
  let tagged: { line: number | undefined; tag: string } | undefined;
  visit(doc, (_, node) => {
    if (isNode(node) && node.tag) {
      tagged = { line: lineOf(node), tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!') };
      return visit.BREAK;
    }
  });
  if (tagged) throw tagRefused(path, tagged.line ?? 1 + lineOffset, tagged.tag);
  try {
    return doc.toJS();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    // Aliases: one that names no anchor before it, or so many that they multiply the data (a "billion laughs").
    const aliases: Array<{ line: number | undefined; name: string; anchored: boolean }> = [];
    const anchors = new Set<string>();
    visit(doc, (_, node) => {
      if (isAlias(node)) aliases.push({ line: lineOf(node), name: node.source, anchored: anchors.has(node.source) });
      else if (isNode(node) && node.anchor) anchors.add(node.anchor);
    });
    const early = aliases.find((a) => !a.anchored);
    if (early) {
      const fix = anchors.has(early.name) ? `comes before its anchor &${early.name}; put the anchor first` : `names no anchor; add &${early.name} to the value it stands for`;
      throw new CorpusError(path, early.line, `not valid YAML: the alias *${early.name} ${fix}`);
    }
    throw new CorpusError(path, aliases[0]?.line, `not valid YAML: its aliases (*${aliases[0]?.name ?? ''} and others) repeat so much data that reading the file is refused; write the values out instead`);
  }
}

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
 * and null keys here, so a file with aliases gets the `yaml` library's limit on alias expansion too,
 * reported like any other error. Tags ("!evil", "!!float") are refused.
 *
 * Both give the same data for every file the two accept (tests/unit/yaml-file.test.ts) except for
 * input no corpus file has: line breaks that are a lone carriage return, and integers beyond a
 * double's range.
 */
export function parseYamlFile(path: string, text: string, lineOffset = 0): YamlFile {
  checkCuratorText(path, text, lineOffset);
  let located: Located | undefined;
  let data: unknown;
  try {
    const events = parseEvents(text, {});
    const tag = firstTag(events);
    if (tag) throw tagRefused(path, lineAt(text, tag.tagStart) + lineOffset, text.slice(tag.tagStart, tag.tagEnd));
    const documents = constructFromEvents(events, { schema: SCHEMA, json: false, maxAliases: 0, source: text });
    if (documents.length !== 1) throw new Error('not one document');
    // A copy: js-yaml's strings are slices of the file's text and would keep all of it alive for as long as any one
    // value is kept (a claim's quote in the atlas holds its whole claims file; at 100,000 documents, hundreds of MB).
    data = structuredClone(documents[0]);
  } catch (e) {
    if (e instanceof CorpusError) throw e;
    located = locate(text);
    const first = located.doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line ?? located.lineCounter.linePos(first.pos[0]).line;
      throw new CorpusError(path, line + lineOffset, `not valid YAML: ${first.message.split('\n')[0]}`);
    }
    data = toData(path, located, lineOffset);
  }
  const file: YamlFile = {
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
  checkCuratorData(path, data, (at) => file.lineOf(at));
  return file;
}
