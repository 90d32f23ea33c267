// `npm test`: typecheck and test every package (nx run-many), then always print the closing
// line CI reads ("N passed, N failed"), whether or not a package failed. Exits non-zero when
// nx failed (a typecheck error, a crashed runner) or any test failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
// Results of an earlier run must not be counted again.
rmSync(join(root, 'tmp', 'test-results'), { recursive: true, force: true });
const nx = spawnSync('npx', ['nx', 'run-many', '-t', 'typecheck', 'test', '--outputStyle=stream', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const summary = spawnSync(process.execPath, [join(root, 'scripts', 'test-summary.mjs'), ...(nx.status === 0 ? [] : ['--runner-failed'])], { cwd: root, stdio: 'inherit' });
process.exitCode = nx.status !== 0 ? nx.status || 1 : (summary.status ?? 1);
