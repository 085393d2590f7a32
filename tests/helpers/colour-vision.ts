/**
 * Colour maths for checking the role palette: sRGB to CIELAB (D65), the CIEDE2000 colour difference, and the
 * colour-vision-deficiency simulation of Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB.
 * Written out here because no colour library is among the project's packages; the CIEDE2000 code is checked against
 * Sharma, Wu and Dalal's published test pairs (tests/unit/palette.test.ts).
 */

export type Rgb = [number, number, number];
export type Lab = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

/** Machado et al. 2009, Table 1, severity 1.0: full dichromacy. */
export const MACHADO_2009: Record<'protanopia' | 'deuteranopia' | 'tritanopia', Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
export type Deficiency = keyof typeof MACHADO_2009;

/** "#rrggbb" to sRGB channels in 0–1. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`"${hex}" is not a colour written #rrggbb`);
  return [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as Rgb;
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const mul = (m: Matrix, v: Rgb): Rgb => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]) as Rgb;

/** sRGB (0–1) to linear light. */
export const linearRgb = (rgb: Rgb): Rgb => rgb.map(toLinear) as Rgb;

/** Linear RGB as a dichromat of this kind sees it (clamped to the displayable range, as a screen would show it). */
export function simulate(linear: Rgb, deficiency: Deficiency): Rgb {
  return mul(MACHADO_2009[deficiency], linear).map(clamp01) as Rgb;
}

/** Linear sRGB to CIELAB, D65 white. */
export function labFromLinear(linear: Rgb): Lab {
  const [x, y, z] = mul(
    [
      [0.4123908, 0.35758434, 0.18048079],
      [0.21263901, 0.71516868, 0.07219232],
      [0.01933082, 0.11919478, 0.95053215],
    ],
    linear,
  );
  const white = [0.95047, 1, 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [x / white[0]!, y / white[1]!, z / white[2]!].map(f) as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** A hex colour in CIELAB, as seen with normal vision or with a deficiency. */
export function labOf(hex: string, deficiency?: Deficiency): Lab {
  const linear = linearRgb(parseHex(hex));
  return labFromLinear(deficiency ? simulate(linear, deficiency) : linear);
}

/** WCAG 2 relative luminance and contrast ratio. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = linearRgb(parseHex(hex));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIEDE2000 (Sharma, Wu and Dalal 2005), with kL = kC = kH = 1. */
export function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / rad;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lbarp = (L1 + L2) / 2;
  const Cbarp = (C1p + C2p) / 2;
  let hbarp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hbarp = (h1p + h2p) / 2;
    else hbarp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hbarp - 30) * rad) + 0.24 * Math.cos(2 * hbarp * rad) + 0.32 * Math.cos((3 * hbarp + 6) * rad) - 0.2 * Math.cos((4 * hbarp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hbarp - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cbarp ** 7 / (Cbarp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbarp - 50) ** 2) / Math.sqrt(20 + (Lbarp - 50) ** 2);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}

/** The closest pair among these colours (by CIEDE2000), as each kind of vision sees them. */
export function closestPair(colours: Record<string, string>, deficiency?: Deficiency): { a: string; b: string; deltaE: number } {
  const entries = Object.entries(colours).map(([name, hex]) => [name, labOf(hex, deficiency)] as const);
  let best = { a: '', b: '', deltaE: Infinity };
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const d = deltaE2000(entries[i]![1], entries[j]![1]);
      if (d < best.deltaE) best = { a: entries[i]![0], b: entries[j]![0], deltaE: d };
    }
  }
  return best;
}
