import { describe, expect, it } from 'vitest';
import { chooseTopReports, discoverProjects, findSharedModel } from './discover-projects.js';
import { namingHints } from './assemble-project.js';

const allLogs = async () => true;

describe('discoverProjects', () => {
  it('treats a folder with hls4ml_config.yml as one project and prefers <top>_csynth.xml', async () => {
    const plans = await discoverProjects(
      [
        'a/hls4ml_config.yml',
        'a/keras_model_config.json',
        'a/myproject_prj/solution1/syn/report/myproject_csynth.rpt',
        'a/myproject_prj/solution1/syn/report/myproject_csynth.xml',
        'a/myproject_prj/solution1/syn/report/csynth.xml',
        'a/vivado_synth.rpt',
      ],
      allLogs,
    );
    expect(plans).toEqual([
      {
        root: 'a',
        configPath: 'a/hls4ml_config.yml',
        modelPath: 'a/keras_model_config.json',
        hlsReportPath: 'a/myproject_prj/solution1/syn/report/myproject_csynth.xml',
        // The RPT beside it carries the per-layer instance table the XML lacks.
        instanceReportPath: 'a/myproject_prj/solution1/syn/report/myproject_csynth.rpt',
        synthReportPath: 'a/vivado_synth.rpt',
        reports: [
          'a/myproject_prj/solution1/syn/report/csynth.xml',
          'a/myproject_prj/solution1/syn/report/myproject_csynth.rpt',
          'a/myproject_prj/solution1/syn/report/myproject_csynth.xml',
          'a/vivado_synth.rpt',
        ],
      },
    ]);
  });

  it('takes the top among every module\'s reports, as hls4ml reads it', () => {
    const dir = 'p/myproject_prj/solution1/syn/report';
    const modules = ['Block_myproject_axi_exit54_proc', 'Loop_1_proc346', 'dense_latency_ap_fixed_config2_s', 'conv_2d_cl_array_config2_s'];
    const reports = (stems: readonly string[]) => stems.flatMap((m) => [`${dir}/${m}_csynth.rpt`, `${dir}/${m}_csynth.xml`]);
    // VivadoAccelerator: the wrapper is the design; its instance table holds the model as one instance.
    expect(chooseTopReports([...reports([...modules, 'myproject', 'myproject_axi']), `${dir}/csynth.xml`])).toEqual({
      hlsReportPath: `${dir}/myproject_axi_csynth.xml`,
      instanceReportPath: `${dir}/myproject_csynth.rpt`,
    });
    expect(chooseTopReports(reports([...modules, 'myproject']))).toEqual({ hlsReportPath: `${dir}/myproject_csynth.xml`, instanceReportPath: `${dir}/myproject_csynth.rpt` });
    // A ProjectName of its own (read from the config); without one the tool's copy of the top's report.
    expect(chooseTopReports(reports([...modules, 'jets']), 'jets')).toEqual({ hlsReportPath: `${dir}/jets_csynth.xml`, instanceReportPath: `${dir}/jets_csynth.rpt` });
    expect(chooseTopReports([...reports(modules), `${dir}/csynth.xml`, `${dir}/csynth.rpt`])).toEqual({ hlsReportPath: `${dir}/csynth.xml`, instanceReportPath: `${dir}/csynth.rpt` });
  });

  it("takes the model's utilization report among a block design's, whose other IPs have their own", () => {
    const runs = 'p/myproject_vivado_accelerator/project_1.runs';
    const blockDesign = [
      `${runs}/design_1_axi_dma_0_0_synth_1/design_1_axi_dma_0_0_utilization_synth.rpt`,
      `${runs}/design_1_myproject_axi_0_0_synth_1/design_1_myproject_axi_0_0_utilization_synth.rpt`,
      `${runs}/design_1_zynq_ultra_ps_e_0_0_synth_1/design_1_zynq_ultra_ps_e_0_0_utilization_synth.rpt`,
      `${runs}/synth_1/design_1_wrapper_utilization_synth.rpt`,
    ];
    expect(chooseTopReports(blockDesign).synthReportPath).toBe(blockDesign[1]);
    expect(chooseTopReports(blockDesign, 'poker').synthReportPath).toBe(blockDesign[3]);
    // hls4ml's own Vivado synthesis report first.
    expect(chooseTopReports([...blockDesign, 'p/vivado_synth.rpt']).synthReportPath).toBe('p/vivado_synth.rpt');
  });

  it('pairs csynth/ and vsynth/ folders under their parent and splits a folder of loose logs', async () => {
    const plans = await discoverProjects(
      [
        'core/model4/csynth/model4_rf2_core.rpt',
        'core/model4/vsynth/myproject_utilization_synth.rpt',
        'core/model4/vsynth/myproject_timing_synth.rpt',
        'old/model8_rf2_phil.rpt',
        'old/model16_rf2_phil.rpt',
      ],
      allLogs,
    );
    expect(plans.map((p) => [p.root, p.hlsReportPath, p.synthReportPath])).toEqual([
      ['core/model4', 'core/model4/csynth/model4_rf2_core.rpt', 'core/model4/vsynth/myproject_utilization_synth.rpt'],
      ['old/model16_rf2_phil.rpt', 'old/model16_rf2_phil.rpt', undefined],
      ['old/model8_rf2_phil.rpt', 'old/model8_rf2_phil.rpt', undefined],
    ]);
  });

  it('finds a model in a models/ folder of an ancestor by name prefix', () => {
    const paths = ['models/model32_model.json', 'models/model32_xl_model.json', 'models/model8_model.json', 'x/model32_resource_10k/results/csynth.rpt'];
    expect(findSharedModel({ root: 'x/model32_resource_10k' }, paths)).toBe('models/model32_model.json');
    expect(findSharedModel({ root: 'x/model64' }, paths)).toBeUndefined();
  });
});

describe('namingHints', () => {
  it.each([
    ['HAR/DSP_reuse100', { reuseFactor: 100 }],
    ['core/model32/csynth/model32_rf18_core.rpt', { reuseFactor: 18 }],
    ['kernel_window/model8_resource_10k', { strategy: 'resource' }],
    ['line_buffer/model4_latency', { strategy: 'latency' }],
    ['surface/rf2_resource', { reuseFactor: 2, strategy: 'resource' }],
    ['performance/refresh', {}],
    ['kebl-cnn/latency_analysis/core/model32/csynth/model32_rf18_core.rpt', { reuseFactor: 18 }],
  ])('%s → %j', (path, hints) => {
    expect(namingHints(path)).toEqual(hints);
  });
});
