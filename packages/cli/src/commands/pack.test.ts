import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { installAndRun, packWorkspace } from '../../../../test/pack-and-install.js';
import { run } from '../test-support.js';

describe('hlsest pack', () => {
  it('writes a package carrying the bundle that installs and predicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-userpack-'));
    const bundle = join(REPO_ROOT, 'packages', 'predictor', 'bundle', 'default');
    const { code, stdout, stderr } = await run('pack', bundle, '--name', '@acme/my-predictor', '--version', '1.2.3', '--out', dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/acme-my-predictor-1\.2\.3\.tgz/);
    const tarballs = [join(dir, readdirSync(dir).find((f) => f.startsWith('acme-'))!), packWorkspace('core', dir), packWorkspace('predictor', dir)];
    const out = installAndRun(
      tarballs,
      `import { loadPredictor } from '@acme/my-predictor';
       import { parseKerasModel, configureNetwork } from '@hlsest/core';
       const predictor = await loadPredictor();
       const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 8, batch_input_shape: [null, 16] } }] } });
       const estimate = predictor.predict(configureNetwork(net.layers, undefined, {}));
       console.log(JSON.stringify({ name: predictor.manifest.name, dsp: estimate.resources.dsp.value }));`,
    );
    expect(JSON.parse(out)).toMatchObject({ name: 'hlsest-default', dsp: expect.any(Number) });
  }, 180_000);

  it('refuses a bad name or a broken bundle', async () => {
    expect((await run('pack', '/tmp', '--name', 'Not A Name')).stderr).toMatch(/not a valid npm package name/);
    const broken = await run('pack', '/nonexistent', '--name', 'ok-name');
    expect(broken.code).toBe(5);
    expect(broken.stderr).toMatch(/Bundle \/nonexistent/);
  });
});
