// Prints the one closing line CI reads, "N passed, N failed", from Vitest's JSON report.
// Usage: node tests/summarize.mjs <report.json> <exit status of npm test>
import { existsSync, readFileSync } from 'node:fs';

const [reportPath = 'test-results/vitest.json', statusText = '0'] = process.argv.slice(2);
const status = Number(statusText);
let passed = 0;
let failed = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A suite that failed to load has no tests to count, but it is still a failure.
  failed += (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
}
// A step before the tests (derive, build, type check) failed, or the runner crashed: count it as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
