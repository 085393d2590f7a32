import { geoPath } from 'd3-geo';
import type { Selection } from 'd3-selection';
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Role } from '../atlas/roles.ts';
import { PATTERN_SIZE, PATTERNS, PIN, patternId, patternParts, pinStyle } from './marks.ts';
import { framePadding, hasArea, MAX_ZOOM, MIN_ZOOM, sameBox, stillCentre, type Box } from './camera.ts';
import { afterNextPaint } from '../after-paint.ts';
import type { MapControllerOptions } from './controller.ts';
import type { FeatureRef, LegEmphasis, CameraView } from '../atlas/contract.ts';
import type { MapData, MapRenderer } from './renderer.ts';
import { LABEL, ROLE_COLORS, svgLookProperties } from './look.ts';
import { lineParts, pickAmong, TAP, type DrawnMarks } from './pick-order.ts';
import { bundleFans } from './bundle.ts';
import { fitTransform, toWorld, transformForView, viewForTransform, worldStream, WORLD_SIZE, type WorldTransform } from './svg-view.ts';
import './svg-map.css';

/** The SVG renderer: what the page runs on where WebGL is unavailable. */
export interface SvgRenderer extends MapRenderer {
  readonly kind: 'svg';
  view(): CameraView;
}

/** A pin's invisible target: a finger a little off it still reaches it (what it opens is pick-order.ts's). */
const PIN_HIT_RADIUS = TAP.pinRadius + TAP.finger;
const LABEL_SIZE = LABEL.size;
const LABEL_PADDING = 4;

const SVG_NS = 'http://www.w3.org/2000/svg';
const el = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] => {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
};

interface PlaceProps {
  id: string;
  name: string;
  label?: string;
  labelRank?: number;
  primaryRole: Role;
  /** The primary role's name in the page's language (localiseMapData), for screen readers. */
  roleName?: string;
  precision: 'point' | 'area' | 'country';
}
interface LegProps {
  id: string;
  name?: string;
  /** "Route leg" in the page's language (localiseAtlasData), for screen readers. */
  roleName?: string;
  from: string;
  to: string;
  direction?: string;
  unstated?: unknown;
  /** Drawn as part of a bundled fan (bundle.ts): thinner at the overview. */
  fan?: boolean;
}

/** d3-zoom on the map, once its chunk is loaded. */
interface LiveZoom {
  behaviour: ZoomBehavior<SVGSVGElement, unknown>;
  selection: Selection<SVGSVGElement, unknown, null, undefined>;
  identity: ZoomTransform;
}

interface DrawnPoint {
  id: string;
  node: SVGGElement;
  world: [number, number];
}
interface DrawnShape {
  id: string;
  kind: 'area' | 'country';
  node: SVGGElement;
  path: SVGPathElement;
}
interface DrawnLeg {
  id: string;
  node: SVGGElement;
  /** Screen-independent vertices in world px, for picking and arrows. */
  lines: Array<Array<[number, number]>>;
  arrows: Array<{ node: SVGPolygonElement; at: [number, number]; angle: number }>;
  /** One of a bundled fan's legs (bundle.ts), whose arrowheads give way to each other. */
  fan: boolean;
}

/** How close (CSS px) two of a fan's arrowheads may come before the later one is left out, as MapLibre's collision does. */
const FAN_ARROW_ROOM = 14;
interface DrawnLabel {
  id: string;
  node: SVGTextElement;
  world: [number, number];
  isPin: boolean;
  rank: number;
  width: number;
  box: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** The role's name in the page's language, handed in with the data (localiseMapData); the id where it is not. */
const roleLabel = (p: PlaceProps) => p.roleName ?? p.primaryRole;

/** Points along the lines every `spacing` world px, with the direction the line runs there (arrows for a directed leg). */
function arrowStops(lines: Array<Array<[number, number]>>, stops: number): Array<{ at: [number, number]; angle: number }> {
  const out: Array<{ at: [number, number]; angle: number }> = [];
  for (const line of lines) {
    const lengths: number[] = [];
    let total = 0;
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1]!, line[i]!];
      const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
      lengths.push(d);
      total += d;
    }
    for (let s = 1; s <= stops; s++) {
      let target = (total * s) / (stops + 1);
      for (let i = 0; i < lengths.length; i++) {
        const d = lengths[i]!;
        if (target <= d || i === lengths.length - 1) {
          const [a, b] = [line[i]!, line[i + 1]!];
          const t = d > 0 ? Math.min(1, target / d) : 0;
          out.push({ at: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], angle: (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI });
          break;
        }
        target -= d;
      }
    }
  }
  return out;
}

/**
 * The map drawn as SVG with d3-geo (Web Mercator, matched to MapLibre's camera) and panned and zoomed with d3-zoom:
 * every place, zone, country and leg, with the same ids, colours, hit sizes and tap order as the MapLibre map, each
 * one a focusable button. Shapes are projected once into world px and moved by one transform; pins, arrows and
 * labels are placed in screen px on each move so they keep their size.
 */
export function createSvgRenderer(options: MapControllerOptions): SvgRenderer {
  const { container } = options;
  const offs: Array<() => void> = [];
  const aborter = new AbortController();
  offs.push(() => aborter.abort());

  const svg = el('svg', { class: 'atlas-svg', role: 'group', 'aria-label': 'Places and routes on the map' }, container);
  // The look shared with the MapLibre style (look.ts), handed to the stylesheet as custom properties (CSSOM: allowed by the CSP).
  for (const [name, value] of Object.entries(svgLookProperties())) svg.style.setProperty(name, value);
  offs.push(() => svg.remove());
  // The roles' patterns (marks.ts): each role's cue within its family, on countries and zones.
  const defs = el('defs', {}, svg);
  const patterns: SVGPatternElement[] = [];
  for (const role of Object.keys(PATTERNS) as Role[]) {
    const pattern = el('pattern', { id: patternId(role), width: PATTERN_SIZE, height: PATTERN_SIZE, patternUnits: 'userSpaceOnUse' }, defs);
    patterns.push(pattern);
    for (const { tag, attrs } of patternParts(role)) el(tag, attrs, pattern);
  }
  el('rect', { class: 'sea', width: '100%', height: '100%' }, svg);
  const worldLayer = el('g', { class: 'world' }, svg);
  const basemap = el('path', { class: 'basemap', 'aria-hidden': 'true' }, worldLayer);
  const countries = el('g', { class: 'countries' }, worldLayer);
  const zones = el('g', { class: 'zones' }, worldLayer);
  const legsLayer = el('g', { class: 'legs' }, worldLayer);
  const arrowsLayer = el('g', { class: 'arrows', 'aria-hidden': 'true' }, svg);
  const pointsLayer = el('g', { class: 'points' }, svg);
  const labelsLayer = el('g', { class: 'labels', 'aria-hidden': 'true' }, svg);

  const path = geoPath(worldStream());
  const size = () => ({ width: container.clientWidth || 1, height: container.clientHeight || 1 });

  let points: DrawnPoint[] = [];
  let shapes: DrawnShape[] = [];
  let legs: DrawnLeg[] = [];
  let labels: DrawnLabel[] = [];
  /** The map's box on the page when the transform was last set: a resize keeps the geography where it was on the page. */
  const boxNow = (): Box => {
    const { left, top, right, bottom } = container.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  let lastBox = boxNow();
  let transform: WorldTransform = transformForView({ lng: -40, lat: 20, zoom: 1.5 }, size().width, size().height);

  // --- pan and zoom: d3-zoom (with d3-selection, -transition, -interpolate) is a chunk of its own, fetched when the
  // map must move: at the first gesture on it (handed on to d3-zoom once loaded) or a zoom button. Until then a view is
  // set directly, as d3-zoom's own transform() would, end event included. ---
  let zoomer: LiveZoom | null = null;
  let zoomLoading: Promise<LiveZoom> | null = null;
  const ensureZoom = () =>
    (zoomLoading ??= Promise.all([import('d3-zoom'), import('d3-selection')]).then(([{ zoom, zoomIdentity }, { select }]) => {
      const behaviour = zoom<SVGSVGElement, unknown>()
        .scaleExtent([2 ** MIN_ZOOM, 2 ** MAX_ZOOM])
        .translateExtent([[-WORLD_SIZE, 0], [2 * WORLD_SIZE, WORLD_SIZE]])
        .extent(() => {
          const { width, height } = size();
          return [[0, 0], [width, height]];
        })
        .duration(0)
        .on('zoom', (e) => {
          transform = e.transform;
          place();
        })
        .on('end', () => {
          placeLabels();
          options.onViewChange?.(currentView());
        });
      const selection = select(svg);
      if (!aborter.signal.aborted) {
        selection.call(behaviour);
        offs.push(() => selection.on('.zoom', null));
        // d3-zoom starts from the view on screen.
        selection.property('__zoom', zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
      }
      zoomer = { behaviour, selection, identity: zoomIdentity };
      return zoomer;
    }));
  // The gesture that asked for d3-zoom is handed to it once it is there, if the button or finger is still down.
  const gestureBeforeZoom = (e: Event) => {
    if (zoomer) return;
    if (e.type === 'wheel') e.preventDefault(); // not the page's zoom (a pinch on a touchpad is a ctrl-wheel)
    let ended = false;
    const end = () => (ended = true);
    if (e.type === 'mousedown') window.addEventListener('mouseup', end, { once: true });
    if (e.type === 'touchstart') window.addEventListener('touchend', end, { once: true });
    void ensureZoom().then(() => {
      if (ended || aborter.signal.aborted) return;
      if (e instanceof WheelEvent) svg.dispatchEvent(new WheelEvent(e.type, e));
      else if (e instanceof MouseEvent) svg.dispatchEvent(new MouseEvent(e.type, e));
      else if (typeof TouchEvent !== 'undefined' && e instanceof TouchEvent) {
        svg.dispatchEvent(new TouchEvent(e.type, { ...e, bubbles: true, cancelable: true, touches: Array.from(e.touches), targetTouches: Array.from(e.targetTouches), changedTouches: Array.from(e.changedTouches) }));
      }
    });
  };
  for (const type of ['mousedown', 'touchstart', 'wheel', 'dblclick']) {
    svg.addEventListener(type, gestureBeforeZoom, { passive: false });
    offs.push(() => svg.removeEventListener(type, gestureBeforeZoom));
  }
  const setTransform = (t: WorldTransform) => {
    lastBox = boxNow();
    if (zoomer) return zoomer.behaviour.transform(zoomer.selection, zoomer.identity.translate(t.x, t.y).scale(t.k));
    transform = t;
    place();
    placeLabels();
    options.onViewChange?.(currentView());
  };

  const currentView = () => {
    const { width, height } = size();
    return viewForTransform(transform, width, height);
  };
  const screen = (w: [number, number]): [number, number] => [transform.k * w[0] + transform.x, transform.k * w[1] + transform.y];

  /** Everything that moves with the map, for the current transform (cheap: one attribute per feature). */
  function place() {
    worldLayer.setAttribute('transform', `translate(${transform.x},${transform.y}) scale(${transform.k})`);
    // Patterns keep their screen size, as MapLibre's do, inside the scaled world.
    for (const pattern of patterns) pattern.setAttribute('patternTransform', `scale(${1 / transform.k})`);
    for (const p of points) {
      const [x, y] = screen(p.world);
      p.node.setAttribute('transform', `translate(${x},${y})`);
    }
    for (const leg of legs) for (const a of leg.arrows) {
      const [x, y] = screen(a.at);
      a.node.setAttribute('transform', `translate(${x},${y}) rotate(${a.angle})`);
    }
    for (const l of labels) {
      if (!l.box) continue;
      const [x, y] = screen(l.world);
      l.node.setAttribute('x', String(x + l.box.x0 + 0));
      l.node.setAttribute('y', String(y + l.box.y1 - 3));
    }
  }

  // --- labels: placed in order of rank; one whose box meets a placed one (or a pin) tries other sides, then is hidden ---
  const isShown = (node: Element) => !node.classList.contains('off');
  function placeLabels() {
    const { width, height } = size();
    const taken: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
    for (const p of points) {
      if (!isShown(p.node)) continue;
      const [x, y] = screen(p.world);
      taken.push({ x0: x - 9, y0: y - 9, x1: x + 9, y1: y + 9 });
    }
    const meets = (b: { x0: number; y0: number; x1: number; y1: number }) =>
      taken.some((t) => b.x0 < t.x1 + LABEL_PADDING && b.x1 + LABEL_PADDING > t.x0 && b.y0 < t.y1 + LABEL_PADDING && b.y1 + LABEL_PADDING > t.y0);
    for (const l of [...labels].sort((a, b) => a.rank - b.rank)) {
      l.box = null;
      l.node.classList.add('hidden-label');
      if (!visiblePlace(l.id)) continue;
      const [x, y] = screen(l.world);
      if (x < -200 || y < -50 || x > width + 200 || y > height + 50) continue;
      const w = l.width;
      const h = LABEL_SIZE + 3;
      // Clear of the pin and its shield with room to spare, as the style's 1.1 em offset.
      const gap = l.isPin ? 9 + LABEL_PADDING + 1 : 0;
      // Offsets of the box's top-left from the anchor: below, above, right, left of a pin; centred, then above or below a shape.
      const candidates: Array<[number, number]> = l.isPin
        ? [[-w / 2, gap], [-w / 2, -gap - h], [gap, -h / 2], [-gap - w, -h / 2]]
        : [[-w / 2, -h / 2], [-w / 2, -h / 2 - h * 0.7], [-w / 2, h * 0.2], ...farFromShape(w, h)];
      for (const [dx, dy] of candidates) {
        const box = { x0: x + dx, y0: y + dy, x1: x + dx + w, y1: y + dy + h };
        if (meets(box)) continue;
        taken.push(box);
        l.box = { x0: dx, y0: dy, x1: dx + w, y1: dy + h };
        l.node.classList.remove('hidden-label');
        break;
      }
    }
    spreadFanArrows();
    place();
  }

  /** A fan's arrowheads that would pile up (where its legs run together) are left out but the first, at this zoom. */
  function spreadFanArrows() {
    const kept: Array<[number, number]> = [];
    for (const leg of legs) {
      if (!leg.fan) continue;
      for (const a of leg.arrows) {
        const at = screen(a.at);
        const stacked = !isShown(leg.node) || kept.some((k) => Math.hypot(k[0] - at[0], k[1] - at[1]) < FAN_ARROW_ROOM);
        a.node.classList.toggle('stacked', stacked);
        if (!stacked) kept.push(at);
      }
    }
  }

  /** As the style's further anchors for a shape's label (an island among pins): well below, above, then at the corners. */
  function farFromShape(w: number, h: number): Array<[number, number]> {
    const em = LABEL_SIZE;
    return [[-w / 2, 2.2 * em], [-w / 2, -2.2 * em - h], [1.2 * em, 1.4 * em], [-1.2 * em - w, 1.4 * em], [1.2 * em, -1.4 * em - h], [-1.2 * em - w, -1.4 * em - h]];
  }

  // --- picking: measured as drawn, put in order by the one pick order (pick-order.ts), as MapLibre's controller does ---
  function pick(sx: number, sy: number): FeatureRef[] {
    const toWorldPoint = ([x, y]: readonly [number, number]) => new DOMPoint((x - transform.x) / transform.k, (y - transform.y) / transform.k);
    const marks: DrawnMarks = {
      pins: points.filter((p) => isShown(p.node)).map((p) => ({ id: p.id, at: screen(p.world) })),
      anchors: labels.filter((l) => !l.isPin && visiblePlace(l.id)).map((l) => ({ id: l.id, at: screen(l.world) })),
      labels: labels.flatMap((l) => {
        if (!l.box) return [];
        const [x, y] = screen(l.world);
        return [{ id: l.id, box: { x0: x + l.box.x0, y0: y + l.box.y0, x1: x + l.box.x1, y1: y + l.box.y1 } }];
      }),
      lines: legs.filter((leg) => isShown(leg.node)).map((leg) => ({ id: leg.id, lines: leg.lines.map((line) => line.map(screen)) })),
      // The smaller shape is drawn on top, and is listed first.
      shapes: [...shapes]
        .reverse()
        .filter((shape) => isShown(shape.node))
        .map((shape) => ({ id: shape.id, mark: shape.kind === 'area' ? ('zone' as const) : ('country' as const), covers: (p: readonly [number, number]) => shape.path.isPointInFill(toWorldPoint(p)) })),
    };
    return pickAmong(marks, [sx, sy]);
  }
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented) return;
    const rect = svg.getBoundingClientRect();
    // A click from the keyboard (Enter on a focused feature) is handled on the feature itself.
    if (e.detail === 0) return;
    options.onPick(pick(e.clientX - rect.left, e.clientY - rect.top));
  };
  svg.addEventListener('click', onClick);
  offs.push(() => svg.removeEventListener('click', onClick));
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const node = (e.target as Element).closest?.('[data-feature-id]');
    if (!node) return;
    e.preventDefault();
    options.onPick([{ id: node.getAttribute('data-feature-id')!, kind: node.getAttribute('data-feature-kind') === 'leg' ? 'leg' : 'place' }]);
  };
  svg.addEventListener('keydown', onKey);
  offs.push(() => svg.removeEventListener('keydown', onKey));

  // A panel opening, closing or changing size beside the map or under it resizes its box: the geography stays where it
  // was on the page, as on MapLibre (camera.ts's stillCentre), instead of keeping the centre and jumping under the finger.
  function followResize() {
    const before = lastBox;
    const after = boxNow();
    if (sameBox(before, after)) return;
    lastBox = after;
    if (!hasArea(before) || !hasArea(after)) return; // a hidden map has no geography to keep
    const [cx, cy] = stillCentre(before, after);
    const { width, height } = size();
    setTransform({ k: transform.k, x: transform.x + width / 2 - cx, y: transform.y + height / 2 - cy });
  }
  const resize = new ResizeObserver(followResize);
  resize.observe(container);
  offs.push(() => resize.disconnect());

  const basemapLoaded = fetch(new URL(options.basemapUrl, document.baseURI).href, { signal: aborter.signal })
    .then((r) => {
      if (!r.ok) throw new Error(`${options.basemapUrl}: HTTP ${r.status}`);
      return r.json() as Promise<FeatureCollection>;
    })
    .then((fc) => basemap.setAttribute('d', path(fc) ?? ''))
    .catch((e: Error) => {
      if (!aborter.signal.aborted) console.warn(`The basemap could not be drawn (${e.message}); places and routes are drawn without it.`);
    });

  // --- state: selection, emphasis, visibility as classes and attributes ---
  let selected: FeatureRef | null = null;
  let visible: { places: Set<string>; legs: Set<string> | null } | null = null;
  let emphasized = new Map<string, LegEmphasis>();
  let onStep = new Set<string>();
  const visiblePlace = (id: string) => !visible || visible.places.has(id);
  function drawStates() {
    for (const n of svg.querySelectorAll('[data-feature-id]')) {
      const id = n.getAttribute('data-feature-id')!;
      const kind = n.getAttribute('data-feature-kind') === 'leg' ? 'leg' : 'place';
      n.classList.toggle('selected', selected?.id === id && selected.kind === kind);
      if (kind === 'leg') {
        const emphasis = emphasized.get(id);
        if (emphasis) n.setAttribute('data-emphasis', emphasis);
        else n.removeAttribute('data-emphasis');
        n.classList.toggle('off', Boolean(visible?.legs && !visible.legs.has(id)));
      } else {
        n.classList.toggle('on-step', onStep.has(id));
        n.classList.toggle('off', !visiblePlace(id));
      }
    }
    for (const leg of legs) for (const a of leg.arrows) a.node.classList.toggle('off', leg.node.classList.contains('off'));
  }

  function draw(data: MapData) {
    for (const layer of [countries, zones, legsLayer, arrowsLayer, pointsLayer, labelsLayer]) layer.replaceChildren();
    points = [];
    shapes = [];
    legs = [];
    labels = [];
    const placeFeatures = data.places.features as Array<Feature<Geometry, PlaceProps>>;
    // Countries under zones, larger zones under smaller ones: the smaller stays tappable and is picked first.
    const area = (f: Feature<Geometry, PlaceProps>) => {
      const b = path.bounds(f);
      return (b[1][0] - b[0][0]) * (b[1][1] - b[0][1]);
    };
    const byArea = (a: Feature<Geometry, PlaceProps>, b: Feature<Geometry, PlaceProps>) => area(b) - area(a);
    const feature = (parent: Element, ref: FeatureRef, label: string, extra: string) =>
      el('g', { class: `f ${extra}`, 'data-feature-id': ref.id, 'data-feature-kind': ref.kind, tabindex: 0, role: 'button', 'aria-label': label }, parent);
    for (const precision of ['country', 'area'] as const) {
      for (const f of placeFeatures.filter((p) => p.properties.precision === precision).sort(byArea)) {
        const p = f.properties;
        const node = feature(precision === 'country' ? countries : zones, { id: p.id, kind: 'place' }, `${p.name}, ${roleLabel(p)}`, precision === 'country' ? 'country' : 'zone');
        const color = ROLE_COLORS[p.primaryRole] ?? '#555';
        const d = path(f) ?? '';
        const shape = el('path', { class: 'shape', d, fill: color, stroke: color }, node);
        // The role's cue within its family: a pattern over the tint.
        if (PATTERNS[p.primaryRole]) el('path', { class: 'pattern', d, fill: `url(#${patternId(p.primaryRole)})` }, node);
        shapes.push({ id: p.id, kind: precision, node, path: shape });
      }
    }
    for (const f of bundleFans(data.legs).features as Array<Feature<Geometry, LegProps>>) {
      const p = f.properties;
      const names = new Map(placeFeatures.map((x) => [x.properties.id, x.properties.name]));
      const name = p.name ?? `${names.get(p.from) ?? p.from} → ${names.get(p.to) ?? p.to}`;
      const unstated = p.unstated !== undefined && p.unstated !== null && !(Array.isArray(p.unstated) && p.unstated.length === 0);
      const node = feature(legsLayer, { id: p.id, kind: 'leg' }, `${name}, ${p.roleName ?? 'route leg'}`, `leg${unstated ? ' unstated' : ''}${p.fan ? ' fan' : ''}`);
      const d = path(f) ?? '';
      el('path', { class: 'line', d }, node);
      el('path', { class: 'hit', d }, node);
      const lines = lineParts(f.geometry).map((line) => line.map(([lng, lat]) => toWorld(lng!, lat!)));
      // A directed leg: one arrowhead the way of travel; a round trip: two, back to back (◀▶); undirected: none.
      const head = p.direction === 'round-trip' ? '9,0 1,-4.5 1,-1 -1,-1 -1,-4.5 -9,0 -1,4.5 -1,1 1,1 1,4.5' : '5,0 -4,-4.5 -4,4.5';
      const arrows =
        p.direction === 'directed' || p.direction === 'round-trip'
          ? arrowStops(lines, 1).map(({ at, angle }) => ({ node: el('polygon', { class: p.fan ? 'arrow fan' : 'arrow', points: head }, arrowsLayer), at, angle }))
          : [];
      legs.push({ id: p.id, node, lines, arrows, fan: Boolean(p.fan) });
    }
    for (const f of placeFeatures.filter((x) => x.properties.precision === 'point')) {
      const p = f.properties;
      const [lng, lat] = (f.geometry as Point).coordinates;
      const node = feature(pointsLayer, { id: p.id, kind: 'place' }, `${p.name}, ${roleLabel(p)}`, 'point');
      el('circle', { class: 'hit', r: PIN_HIT_RADIUS }, node);
      const pin = pinStyle(p.primaryRole);
      el('circle', { class: pin.fill === '#ffffff' ? 'pin ring' : 'pin', fill: pin.fill, stroke: pin.stroke }, node);
      if (pin.dot) el('circle', { class: 'dot', r: PIN.dotRadius, fill: pin.dot }, node);
      points.push({ id: p.id, node, world: toWorld(lng!, lat!) });
    }
    for (const f of data.labels.features as Array<Feature<Point, PlaceProps>>) {
      const p = f.properties;
      const node = el('text', { class: 'label hidden-label' }, labelsLayer);
      node.textContent = p.label ?? p.name;
      const [lng, lat] = f.geometry.coordinates;
      labels.push({ id: p.id, node, world: toWorld(lng!, lat!), isPin: p.precision === 'point', rank: p.labelRank ?? 99, width: 0, box: null });
    }
    // One layout for all the labels' widths, then placement by arithmetic.
    for (const l of labels) l.width = l.node.getComputedTextLength() || (l.node.textContent ?? '').length * LABEL_SIZE * 0.55;
    drawStates();
    placeLabels();
  }

  setTransform(transform);
  const whenDrawn = () => new Promise<void>((resolve) => afterNextPaint(resolve));

  return {
    kind: 'svg',
    map: null,
    async setData(data) {
      draw(data);
      await basemapLoaded;
    },
    select(ref) {
      selected = ref;
      drawStates();
    },
    setVisible(next) {
      visible = next ? { places: new Set(next.places), legs: next.legs && new Set(next.legs) } : null;
      drawStates();
      placeLabels();
    },
    emphasizeLegs(next) {
      emphasized = next;
      drawStates();
    },
    emphasizePlaces(ids) {
      onStep = new Set(ids);
      drawStates();
    },
    view() {
      followResize(); // the view as drawn once the map has caught up with its box
      return currentView();
    },
    container,
    frame(bounds, maxZoom = 5, padding) {
      const { width, height } = size();
      setTransform(fitTransform(bounds, width, height, framePadding(bounds, width, height, padding), maxZoom));
    },
    jumpTo(view) {
      const { width, height } = size();
      setTransform(transformForView(view, width, height));
    },
    zoomBy(delta) {
      // About the centre, as MapLibre's easeTo({ zoom }) does; at once, so reduced motion needs nothing more.
      const { width, height } = size();
      void ensureZoom().then((z) => z.behaviour.scaleBy(z.selection, 2 ** delta, [width / 2, height / 2]));
    },
    whenIdle: whenDrawn,
    destroy() {
      for (const off of offs.splice(0)) off();
    },
  };
}

