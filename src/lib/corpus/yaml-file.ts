import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { CorpusError } from './errors.ts';
import { parseYamlSubset } from './yaml-subset.ts';

/** A parsed YAML file that can say on which line any value stands. */
export interface YamlFile {
  path: string;
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

export function parseYamlFile(path: string, text: string, lineOffset = 0): YamlFile {
  // The corpus's plain YAML is read by a fast reader that gives the same data and lines; anything
  // else (and every error) goes to the yaml library.
  const fast = parseYamlSubset(text);
  if (fast) {
    return {
      path,
      data: fast.data,
      lineOf(at) {
        const line = fast.lineOf(at);
        return line === undefined ? undefined : line + lineOffset;
      },
    };
  }
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    throw new CorpusError(path, line + lineOffset, `not valid YAML: ${first.message.split('\n')[0]}`);
  }
  return {
    path,
    data: doc.toJS(),
    lineOf(at) {
      // Walk up to the nearest node that exists, so a missing key points at its parent.
      for (let n = at.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(at.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
      }
      return undefined;
    },
  };
}
