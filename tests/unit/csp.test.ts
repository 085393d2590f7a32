import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, metaContentSecurityPolicy } from '../../src/build/security-headers.ts';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d] as const));

/** The built page and the policy in its `<meta http-equiv="Content-Security-Policy">` (attribute entities decoded). */
function builtPage() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: this test reads the production build; run "npm run build" first (npm test does).');
  const html = readFileSync('dist/index.html', 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"[^>]*>/gi)];
  const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return { html, metas, policy: metas[0] ? decode(metas[0][1]!) : '' };
}

describe('the Content-Security-Policy meta fallback', () => {
  it.each([
    ["default-src 'self'; frame-ancestors 'none'", "default-src 'self'"],
    ["default-src 'self'; sandbox; report-uri /csp; report-to csp", "default-src 'self'"],
    ["script-src 'self';  FRAME-ANCESTORS 'none' ; object-src 'none'", "script-src 'self'; object-src 'none'"],
  ])('leaves out the directives a meta element cannot carry: %s', (header, meta) => {
    expect(metaContentSecurityPolicy(header)).toBe(meta);
  });

  it('is in the built index.html once, before every script and stylesheet', () => {
    const { html, metas } = builtPage();
    expect(metas).toHaveLength(1);
    const at = metas[0]!.index;
    expect(at).toBeLessThan(html.search(/<script\b/i));
    expect(at).toBeLessThan(html.search(/<link\b/i));
  });

  it('is the servers’ policy less frame-ancestors: no inline or eval scripts, no blob: workers, no plugins', () => {
    const { policy } = builtPage();
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(directives(policy)).toEqual(header);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|blob:|\*/);
    expect(directives(policy).get('worker-src')).toBe("worker-src 'self'");
    expect(directives(policy).get('object-src')).toBe("object-src 'none'");
    expect(directives(policy).get('script-src')).toBe("script-src 'self'");
    expect(policy).not.toMatch(/frame-ancestors|sandbox|report-uri/);
  });
});
