import { describe, expect, it } from 'vitest';
import { HlsestError } from './errors.js';
import { configureNetwork, parseHls4mlConfigText } from './hls4ml-config.js';
import { parseKerasModel } from './keras/parse-keras-model.js';
import { AUTO, formatPrecision } from './precision.js';

// Shaped like the hls4ml_config.yml that hls4ml's writer leaves in a project folder.
const WRITTEN_BY_HLS4ML = `Backend: Vitis
ClockPeriod: 5
HLSConfig:
  LayerName:
    fc1:
      Precision:
        weight: fixed<8,2>
        result: fixed<16,6>
      ReuseFactor: 4
  LayerType:
    Dense:
      Strategy: Resource
  Model:
    Precision: fixed<16,6>
    ReuseFactor: 1
    Strategy: Latency
IOType: io_stream
InputShape: !!python/tuple [16]
KerasModel: !keras_model 'jets/hls4ml_prj/keras_model.h5'
Part: xcu250-figd2104-2L-e
`;

const fmt = (p: Parameters<typeof formatPrecision>[0] | typeof AUTO | undefined) => (p === AUTO ? AUTO : p ? formatPrecision(p) : undefined);

/** A small model: Dense with a ReLU argument, a Softmax layer. */
const network = () =>
  parseKerasModel({
    class_name: 'Sequential',
    config: {
      layers: [
        { class_name: 'Dense', config: { name: 'Fc1', units: 8, batch_input_shape: [null, 16], activation: 'relu' } },
        { class_name: 'Dense', config: { name: 'fc2', units: 4 } },
        { class_name: 'Softmax', config: { name: 'out' } },
      ],
    },
  }).layers;

describe('parseHls4mlConfigText', () => {
  it('reads a config hls4ml wrote, tags and all', () => {
    const config = parseHls4mlConfigText(WRITTEN_BY_HLS4ML, 'hls4ml_config.yml');
    expect(config.clockPeriodNs).toBe(5);
    expect(config.ioType).toBe('io_stream');
    expect(config.part).toBe('xcu250-figd2104-2L-e');
    expect(config.backend).toBe('vitis');
    expect(config.model.strategy).toBe('latency');
    // Keys are matched case-insensitively (HLSConfig lower-cases layer and type names).
    expect(config.layerType['dense']?.strategy).toBe('resource');
    expect(config.layerName['fc1']?.reuseFactor).toBe(4);
    expect(fmt(config.layerName['fc1']!.precision!['weight'])).toBe('fixed<8,2>');
    expect(config.files?.kerasModel).toBe('jets/hls4ml_prj/keras_model.h5');
    expect(config.warnings).toEqual([]);
  });

  it('reads the JSON form too', () => {
    const config = parseHls4mlConfigText('{"Model": {"ReuseFactor": "8", "Strategy": "Resource"}}');
    expect(config.model).toMatchObject({ reuseFactor: 8, strategy: 'resource' });
  });

  it('keeps any Strategy name as hls4ml does (convert_to_snake_case), e.g. Stable on a softmax', () => {
    const config = parseHls4mlConfigText('HLSConfig:\n  LayerName:\n    out:\n      Strategy: Stable\n      Implementation: stable\n  Model:\n    Strategy: ResourceUnrolled');
    expect(config.layerName['out']).toMatchObject({ strategy: 'stable', implementation: 'stable' });
    expect(config.model.strategy).toBe('resource_unrolled');
  });

  it("reads Model.PipelineStyle as hls4ml's SetPipelineStyle does: any case, auto left to hls4ml, anything else auto with a warning", () => {
    expect(parseHls4mlConfigText('Model:\n  PipelineStyle: Dataflow').pipelineStyle).toBe('dataflow');
    expect(parseHls4mlConfigText('Model:\n  PipelineStyle: pipeline').pipelineStyle).toBe('pipeline');
    const auto = parseHls4mlConfigText('Model:\n  PipelineStyle: auto');
    expect(auto.pipelineStyle).toBeUndefined();
    expect(auto.warnings).toEqual([]);
    const odd = parseHls4mlConfigText('Model:\n  PipelineStyle: fast', 'c.yml');
    expect(odd.pipelineStyle).toBeUndefined();
    expect(odd.warnings).toEqual(['c.yml: Model.PipelineStyle: "fast" is not one of auto, pipeline, dataflow; read as auto, as hls4ml does']);
  });

  it('carries Model.BramFactor into the design settings', () => {
    const file = parseHls4mlConfigText('Model:\n  BramFactor: 2048\n  Precision: ap_fixed<16,6>');
    const layers = parseKerasModel({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'fc', units: 4, batch_input_shape: [null, 8] } }] } }).layers;
    expect(configureNetwork(layers, file).config.bramFactor).toBe(2048);
    expect(configureNetwork(layers, undefined).config.bramFactor).toBeUndefined();
  });

  it('warns about keys it does not know, naming them, and refuses nothing for them', () => {
    const config = parseHls4mlConfigText('Colour: red\nHLSConfig:\n  Model:\n    ReuseFactor: 2\n    Speed: fast\n  Extra: 1', 'c.yml');
    expect(config.warnings).toEqual(['c.yml: unknown key Colour (ignored)', 'c.yml: unknown key HLSConfig.Extra (ignored)', 'c.yml: Model: unknown key Speed (ignored)']);
  });

  it.each([
    ['broken YAML', 'HLSConfig:\n  Model: [unclosed', /not valid YAML or JSON/],
    ['a list', '- 1\n- 2', /must be a mapping/],
    ['a bad reuse factor', 'Model:\n  ReuseFactor: 0', /Model\.ReuseFactor must be a positive integer/],
    ['a softmax implementation hls4ml does not offer', 'LayerName:\n  s:\n    Implementation: fastest', /Implementation: "fastest" is not a valid choice \(one of latency, stable, argmax, legacy\)/],
    ['an unknown backend', 'Backend: Verilator\nHLSConfig: {}', /Unknown backend: Verilator/],
  ])('refuses %s with a message naming the file', (_, text, reason) => {
    const parse = () => parseHls4mlConfigText(text, 'my_config.yml');
    expect(parse).toThrow(HlsestError);
    expect(parse).toThrow(/my_config\.yml/);
    expect(parse).toThrow(reason);
  });
});

describe('configureNetwork follows HLSConfig (hls4ml model/graph.py)', () => {
  it('configures hls4ml graph nodes: a split activation is matched by its own name (`<layer>_<fn>`)', () => {
    const file = parseHls4mlConfigText('LayerName:\n  Fc1_relu:\n    Precision:\n      result: ufixed<8,0>');
    const { layers } = configureNetwork(network(), file);
    expect(layers.map((l) => l.name)).toEqual(['Fc1_input', 'Fc1', 'Fc1_relu', 'fc2', 'out']);
    expect(fmt(layers.find((l) => l.name === 'Fc1_relu')!.precision!.result)).toBe('ufixed<8,0>');
  });

  it('looks precisions up LayerName.var → LayerName default → LayerType.var → LayerType default → Model (get_precision)', () => {
    const file = parseHls4mlConfigText(`
Model: { Precision: { default: 'fixed<16,6>', accum: 'fixed<30,10>' } }
LayerType:
  Dense: { Precision: { weight: 'fixed<4,1>', result: 'fixed<12,4>' } }
LayerName:
  fc1: { Precision: 'fixed<10,3>' }
  fc2: { Precision: { weight: 'fixed<6,2>' } }
`);
    const { layers } = configureNetwork(network(), file);
    const fc1 = layers.find((l) => l.name === 'Fc1')!.precision!;
    const fc2 = layers.find((l) => l.name === 'fc2')!.precision!;
    // The LayerName default beats LayerType.var (hlsest used to get this backwards).
    expect([fmt(fc1.weight), fmt(fc1.result), fmt(fc1.accum)]).toEqual(['fixed<10,3>', 'fixed<10,3>', 'fixed<10,3>']);
    // No LayerName default: LayerName.var, then LayerType.var, then Model.var.
    expect([fmt(fc2.weight), fmt(fc2.result), fmt(fc2.accum)]).toEqual(['fixed<6,2>', 'fixed<12,4>', 'fixed<30,10>']);
  });

  it('matches LayerType by hls4ml class (QDense is a Dense, MaxPooling2D a Pooling2D) and names case-insensitively', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'QDense', config: { name: 'Q1', units: 4, batch_input_shape: [null, 8], kernel_quantizer: 'quantized_bits(4,0)' } },
    ] } }).layers;
    const file = parseHls4mlConfigText('LayerType:\n  Dense:\n    ReuseFactor: 8\nLayerName:\n  q1:\n    Strategy: Resource');
    const q1 = configureNetwork(net, file).layers.find((l) => l.name === 'Q1')!;
    expect([q1.reuseFactor, q1.strategy]).toEqual([8, 'resource']);
  });

  it('keeps QKeras weight types over any config precision (add_weights_variable uses the quantizer)', () => {
    const net = parseKerasModel({ class_name: 'Sequential', config: { layers: [
      { class_name: 'QDense', config: { name: 'q', units: 4, batch_input_shape: [null, 8], kernel_quantizer: 'quantized_bits(4,0)' } },
    ] } }).layers;
    const file = parseHls4mlConfigText('LayerName:\n  q:\n    Precision:\n      weight: fixed<16,6>');
    expect(fmt(configureNetwork(net, file).layers.find((l) => l.name === 'q')!.precision!.weight)).toBe('fixed<4,1>');
  });

  it('reads softmax Implementation and Strategy: Stable without refusing, and warns about unknown strategies', () => {
    const file = parseHls4mlConfigText('LayerName:\n  out:\n    Strategy: Stable\n    Implementation: latency\n  fc2:\n    Strategy: Fastest');
    const { layers, warnings } = configureNetwork(network(), file);
    const out = layers.find((l) => l.name === 'out')!;
    expect([out.implementation, out.strategy]).toEqual(['latency', 'latency']);
    expect(warnings).toEqual(['fc2: unknown Strategy "fastest"; hls4ml builds it with the Latency strategy']);
  });

  it('warns about LayerName entries that match no layer', () => {
    const file = parseHls4mlConfigText('LayerName:\n  ghost:\n    ReuseFactor: 2');
    expect(configureNetwork(network(), file).warnings).toEqual(['LayerName.ghost matches no layer of the model (hls4ml ignores it)']);
  });

  it('takes ParallelizationFactor from the first level that exists, even without the key (get_layer_config_value)', () => {
    const file = parseHls4mlConfigText('Model:\n  ParallelizationFactor: 4\nLayerName:\n  fc2:\n    ReuseFactor: 2');
    const { layers } = configureNetwork(network(), file);
    expect(layers.find((l) => l.name === 'fc2')!.parallelizationFactor).toBeUndefined();
    expect(layers.find((l) => l.name === 'Fc1')!.parallelizationFactor).toBe(4);
  });

  it('lets a command-line override replace its setting at every level, and only that setting', () => {
    const file = parseHls4mlConfigText('Model: { ReuseFactor: 2, Strategy: Latency }\nLayerName:\n  Fc1: { ReuseFactor: 4, Strategy: Resource }');
    const plain = configureNetwork(network(), file).layers.filter((l) => l.kind === 'dense');
    expect(plain.map((l) => [l.name, l.reuseFactor, l.strategy])).toEqual([['Fc1', 4, 'resource'], ['fc2', 2, 'latency']]);
    const rf = configureNetwork(network(), file, { reuseFactor: 8 }).layers.filter((l) => l.kind === 'dense');
    expect(rf.map((l) => [l.name, l.reuseFactor, l.strategy])).toEqual([['Fc1', 8, 'resource'], ['fc2', 8, 'latency']]);
  });

  it('checks library overrides as the CLI does: a board sets its part, unknown boards and bad numbers are refused', () => {
    expect(configureNetwork(network(), undefined, { board: 'alveo-u250' }).config.part).toMatch(/^xcu250/);
    // A named part wins over the board's default part.
    expect(configureNetwork(network(), undefined, { board: 'alveo-u250', part: 'xcu250-figd2104-2-e' }).config.part).toBe('xcu250-figd2104-2-e');
    expect(() => configureNetwork(network(), undefined, { board: 'nonsense' })).toThrow(/Unknown board or part "nonsense"/);
    expect(() => configureNetwork(network(), undefined, { reuseFactor: 2.5 })).toThrow(/reuse factor must be a whole number/);
    expect(() => configureNetwork(network(), undefined, { reuseFactor: 0 })).toThrow(/reuse factor/);
    expect(() => configureNetwork(network(), undefined, { clockPeriodNs: -1 })).toThrow(/clock period/);
  });
});
