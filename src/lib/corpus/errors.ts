/** A problem in an input file, located so a curator can go straight to it. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${detail}`);
    this.name = 'CorpusError';
  }
}

/** Thrown when the corpus cannot be built; lists every problem found, not just the first. */
export class CorpusInvalid extends Error {
  constructor(readonly problems: CorpusError[]) {
    super(
      `The corpus has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${p.message}`).join('\n'),
    );
    this.name = 'CorpusInvalid';
  }
}
