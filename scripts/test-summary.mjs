// Adds up the JSON reports every package's vitest run writes to tmp/test-results/ and prints the
// closing line CI reads: "N passed, N failed". Exits non-zero when any test failed or none ran.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'tmp', 'test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even though it reports no failed test.
  failed += (report.testResults ?? []).filter((suite) => suite.status === 'failed' && suite.assertionResults?.length === 0).length;
}
// The runner failed outside any test (a typecheck error, a crash): say so, and count it.
const runnerFailed = process.argv.includes('--runner-failed');
if (runnerFailed && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${runnerFailed ? ' (nx reported a failing task: see above)' : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
