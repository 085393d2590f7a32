/**
 * Colour checks for the role palette, with culori for the colour science (CIEDE2000, WCAG contrast, sRGB ↔ linear
 * light). Dichromacy is simulated with Machado, Oliveira and Fernandes (2009) at full severity, applied to linear
 * light as Chromium's own simulation (an SVG colour matrix, linearRGB) does; culori's filterDeficiency* apply the
 * same matrices to gamma-encoded sRGB, which makes a red and an olive that a deuteranope confuses look 9 apart.
 */
import { converter, differenceCiede2000, parse, wcagContrast, type Color } from 'culori';

type Matrix = [number, number, number, number, number, number, number, number, number];

/** Machado et al. 2009, Table 1, severity 1.0. */
const MACHADO_2009 = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
} satisfies Record<string, Matrix>;
export type Deficiency = keyof typeof MACHADO_2009;

const toLinear = converter('lrgb');
const deltaE = differenceCiede2000();
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A colour written in CSS, as a reader with this deficiency (or normal vision) sees it on screen. */
export function seenAs(css: string, deficiency?: Deficiency): Color {
  const colour = parse(css);
  if (!colour) throw new Error(`"${css}" is not a CSS colour`);
  if (!deficiency) return colour;
  const { r, g, b } = toLinear(colour);
  const m = MACHADO_2009[deficiency];
  // Clamped to what a screen can show.
  return { mode: 'lrgb', r: clamp01(m[0] * r + m[1] * g + m[2] * b), g: clamp01(m[3] * r + m[4] * g + m[5] * b), b: clamp01(m[6] * r + m[7] * g + m[8] * b) };
}

/** CIEDE2000 difference between two colours as a reader with this deficiency (or normal vision) sees them. */
export const difference = (a: string, b: string, deficiency?: Deficiency) => deltaE(seenAs(a, deficiency), seenAs(b, deficiency));

/** WCAG 2 contrast ratio (1–21). */
export const contrastRatio = (a: string, b: string) => wcagContrast(a, b);

/** The two colours of a set that look most alike, and how far apart they are. */
export function closestPair(colours: Record<string, string>, deficiency?: Deficiency): { a: string; b: string; deltaE: number } {
  const names = Object.keys(colours);
  let closest = { a: '', b: '', deltaE: Infinity };
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const d = difference(colours[names[i]!]!, colours[names[j]!]!, deficiency);
      if (d < closest.deltaE) closest = { a: names[i]!, b: names[j]!, deltaE: d };
    }
  }
  return closest;
}
