// The few parts of d3-zoom 3 and d3-selection 3 the SVG map uses, typed here: @types/d3-zoom and @types/d3-selection
// are not installed (and d3-selection comes in as d3-zoom's dependency). Replace with those packages when added.
declare module 'd3-selection' {
  export interface Selection<E extends Element> {
    call(fn: (selection: Selection<E>, ...args: never[]) => unknown): Selection<E>;
    on(typenames: string, listener: null): Selection<E>;
    node(): E | null;
  }
  export function select<E extends Element>(node: E): Selection<E>;
}

declare module 'd3-zoom' {
  import type { Selection } from 'd3-selection';
  export interface ZoomTransform {
    readonly k: number;
    readonly x: number;
    readonly y: number;
    translate(x: number, y: number): ZoomTransform;
    scale(k: number): ZoomTransform;
  }
  export const zoomIdentity: ZoomTransform;
  export interface D3ZoomEvent {
    transform: ZoomTransform;
    sourceEvent: Event | null;
  }
  export interface ZoomBehavior<E extends Element> {
    (selection: Selection<E>): void;
    scaleExtent(extent: [number, number]): this;
    translateExtent(extent: [[number, number], [number, number]]): this;
    extent(extent: [[number, number], [number, number]] | ((this: E) => [[number, number], [number, number]])): this;
    clickDistance(distance: number): this;
    tapDistance(distance: number): this;
    duration(ms: number): this;
    on(typenames: string, listener: ((this: E, event: D3ZoomEvent) => void) | null): this;
    transform(selection: Selection<E>, transform: ZoomTransform): void;
    scaleBy(selection: Selection<E>, k: number, point?: [number, number]): void;
  }
  export function zoom<E extends Element>(): ZoomBehavior<E>;
}
