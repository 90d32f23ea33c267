import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/data-root.js';
import { installAndRun, packWorkspace } from '../../../test/pack-and-install.js';

describe('@hlsest/predictor as a published package', () => {
  it('packs with its default bundle, installs into an empty project, imports and predicts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-pack-'));
    const tarballs = [packWorkspace('core', dir), packWorkspace('predictor', dir)];
    const model = readFileSync(join(REPO_ROOT, 'examples', 'jet-tagger.json'), 'utf8');
    const out = installAndRun(
      tarballs,
      `import { parseKerasModel, configureNetwork } from '@hlsest/core';
       import { loadDefaultPredictor } from '@hlsest/predictor/node';
       const predictor = await loadDefaultPredictor();
       const network = parseKerasModel(${JSON.stringify(model)});
       const estimate = predictor.predict(configureNetwork(network.layers, undefined, { part: 'xc7z020clg400-1', reuseFactor: 4, strategy: 'resource' }));
       console.log(JSON.stringify({ targets: Object.keys(estimate.targets), lut: estimate.resources.lut, fits: estimate.board.fits }));`,
    );
    const result = JSON.parse(out);
    expect(result.targets).toEqual(expect.arrayContaining(['bram', 'dsp', 'ff', 'lut', 'cycles']));
    expect(result.lut.value).toBeGreaterThan(0);
    expect(result.lut.lo).toBeLessThanOrEqual(result.lut.value);
    expect(typeof result.fits).toBe('boolean');
  }, 180_000);
});
