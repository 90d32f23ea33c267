import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, REPO_ROOT } from '../../../../test/data-root.js';
import { run } from '../test-support.js';

const jet = join(REPO_ROOT, 'examples', 'jet-tagger.json');
const onnx = (name: string) => join(REPO_ROOT, 'packages', 'core', 'test-fixtures', 'onnx', name);
const build = async (...argv: string[]) => {
  const result = await run('explain', ...argv, '--format', 'json');
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { build: { layers: { kind: string; reuse?: { applied: number }; multipliers: number; cycles: number }[] }; notes: string[]; config: Record<string, unknown> };
};
const layersOf = (b: Awaited<ReturnType<typeof build>>) => b.build.layers.map((l) => [l.kind, l.reuse?.applied, l.multipliers, l.cycles]);

describe('what an hls4ml user already has', () => {
  it('predicts from the hls4ml CLI config as it is, model paths relative to it, weights missing said in words', async () => {
    const config = dataPath('example-models', 'keras-config.yml');
    const result = await run('predict', '-c', config, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.config).toMatchObject({ part: 'xcku115-flvb2104-2-i', clockPeriodNs: 5, ioType: 'io_parallel', reuseFactor: 1 });
    expect(json.notes).toContainEqual(expect.stringMatching(/KerasH5 keras\/KERAS_3layer_weights\.h5 is not there: weights unknown/));
    // Flags replace the config's values, and say so.
    const flagged = await run('predict', '-c', config, '--board', 'pynq-z2', '--reuse-factor', '4');
    expect(flagged.stdout).toMatch(/note: --board pynq-z2 \(part xc7z020clg400-1\) replaces the config's xcku115-flvb2104-2-i/);
    expect(flagged.stdout).toMatch(/note: --reuse-factor 4 replaces the config's 1/);
  });

  it('reads a project folder hls4ml wrote, firmware/parameters.h over its config, a note per difference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-project-'));
    copyFileSync(jet, join(dir, 'keras_model.json'));
    writeFileSync(join(dir, 'hls4ml_config.yml'), 'Backend: Vitis\nPart: xcu250-figd2104-2L-e\nIOType: io_parallel\nHLSConfig:\n  Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }\n');
    mkdirSync(join(dir, 'firmware'));
    writeFileSync(
      join(dir, 'firmware', 'parameters.h'),
      `// hls-fpga-machine-learning insert layer-config
// fc2
struct config5 : nnet::dense_config {
    static const unsigned n_in = 64;
    static const unsigned n_out = 32;
    static const unsigned strategy = nnet::resource;
    static const unsigned reuse_factor = 16;
    typedef ap_fixed<16,6> weight_t;
};
`,
    );
    const project = await build(dir);
    expect(project.notes).toContainEqual('parameters.h: fc2 reuse factor is 16 (the config gives 4)');
    const twin = join(dir, 'twin.yml');
    writeFileSync(twin, 'Part: xcu250-figd2104-2L-e\nIOType: io_parallel\nHLSConfig:\n  Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }\n  LayerName:\n    fc2: { ReuseFactor: 16 }\n');
    expect(layersOf(project)).toEqual(layersOf(await build(jet, '-c', twin)));
  });

  it("estimates a synthesized project for the HLS tool its own report names, unless a flag names one", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-synthesized-'));
    copyFileSync(jet, join(dir, 'keras_model.json'));
    writeFileSync(join(dir, 'hls4ml_config.yml'), 'Backend: Vitis\nProjectName: myproject\nHLSConfig:\n  Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 1, Strategy: Latency }\n');
    const reports = join(dir, 'myproject_prj', 'solution1', 'syn', 'report');
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(reports, 'myproject_csynth.rpt'), "== Vivado HLS Report for 'myproject'\n* Version:        2019.2 (Build 2704478)\n\n== Utilization Estimates\n* Summary:\n+------+---------+-------+----+-----+\n| Name | BRAM_18K| DSP48E| FF | LUT |\n+------+---------+-------+----+-----+\n|Total |        4|   1450|  10|   20|\n+------+---------+-------+----+-----+\n");
    const reported = (await build(dir)) as Awaited<ReturnType<typeof build>> & { build: { versions: { tool: string } } };
    expect(reported.build.versions.tool).toBe('vivado_hls');
    expect(reported.notes.join('\n')).toMatch(/Vivado HLS 2019\.2, which the project's own report names/);
    const named = (await build(dir, '--hls-tool', 'vitis_hls')) as typeof reported;
    expect(named.build.versions.tool).toBe('vitis_hls_2023');
  });

  it('reads ONNX and QONNX models, built as their Keras twins', async () => {
    const fromOnnx = await build(onnx('jet-tagger.onnx'), '--strategy', 'resource', '--reuse-factor', '4');
    const fromKeras = await build(jet, '--strategy', 'resource', '--reuse-factor', '4');
    expect(layersOf(fromOnnx)).toEqual(layersOf(fromKeras));
    const qonnx = await run('predict', onnx('qonnx-mlp.onnx'), '--board', 'pynq-z2');
    expect(qonnx.code, qonnx.stderr).toBe(0);
    expect(qonnx.stdout).toMatch(/LUT\s+[\d,]+/);
    const cnn = await run('sweep', onnx('small-cnn.onnx'), '--io-types', 'io_stream', '--reuse-factors', '1,9', '--format', 'json');
    expect(cnn.code, cnn.stderr).toBe(0);
  });
});
