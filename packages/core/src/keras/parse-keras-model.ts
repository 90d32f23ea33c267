import { HlsestError } from '../errors.js';
import { kerasClassInfo, type KerasClassInfo } from '../layers.js';
import { activationPrecisionOf, readQuantizer, weightPrecisionOf } from '../qkeras.js';
import type { Layer, LayerPrecision } from '../schema.js';
import type { Precision } from '../precision.js';
import type { KerasLayerConfig, KerasLayerJson, KerasModelJson } from './keras-format.js';
import { inferShape, paddingMode } from './shape-rules.js';

export interface Network {
  readonly name: string;
  /** Layers in topological order, with shapes inferred and checked. */
  readonly layers: Layer[];
}

/**
 * Custom layers hls4ml supports that are not in Keras itself; sized from their config so models
 * that use them still parse (their cost is not modelled: the build model marks them unknown).
 */
const CUSTOM_OUTPUTS: Readonly<Record<string, (config: KerasLayerConfig, input: readonly number[]) => number[]>> = {
  GarNet: (config, input) => garnetOutput(config, input, config['n_filters']),
  GarNetStack: (config, input) => {
    const filters = config['n_filters'];
    return garnetOutput(config, input, Array.isArray(filters) ? filters[filters.length - 1] : filters);
  },
};

function garnetOutput(config: KerasLayerConfig, input: readonly number[], filters: unknown): number[] {
  const n = typeof filters === 'number' ? filters : 1;
  return config['collapse'] ? [n] : [input[0] ?? 1, n];
}

/** Parses `model.to_json()` text or the object it holds; errors name the layer at fault. */
export function parseKerasModel(input: string | unknown, source = 'model'): Network {
  const json = typeof input === 'string' ? parseJsonText(input, source) : input;
  const model = asModel(json, source);
  const rawLayers = Array.isArray(model.config) ? (model.config as KerasLayerJson[]) : (model.config as { layers: KerasLayerJson[] }).layers;
  if (!Array.isArray(rawLayers) || rawLayers.length === 0) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${source}: the model has no layers`, { source });
  }
  const sequential = model.class_name === 'Sequential';
  const layers: Layer[] = [];
  const byName = new Map<string, Layer>();
  const add = (layer: Layer) => {
    if (byName.has(layer.name)) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: two layers are named "${layer.name}"`, { source, layer: layer.name });
    byName.set(layer.name, layer);
    layers.push(layer);
  };

  rawLayers.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object' || typeof raw.class_name !== 'string') {
      throw new HlsestError('HLSEST_BAD_MODEL', `${source}: layer #${index} has no class_name`, { source, index });
    }
    const config = (raw.config ?? {}) as KerasLayerConfig;
    const name = String(config.name ?? raw.name ?? `${raw.class_name.toLowerCase()}_${index}`);
    let inbound = sequential ? (layers.length ? [layers[layers.length - 1]!.name] : []) : inboundNames(raw.inbound_nodes);
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
    if (raw.class_name === 'InputLayer') {
      if (!declaredInput) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: input layer "${name}" has no shape`, { source, layer: name });
      add(inputLayer(name, declaredInput));
      return;
    }
    // Keras 2 serialises a stale `batch_input_shape` on inner layers; only the first one counts.
    add(buildLayer(raw.class_name, name, config, inputs, inbound, source));
  });
  return { name: String((model.config as { name?: unknown }).name ?? 'model'), layers };
}

function buildLayer(
  className: string,
  name: string,
  config: KerasLayerConfig,
  inputs: readonly (readonly number[])[],
  inbound: string[],
  source: string,
): Layer {
  const custom = CUSTOM_OUTPUTS[className];
  const info: KerasClassInfo | undefined = kerasClassInfo(className);
  if (!info && !custom) {
    throw new HlsestError('HLSEST_UNKNOWN_LAYER', `${source}: layer "${name}" has class ${className}, which hlsest does not know`, {
      source,
      layer: name,
      className,
    });
  }
  const inputShape = [...(inputs[0] ?? [])];
  if (!info) {
    return { name, className, kind: 'other', inputShape, outputShape: custom!(config, inputShape), params: 0, inbound };
  }
  const shape = inferShape({ layerName: name, className, kind: info.kind, op: info.op, config, inputs });
  const activation = activationName(info, config);
  const precision = info.quantized ? quantizedPrecision(info, config) : info.weights ? { weight: fixedWeights(info.weights) } : undefined;
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
  if (info.kind === 'dense' || info.kind.includes('conv') || info.kind === 'recurrent') layer.useBias = config.use_bias !== false;
  if (activation) layer.activation = activation;
  if (precision && Object.keys(precision).length > 0) layer.precision = precision;
  return layer;
}

function activationName(info: KerasClassInfo, config: KerasLayerConfig): string | undefined {
  if (info.activation) return info.activation;
  const raw = config.activation;
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && 'class_name' in raw) {
    const spec = readQuantizer(raw);
    if (!spec) return undefined;
    const args = [spec.kwargs['bits'], spec.kwargs['integer']].filter((v) => typeof v === 'number');
    return args.length ? `${spec.name}(${args.join(',')})` : spec.name;
  }
  return undefined;
}

function quantizedPrecision(info: KerasClassInfo, config: KerasLayerConfig): LayerPrecision {
  const precision: LayerPrecision = {};
  const kernel = readQuantizer(config.kernel_quantizer ?? config.depthwise_quantizer);
  const bias = readQuantizer(config.bias_quantizer);
  const weight = kernel && weightPrecisionOf(kernel);
  const biasPrecision = bias && weightPrecisionOf(bias);
  if (weight) precision.weight = weight;
  if (biasPrecision) precision.bias = biasPrecision;
  if (info.kind === 'activation' || (typeof config.activation === 'string' && config.activation.startsWith('quantized'))) {
    const spec = readQuantizer(config.activation);
    const result = spec && activationPrecisionOf(spec);
    if (result) precision.result = result;
  }
  return precision;
}

function fixedWeights(kind: 'binary' | 'ternary'): Precision {
  return kind === 'binary' ? { kind: 'xnor', width: 1 } : { kind: 'int', signed: true, width: 2 };
}

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

function asModel(json: unknown, source: string): KerasModelJson {
  if (json && typeof json === 'object' && 'class_name' in json && 'config' in json) {
    // `model.to_json()` of a model wrapped in a file with metadata keeps the model under `config`.
    return json as KerasModelJson;
  }
  if (json && typeof json === 'object' && 'model_config' in json) return asModel((json as { model_config: unknown }).model_config, source);
  throw new HlsestError('HLSEST_BAD_MODEL', `${source}: not a Keras model JSON (expected "class_name" and "config")`, { source });
}
