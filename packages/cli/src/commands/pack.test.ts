import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { installAndRun } from '../../../../test/pack-and-install.js';
import { run } from '../test-support.js';

describe('hlsest pack', () => {
  it('writes a self-contained package that installs offline and predicts a shipped example', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-userpack-'));
    const bundle = join(REPO_ROOT, 'packages', 'predictor', 'bundle', 'default');
    const { code, stdout, stderr } = await run('pack', bundle, '--name', '@acme/my-predictor', '--pkg-version', '1.2.3', '--out', dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/acme-my-predictor-1\.2\.3\.tgz/);
    const tarball = join(dir, readdirSync(dir).find((f) => f.startsWith('acme-'))!);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    for (const file of ['package/README.md', 'package/NOTICE', 'package/LICENSE', 'package/bundle/bundle.json', 'package/runtime/runtime.js', 'package/index.d.ts']) expect(listing).toContain(file);
    const model = join(REPO_ROOT, 'examples', 'jet-tagger.json');
    const out = installAndRun(
      [tarball],
      `import { readFileSync } from 'node:fs';
       import { estimate, loadPredictor } from '@acme/my-predictor';
       const result = await estimate(readFileSync(${JSON.stringify(model)}, 'utf8'), { board: 'alveo-u250', strategy: 'resource', reuseFactor: 4 });
       const predictor = await loadPredictor();
       let refused = '';
       try { await estimate(readFileSync(${JSON.stringify(model)}, 'utf8'), { board: 'nonsense' }); } catch (e) { refused = e.message; }
       console.log(JSON.stringify({ name: predictor.manifest.name, device: result.board.device, lut: result.resources.lut, refused }));`,
      { offline: true },
    );
    const result = JSON.parse(out);
    expect(result).toMatchObject({ name: 'hlsest-default', device: 'xcu250', refused: expect.stringMatching(/Unknown board or part "nonsense"/) });
    expect(result.lut.lo).toBeLessThanOrEqual(result.lut.value);
    expect(result.lut.value).toBeGreaterThan(0);
  }, 180_000);

  it('refuses a bad name, version, output folder or bundle before packing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-userpack-'));
    const name = await run('pack', '/tmp', '--name', 'Not A Name');
    expect([name.code, name.stderr]).toEqual([2, expect.stringMatching(/not a valid npm package name/)]);
    const version = await run('pack', '/tmp', '--name', 'ok-name', '--pkg-version', 'one');
    expect([version.code, version.stderr]).toEqual([2, expect.stringMatching(/not a semver version/)]);
    const missing = await run('pack', '/tmp', '--name', 'ok-name', '--out', join(dir, 'missing'));
    expect([missing.code, missing.stderr]).toEqual([3, expect.stringMatching(/--out .*missing: no such folder/)]);
    writeFileSync(join(dir, 'file'), '');
    const broken = await run('pack', '/nonexistent', '--name', 'ok-name', '--out', dir);
    expect(broken.code).toBe(5);
    expect(broken.stderr).toMatch(/Bundle \/nonexistent/);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
