/**
 * JSON text in pieces, for published files too large to build as one string (documents.json, annotations.jsonld at
 * 100,000 documents run to gigabytes): the pieces joined are exactly JSON.stringify(value)'s bytes, but only one
 * element of a big array is a string at a time, and an array may be produced lazily (jsonArrayOf).
 */

const LAZY = Symbol('lazy JSON array');

/** An array written as it is iterated, never held whole: jsonChunks writes it as JSON.stringify writes an array. */
export interface LazyJsonArray<T> {
  readonly [LAZY]: () => Iterable<T>;
  toJSON(): never;
}

/**
 * `items` (called once per write) stands for an array in a value given to jsonChunks. It must be reached through
 * levels jsonChunks opens: inside a value stringified whole it would be lost, so JSON.stringify refuses it.
 */
export const jsonArrayOf = <T>(items: () => Iterable<T>): LazyJsonArray<T> => ({
  [LAZY]: items,
  toJSON: () => {
    throw new Error('jsonChunks: a lazy array (jsonArrayOf) lies deeper than the depth opened; give jsonChunks a larger depth');
  },
});

const isLazy = (v: unknown): v is LazyJsonArray<unknown> => typeof v === 'object' && v !== null && LAZY in v;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function' && !isLazy(v);
// What JSON.stringify leaves out of an object and writes as null in an array.
const isUnwritable = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * JSON.stringify(value) (compact) in pieces: arrays and objects are opened `depth` levels deep, each element below that
 * is stringified on its own. A lazy array met on the way is opened too, whatever the depth left.
 */
export function* jsonChunks(value: unknown, depth = 2): Generator<string> {
  if (isLazy(value) || (Array.isArray(value) && depth > 0)) {
    yield '[';
    let first = true;
    for (const item of isLazy(value) ? value[LAZY]() : (value as unknown[])) {
      if (!first) yield ',';
      first = false;
      if (isUnwritable(item)) yield 'null';
      else yield* jsonChunks(item, depth - 1);
    }
    yield ']';
    return;
  }
  if (isPlainObject(value) && depth > 0) {
    yield '{';
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (isUnwritable(item)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonChunks(item, depth - 1);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value);
}
