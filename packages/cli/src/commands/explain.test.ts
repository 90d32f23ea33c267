import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test/data-root.js';
import { run } from '../test-support.js';

const model = () => dataPath('example-models', 'keras', 'KERAS_3layer.json');

describe('hlsest explain', () => {
  it('prints the applied reuse factor per layer and the design totals', async () => {
    const { code, stdout } = await run('explain', model(), '--strategy', 'Resource', '--reuse-factor', '100', '--board', 'pynq-z2');
    expect(code).toBe(0);
    // 16×64 with RF 100: valid values around it are 64 and 128; 128 is closer.
    expect(stdout).toMatch(/fc1_relu\s+Dense\s+\[64\]\s+100→128/);
    expect(stdout).toMatch(/output_softmax\s+Dense\s+\[5\]\s+100→160/);
    expect(stdout).toContain('design (dataflow)');
  });

  it('shows operand and accumulator widths, inferring `auto` types as hls4ml 1.x does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-explain-'));
    const config = join(dir, 'auto.yml');
    writeFileSync(config, 'HLSConfig:\n  Model: {Precision: "ap_fixed<16,6>", ReuseFactor: 1, Strategy: Latency}\n  LayerName:\n    fc1_relu: {Precision: {result: auto, accum: auto}}\n');
    const { code, stdout } = await run('explain', model(), '-c', config, '--hls4ml-version', '1.1.0');
    expect(code).toBe(0);
    // 16-bit inputs × 16-bit weights summed over 16: 16 + 16 + 4 bits, one more for the bias.
    expect(stdout).toMatch(/fc1_relu\s+Dense\s+\[64\].*dsp 16×16→37/);
    // Layers the config names keep the default accumulator.
    expect(stdout).toMatch(/output_softmax\s+Dense\s+\[5\].*16×16→16/);
  });

  it("prices a config's Vivado backend with Vivado HLS unless a tool is named", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-explain-'));
    const config = join(dir, 'vivado.yml');
    writeFileSync(config, 'Backend: Vivado\nHLSConfig:\n  Model: {Precision: "ap_fixed<16,6>", ReuseFactor: 1, Strategy: Latency}\n');
    const implied = await run('explain', model(), '-c', config, '--json');
    expect(JSON.parse(implied.stdout).build.versions.tool).toBe('vivado_hls');
    expect(JSON.parse(implied.stdout).notes.join('\n')).toMatch(/Backend vivado: estimated for Vivado HLS/);
    const named = await run('explain', model(), '-c', config, '--hls-tool', 'vitis_hls', '--json');
    expect(JSON.parse(named.stdout).build.versions.tool).toBe('vitis_hls_2023');
  });

  it('prints JSON with --json', async () => {
    const { code, stdout } = await run('explain', model(), '--strategy', 'resource', '--reuse-factor', '64', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.config.precision).toBe('fixed<16,6>');
    expect(parsed.build.layers[1].reuse).toEqual({ requested: 64, applied: 64, validated: true });
    expect(parsed.build.totals.maxReuseFactor).toBe(64);
  });

  it.each([
    [['explain', '/nonexistent/model.json'], 3, /cannot read the model/],
    [['explain', 'MODEL', '--board', 'nope'], 2, /Unknown board or part "nope"/],
    [['explain', 'MODEL', '--precision', 'ap_fixed<16>'], 2, /Cannot parse precision "ap_fixed<16>"/],
    [['explain', 'MODEL', '--strategy', 'fast'], 2, /unknown strategy "fast"/],
    [['explain'], 2, /give a model, or an hls4ml config naming one \(-c\)/],
  ])('fails clearly: %j', async (argv, status, message) => {
    const { code, stderr } = await run(...argv.map((a) => (a === 'MODEL' ? model() : a)));
    expect(code).toBe(status);
    expect(stderr).toMatch(message);
  });
});
