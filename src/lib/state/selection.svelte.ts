import type { FeatureRef } from '../atlas/contract.ts';

export interface ReaderTarget {
  documentId: string;
  /** The passages to highlight; the first is scrolled into view. */
  ranges: Array<{ start: number; end: number }>;
}

/** What is selected on the map, what else lay under the same tap, and which document is open. */
export class SelectionState {
  selected = $state<FeatureRef | null>(null);
  alsoHere = $state<FeatureRef[]>([]);
  /** Every fair reading of the last tap, in the pick order (the chooser: "Here: Colombia · Paraguay – Cuba"); empty when only one. */
  here = $state<FeatureRef[]>([]);
  reader = $state<ReaderTarget | null>(null);

  /** From a tap: the best candidate is selected, the others offered as "also here". */
  pick(refs: FeatureRef[]) {
    this.selected = refs[0] ?? null;
    this.alsoHere = refs.slice(1);
    this.here = refs.length > 1 ? [...refs] : [];
    this.reader = null;
  }

  choose(ref: FeatureRef) {
    const previous = this.selected;
    this.selected = ref;
    this.alsoHere = [...(previous ? [previous] : []), ...this.alsoHere.filter((r) => r.id !== ref.id || r.kind !== ref.kind)];
  }

  openReader(target: ReaderTarget) {
    this.reader = target;
  }

  closeReader() {
    this.reader = null;
  }

  reset() {
    this.selected = null;
    this.alsoHere = [];
    this.here = [];
    this.reader = null;
  }
}
