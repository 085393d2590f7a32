/**
 * The headers every answer of the project's static server carries (npm start, the kiosk, the benchmark; also
 * vite preview, if someone runs it). The app needs nothing from elsewhere: scripts, styles, fonts, data and
 * MapLibre's worker all come from this origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Directives a `<meta http-equiv="Content-Security-Policy">` cannot carry: the browser ignores them there,
 * and Chromium logs a console error for `frame-ancestors`, `sandbox` and `report-uri`.
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'sandbox', 'report-uri', 'report-to']);

/**
 * The policy for the built index.html's meta element: the fallback when the site is put on a static host
 * that sends no headers. Framing can only be refused by the header.
 */
export function metaContentSecurityPolicy(policy = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY_DIRECTIVES.has(d.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site may not embed the data or the scripts (Spectre-style reads), nor frame the page (older browsers
  // that do not know frame-ancestors). Both are header-only, like frame-ancestors.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
