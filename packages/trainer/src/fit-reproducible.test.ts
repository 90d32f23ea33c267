import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/data-root.js';

describe('the fitted tool profiles (scripts/fit-tool-constants.mjs)', () => {
  // Runs against the built packages (nx builds dependencies before tests) on the real data.
  it('come out again when refitted from what they are: a refit is not a new rule set', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'fit-tool-constants.mjs'), '--check'], { encoding: 'utf8', timeout: 300_000 });
    expect(run.stderr, run.stderr.slice(-2000)).toContain('every tool constant reproduces within 0.5 %');
    expect(run.status).toBe(0);
  }, 300_000);
});
