import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../test/data-root.js';
import { buildDesign } from '../build-model/build-design.js';
import { configureNetwork, parseHls4mlConfigText } from '../hls4ml-config.js';
import { parseKerasModel } from '../keras/parse-keras-model.js';
import { applyGeneratedConfig, parseParametersH } from './parameters-h.js';

/** What hls4ml 1.1's templates write for one Dense layer (core_templates.py, dense_config_template). */
const dense = (index: number, name: string, nIn: number, nOut: number, strategy: string, reuse: number, zeros = 0) => `// ${name}
struct config${index} : nnet::dense_config {
    static const unsigned n_in = ${nIn};
    static const unsigned n_out = ${nOut};
    static const unsigned io_type = nnet::io_parallel;
    static const unsigned strategy = nnet::${strategy};
    static const unsigned reuse_factor = ${reuse};
    static const unsigned n_zeros = ${zeros};
    static const unsigned n_nonzeros = ${nIn * nOut - zeros};
    static const unsigned multiplier_limit = DIV_ROUNDUP(n_in * n_out, reuse_factor) - n_zeros / reuse_factor;
    static const bool store_weights_in_bram = false;
    typedef accum${index}_t accum_t;
    typedef bias${index}_t bias_t;
    typedef weight${index}_t weight_t;
    typedef layer${index}_index index_t;
    template<class data_T, class res_T, class CONFIG_T>
    using kernel = nnet::DenseResource_rf_leq_nin<data_T, res_T, CONFIG_T>;
    template<class x_T, class y_T>
    using product = nnet::product::mult<x_T, y_T>;
};
`;

/** The jet tagger as hls4ml generated it: fc2 at RF 8 with 8-bit weights, and 1,000 zero weights in fc1. */
const PARAMETERS = `#ifndef PARAMETERS_H_
#define PARAMETERS_H_
// hls-fpga-machine-learning insert layer-config
${dense(2, 'fc1', 16, 64, 'resource', 4, 1000)}
// fc1_relu
struct relu_config4 : nnet::activ_config {
    static const unsigned n_in = 64;
    static const unsigned table_size = 1024;
    static const unsigned io_type = nnet::io_parallel;
    static const unsigned reuse_factor = 4;
    typedef fc1_relu_table_t table_t;
};
${dense(5, 'fc2', 64, 32, 'resource', 8)}
${dense(8, 'fc3', 32, 32, 'resource', 4)}
${dense(11, 'output', 32, 5, 'resource', 4)}
#endif
`;

const DEFINES = `typedef ap_fixed<16,6> model_default_t;
${[2, 5, 8, 11].map((i) => `typedef ap_fixed<16,6> weight${i}_t;\ntypedef ap_fixed<16,6> bias${i}_t;\ntypedef ap_fixed<38,18> accum${i}_t;`).join('\n')}
typedef ap_fixed<8,3> weight5_override_t;
typedef ap_fixed<18,8> fc1_relu_table_t;
`.replace('typedef ap_fixed<16,6> weight5_t;', 'typedef weight5_override_t weight5_t;');

describe('firmware/parameters.h', () => {
  it('reads what hls4ml generated per layer, named types resolved through defines.h', () => {
    const generated = parseParametersH(PARAMETERS, DEFINES);
    expect(generated.unnamed).toBe(0);
    expect(generated.layers.map((l) => [l.name, l.reuseFactor, l.strategy])).toEqual([
      ['fc1', 4, 'resource'],
      ['fc1_relu', 4, undefined],
      ['fc2', 8, 'resource'],
      ['fc3', 4, 'resource'],
      ['output', 4, 'resource'],
    ]);
    const fc2 = generated.layers.find((l) => l.name === 'fc2')!;
    expect(fc2.weight).toMatchObject({ width: 8, integer: 3 });
    expect(fc2.accum).toMatchObject({ width: 38, integer: 18 });
    expect(generated.layers[0]!.zeros).toBe(1000);
    expect(generated.layers[1]!.table).toMatchObject({ width: 18, integer: 8 });
  });

  it('takes precedence over the config, with a note per difference, and builds what the equivalent config builds', () => {
    const network = parseKerasModel(readFileSync(`${REPO_ROOT}/examples/jet-tagger.json`, 'utf8'));
    const file = parseHls4mlConfigText('Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }');
    const configured = configureNetwork(network.layers, file);
    const { layers, notes } = applyGeneratedConfig(configured.layers, parseParametersH(PARAMETERS, DEFINES));
    expect(notes).toEqual(expect.arrayContaining([
      'parameters.h: fc2 reuse factor is 8 (the config gives 4)',
      'parameters.h: fc2 weight type is fixed<8,3> (the config gives fixed<16,6>)',
    ]));
    // The same design written as an hls4ml config.
    const equivalent = configureNetwork(
      network.layers,
      parseHls4mlConfigText(`Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }
LayerName:
  fc2: { ReuseFactor: 8, Precision: { weight: "ap_fixed<8,3>", accum: "ap_fixed<38,18>" } }
  fc1: { Precision: { accum: "ap_fixed<38,18>" } }
  fc3: { Precision: { accum: "ap_fixed<38,18>" } }
  output: { Precision: { accum: "ap_fixed<38,18>" } }
  fc1_relu: { Precision: { table: "ap_fixed<18,8>" } }`),
    );
    const fromHeader = buildDesign(layers, configured.config);
    const fromConfig = buildDesign(equivalent.layers.map((l) => (l.name === 'fc1' ? { ...l, weights: { count: 16 * 64, zeros: 1000 } } : l)), equivalent.config);
    expect(fromHeader.layers.map((l) => [l.name, l.reuse?.applied, l.multipliers, l.expectedDsp, l.cycles])).toEqual(fromConfig.layers.map((l) => [l.name, l.reuse?.applied, l.multipliers, l.expectedDsp, l.cycles]));
    // n_zeros becomes the layer's weight statistics (the Latency kernel leaves zero products out).
    expect(layers.find((l) => l.name === 'fc1')!.weights).toEqual({ count: 1024, zeros: 1000 });
  });

  it('counts configs without a layer name (hls4ml before 0.5) instead of guessing', () => {
    const old = `//hls-fpga-machine-learning insert layer-config
struct config3 : nnet::dense_config {
    static const unsigned n_in = 16;
    static const unsigned reuse_factor = 64;
};
`;
    expect(parseParametersH(old)).toEqual({ layers: [], unnamed: 1 });
  });
});
