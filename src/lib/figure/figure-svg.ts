import { ROLES, type Role } from '../atlas/roles.ts';
import { formatMessage } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Locale } from '../i18n/locales.ts';
import { pinSvg } from '../map/marks.ts';
import type { FeatureRef } from '../atlas/contract.ts';
import { BASEMAP, CONNECTED_LEG_COLOR, CURRENT_LEG_COLOR, INK as MAP_INK, LEG, ROUTE_COLOR, SHAPE, dashPx } from '../map/look.ts';
import { figureSubject, type FigureData, type FigurePassages, type FigureSubject } from './footnotes.ts';
import { SUP_SCALE, estimateWidth, wordsOf, wrapWords, type Measure, type Segment } from './text-width.ts';
import { escapeXml } from './xml.ts';

/** The map as drawn for the figure: SVG markup in the map's own pixels (0 … width, 0 … height), and what is in it. */
export interface MapPicture {
  markup: string;
  width: number;
  height: number;
  /** Ids of the places and legs drawn inside the frame. */
  drawn: { places: string[]; legs: string[] };
  /** Which of the journey's and the selection's leg emphases are drawn: its current step, legs around a place, legs faded. */
  emphasis: { current: boolean; connected: boolean; faded: boolean };
}

export interface FigureInput {
  /** The page's data with the words of the documents the figure quotes (citedDocuments). */
  data: FigureData;
  map: MapPicture;
  selected: FeatureRef | null;
  journey: { id: string; step: number } | null;
  /** The address that opens the atlas on this view. */
  deepLink: string;
  version: string;
  /** Text widths; the browser measures with its fonts, elsewhere they are estimated. */
  measure?: Measure;
  /** The page's language: the key names the roles in it (default English). */
  locale?: Locale;
}

/** A4 in points (1/72 in): the figure's user units, so a font size is its size in print. */
export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const CONTENT = A4.width - 2 * MARGIN;
/** Type sizes in pt: nothing below 8 pt at A4 width. */
export const TYPE = { title: 17, subtitle: 10, heading: 10, body: 9, legend: 8.5, footer: 8 } as const;
const LEADING = 1.32;
/** The map takes the page's width, or at most this much of its height for a tall (phone) map. */
const MAP_MAX_HEIGHT = 430;
export const FONT_FAMILY = "'Noto Sans', Arial, Helvetica, sans-serif";
const INK = MAP_INK;
const MUTED = '#4f5a61';

const n = (v: number) => String(Math.round(v * 100) / 100);

interface LegendItem {
  label: string;
  swatch: string;
  /** Where the label starts, right of its swatch. */
  labelX: number;
}

/** The key to what the figure draws: only roles, line styles and emphases that appear in its frame. */
export function legendItems(data: Pick<FigurePassages, 'places' | 'legs'>, map: Pick<MapPicture, 'drawn' | 'emphasis'>, locale: Locale = 'en'): LegendItem[] {
  const places = new Set(map.drawn.places);
  const legs = new Set(map.drawn.legs);
  const drawnPlaces = data.places.features.map((f) => f.properties).filter((p) => places.has(p.id));
  const drawnLegs = data.legs.features.map((f) => f.properties).filter((p) => legs.has(p.id));
  const roles = ROLES.filter((r) => drawnPlaces.some((p) => p.primaryRole === r));
  // Each line and zone as the map draws it: widths, dashes and opacities from the one look (look.ts).
  const line = (color: string, width: number, { dash = '', opacity = 1 } = {}) =>
    `<line x1="0" y1="5" x2="18" y2="5" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ' stroke-linecap="round"'}${opacity < 1 ? ` stroke-opacity="${opacity}"` : ''}/>`;
  const say = (key: MessageKey) => formatMessage(locale, key);
  const items: LegendItem[] = roles.map((role: Role) => ({
    label: formatMessage(locale, `roleKey.${role}`),
    labelX: 14,
    // The pin as the map draws it: its family's hue and its cue (solid, hollow, dotted).
    swatch: `${pinSvg(role, 5, 5, 0.6)}<circle cx="5" cy="5" r="5" fill="none" stroke="#777777" stroke-width="0.4"/>`,
  }));
  const solid = drawnLegs.filter((l) => !l.unstated?.length);
  if (solid.some((l) => l.direction === 'directed')) items.push({ labelX: 22, label: say('figure.legDirected'), swatch: line(ROUTE_COLOR, LEG.width, { opacity: LEG.opacity }) });
  if (solid.some((l) => l.direction === 'round-trip')) items.push({ labelX: 22, label: say('figure.legRoundTrip'), swatch: line(ROUTE_COLOR, LEG.width, { opacity: LEG.opacity }) });
  if (solid.some((l) => l.direction === 'undirected')) items.push({ labelX: 22, label: say('figure.legUndirected'), swatch: line(ROUTE_COLOR, LEG.width, { opacity: LEG.opacity }) });
  if (drawnLegs.some((l) => l.unstated?.length)) items.push({ labelX: 22, label: say('figure.legDashed'), swatch: line(ROUTE_COLOR, LEG.width, { dash: dashPx(LEG.unstatedDash, LEG.width), opacity: LEG.opacity }) });
  if (map.emphasis.current) items.push({ labelX: 22, label: say('figure.stepLegs'), swatch: line(CURRENT_LEG_COLOR, LEG.currentWidth) });
  if (map.emphasis.connected) items.push({ labelX: 22, label: say('figure.connectedLegs'), swatch: line(CONNECTED_LEG_COLOR, LEG.connectedWidth) });
  if (map.emphasis.faded) items.push({ labelX: 22, label: say('figure.fadedLegs'), swatch: line(ROUTE_COLOR, LEG.width, { opacity: LEG.dimOpacity }) });
  if (drawnPlaces.some((p) => p.precision === 'area')) items.push({ labelX: 22, label: say('figure.zone'), swatch: `<rect x="1" y="1" width="16" height="8" fill="#5f6b73" fill-opacity="${SHAPE.zoneOpacity}" stroke="#5f6b73" stroke-width="${SHAPE.zoneLineWidth}" stroke-dasharray="${dashPx(SHAPE.zoneDash, SHAPE.zoneLineWidth)}"/>` });
  return items;
}

/** Text lines as <tspan>s, each with its own position; superscripts raised and set smaller, then the baseline restored. */
function lineTspans(lines: Array<{ words: Segment[][]; joined: boolean }>, x: number, y: number, size: number): string {
  const rise = size * 0.38;
  return lines
    .map((line, i) => {
      const segments: Segment[] = [];
      line.words.forEach((word, w) => {
        for (const s of [...(w > 0 ? [{ text: ' ', sup: false }] : []), ...word]) {
          const last = segments[segments.length - 1];
          if (last && last.sup === s.sup) last.text += s.text;
          else segments.push({ ...s });
        }
      });
      let raised = false;
      const inner = segments
        .map((s) => {
          const shift = s.sup !== raised ? ` dy="${n(s.sup ? -rise : rise)}"` : '';
          raised = s.sup;
          return s.sup ? `<tspan${shift} font-size="${n(size * SUP_SCALE)}">${escapeXml(s.text)}</tspan>` : shift ? `<tspan${shift}>${escapeXml(s.text)}</tspan>` : escapeXml(s.text);
        })
        .join('');
      return `<tspan class="line" x="${n(x)}" y="${n(y + i * size * LEADING)}"${line.joined ? ' data-joined="true"' : ''}>${inner}</tspan>`;
    })
    .join('');
}

/** A paragraph set in lines; returns the markup and the height it takes. */
function paragraph(segments: Segment[], x: number, y: number, width: number, size: number, measure: Measure, attrs: string, bold = false) {
  const lines = wrapWords(wordsOf(segments), width, size, measure, bold);
  const markup = `<text ${attrs} font-size="${n(size)}"${bold ? ' font-weight="700"' : ''}>${lineTspans(lines, x, y + size, size)}</text>`;
  return { markup, height: lines.length * size * LEADING };
}
const plain = (text: string): Segment[] => [{ text: text.replace(/\s+/g, ' '), sup: false }];

/**
 * The figure as standalone SVG documents, each page exactly A4: a title, the map as drawn on screen, the key to what
 * it shows, the numbered quotes with their archival citations, and on every page the atlas's version and the address
 * that opens this view. Quotes that do not fit flow onto further pages ("Notes, continued"). Self-contained: no
 * stylesheet, font file, image or script.
 */
export function buildFigurePages(input: FigureInput): string[] {
  const measure = input.measure ?? estimateWidth;
  const locale = input.locale ?? 'en';
  // The passages' links start from the atlas's own address, as the panel's citations do (no state, no query).
  const link = URL.canParse(input.deepLink) ? new URL(input.deepLink) : undefined;
  const base = link && `${link.origin}${link.pathname}`;
  const subject: FigureSubject = figureSubject(input.data, input.selected, input.journey, base, locale);
  const pages: string[][] = [[]];
  let parts = pages[0]!;
  let y = MARGIN;

  // What this is and how to get back to it, at the foot of every page: laid out once to know the room it takes.
  const footer = (top: number) => {
    const version = paragraph(plain(formatMessage(locale, 'figure.about', { version: input.version })), MARGIN, top + 4, CONTENT, TYPE.footer, measure, `class="version" fill="${MUTED}"`);
    const link = paragraph([{ text: formatMessage(locale, 'figure.thisView', { link: input.deepLink }), sup: false }], MARGIN, top + 4 + version.height, CONTENT, TYPE.footer, measure, `class="deep-link" fill="${MUTED}"`);
    return { markup: [`<line x1="${MARGIN}" y1="${n(top)}" x2="${n(MARGIN + CONTENT)}" y2="${n(top)}" stroke="#d6d0c4" stroke-width="0.75"/>`, version.markup, link.markup], height: 4 + version.height + link.height };
  };
  const footerTop = A4.height - MARGIN - footer(0).height;
  /** The lowest a quote may reach on a page: above the footer, with a gap. */
  const bottom = footerTop - 8;
  const newPage = () => {
    parts = [];
    pages.push(parts);
    y = MARGIN;
    const heading = paragraph(plain(formatMessage(locale, 'figure.continued', { title: subject.title })), MARGIN, y, CONTENT, TYPE.heading, measure, `class="continued" fill="${MUTED}"`, true);
    parts.push(heading.markup);
    y += heading.height + 6;
  };

  const title = paragraph(plain(subject.title), MARGIN, y, CONTENT, TYPE.title, measure, `class="title" fill="${INK}"`, true);
  parts.push(title.markup);
  y += title.height;
  if (subject.subtitle) {
    const sub = paragraph(plain(subject.subtitle), MARGIN, y, CONTENT, TYPE.subtitle, measure, `class="subtitle" fill="${MUTED}"`);
    parts.push(sub.markup);
    y += sub.height;
  }
  y += 8;

  // The map at the page's width (or narrower, centred, for a tall map), clipped to the frame that was on screen.
  const { map } = input;
  const scale = Math.min(CONTENT / map.width, MAP_MAX_HEIGHT / map.height);
  const [mapW, mapH] = [map.width * scale, map.height * scale];
  const mapX = MARGIN + (CONTENT - mapW) / 2;
  parts.push(
    `<g class="map" transform="translate(${n(mapX)},${n(y)}) scale(${Math.round(scale * 1e5) / 1e5})">` +
      `<clipPath id="map-frame"><rect width="${map.width}" height="${map.height}"/></clipPath>` +
      `<g clip-path="url(#map-frame)">${map.markup}</g></g>`,
    `<rect class="map-frame" x="${n(mapX)}" y="${n(y)}" width="${n(mapW)}" height="${n(mapH)}" fill="none" stroke="${BASEMAP.border}" stroke-width="0.75"/>`,
  );
  y += mapH + 10;

  // The key: swatch and label in rows.
  const items = legendItems(input.data, map, input.locale);
  if (items.length) {
    const rowHeight = TYPE.legend * 1.9;
    let x = MARGIN;
    const key: string[] = [];
    for (const item of items) {
      const w = item.labelX + measure(item.label, TYPE.legend) + 14;
      if (x > MARGIN && x + w > MARGIN + CONTENT) {
        x = MARGIN;
        y += rowHeight;
      }
      key.push(`<g transform="translate(${n(x)},${n(y)})">${item.swatch}<text x="${item.labelX}" y="${n(TYPE.legend * 0.95)}" font-size="${TYPE.legend}" fill="${INK}">${escapeXml(item.label)}</text></g>`);
      x += w;
    }
    parts.push(`<g class="legend" aria-label="Key">${key.join('')}</g>`);
    y += rowHeight + 8;
  }

  // The numbered quotes: a hanging number, the words, the citation; a quote that would run into the footer starts a page.
  const indent = measure('00.', TYPE.body) + 4;
  for (const group of subject.groups) {
    if (group.heading) {
      const headingHeight = paragraph(plain(group.heading), 0, 0, CONTENT, TYPE.heading, measure, '', true).height;
      const firstNote = group.notes[0] ? paragraph(group.notes[0].runs, 0, 0, CONTENT - indent, TYPE.body, measure, '').height : 0;
      // A heading never ends a page: it goes over with its first quote.
      if (y + 4 + headingHeight + 2 + firstNote > bottom) newPage();
      y += 4;
      const placed = paragraph(plain(group.heading), MARGIN, y, CONTENT, TYPE.heading, measure, `class="footnote-heading" fill="${INK}"`, true);
      parts.push(placed.markup);
      y += placed.height + 2;
    }
    for (const note of group.notes) {
      if (y + paragraph(note.runs, 0, 0, CONTENT - indent, TYPE.body, measure, '').height > bottom) newPage();
      parts.push(`<text class="footnote-number" x="${n(MARGIN + indent - 4)}" y="${n(y + TYPE.body)}" font-size="${TYPE.body}" text-anchor="end" fill="${INK}">${note.number}.</text>`);
      const body = paragraph(note.runs, MARGIN + indent, y, CONTENT - indent, TYPE.body, measure, `class="footnote" data-footnote="${note.number}" fill="${INK}"`);
      parts.push(body.markup);
      y += body.height + 4;
    }
  }

  const description = `${subject.title}${subject.subtitle ? ` — ${subject.subtitle}` : ''}. From Archive Atlas ${input.version}: ${input.deepLink}`;
  return pages.map((page, i) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="210mm" height="297mm" viewBox="0 0 ${n(A4.width)} ${n(A4.height)}" font-family="${escapeXml(FONT_FAMILY)}" data-atlas-version="${escapeXml(input.version)}" data-deep-link="${escapeXml(input.deepLink)}" data-page="${i + 1}" data-pages="${pages.length}">`,
      `<title>${escapeXml(pages.length > 1 ? `${subject.title} (page ${i + 1} of ${pages.length})` : subject.title)}</title>`,
      `<desc>${escapeXml(description)}</desc>`,
      `<rect width="100%" height="100%" fill="#ffffff"/>`,
      ...page,
      ...footer(footerTop).markup,
      '</svg>',
      '',
    ].join('\n'),
  );
}
