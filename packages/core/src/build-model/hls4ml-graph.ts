import { layerFamily } from '../layers.js';
import { activationFunction } from '../layer-kinds/activation.js';
import { THRESHOLD_CLASS } from '../layer-kinds/batchnorm.js';
import { last } from '../keras/shape-helpers.js';
import type { Precision } from '../precision.js';
import type { AutoPrecisionVariable, Layer } from '../schema.js';
import type { Hls4mlRules } from './hls4ml-versions.js';

/**
 * hls4ml's converter splits a layer's `activation` argument into a node of its own named
 * `<layer>_<function>` (`parse_keras_model` in `converters/keras_to_hls.py`; recurrent layers keep
 * theirs), and skips Dropout. The node's result type is the activation quantizer's, if any.
 * Idempotent: a list already split is returned as it is.
 */
export function converterGraph(layers: readonly Layer[]): Layer[] {
  if (!layers.some(needsSplit) && !layers.some((l) => l.kind === 'dropout')) return layers as Layer[];
  const out: Layer[] = [];
  const renamed = new Map<string, string>();
  const rewire = (names: readonly string[]) => names.map((n) => renamed.get(n) ?? n);
  for (const layer of layers) {
    if (layer.kind === 'dropout') {
      // Consumers of a skipped layer read its input instead (`inputs_map` in the converter).
      renamed.set(layer.name, rewire(layer.inbound)[0] ?? layer.name);
      continue;
    }
    const inbound = rewire(layer.inbound);
    if (!needsSplit(layer)) {
      out.push(inbound.every((n, i) => n === layer.inbound[i]) ? layer : { ...layer, inbound });
      continue;
    }
    const [parent, activation] = splitActivation({ ...layer, inbound });
    out.push(parent, activation);
    renamed.set(layer.name, activation.name);
  }
  return out;
}

/** The name hls4ml gives the node split off `layer` for its activation argument. */
export function activationNodeName(layer: Layer): string {
  return `${layer.name}_${(layer.activation ?? 'linear').replace(/\(.*$/, '')}`;
}

/** A weight or pooling layer with its activation argument, as two hls4ml nodes. */
function splitActivation(layer: Layer): [Layer, Layer] {
  const fn = layer.activation!;
  const parent: Layer = { ...layer };
  delete (parent as { activation?: string }).activation;
  const node: Layer = {
    name: activationNodeName(layer),
    className: 'Activation',
    kind: 'activation',
    inputShape: [...layer.outputShape],
    outputShape: [...layer.outputShape],
    params: 0,
    activation: fn,
    inbound: [layer.name],
  };
  return [parent, node];
}

function needsSplit(layer: Layer): boolean {
  return layer.activation !== undefined && layer.kind !== 'activation' && layer.kind !== 'recurrent';
}

/**
 * The graph hls4ml synthesizes, after its optimizer passes that change what gets built:
 * linear activations removed (`eliminate_linear_activation`; a quantized one hands its result
 * type to the layer before it, as `merge_linear_activation` does), a QKeras layer's ApplyAlpha and
 * a BatchNormalization after it merged (`fuse_consecutive_batch_normalization`), a BatchNormalization after a
 * Dense/Conv folded into it where the version's rule allows (`fuse_batch_normalization`), a
 * BatchNormalization before a binary or ternary tanh merged with it into a threshold layer and the
 * binary/ternary Dense after that narrowed (`merge_batch_norm_quantized_tanh`,
 * `quantize_dense_output`), from v1.0 separable convolutions split in two
 * (`separable_to_depthwise_and_conv`), and in io_stream a ZeroPadding node before every padded
 * convolution (`insert_zero_padding_before_conv*`).
 */
export function optimizedGraph(layers: readonly Layer[], rules: Hls4mlRules, stream = false): { layers: Layer[]; notes: string[] } {
  const graph = converterGraph(layers);
  const consumers = new Map<string, number>();
  for (const layer of graph) for (const name of layer.inbound) consumers.set(name, (consumers.get(name) ?? 0) + 1);
  const out: Layer[] = [];
  const byName = new Map<string, Layer>();
  const renamed = new Map<string, string>();
  const notes: string[] = [];
  const push = (layer: Layer) => {
    out.push(layer);
    byName.set(layer.name, layer);
  };
  for (const original of graph) {
    const layer = original.inbound.some((n) => renamed.has(n)) ? { ...original, inbound: original.inbound.map((n) => renamed.get(n) ?? n) } : original;
    const parent = layer.inbound.length === 1 ? byName.get(layer.inbound[0]!) : undefined;
    if (layer.kind === 'activation' && activationFunction(layer.activation) === 'linear' && parent) {
      renamed.set(layer.name, parent.name);
      const result = layer.precision?.result;
      if (result && !parent.precision?.result) substitute(out, byName, parent, withTypes(parent, { result }));
      continue;
    }
    // The alpha's only reader is its layer's (the pass refuses a shared output).
    if (layer.kind === 'batchnorm' && parent?.className === 'ApplyAlpha' && (consumers.get(parent.inbound[0]!) ?? 0) === 1) {
      if (rules.consecutiveBatchnormKeeps === 'first') renamed.set(layer.name, parent.name);
      else substitute(out, byName, parent, { ...layer, inbound: [...parent.inbound] });
      notes.push(`${parent.name} and ${layer.name}: merged into ${rules.consecutiveBatchnormKeeps === 'first' ? parent.name : layer.name} (fuse_consecutive_batch_normalization)`);
      continue;
    }
    if (layer.kind === 'batchnorm' && parent && fusesInto(parent, rules) && (consumers.get(parent.name) ?? 0) === 1) {
      renamed.set(layer.name, parent.name);
      notes.push(`${layer.name}: folded into ${parent.name} (fuse_batch_normalization)`);
      continue;
    }
    const quantizedTanh = layer.kind === 'activation' ? thresholdKind(layer.activation) : undefined;
    if (quantizedTanh && parent?.kind === 'batchnorm' && !isThresholdLayer(parent)) {
      const merged = thresholdLayer(parent, quantizedTanh);
      substitute(out, byName, parent, merged);
      renamed.set(parent.name, merged.name);
      renamed.set(layer.name, merged.name);
      notes.push(`${parent.name} and ${layer.name}: merged into ${merged.name}, ${quantizedTanh === 'binary' ? 'one comparison' : 'two comparisons'} per value (merge_batch_norm_quantized_tanh)`);
      continue;
    }
    const weights = layer.kind === 'dense' && parent && isThresholdLayer(parent) ? fixedWeightKind(layer) : undefined;
    if (weights) {
      push(narrowedDense(layer, weights));
      continue;
    }
    if ((layer.kind === 'separable_conv1d' || layer.kind === 'separable_conv2d') && rules.splitSeparable) {
      const [depthwise, pointwise] = splitSeparable(layer);
      push(depthwise);
      push(pointwise);
      renamed.set(layer.name, pointwise.name);
      continue;
    }
    if (layer.kind === 'activation' && layer.implementation === 'skip') {
      if (parent) renamed.set(layer.name, parent.name);
      continue;
    }
    push(layer);
    if (layer.quantizerAlpha !== undefined) {
      const alpha = applyAlpha(layer, rules);
      push(alpha);
      renamed.set(layer.name, alpha.name);
      notes.push(`${layer.name}: its quantizer's alpha=${layer.quantizerAlpha} is re-applied by ${alpha.name} (qkeras_factorize_alpha)`);
    }
  }
  return { layers: stream ? withClones(out.flatMap(withZeroPadding), notes) : out, notes };
}

/**
 * io_stream reads each stream once: a layer whose output feeds several layers gets a Clone node
 * writing one copy per reader (`CloneOutput` in `backends/fpga/passes/clone.py`, which refuses
 * more than 3 copies).
 */
function withClones(layers: Layer[], notes: string[]): Layer[] {
  const readers = new Map<string, Layer[]>();
  for (const layer of layers) for (const name of new Set(layer.inbound)) readers.set(name, [...(readers.get(name) ?? []), layer]);
  const rewired = new Map<string, string>();
  const out: Layer[] = [];
  for (const layer of layers) {
    out.push(rewired.size && layer.inbound.some((n) => rewired.has(n)) ? { ...layer, inbound: layer.inbound.map((n) => rewired.get(n) ?? n) } : layer);
    const copies = readers.get(layer.name)?.length ?? 0;
    if (copies < 2) continue;
    const name = `clone_${layer.name}`;
    out.push({ name, className: 'Clone', kind: 'clone', inputShape: [...layer.outputShape], outputShape: [...layer.outputShape], params: 0, copies, inbound: [layer.name] });
    rewired.set(layer.name, name);
    if (copies > 3) notes.push(`${layer.name}: its stream feeds ${copies} layers; hls4ml's clone_output refuses more than 3 copies`);
  }
  return out;
}

/**
 * hls4ml's Vivado-family backends stream a padded convolution as two nodes: a ZeroPadding that
 * emits the padded image and the convolution, now `valid`, over it (`conv_same_pad.py`, from
 * v0.6; the backend's passes run after the `convert` flow, so after the separable split). Pads
 * follow Keras's `same` (split with the extra one after) and `causal` (all before).
 */
function withZeroPadding(layer: Layer): Layer[] {
  const convolution = CONVOLUTIONS.has(layer.kind) && layer.kernelSize;
  if (!convolution || (layer.padding !== 'same' && layer.padding !== 'causal')) return [layer];
  const spatial = layer.inputShape.slice(0, -1);
  const totals = spatial.map((size, axis) => {
    const kernel = layer.kernelSize![axis] ?? 1;
    const stride = layer.strides?.[axis] ?? 1;
    return layer.padding === 'causal' ? kernel - 1 : Math.max(0, (Math.ceil(size / stride) - 1) * stride + kernel - size);
  });
  if (totals.every((t) => t === 0)) return [layer];
  const padded = [...spatial.map((size, axis) => size + totals[axis]!), layer.inputShape[layer.inputShape.length - 1] ?? 1];
  const rank = spatial.length;
  const name = `zp${rank}d_${layer.name}`;
  const padding: Layer = { name, className: `ZeroPadding${rank}D`, kind: 'zeropadding', inputShape: [...layer.inputShape], outputShape: padded, params: 0, inbound: layer.inbound };
  return [padding, { ...layer, padding: 'valid', inputShape: padded, inbound: [name] }];
}

const CONVOLUTIONS: ReadonlySet<Layer['kind']> = new Set(['conv1d', 'conv2d', 'depthwise_conv1d', 'depthwise_conv2d', 'separable_conv1d', 'separable_conv2d']);

/** `layer` with these types set, no longer left to precision inference. */
function withTypes(layer: Layer, types: Partial<Record<AutoPrecisionVariable | 'weight' | 'bias', Precision>>): Layer {
  const auto = layer.autoPrecision?.filter((v) => !(v in types));
  const next: Layer = { ...layer, precision: { ...layer.precision, ...types } };
  if (auto?.length) next.autoPrecision = auto;
  else delete next.autoPrecision;
  return next;
}

/** `next` in `old`'s place, under its own name. */
function substitute(out: Layer[], byName: Map<string, Layer>, old: Layer, next: Layer): void {
  out[out.indexOf(old)] = next;
  byName.delete(old.name);
  byName.set(next.name, next);
}

/** Binary or ternary for the tanh activations `merge_batch_norm_quantized_tanh` matches, else none. */
function thresholdKind(activation: string | undefined): 'binary' | 'ternary' | undefined {
  const fn = activation?.replace(/\(.*$/, '');
  if (fn === 'binary' || fn === 'binary_tanh') return 'binary';
  if (fn === 'ternary' || fn === 'ternary_tanh') return 'ternary';
  return undefined;
}

function isThresholdLayer(layer: Layer): boolean {
  return layer.className === THRESHOLD_CLASS;
}

/**
 * A BatchNormalization and the binary/ternary tanh after it as one node (`bn_quant.py`,
 * `BatchNormalizationQuantizedTanh` in `fpga_layers.py`): the scale and shift fold into
 * thresholds, so each value is compared (`normalize_binary_tanh`: ≥ one threshold, an
 * `ap_uint<1>` out; `normalize_ternary_tanh`: two, an `ap_int<2>` out), nothing multiplied.
 */
function thresholdLayer(bn: Layer, kind: 'binary' | 'ternary'): Layer {
  const params = last(bn.outputShape) * (kind === 'binary' ? 1 : 2);
  return withTypes({ ...bn, name: `bnbt_${bn.name}`, className: THRESHOLD_CLASS, activation: `${kind}_tanh`, params }, { result: TANH_TYPES[kind] });
}

/** The values a binary (±1 as one bit, hls4ml's Xnor) or ternary (−1/0/+1, `ap_int<2>`) tanh yields. */
const TANH_TYPES: Readonly<Record<'binary' | 'ternary', Precision>> = { binary: { kind: 'xnor', width: 1 }, ternary: { kind: 'int', signed: true, width: 2 } };

/**
 * The ApplyAlpha node hls4ml inserts after a QKeras layer whose quantizer has an alpha
 * (`QKerasFactorizeAlpha`): a BatchNormalization-like scale (and the layer's bias, moved there)
 * per output. A power-of-two scale (`auto_po2`, or a fixed 2, ½…) is a shift; `auto` scales are
 * the trained kernel's, multiplications. From v1.0 its types are `auto`.
 */
function applyAlpha(layer: Layer, rules: Hls4mlRules): Layer {
  const alpha = layer.quantizerAlpha;
  const shift = alpha === 'auto_po2' || (typeof alpha === 'number' && alpha > 0 && Number.isInteger(Math.log2(alpha)));
  return {
    name: `${layer.name}_alpha`,
    className: 'ApplyAlpha',
    kind: 'batchnorm',
    inputShape: [...layer.outputShape],
    outputShape: [...layer.outputShape],
    params: 2 * last(layer.outputShape),
    inbound: [layer.name],
    ...(shift && { precision: { weight: { kind: 'exponent', width: 4 } } }),
    ...(rules.autoPrecision && { autoPrecision: ['result'] }),
  };
}

/** The weights' fixed kind of a Keras BinaryDense/TernaryDense (not QKeras: its quantizers are other classes). */
function fixedWeightKind(layer: Layer): 'binary' | 'ternary' | undefined {
  if (layer.className === 'BinaryDense') return 'binary';
  if (layer.className === 'TernaryDense') return 'ternary';
  return undefined;
}

/**
 * A BinaryDense/TernaryDense fed by a threshold layer (`QuantizeDenseOutput` in `bn_quant.py`):
 * binary weights become 1-bit Xnor (so products are XNORs of two bits), ternary stay `ap_int<2>`,
 * and the result and accumulator are the integers a sum of n_in such products needs,
 * `ap_int<ceil(log2 n_in) + 2>`.
 */
function narrowedDense(layer: Layer, kind: 'binary' | 'ternary'): Layer {
  const sum: Precision = { kind: 'int', signed: true, width: Math.ceil(Math.log2(Math.max(2, last(layer.inputShape)))) + 2 };
  return withTypes(layer, { weight: TANH_TYPES[kind], bias: TANH_TYPES[kind], result: sum, accum: sum });
}

/** Whether a BatchNormalization after `parent` is folded into it under this version's rule. */
function fusesInto(parent: Layer, rules: Hls4mlRules): boolean {
  const family = layerFamily(parent.kind);
  const fusable = parent.kind === 'dense' || parent.kind === 'conv1d' || parent.kind === 'conv2d';
  if (!fusable || family === 'other') return false;
  // A BinaryDense/TernaryDense carries weight quantizers (`parse_dense_layer`): v0.7–0.8 never
  // fold into it, v1.x only a scale of exactly one, which a trained BatchNormalization has not.
  if (fixedWeightKind(parent)) return false;
  if (rules.batchnormFusion === 'unquantized') return !parent.className.startsWith('Q');
  // v1.x folds only into a layer whose result type is left to inference (`auto`), and whose
  // weights are not quantized when the scale is not one (`bn_fuse.py`): not into QKeras layers.
  return parent.autoPrecision?.includes('result') === true && !parent.className.startsWith('Q');
}

function splitSeparable(layer: Layer): [Layer, Layer] {
  const rank = layer.kind === 'separable_conv1d' ? 1 : 2;
  const channels = layer.inputShape[layer.inputShape.length - 1] ?? 1;
  const depthOut = channels * (layer.depthMultiplier ?? 1);
  const window = (layer.kernelSize ?? [1]).reduce((a, b) => a * b, 1);
  const spatial = layer.outputShape.slice(0, -1);
  const { precision } = layer;
  const depthwise: Layer = {
    name: `${layer.name}_depthwise`,
    className: `DepthwiseConv${rank}D`,
    kind: rank === 1 ? 'depthwise_conv1d' : 'depthwise_conv2d',
    inputShape: [...layer.inputShape],
    outputShape: [...spatial, depthOut],
    params: window * depthOut,
    ...(layer.kernelSize && { kernelSize: layer.kernelSize }),
    ...(layer.strides && { strides: layer.strides }),
    ...(layer.padding && { padding: layer.padding }),
    ...(layer.depthMultiplier && { depthMultiplier: layer.depthMultiplier }),
    useBias: false,
    ...(layer.reuseFactor !== undefined && { reuseFactor: layer.reuseFactor, reuseFactorKind: layer.reuseFactorKind }),
    ...(layer.strategy && { strategy: layer.strategy }),
    ...(precision && { precision: { ...precision, result: precision.accum ?? precision.result } }),
    ...(layer.autoPrecision && { autoPrecision: layer.autoPrecision }),
    ...(layer.parallelizationFactor && { parallelizationFactor: layer.parallelizationFactor }),
    inbound: layer.inbound,
  };
  const filters = layer.filters ?? layer.outputShape[layer.outputShape.length - 1] ?? 1;
  const pointwise: Layer = {
    name: `${layer.name}_pointwise`,
    className: `Conv${rank}D`,
    kind: rank === 1 ? 'conv1d' : 'conv2d',
    inputShape: [...spatial, depthOut],
    outputShape: [...layer.outputShape],
    params: depthOut * filters + (layer.useBias === false ? 0 : filters),
    filters,
    kernelSize: Array.from({ length: rank }, () => 1),
    strides: Array.from({ length: rank }, () => 1),
    padding: 'valid',
    useBias: layer.useBias ?? true,
    ...(layer.reuseFactor !== undefined && { reuseFactor: layer.reuseFactor, reuseFactorKind: layer.reuseFactorKind }),
    ...(layer.strategy && { strategy: layer.strategy }),
    ...(precision && { precision }),
    ...(layer.autoPrecision && { autoPrecision: layer.autoPrecision }),
    ...(layer.parallelizationFactor && { parallelizationFactor: layer.parallelizationFactor }),
    inbound: [`${layer.name}_depthwise`],
  };
  return [depthwise, pointwise];
}
