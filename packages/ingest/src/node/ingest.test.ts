import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../../test/data-root.js';
import { ingest } from './ingest.js';
import { readDataset, readManifest } from './dataset-store.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hlsest-ingest-'));
const records = async (dir: string) => {
  const out = [];
  for await (const record of readDataset(dir)) out.push(record);
  return out;
};

describe('ingest on the real data in ../shared/hls4ml-data', () => {
  it('reads every folder, with counts and values that match the original reports', async () => {
    const out = join(tmp(), 'all');
    const { summary, manifest } = await ingest([dataPath()], { out, defaults: { ioType: 'io_stream' } });
    // 32 wa-hls4ml records (3 with every report empty), 6958 + 1970 flat dense rows (42 conv2d
    // rows lack their conv layers), 36 ArgyKokk projects (one a byte-identical duplicate),
    // 26 Keb-L designs, 50 Vivado/Vitis regression baselines (models rebuilt from their names);
    // the GRU and single projects and the report-parser fixture ship no model architecture.
    expect(manifest.counts.bySubset).toMatchObject({
      'concatenated_json_to_csv.sampled': 6958,
      'concatenated_3layer_json_to_csv.sampled': 1970,
      'argykokk-mlp': 35,
      'kebl-cnn': 26,
      test_2layer: 4,
      test_3layer: 4,
      test_2_20: 4,
      test_conv1d: 5,
      test_conv2d: 4,
      test_latency: 4,
      test_resource: 4,
      'hls4ml-baselines': 50,
      // Per-layer N-TORC rows: one record per (layer shape, RF) key, the median of its repeats.
      'n-torc-conv1d': 208,
      'n-torc-dense': 252,
      'n-torc-lstm': 368,
      // ENet: one per table row (the 6 failed implementations keep their latency); NAS LeNet: 50 rows.
      enet: 112,
      'nas-lenet': 50,
      'calwilee-sepconv': 36,
    });
    // One ArgyKokk project, and one SepConv2D study row repeated with the same result.
    expect(summary.duplicates).toBe(2);
    const reasons = summary.rejected.map((r) => r.reason);
    expect(reasons.filter((r) => r.includes('conv2d rows list only the Dense widths'))).toHaveLength(42);
    expect(reasons.filter((r) => r.includes('all reports are empty'))).toHaveLength(3);
    // GRU, single and parser-fixture projects, plus the SepConv2D and NAS LeNet example projects.
    expect(reasons.filter((r) => r.includes('no model architecture found'))).toHaveLength(9);
    // ENet's NA_models.csv repeats six rows of data6.csv: refused with that reason, read once.
    expect(reasons.filter((r) => r.includes('also rows of data6.csv'))).toHaveLength(1);
    expect(summary.rejected).toHaveLength(42 + 3 + 9 + 1);

    expect(summary.rejected.every((r) => r.file.length > 0 && r.reason.length > 0)).toBe(true);

    const all = await records(out);
    expect(all).toHaveLength(summary.added);
    const bySource = (id: string) => all.find((r) => r.provenance.sourceId === id)!;
    // hls4ml-test-reports/baselines/Vitis/2024.1/test_keras_api_test_dense_io_parallel-Vitis.json:
    // BRAM_18K 1, DSP 2, FF 145, LUT 354, latency 3, II 1, on the 1 → Dense(2) → ELU test model.
    const baseline = all.find((r) => r.provenance.file.endsWith('Vitis/2024.1/test_keras_api_test_dense_io_parallel-Vitis.json'))!;
    expect(baseline.results.hls).toEqual({ bram18k: 1, dsp: 2, ff: 145, lut: 354, uram: 0 });
    expect(baseline.results.latency).toMatchObject({ cyclesMin: 3, cyclesMax: 3, intervalMax: 1 });
    expect(baseline.toolchain).toEqual({ hlsTool: 'vitis_hls', hlsToolVersion: '2024.1' });
    expect(baseline.network.layers.map((l) => l.className)).toEqual(['InputLayer', 'Dense', 'Activation']);

    // wa-hls4ml/records/test_2layer_merged.json, uuid f33ed03c…: resource_report bram "6" (36K tiles), hls bram "12".
    const twoLayer = bySource('f33ed03c-8d69-40e6-9577-f80ae2d714d8');
    expect(twoLayer.results.synth).toEqual({ bram18k: 12, dsp: 0, ff: 21382, lut: 25603, uram: 0 });
    expect(twoLayer.results.hls).toMatchObject({ bram18k: 12, ff: 19697, lut: 24821 });
    expect(twoLayer.results.latency).toMatchObject({ cyclesMin: 6963, cyclesMax: 6965, intervalMax: 3840 });
    expect(twoLayer.network.layers.filter((l) => l.kind === 'dense').map((l) => l.reuseFactor)).toEqual([3840, 3120]);

    // wa-hls4ml/flat/concatenated_json_to_csv.sampled.csv, first data row: 96-24-80, BRAM_18K_hls 2 (tiles) → 4 blocks.
    const flat = bySource('63a35bbe-c712-4c87-8198-bef348fddaea.tar.gz');
    expect(flat.results.synth).toEqual({ bram18k: 4, dsp: 0, ff: 8981, lut: 11894, uram: 0 });
    expect(flat.results.latency).toMatchObject({ cyclesMin: 2115, cyclesMax: 2117 });

    // N-TORC: the first Dense after Flatten (more inputs than any hidden Dense has) waits on an
    // upstream stream the rows do not record — its latency is marked as such, its resources are not.
    const afterFlatten = bySource('dense/latency/1024x16/L1/rf64');
    expect(afterFlatten.provenance.assumed).toEqual(['inputStream']);
    expect(afterFlatten.warnings.some((w) => w.includes('first Dense after Flatten'))).toBe(true);
    expect(bySource('dense/resources/1024x16/L1/rf64').provenance.assumed).toBeUndefined();
    expect(bySource('dense/latency/16x16/L1/rf16').provenance.assumed).toBeUndefined();
    // Its hls4ml predates 1.0 (small weight ROMs stay out of BRAM): the rules build it as 0.8.1.
    expect(bySource('conv1d/resources/1x16/L128/rf4').toolchain).toEqual({ hlsTool: 'vivado_hls', hlsToolVersion: '2019.1', hls4mlVersion: '0.8.1' });

    // hls4ml-projects/argykokk-mlp/HAR/DSP_reuse1/myproject_csynth.xml: BRAM 6, DSP 413, FF 246315, LUT 237120, latency 229.
    const har = all.find((r) => r.provenance.file.endsWith('HAR/DSP_reuse1'))!;
    expect(har.results.hls).toEqual({ bram18k: 6, dsp: 413, ff: 246315, lut: 237120, uram: 0 });
    expect(har.results.latency).toMatchObject({ cyclesMax: 229, intervalMax: 1 });
    expect(har.config).toMatchObject({ part: 'xc7z007s-clg225-2', strategy: 'latency', reuseFactor: 1 });
    expect(har.network.layers[1]).toMatchObject({ name: 'fc1', units: 20 });

    // argykokk HAR/DSP_reuse100: the config says ReuseFactor 1, the folder 100; the name wins, with a warning.
    const har100 = all.find((r) => r.provenance.file.endsWith('HAR/DSP_reuse100'))!;
    expect(har100.config.reuseFactor).toBe(100);
    expect(har100.warnings.join(' ')).toMatch(/config says ReuseFactor 1 but the folder name says 100/);

    // kebl-cnn core/model4: csynth/model4_rf2_core.rpt paired with vsynth/myproject_utilization_synth.rpt
    // (CLB LUTs 60776, CLB Registers 49540, Block RAM Tile 60.5, DSPs 2996).
    const kebl = all.find((r) => r.provenance.file.endsWith('core/model4'))!;
    expect(kebl.results.synth).toEqual({ bram18k: 121, dsp: 2996, ff: 49540, lut: 60776, uram: 0 });
    expect(kebl.config).toMatchObject({ reuseFactor: 2, ioType: 'io_stream', part: 'xcvu9p-flgb2104-2-i' });
    expect(kebl.network.layers.some((l) => l.kind === 'conv2d')).toBe(true);
    expect(kebl.toolchain.hls4mlVersion).toBeUndefined();
    // The line-buffer comparison's report names dense_large_stream and conv_2d_large_cl2, which no release defines.
    const lineBuffer = all.find((r) => r.provenance.file.endsWith('line_buffer/model8_latency'))!;
    expect(lineBuffer.toolchain.hls4mlVersion).toBe('dev');
    expect(lineBuffer.warnings.join(' ')).toMatch(/no hls4ml release defines \(conv_2d_large_cl2, dense_large_stream/);
  });

  it("labels a project with its top's report among every module's, under hls4ml's project name or the config's", async () => {
    const dir = tmp();
    const har = dataPath('hls4ml-projects', 'argykokk-mlp', 'HAR', 'DSP_reuse1');
    const top = readFileSync(join(har, 'myproject_csynth.xml'), 'utf8');
    // A module's report that sorts before the top's, as C-synthesis writes one for every module.
    const moduleReport = top.replace(/<TopModelName>myproject<\/TopModelName>/, '<TopModelName>Block_proc</TopModelName>').replace(/<FF>246315<\/FF>/, '<FF>210</FF>');
    expect(moduleReport).not.toBe(top);
    const project = (name: string, projectName: string) => {
      const root = join(dir, name);
      mkdirSync(root);
      for (const file of ['hls4ml_config.yml', 'keras_model_config.json']) cpSync(join(har, file), join(root, file));
      if (projectName !== 'myproject') writeFileSync(join(root, 'hls4ml_config.yml'), readFileSync(join(har, 'hls4ml_config.yml'), 'utf8').replace(/^ProjectName: myproject$/m, `ProjectName: ${projectName}`));
      writeFileSync(join(root, `${projectName}_csynth.xml`), top);
      writeFileSync(join(root, 'Block_proc_csynth.xml'), moduleReport);
      return root;
    };
    // The two are the same design: each goes to a dataset of its own.
    for (const [name, projectName] of [['default', 'myproject'], ['renamed', 'jets']] as const) {
      const { summary } = await ingest([project(name, projectName)], { out: join(dir, `ds-${name}`) });
      expect(summary.rejected.map((r) => r.reason)).toEqual([]);
      const records = [];
      for await (const r of readDataset(join(dir, `ds-${name}`))) records.push(r);
      expect(records.map((r) => r.results.hls?.ff)).toEqual([246315]);
    }
  });

  it('adds nothing when the same inputs are ingested again', async () => {
    const out = join(tmp(), 'twice');
    const input = dataPath('wa-hls4ml', 'records');
    const first = await ingest([input], { out });
    const second = await ingest([input], { out });
    expect(first.summary.added).toBe(29);
    expect(second.summary).toMatchObject({ added: 0, duplicates: 29, datasetRecords: 29 });
    expect(second.manifest.parts).toHaveLength(1);
    expect(second.manifest.runs).toHaveLength(2);
  });
});

describe('ingest on bad input', () => {
  const write = (dir: string, name: string, text: string) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  it('rejects each bad file with its reason and keeps the good ones', async () => {
    const dir = tmp();
    const good = dataPath('wa-hls4ml', 'records', 'test_3layer_merged.json');
    const inputs = [
      good,
      write(dir, 'truncated.json', readFileSync(good, 'utf8').slice(0, 5000)),
      write(dir, 'garbage.json', '\u0000\u0001binary'),
      write(dir, 'wrong.csv', 'a,b,c\n1,2,3\n'),
      join(dir, 'does-not-exist.json'),
      write(dir, 'empty/.keep', ''),
      write(dir, 'proj/hls4ml_config.yml', 'HLSConfig: {Model: {ReuseFactor: 1}}\n'),
    ];
    write(dir, 'proj/myproject_csynth.xml', '<profile><AreaEstimates><Resources><BRAM_18K>1');
    write(dir, 'proj/model.json', readFileSync(dataPath('example-models', 'keras', 'KERAS_3layer.json'), 'utf8'));
    inputs[5] = join(dir, 'empty');
    inputs[6] = join(dir, 'proj');
    inputs.push(write(dir, 'Vitis/2024.1/test_keras_api_test_dense_io_parallel-Vitis.json', '{"CSynthesisReport": {"BRAM_18K": "1",'));
    const { summary } = await ingest(inputs, { out: join(dir, 'ds') });
    expect(summary.added).toBe(4);
    const reasonFor = (suffix: string) => summary.rejected.find((r) => r.file.endsWith(suffix))?.reason;
    expect(reasonFor('truncated.json')).toMatch(/truncated: the array is not closed/);
    expect(reasonFor('garbage.json')).toMatch(/cannot ingest|not a JSON array/);
    expect(reasonFor('wrong.csv')).toMatch(/no known CSV layout has these columns \(a, b, c\)/);
    expect(reasonFor('does-not-exist.json')).toMatch(/no such file or folder/);
    expect(reasonFor('empty')).toMatch(/the folder is empty/);
    expect(reasonFor('proj')).toMatch(/myproject_csynth\.xml: not well-formed XML/);
    expect(reasonFor('dense_io_parallel-Vitis.json')).toMatch(/not valid JSON/);
  });

  it('rejects CSV rows with wrong field counts or non-numeric values, row by row', async () => {
    const dir = tmp();
    const original = readFileSync(dataPath('wa-hls4ml', 'flat', 'concatenated_3layer_json_to_csv.sampled.csv'), 'utf8').split('\n');
    const lines = [original[0], original[1], original[2]!.split(',').slice(0, 5).join(','), original[3]!.replace(/,TRUE$/, ',TRUE,extra'), original[4]!.replace(/,resource,5\.00,/, ',resource,fast,')];
    const { summary } = await ingest([write(dir, 'rows.csv', `${lines.join('\n')}\n`)], { out: join(dir, 'ds') });
    expect(summary.added).toBe(1);
    expect(summary.rejected.map((r) => [r.position, r.reason])).toEqual([
      ['row 3', expect.stringMatching(/fewer fields than columns/)],
      ['row 4', expect.stringMatching(/1 more field/)],
      ['row 5', expect.stringMatching(/TargetClockPeriod_hls: "fast" is not a number/)],
    ]);
  });

  it('--strict stops at the first rejection and leaves the dataset unchanged', async () => {
    const dir = tmp();
    const out = join(dir, 'ds');
    await ingest([dataPath('wa-hls4ml', 'records', 'test_2layer_merged.json')], { out });
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    await expect(ingest([dataPath('wa-hls4ml', 'records', 'test_conv2d_merged.json')], { out, strict: true })).rejects.toThrow(/all reports are empty/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(out, 'records'))).toEqual(['part-000001.jsonl']);
  });

  it('an interrupted run leaves the previous dataset intact', async () => {
    const dir = tmp();
    const out = join(dir, 'ds');
    await ingest([dataPath('wa-hls4ml', 'records', 'test_2layer_merged.json')], { out });
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    const controller = new AbortController();
    const flat = dataPath('wa-hls4ml', 'flat', 'concatenated_json_to_csv.sampled.csv');
    const run = ingest([flat], { out, signal: controller.signal, onProgress: () => controller.abort() });
    setTimeout(() => controller.abort(), 5);
    await expect(run).rejects.toThrow(/interrupted/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(join(out, 'records'))).toEqual(['part-000001.jsonl']);
    expect((await records(out)).length).toBe(4);
    const manifest = await readManifest(out);
    expect(manifest?.counts.records).toBe(4);
  });

  it('reads a project from a .tar.gz without unpacking it', async () => {
    const dir = tmp();
    const project = join(dir, 'DSP_reuse2');
    cpSync(dataPath('hls4ml-projects', 'argykokk-mlp', 'HAR', 'DSP_reuse2'), project, { recursive: true });
    // A second project whose architecture is only in a Keras .h5 (model_config attribute).
    const h5Project = join(dir, 'LUT_reuse100');
    cpSync(dataPath('hls4ml-projects', 'argykokk-mlp', 'HAR', 'LUT_reuse100'), h5Project, { recursive: true });
    const h5wasm = (await import('h5wasm/node')).default;
    await h5wasm.ready;
    const h5 = new h5wasm.File(join(h5Project, 'keras_model.h5'), 'w');
    h5.create_attribute('model_config', readFileSync(join(h5Project, 'keras_model_config.json'), 'utf8'));
    h5.close();
    rmSync(join(h5Project, 'keras_model_config.json'));
    const tarball = join(dir, 'har.tar.gz');
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-czf', tarball, '-C', dir, 'DSP_reuse2', 'LUT_reuse100']);
    const { summary } = await ingest([tarball], { out: join(dir, 'ds') });
    expect(summary.rejected.map((r) => r.reason)).toEqual([]);
    expect(summary.added).toBe(2);
    const [record, fromH5] = await records(join(dir, 'ds'));
    expect(record!.config.reuseFactor).toBe(2);
    expect(record!.provenance.file).toBe(`${tarball}:DSP_reuse2`);
    expect(fromH5!.config.reuseFactor).toBe(100);
    expect(fromH5!.network.layers.map((l) => l.name)).toContain('fc1');
    writeFileSync(join(dir, 'broken.tar.gz'), readFileSync(tarball).subarray(0, 200));
    const broken = await ingest([join(dir, 'broken.tar.gz')], { out: join(dir, 'ds2') });
    expect(broken.summary.rejected[0]!.reason).toMatch(/not a readable tar archive/);
  });
});
