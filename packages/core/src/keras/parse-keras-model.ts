import { kernelInitOf } from './initializers.js';
import { HlsestError } from '../errors.js';
import { kerasClassInfo, layerRule, NOT_MODELLED, type KerasClassInfo } from '../layer-kinds/index.js';
import { hls4mlRules } from '../build-model/hls4ml-versions.js';
import { converterGraph } from '../build-model/hls4ml-graph.js';
import { activationPrecisionOf, factoredAlphaOf, qkerasActivationFunction, readQuantizer, weightPrecisionOf } from '../qkeras.js';
import type { Layer, LayerPrecision } from '../schema.js';
import type { Precision } from '../precision.js';
import type { KerasLayerConfig, KerasLayerJson, KerasModelJson } from './keras-format.js';
import { paddingMode } from './shape-helpers.js';

export interface Network {
  readonly name: string;
  /** Layers in topological order, with shapes inferred and checked. */
  readonly layers: Layer[];
  /** What hls4ml's converter would print but not refuse (unsupported quantizers it replaces). */
  readonly notes?: readonly string[];
}

export interface ParseOptions {
  /** hls4ml version the types follow (quantized_relu with a slope is signed from v1.0); default the newest. */
  readonly hls4mlVersion?: string;
}

/** Parses `model.to_json()` text or the object it holds; errors name the layer at fault. */
export function parseKerasModel(input: string | unknown, source = 'model', options: ParseOptions = {}): Network {
  const signedLeakyRelu = hls4mlRules(options.hls4mlVersion).signedLeakyQuantizedRelu;
  const notes: string[] = [];
  const activationResults = new Map<string, Precision>();
  const json = typeof input === 'string' ? parseJsonText(input, source) : input;
  const model = asModel(json, source);
  const rawLayers = layersOf(model);
  if (!Array.isArray(rawLayers) || rawLayers.length === 0) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${source}: the model has no layers`, { source });
  }
  const layers: Layer[] = [];
  const byName = new Map<string, Layer>();
  const add = (layer: Layer) => {
    if (byName.has(layer.name)) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: two layers are named "${layer.name}"`, { source, layer: layer.name });
    byName.set(layer.name, layer);
    layers.push(layer);
  };
  // A nested model's name stands for its output layer, its inputs for what feeds it.
  const aliases = new Map<string, string>();
  const resolve = (name: string) => aliases.get(name) ?? name;

  /**
   * Adds one model's layers. A nested Sequential/Functional is expanded in place, as hls4ml's
   * converter does (`parse_model_layer` makes a LayerGroup, `expand_layer_group` inlines it): its
   * input layers read what feeds it (`entry`). Returns the name of the model's output layer.
   */
  const addModel = (raws: readonly KerasLayerJson[], sequential: boolean, entry: readonly string[] | undefined): string => {
    let last: string | undefined;
    let inputsTaken = 0;
    raws.forEach((raw, index) => {
      if (!raw || typeof raw !== 'object' || typeof raw.class_name !== 'string') {
        throw new HlsestError('HLSEST_BAD_MODEL', `${source}: layer #${index} has no class_name`, { source, index });
      }
      const config = (raw.config ?? {}) as KerasLayerConfig;
      const name = String(config.name ?? raw.name ?? `${raw.class_name.toLowerCase()}_${index}`);
      let inbound = sequential ? (last ? [last] : [...(entry ?? [])]) : inboundNames(raw.inbound_nodes).map(resolve);
      if (raw.class_name === 'InputLayer' && entry) {
        const fed = entry[Math.min(inputsTaken++, entry.length - 1)];
        if (fed === undefined) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: nested input layer "${name}" has nothing feeding it`, { source, layer: name });
        aliases.set(name, fed);
        last = fed;
        return;
      }
      if (NESTED_MODELS.has(raw.class_name)) {
        const inner = raw as unknown as KerasModelJson;
        const out = addModel(layersOf(inner), raw.class_name === 'Sequential', inbound);
        aliases.set(name, out);
        last = out;
        return;
      }
      const declaredInput = batchShape(config);
      if (raw.class_name !== 'InputLayer' && inbound.length === 0) {
        if (!declaredInput) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: layer "${name}" has no input and no input shape`, { source, layer: name });
        const implicit = inputLayer(`${name}_input`, declaredInput);
        add(implicit);
        inbound = [implicit.name];
      }
      const inputs = inbound.map((parent) => {
        const found = byName.get(parent);
        if (!found) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: layer "${name}" takes input from unknown layer "${parent}"`, { source, layer: name });
        return found.outputShape;
      });
      last = name;
      if (raw.class_name === 'InputLayer') {
        if (!declaredInput) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: input layer "${name}" has no shape`, { source, layer: name });
        add(inputLayer(name, declaredInput));
        return;
      }
      // Keras 2 serialises a stale `batch_input_shape` on inner layers; only the first one counts.
      add(buildLayer(raw.class_name, name, config, inputs, inbound, source, { signedLeakyRelu, notes, activationResults }));
    });
    if (!last) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: a nested model has no layers`, { source });
    return resolve(last);
  };
  addModel(rawLayers, model.class_name === 'Sequential', undefined);
  // hls4ml's converter list: activation arguments as nodes of their own, Dropout skipped.
  const graph = converterGraph(layers).map((layer) => {
    const owner = layer.kind === 'activation' && layer.inbound.length === 1 ? layer.inbound[0]! : undefined;
    const result = owner && layer.name.startsWith(`${owner}_`) ? activationResults.get(owner) : undefined;
    return result ? { ...layer, precision: { ...layer.precision, result } } : layer;
  });
  return { name: String((model.config as { name?: unknown }).name ?? 'model'), layers: graph, ...(notes.length && { notes }) };
}

interface QuantizerContext {
  readonly signedLeakyRelu: boolean;
  readonly notes: string[];
  /** Result types of quantized activation arguments, by the layer that carries them. */
  readonly activationResults: Map<string, Precision>;
}

function buildLayer(
  className: string,
  name: string,
  config: KerasLayerConfig,
  inputs: readonly (readonly number[])[],
  inbound: string[],
  source: string,
  quantizers: QuantizerContext,
): Layer {
  const info: KerasClassInfo | undefined = kerasClassInfo(className);
  if (!info && Object.hasOwn(NOT_MODELLED, className)) {
    throw new HlsestError('HLSEST_UNKNOWN_LAYER', `${source}: layer "${name}" (${className}) is not modelled: ${NOT_MODELLED[className]}`, { source, layer: name, className });
  }
  if (!info) {
    // The message hls4ml's Keras converter gives (`parse_keras_model`), with the layer named.
    throw new HlsestError('HLSEST_UNKNOWN_LAYER', `${source}: ERROR: Unsupported layer type: ${className} (layer "${name}"); hls4ml cannot convert it`, {
      source,
      layer: name,
      className,
    });
  }
  const inputShape = [...(inputs[0] ?? [])];
  const rule = layerRule(info.kind);
  const shape = withSource(source, () => rule.inferShape({ layerName: name, className, op: info.op, config, inputs }));
  const activation = withSource(source, () => activationName(info, config));
  const precision = info.quantized ? withSource(source, () => quantizedPrecision(info, config, name, quantizers)) : info.weights ? { weight: FIXED_WEIGHTS } : undefined;
  // A quantized activation argument's type belongs to the activation node hls4ml splits off.
  const activationResult = info.kind !== 'activation' && info.kind !== 'recurrent' ? precision?.result : undefined;
  if (activationResult) {
    quantizers.activationResults.set(name, activationResult);
    delete precision!.result;
  }
  const layer: Layer = {
    name,
    className,
    kind: info.kind,
    inputShape,
    outputShape: shape.outputShape,
    params: shape.params,
    inbound,
  };
  if (config.units !== undefined && (info.kind === 'dense' || info.kind === 'recurrent')) layer.units = config.units;
  if (config.filters !== undefined && info.kind.includes('conv')) layer.filters = config.filters;
  if (shape.kernelSize) layer.kernelSize = shape.kernelSize;
  if (shape.strides) layer.strides = shape.strides;
  if (shape.poolSize) layer.poolSize = shape.poolSize;
  if (info.kind.includes('conv') || info.kind.startsWith('pooling')) layer.padding = paddingMode(config.padding);
  if (config.depth_multiplier !== undefined) layer.depthMultiplier = config.depth_multiplier;
  if (rule.weighted) layer.useBias = config.use_bias !== false;
  const kernelInit = rule.weighted ? kernelInitOf(config.kernel_initializer ?? config.depthwise_initializer) : undefined;
  if (kernelInit) layer.kernelInit = kernelInit;
  if (activation) layer.activation = activation;
  const parameter = activationParameter(className, activation, config);
  if (parameter !== undefined) layer.activationParameter = parameter;
  if (precision && Object.keys(precision).length > 0) layer.precision = precision;
  const alpha = info.quantized && FACTORED_KINDS.has(info.kind) ? factoredAlpha(config) : undefined;
  if (alpha !== undefined) layer.quantizerAlpha = alpha;
  return layer;
}

/** hls4ml's `QKerasFactorizeAlpha` matches Dense, Conv1D, Conv2D and Conv2DBatchnorm nodes. */
const FACTORED_KINDS: ReadonlySet<Layer['kind']> = new Set(['dense', 'conv1d', 'conv2d']);

/** The kernel's (else the bias's) quantizer alpha that hls4ml factors out. */
function factoredAlpha(config: KerasLayerConfig): Layer['quantizerAlpha'] {
  for (const value of [config.kernel_quantizer, config.bias_quantizer]) {
    const spec = readQuantizer(value);
    const alpha = spec && factoredAlphaOf(spec);
    if (alpha !== undefined) return alpha;
  }
  return undefined;
}

/** Runs a rule's check, naming the model file in the error it raises. */
function withSource<T>(source: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HlsestError && !error.message.startsWith(source)) throw new HlsestError(error.code, `${source}: ${error.message}`, { ...error.context, source }, { cause: error });
    throw error;
  }
}

/** The constant hls4ml passes to a parametrized activation, with its defaults (`parse_activation_layer`). */
function activationParameter(className: string, activation: string | undefined, config: KerasLayerConfig): number | undefined {
  const number = (...values: unknown[]) => values.find((v): v is number => typeof v === 'number');
  // Keras 3 renamed LeakyReLU's alpha; the `leaky_relu` activation function defaults to 0.2, the layer to 0.3.
  if (className === 'LeakyReLU') return number(config.negative_slope, config.alpha) ?? 0.3;
  if (activation === 'leaky_relu') return number(config.negative_slope, config.alpha) ?? 0.2;
  if (className === 'ELU' || activation === 'elu') return number(config.alpha) ?? 1;
  if (className === 'ThresholdedReLU') return number(config.theta) ?? 1;
  return undefined;
}

function activationName(info: KerasClassInfo, config: KerasLayerConfig): string | undefined {
  if (info.activation) return info.activation;
  const raw = config.activation;
  // A QActivation's argument is always a QKeras quantizer, string or not; elsewhere a string is a
  // plain Keras activation (the converter makes a QActivation node only for dict activations).
  if (typeof raw === 'string' && !(info.kind === 'activation' && info.quantized)) return raw;
  if ((raw && typeof raw === 'object' && 'class_name' in raw) || typeof raw === 'string') {
    const spec = readQuantizer(raw);
    if (!spec) return undefined;
    // hls4ml refuses QKeras activations it cannot build; a leaky quantized_relu becomes a LeakyReLU.
    // Otherwise the quantizer's name stays (hls4ml names the split node after it) and its bits
    // become the activation's result type.
    return qkerasActivationFunction(spec) === 'leaky_relu' ? 'leaky_relu' : spec.name;
  }
  return undefined;
}

function quantizedPrecision(info: KerasClassInfo, config: KerasLayerConfig, name: string, quantizers: QuantizerContext): LayerPrecision {
  const precision: LayerPrecision = {};
  const take = (value: unknown, variable: 'kernel' | 'bias' | 'recurrent'): Precision | undefined => {
    const spec = readQuantizer(value);
    if (!spec) return undefined;
    const { precision: p, note } = weightPrecisionOf(spec, variable);
    if (note) quantizers.notes.push(`${name}: ${note}`);
    return p;
  };
  const weight = take(config.kernel_quantizer ?? config.depthwise_quantizer, 'kernel');
  const bias = take(config.bias_quantizer, 'bias');
  if (weight) precision.weight = weight;
  if (bias) precision.bias = bias;
  const activation = readQuantizer(config.activation);
  if (activation && (info.kind === 'activation' || activation.name.startsWith('quantized') || activation.name.includes('binary') || activation.name.includes('ternary'))) {
    precision.result = activationPrecisionOf(activation, quantizers.signedLeakyRelu);
  }
  return precision;
}

/**
 * A Keras BinaryDense's or TernaryDense's weight type (`parse_dense_layer`): `BinaryQuantizer(bits=2)`
 * and `TernaryQuantizer` both give `ap_int<2>` (±1, or −1/0/+1). Binary weights become 1-bit Xnor
 * only where `quantize_dense_output` narrows a layer fed by thresholds (`optimizedGraph`).
 */
const FIXED_WEIGHTS: Precision = { kind: 'int', signed: true, width: 2 };

function inputLayer(name: string, shape: number[]): Layer {
  return { name, className: 'InputLayer', kind: 'input', inputShape: shape, outputShape: shape, params: 0, inbound: [] };
}

/** Keras 2 nests `[[[name, 0, 0, {}]]]`; Keras 3 writes `[{args: [keras_tensor…]}]`. */
function inboundNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes) || nodes.length === 0) return [];
  const node: unknown = nodes[0];
  if (Array.isArray(node)) {
    return node.flatMap((entry: unknown) => (Array.isArray(entry) && typeof entry[0] === 'string' ? [entry[0]] : []));
  }
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value && typeof value === 'object') {
      const history = (value as { config?: { keras_history?: unknown } }).config?.keras_history;
      if (Array.isArray(history) && typeof history[0] === 'string') names.push(history[0]);
      else Object.values(value).forEach(visit);
    }
  };
  visit((node as { args?: unknown })?.args ?? node);
  return names;
}

function batchShape(config: KerasLayerConfig): number[] | undefined {
  const withBatch = config.batch_input_shape ?? config.batch_shape;
  const shape = withBatch ? withBatch.slice(1) : config.input_shape;
  if (!shape) return undefined;
  return shape.map((d) => (typeof d === 'number' ? d : 0));
}

function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${source}: not valid JSON (${(error as Error).message})`, { source }, { cause: error });
  }
}

/** Keras classes that are whole models: nested inside another, hls4ml expands them. */
const NESTED_MODELS: ReadonlySet<string> = new Set(['Sequential', 'Functional', 'Model']);

/** A model's layer list: old Sequential JSON keeps it as `config` itself, newer under `config.layers`. */
function layersOf(model: KerasModelJson): readonly KerasLayerJson[] {
  return Array.isArray(model.config) ? (model.config as KerasLayerJson[]) : (model.config as { layers: KerasLayerJson[] }).layers;
}

function asModel(json: unknown, source: string): KerasModelJson {
  if (json && typeof json === 'object' && 'class_name' in json && 'config' in json) {
    // `model.to_json()` of a model wrapped in a file with metadata keeps the model under `config`.
    return json as KerasModelJson;
  }
  if (json && typeof json === 'object' && 'model_config' in json) return asModel((json as { model_config: unknown }).model_config, source);
  throw new HlsestError('HLSEST_BAD_MODEL', `${source}: not a Keras model JSON (expected "class_name" and "config")`, { source });
}
