import { createSvgRenderer } from '../map/svg-renderer.ts';
import type { Bounds, CameraView, FeatureRef, LegEmphasis, Visibility } from '../atlas/contract.ts';
import type { MapData } from '../map/renderer.ts';
import type { MapPicture } from './figure-svg.ts';
import { escapeXml } from './xml.ts';

/** What is on screen, for drawing it again off screen. */
export interface MapScene {
  data: MapData;
  basemapUrl: string;
  view: CameraView;
  /** Frame these bounds instead of repeating the screen's view: the subject (a place with its connections). */
  frame?: { bounds: Bounds; maxZoom: number };
  width: number;
  height: number;
  visible: Visibility;
  selected: FeatureRef | null;
  legEmphasis: Map<string, LegEmphasis>;
  placesOnStep: readonly string[];
}

/** Presentation properties read from the SVG map's stylesheet and written onto each element, so the file needs no CSS. */
const PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'paint-order', 'font-size', 'font-weight'] as const;
/** Geometry and the feature ids the tests and a reader of the file can find features by; everything interactive goes. */
const KEPT_ATTRIBUTES = ['d', 'cx', 'cy', 'x', 'y', 'width', 'height', 'points', 'transform', 'data-feature-id', 'data-feature-kind', 'data-emphasis'];

const round = (v: number) => String(Math.round(v * 1000) / 1000);

/** A CSS colour as SVG 1.1 has it (Inkscape, print drivers): #rrggbb plus an opacity; 'none' for transparent. */
function paint(value: string): { color: string; alpha: number } {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?\s*\)$/.exec(value);
  if (!m) return { color: value, alpha: 1 };
  const alpha = m[4] === undefined ? 1 : Number(m[4]);
  if (alpha === 0) return { color: 'none', alpha: 1 };
  const hex = [m[1], m[2], m[3]].map((c) => Math.round(Number(c)).toString(16).padStart(2, '0')).join('');
  return { color: `#${hex}`, alpha };
}

/**
 * The map as it is on screen, drawn again by the SVG renderer in a box of the same size off screen (the same
 * projection, ids, colours and label placement as the SVG map; MapLibre's camera means the same view), then written
 * out as plain SVG: computed styles as attributes, strokes that kept their width on screen scaled to the same width,
 * hit areas, hidden features and features wholly outside the frame left out.
 */
export async function drawMapPicture(scene: MapScene): Promise<MapPicture> {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  // In the layout (so styles, text lengths and boxes can be measured) but off screen and out of the way.
  Object.assign(container.style, { position: 'fixed', left: `${-scene.width - 1000}px`, top: '0', width: `${scene.width}px`, height: `${scene.height}px`, pointerEvents: 'none' });
  document.body.appendChild(container);
  const renderer = createSvgRenderer({ container, basemapUrl: scene.basemapUrl, onPick: () => {}, prefersReducedMotion: () => true });
  try {
    await renderer.setData(scene.data);
    renderer.setVisible(scene.visible);
    renderer.select(scene.selected);
    renderer.emphasizeLegs(scene.legEmphasis);
    renderer.emphasizePlaces(scene.placesOnStep);
    if (scene.frame) renderer.frame(scene.frame.bounds, scene.frame.maxZoom);
    else renderer.jumpTo(scene.view);
    await renderer.whenIdle();
    const svg = container.querySelector('svg');
    if (!svg) throw new Error('figure: the SVG renderer drew no <svg> element');
    return serialise(svg, scene.width, scene.height);
  } finally {
    renderer.destroy();
    container.remove();
  }
}

function serialise(svg: SVGSVGElement, width: number, height: number): MapPicture {
  const frame = svg.getBoundingClientRect();
  const drawn = { places: [] as string[], legs: [] as string[] };
  const emphasis = { current: false, connected: false, faded: false };
  /** Whether any drawn part of a feature (not its invisible hit area) meets the frame. */
  const inFrame = (feature: Element) =>
    [...feature.children].some((child) => {
      if (child.classList.contains('hit')) return false;
      const r = child.getBoundingClientRect();
      return r.right >= frame.left && r.left <= frame.right && r.bottom >= frame.top && r.top <= frame.bottom;
    });

  const write = (node: Element): string => {
    if (node.classList.contains('hit')) return '';
    const style = getComputedStyle(node);
    if (style.display === 'none') return '';
    const featureId = node.getAttribute('data-feature-id');
    if (featureId) {
      if (!inFrame(node)) return '';
      const kind = node.getAttribute('data-feature-kind');
      (kind === 'leg' ? drawn.legs : drawn.places).push(featureId);
      const e = node.getAttribute('data-emphasis');
      if (e === 'current') emphasis.current = true;
      if (e === 'connected') emphasis.connected = true;
      if (e === 'dim' || e === 'ahead') emphasis.faded = true;
    }
    const tag = node.tagName;
    // The roles' patterns (marks.ts) go as they are: plain SVG, their transform keeping their on-screen size.
    if (tag === 'defs') return new XMLSerializer().serializeToString(node).replace(/ xmlns="[^"]*"/, '');
    const attrs: string[] = [];
    for (const name of KEPT_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      // The sea is sized in %: of the map then, of the page in the figure.
      if ((name === 'width' || name === 'height') && value.endsWith('%')) attrs.push(`${name}="${name === 'width' ? width : height}"`);
      else attrs.push(`${name}="${escapeXml(value)}"`);
    }
    if (tag === 'circle') attrs.push(`r="${round(parseFloat(style.getPropertyValue('r')) || Number(node.getAttribute('r')) || 0)}"`);
    // A stroke the screen kept at its width through the world's zoom is scaled down by that zoom here.
    const k = style.getPropertyValue('vector-effect') === 'non-scaling-stroke' ? ((node as SVGGraphicsElement).getCTM?.()?.a ?? 1) : 1;
    const isShape = tag !== 'g' && tag !== 'svg';
    if (isShape) {
      for (const name of PAINT) {
        const value = style.getPropertyValue(name);
        if (!value || value === 'normal') continue;
        if ((name === 'font-size' || name === 'font-weight') && tag !== 'text') continue;
        if ((name === 'fill' || name === 'stroke') && value.startsWith('url(')) {
          // A pattern fill (a role's cue on a country or zone): a reference into the figure's own <defs>.
          const id = /#([\w-]+)/.exec(value)?.[1];
          if (id) attrs.push(`${name}="url(#${id})"`);
        } else if (name === 'fill' || name === 'stroke') {
          const { color, alpha } = paint(value);
          attrs.push(`${name}="${color}"`);
          const own = Number(style.getPropertyValue(`${name}-opacity`) || 1);
          if (alpha !== 1 || own !== 1) attrs.push(`${name}-opacity="${round(alpha * own)}"`);
        } else if (name === 'fill-opacity' || name === 'stroke-opacity') continue;
        else if (name === 'stroke-width') attrs.push(`stroke-width="${round(parseFloat(value) / k)}"`);
        else if (name === 'stroke-dasharray') {
          if (value !== 'none') attrs.push(`stroke-dasharray="${value.split(/[\s,]+/).map((d) => round(parseFloat(d) / k)).join(' ')}"`);
        } else if (name === 'font-size') attrs.push(`font-size="${round(parseFloat(value))}"`);
        else attrs.push(`${name}="${escapeXml(value)}"`);
      }
    }
    const label = featureId ? node.getAttribute('aria-label') : null;
    const inner = tag === 'text' ? escapeXml(node.textContent ?? '') : [...node.children].map(write).join('');
    if (tag === 'g' && !inner) return '';
    return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${label ? `<title>${escapeXml(label)}</title>` : ''}${inner}</${tag}>`;
  };
  const markup = [...svg.children].map(write).join('');
  return { markup, width, height, drawn, emphasis };
}
