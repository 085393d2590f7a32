/**
 * "Save this view", once asked for: the figure of the map on screen, its key, title and numbered quotes, as A4 pages
 * (SVG, or PNG at 2× or 4×) downloaded on this device. A lazy chunk with the figure's code (lazy.ts's loadSaveFigure):
 * the first view carries only the button.
 */
import { version } from '../../package.json';
import { DATA_FILES, featureKey, type AtlasData, type Bounds, type FeatureDetail, type FeatureRef, type JourneyPassages, type PublishedDocument, type Visibility } from '../lib/atlas/contract.ts';
import type { MapRenderer } from '../lib/map/renderer.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import type { Measure } from '../lib/figure/text-width.ts';
import { buildFigurePages } from '../lib/figure/figure-svg.ts';
import { citedDocuments, citedFeatures, withJourneyPassages, withPassages } from '../lib/figure/footnotes.ts';
import { drawMapPicture } from '../lib/figure/map-picture.ts';
import { rasteriseFigure } from '../lib/figure/raster.ts';
import { emphasisFor, figureFileName } from '../lib/figure/scene.ts';

export interface SaveFigureOptions {
  data: AtlasData;
  renderer: MapRenderer;
  selected: FeatureRef | null;
  journey: { id: string; step: number } | null;
  visible: Visibility;
  /** The selection framed with its connections (a journal's figure has a subject); else the screen as it is. */
  frame?: { bounds: Bounds; maxZoom: number };
  /** The link printed on the figure. */
  deepLink: string;
  locale: Locale;
  scale: number;
  loadDocument: (id: string) => Promise<PublishedDocument>;
  loadDetail: (ref: FeatureRef) => Promise<FeatureDetail>;
  loadJourneyPassages: (id: string) => Promise<JourneyPassages>;
}

/** Widths in the app's font and in the generic fallback, whichever is wider: the lines fit wherever the file is opened. */
function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text, size) => text.length * size * 0.62;
  return (text, size, bold = false) => {
    let widest = 0;
    for (const family of ["'Noto Sans'", 'sans-serif']) {
      context.font = `${bold ? '700 ' : ''}${size}px ${family}`;
      widest = Math.max(widest, context.measureText(text).width);
    }
    return widest * 1.02;
  };
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // After the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Makes the figure and downloads its pages; gives the first page's file name. */
export async function saveFigure(o: SaveFigureOptions): Promise<string> {
  // The view as the map has it now, not the last one the address was written with.
  const view = o.renderer.view();
  const box = o.renderer.container;
  if (!view || !box) throw new Error('the map is not drawn yet');
  await document.fonts.load("9px 'Noto Sans'");
  const emphasis = emphasisFor(o.data, o.selected, o.journey);
  const map = await drawMapPicture({
    data: o.data,
    basemapUrl: DATA_FILES.basemap,
    view,
    frame: o.frame,
    width: box.clientWidth,
    height: box.clientHeight,
    visible: o.visible,
    selected: o.selected,
    legEmphasis: emphasis.legs,
    placesOnStep: emphasis.places,
  });
  // Each page is exactly A4; quotes that do not fit on the first go on pages of their own, saved as files beside it.
  // The quoted features' passages first (each its own file), then the documents they quote.
  const refs = citedFeatures(o.data, o.selected, o.journey);
  const details = new Map(await Promise.all(refs.map(async (ref) => [featureKey(ref), await o.loadDetail(ref)] as const)));
  const quoted = withPassages(o.journey ? withJourneyPassages(o.data, o.journey.id, await o.loadJourneyPassages(o.journey.id)) : o.data, details);
  const documents = await Promise.all(citedDocuments(quoted, o.selected, o.journey).map(o.loadDocument));
  const pages = buildFigurePages({ data: { ...quoted, documents }, map, selected: o.selected, journey: o.journey, deepLink: o.deepLink, version, measure: canvasMeasure(), locale: o.locale });
  const name = figureFileName(o.selected, o.journey, o.scale ? `-${o.scale}x.png` : '.svg');
  for (const [i, svg] of pages.entries()) {
    const pageName = i === 0 ? name : name.replace(/(-\d+x)?\.(svg|png)$/, `-page-${i + 1}$&`);
    download(o.scale ? await rasteriseFigure(svg, o.scale) : new Blob([svg], { type: 'image/svg+xml' }), pageName);
  }
  return name;
}
