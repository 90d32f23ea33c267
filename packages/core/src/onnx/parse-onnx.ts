import { HlsestError } from '../errors.js';
import { parseKerasModel, type Network } from '../keras/parse-keras-model.js';
import type { KerasLayerJson } from '../keras/keras-format.js';
import { parsePrecision, type Precision } from '../precision.js';
import type { Layer, LayerPrecision } from '../schema.js';
import { weightStatsOf } from '../weights.js';
import { ATTRIBUTE_TYPE, DATA_TYPE, ModelProto, type OnnxAttribute, type OnnxModel, type OnnxNode, type OnnxTensor } from './onnx-schema.js';

/**
 * Reads an ONNX or QONNX model (the bytes of a `.onnx` file) into the same layer model as a Keras
 * JSON: the graph is rewritten as the Keras layers hls4ml's ONNX converter makes of it
 * (`converters/onnx/*.py`: Gemm and MatMul+Add → Dense, Conv → Conv1D/2D or depthwise, pooling,
 * BatchNormalization, activations, Flatten/Reshape, merges), then parsed by `parseKerasModel`, so
 * shapes and hls4ml's graph rules are one implementation. Channels-first tensors become
 * channels-last, as hls4ml requires of ONNX models (qonnx's `ConvertToChannelsLastAndClean`).
 * QONNX `Quant` / `BipolarQuant` / `Trunc` nodes become precisions the way hls4ml's `quant_opt`
 * passes do: on a weight, its type; on an activation, the result type of the layer before.
 * Initializers give each layer's weight statistics (zeros: pruning).
 */
export function parseOnnxModel(bytes: Uint8Array, source = 'model.onnx'): Network {
  let model: OnnxModel;
  try {
    model = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, defaults: false }) as OnnxModel;
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${source}: not an ONNX model (${(error as Error).message})`, { source });
  }
  const graph = model.graph;
  if (!graph?.node?.length) throw new HlsestError('HLSEST_BAD_MODEL', `${source}: the ONNX model has no graph nodes`, { source });
  return new OnnxConverter(graph, source).convert();
}

interface QuantInfo {
  readonly precision: Precision;
  readonly note?: string;
}

type Graph = NonNullable<OnnxModel['graph']>;

class OnnxConverter {
  private readonly initializers = new Map<string, OnnxTensor>();
  /** Tensor name → the Keras layer that produces it. */
  private readonly producer = new Map<string, string>();
  /** Tensor rank without the batch dimension, channels-last. */
  private readonly rank = new Map<string, number>();
  /** Weight tensors seen through a Quant node: the name of the initializer and its type. */
  private readonly quantizedWeights = new Map<string, { initializer: string; quant: QuantInfo }>();
  private readonly layers: KerasLayerJson[] = [];
  private readonly names = new Set<string>();
  private readonly resultPrecision = new Map<string, Precision>();
  private readonly layerPrecision = new Map<string, LayerPrecision>();
  private readonly kernels = new Map<string, string>();
  private readonly notes: string[] = [];

  constructor(
    private readonly graph: Graph,
    private readonly source: string,
  ) {
    for (const t of graph.initializer ?? []) this.initializers.set(t.name, t);
  }

  convert(): Network {
    for (const input of this.graph.input ?? []) {
      if (this.initializers.has(input.name)) continue;
      const dims = (input.type?.tensorType?.shape?.dim ?? []).map((d) => num(d.dimValue));
      if (dims.length < 2) throw this.fail(`graph input "${input.name}" has no shape (batch and at least one dimension)`);
      const shape = channelsLast(dims.slice(1));
      if (shape.some((d) => !(d > 0))) throw this.fail(`graph input "${input.name}" has an unknown dimension: export the model with a fixed input shape`);
      const name = this.unique(input.name);
      this.layers.push({ class_name: 'InputLayer', config: { name, batch_input_shape: [null, ...shape] }, inbound_nodes: [] } as unknown as KerasLayerJson);
      this.producer.set(input.name, name);
      this.rank.set(input.name, shape.length);
    }
    for (const node of this.graph.node ?? []) this.node(node);
    const network = parseKerasModel({ class_name: 'Functional', config: { name: this.graph.name || 'onnx_model', layers: this.layers } }, this.source);
    const layers = network.layers.map((layer) => this.finish(layer));
    const notes = [...(network.notes ?? []), ...this.notes];
    return { ...network, layers, ...(notes.length && { notes }) };
  }

  private node(node: OnnxNode): unknown {
    const op = node.opType;
    switch (op) {
      case 'Identity':
      case 'Dropout':
        return this.alias(node);
      case 'Transpose':
        // A layout change between channels-first and channels-last: hlsest already works channels-last.
        this.notes.push(`${this.source}: Transpose "${node.name ?? node.output[0]}" read as a layout change (hlsest works channels-last, as hls4ml does)`);
        return this.alias(node);
      case 'Quant':
      case 'BipolarQuant':
      case 'Trunc':
        return this.quant(node);
      case 'Gemm':
        return this.gemm(node);
      case 'MatMul':
        return this.matmul(node);
      case 'Add':
      case 'Sub':
      case 'Mul':
        return this.elementwise(node);
      case 'Concat':
        return this.layer(node, 'Concatenate', { axis: this.channelAxis(node) }, node.input);
      case 'Conv':
        return this.conv(node);
      case 'MaxPool':
      case 'AveragePool':
        return this.pool(node);
      case 'GlobalAveragePool':
      case 'GlobalMaxPool': {
        const rank = this.rankOf(node.input[0]!);
        const kind = op === 'GlobalAveragePool' ? 'GlobalAveragePooling' : 'GlobalMaxPooling';
        return this.layer(node, `${kind}${rank === 2 ? '1D' : '2D'}`, {}, [node.input[0]!], 1);
      }
      case 'BatchNormalization':
        return this.layer(node, 'BatchNormalization', { epsilon: this.attr(node, 'epsilon')?.f ?? 1e-5 }, [node.input[0]!]);
      case 'Flatten':
        return this.layer(node, 'Flatten', {}, [node.input[0]!], 1);
      case 'Reshape':
        return this.reshape(node);
      case 'Relu':
      case 'Sigmoid':
      case 'Tanh':
      case 'Softplus':
      case 'Softsign':
      case 'Selu':
        return this.layer(node, 'Activation', { activation: op.toLowerCase() }, [node.input[0]!]);
      case 'HardSigmoid':
        return this.layer(node, 'Activation', { activation: 'hard_sigmoid' }, [node.input[0]!]);
      case 'Softmax':
        return this.layer(node, 'Softmax', { axis: -1 }, [node.input[0]!]);
      case 'LeakyRelu':
        return this.layer(node, 'LeakyReLU', { alpha: this.attr(node, 'alpha')?.f ?? 0.01 }, [node.input[0]!]);
      case 'Elu':
        return this.layer(node, 'ELU', { alpha: this.attr(node, 'alpha')?.f ?? 1 }, [node.input[0]!]);
      case 'PRelu':
        return this.layer(node, 'PReLU', {}, [node.input[0]!]);
      default:
        throw new HlsestError('HLSEST_UNKNOWN_LAYER', `${this.source}: ONNX operator ${op}${node.domain ? ` (${node.domain})` : ''} in node "${node.name ?? node.output[0]}" is not one hls4ml's ONNX converter handles (or hlsest does not model yet)`, {
          source: this.source,
          op,
        });
    }
  }

  /** A Keras layer fed by `inputs` (activation tensors), producing the node's first output. */
  private layer(node: OnnxNode, className: string, config: Record<string, unknown>, inputs: readonly string[], rank?: number): string {
    const name = this.unique(node.name || `${className.toLowerCase()}_${this.layers.length}`);
    const inbound = inputs.map((t) => {
      const from = this.producer.get(t);
      if (!from) throw this.fail(`node "${name}" reads "${t}", which no earlier node or graph input produces`);
      return [from, 0, 0, {}];
    });
    this.layers.push({ class_name: className, config: { name, ...config }, inbound_nodes: [inbound] } as unknown as KerasLayerJson);
    this.producer.set(node.output[0]!, name);
    this.rank.set(node.output[0]!, rank ?? this.rankOf(inputs[0]!));
    return name;
  }

  private alias(node: OnnxNode): void {
    const input = node.input[0]!;
    if (this.initializers.has(input)) this.initializers.set(node.output[0]!, this.initializers.get(input)!);
    else {
      const from = this.producer.get(input);
      if (!from) throw this.fail(`node "${node.name ?? node.output[0]}" reads "${input}", which nothing produces`);
      this.producer.set(node.output[0]!, from);
      this.rank.set(node.output[0]!, this.rankOf(input));
    }
    const quantized = this.quantizedWeights.get(input);
    if (quantized) this.quantizedWeights.set(node.output[0]!, quantized);
  }

  /** QONNX quantizers (hls4ml `quant_opt.py`, `bipolar_quant_opt.py`). */
  private quant(node: OnnxNode): void {
    const input = node.input[0]!;
    const quant = this.quantInfo(node);
    if (quant.note) this.notes.push(quant.note);
    const weight = this.initializers.has(input) ? input : this.quantizedWeights.get(input)?.initializer;
    if (weight) {
      this.initializers.set(node.output[0]!, this.initializers.get(weight)!);
      this.quantizedWeights.set(node.output[0]!, { initializer: weight, quant });
      return;
    }
    this.alias(node);
    // On an activation: the type of what the layer before produces.
    this.resultPrecision.set(this.producer.get(input)!, quant.precision);
  }

  private quantInfo(node: OnnxNode): QuantInfo {
    if (node.opType === 'BipolarQuant') return { precision: parsePrecision('xnor') };
    const scalar = (index: number, what: string) => {
      const t = this.initializers.get(node.input[index] ?? '');
      const values = t && tensorValues(t);
      if (!values || values.length === 0) throw this.fail(`${node.opType} "${node.name ?? node.output[0]}" needs a constant ${what}`);
      return values;
    };
    const bitIndex = node.opType === 'Trunc' ? 4 : 3;
    const bitwidth = Math.ceil(scalar(bitIndex, 'bit width')[0]!);
    const scales = scalar(1, 'scale');
    const zeroPoint = scalar(2, 'zero point');
    const signed = node.opType === 'Trunc' ? true : num(this.attr(node, 'signed')?.i ?? 1) !== 0;
    const powerOfTwo = scales.every((s) => s > 0 && Number.isInteger(Math.log2(s)));
    const sameScale = scales.every((s) => s === scales[0]);
    // integer = bitwidth + exp − 1 with scale = m·2^exp, m ∈ [0.5, 1) (np.frexp): log2(scale) + 1 for powers of two.
    const integer = powerOfTwo && sameScale ? bitwidth + Math.log2(scales[0]!) : bitwidth;
    const precision = parsePrecision(`ap_${signed ? '' : 'u'}fixed<${bitwidth},${integer}>`);
    const note =
      !powerOfTwo || !sameScale || zeroPoint.some((z) => z !== 0)
        ? `${this.source}: ${node.opType} "${node.name ?? node.output[0]}" has a scale that is not one power of two or a non-zero offset: hls4ml adds ApplyAlpha scaling layers there, which hlsest does not count`
        : undefined;
    return { precision, ...(note && { note }) };
  }

  private gemm(node: OnnxNode): void {
    const weight = this.weightOf(node, 1);
    const transB = num(this.attr(node, 'transB')?.i ?? 0) === 1;
    const dims = weight.tensor.dims.map(num);
    if (dims.length !== 2) throw this.fail(`Gemm "${node.name}" has a ${dims.length}-D weight`);
    const units = transB ? dims[0]! : dims[1]!;
    const bias = node.input[2] ? this.weightOf(node, 2) : undefined;
    const name = this.layer(node, 'Dense', { units, use_bias: Boolean(bias) }, [node.input[0]!], 1);
    this.attachWeights(name, weight, bias);
  }

  private matmul(node: OnnxNode): void {
    if (!this.isWeight(node.input[1]!)) throw this.fail(`MatMul "${node.name}" multiplies two activations; hls4ml converts MatMul with a constant weight only`);
    const weight = this.weightOf(node, 1);
    const dims = weight.tensor.dims.map(num);
    const name = this.layer(node, 'Dense', { units: dims[dims.length - 1], use_bias: false }, [node.input[0]!]);
    this.attachWeights(name, weight);
  }

  /** Add of a MatMul and a constant is its bias (hls4ml's `fuse_bias_add`); of two activations, a merge. */
  private elementwise(node: OnnxNode): void {
    const [a, b] = node.input as [string, string];
    const constant = this.isWeight(a) ? a : this.isWeight(b) ? b : undefined;
    if (constant === undefined) {
      const className = { Add: 'Add', Sub: 'Subtract', Mul: 'Multiply' }[node.opType]!;
      this.layer(node, className, {}, [a, b]);
      return;
    }
    const other = constant === a ? b : a;
    const owner = this.producer.get(other);
    const dense = this.layers.find((l) => (l.config as { name?: string }).name === owner);
    if (node.opType === 'Add' && dense?.class_name === 'Dense' && (dense.config as { use_bias?: boolean }).use_bias === false) {
      (dense.config as { use_bias?: boolean }).use_bias = true;
      const bias = this.weightOf(node, node.input.indexOf(constant));
      if (bias.quant) this.layerPrecision.set(owner!, { ...this.layerPrecision.get(owner!), bias: bias.quant.precision });
      this.producer.set(node.output[0]!, owner!);
      this.rank.set(node.output[0]!, this.rankOf(other));
      return;
    }
    throw this.fail(`${node.opType} "${node.name}" with a constant operand is not a bias hls4ml can fold (only a constant added after a MatMul is)`);
  }

  private conv(node: OnnxNode): void {
    const weight = this.weightOf(node, 1);
    const dims = weight.tensor.dims.map(num);
    const spatial = dims.length - 2;
    if (spatial !== 1 && spatial !== 2) throw this.fail(`Conv "${node.name}" is ${spatial}-D; hls4ml converts 1-D and 2-D convolutions`);
    const group = num(this.attr(node, 'group')?.i ?? 1);
    const [filters, perGroup] = [dims[0]!, dims[1]!];
    const channels = perGroup * group;
    const kernel = dims.slice(2);
    const strides = this.ints(node, 'strides') ?? kernel.map(() => 1);
    const dilations = this.ints(node, 'dilations');
    if (dilations?.some((d) => d !== 1)) throw this.fail(`Conv "${node.name}" is dilated; hls4ml's converters do not support dilation`);
    const { input, padding } = this.padded(node, node.input[0]!, kernel, strides);
    const bias = node.input[2] ? this.weightOf(node, 2) : undefined;
    const suffix = `${spatial}D`;
    let name: string;
    if (group === 1) name = this.layer(node, `Conv${suffix}`, { filters, kernel_size: kernel, strides, padding, use_bias: Boolean(bias) }, [input]);
    else if (perGroup === 1 && filters % channels === 0) name = this.layer(node, `DepthwiseConv${suffix}`, { kernel_size: kernel, strides, padding, depth_multiplier: filters / channels, use_bias: Boolean(bias) }, [input]);
    else throw this.fail(`Conv "${node.name}" has ${group} groups of ${perGroup} channels; hls4ml converts plain and depthwise convolutions only`);
    this.attachWeights(name, weight, bias);
  }

  private pool(node: OnnxNode): void {
    const kernel = this.ints(node, 'kernel_shape');
    if (!kernel) throw this.fail(`${node.opType} "${node.name}" has no kernel_shape`);
    const strides = this.ints(node, 'strides') ?? kernel.map(() => 1);
    const { input, padding } = this.padded(node, node.input[0]!, kernel, strides);
    const kind = node.opType === 'MaxPool' ? 'MaxPooling' : 'AveragePooling';
    this.layer(node, `${kind}${kernel.length}D`, { pool_size: kernel, strides, padding }, [input]);
  }

  /**
   * The op's padding: none is 'valid'; pads of ⌊(k−1)/2⌋ on every side at stride 1 are Keras
   * 'same' (hls4ml's `compute_pads_*` gives the layer those pads itself); any other pads become
   * a ZeroPadding layer before a 'valid' op.
   */
  private padded(node: OnnxNode, input: string, kernel: readonly number[], strides: readonly number[]): { input: string; padding: 'valid' | 'same' } {
    const spatial = kernel.length;
    const autoPad = new TextDecoder().decode(this.attr(node, 'auto_pad')?.s ?? new Uint8Array()) || 'NOTSET';
    if (autoPad === 'SAME_UPPER') return { input, padding: 'same' };
    if (autoPad !== 'NOTSET' && autoPad !== 'VALID') throw this.fail(`${node.opType} "${node.name}" uses auto_pad ${autoPad}: export it with explicit pads`);
    const pads = this.ints(node, 'pads') ?? [];
    if (pads.every((p) => p === 0)) return { input, padding: 'valid' };
    const [begin, end] = [pads.slice(0, spatial), pads.slice(spatial)];
    const same = kernel.every((k, i) => strides[i] === 1 && k % 2 === 1 && begin[i] === (k - 1) / 2 && end[i] === (k - 1) / 2);
    if (same) return { input, padding: 'same' };
    const padding = spatial === 1 ? [begin[0], end[0]] : [[begin[0], end[0]], [begin[1], end[1]]];
    const padName = this.unique(`${node.name || node.opType}_pad`);
    const tensor = `${padName}:out`;
    this.layer({ opType: 'Pad', name: padName, input: [input], output: [tensor] }, `ZeroPadding${spatial}D`, { padding }, [input]);
    return { input: tensor, padding: 'valid' };
  }

  private reshape(node: OnnxNode): void {
    const shape = this.initializers.get(node.input[1] ?? '');
    const target = shape ? tensorValues(shape).map(Math.round) : undefined;
    if (!target) throw this.fail(`Reshape "${node.name}" has no constant target shape`);
    const rest = target.slice(1);
    if (rest.length === 1) {
      this.layer(node, 'Flatten', {}, [node.input[0]!], 1);
      return;
    }
    if (rest.some((d) => d <= 0)) throw this.fail(`Reshape "${node.name}" leaves a dimension to infer; export it with the full target shape`);
    this.layer(node, 'Reshape', { target_shape: channelsLast(rest) }, [node.input[0]!], rest.length);
  }

  private channelAxis(node: OnnxNode): number {
    const axis = num(this.attr(node, 'axis')?.i ?? 1);
    // Channels-first axis 1 is the channels, last in hlsest's layout.
    return axis === 1 && this.rankOf(node.input[0]!) > 1 ? -1 : axis - 1;
  }

  private weightOf(node: OnnxNode, index: number): { tensor: OnnxTensor; quant?: QuantInfo } {
    const name = node.input[index];
    const tensor = name === undefined ? undefined : this.initializers.get(name);
    if (!tensor) throw this.fail(`${node.opType} "${node.name ?? node.output[0]}" needs a constant input #${index} (an initializer)`);
    const quant = this.quantizedWeights.get(name!)?.quant;
    return { tensor, ...(quant && { quant }) };
  }

  private attachWeights(layer: string, weight: { tensor: OnnxTensor; quant?: QuantInfo }, bias?: { tensor: OnnxTensor; quant?: QuantInfo }): void {
    this.kernels.set(layer, weight.tensor.name);
    const precision: LayerPrecision = {
      ...this.layerPrecision.get(layer),
      ...(weight.quant && { weight: weight.quant.precision }),
      ...(bias?.quant && { bias: bias.quant.precision }),
    };
    if (Object.keys(precision).length) this.layerPrecision.set(layer, precision);
  }

  /** The parsed layer with the precisions and weight statistics the ONNX file gives. */
  private finish(layer: Layer): Layer {
    let out = layer;
    const precision = this.layerPrecision.get(layer.name);
    const result = this.resultPrecision.get(layer.name);
    if (precision || result) out = { ...out, precision: { ...out.precision, ...precision, ...(result && { result }) } };
    const kernel = this.kernels.get(layer.name);
    const tensor = kernel === undefined ? undefined : this.initializers.get(kernel);
    if (tensor) out = { ...out, weights: weightStatsOf(tensorValues(tensor), out.precision?.weight) };
    return out;
  }

  private isWeight(tensor: string): boolean {
    return this.initializers.has(tensor);
  }

  private rankOf(tensor: string): number {
    return this.rank.get(tensor) ?? 1;
  }

  private attr(node: OnnxNode, name: string): OnnxAttribute | undefined {
    const found = node.attribute?.find((a) => a.name === name);
    // A zero int or float is its field's default: some writers leave it out of the encoding.
    if (found?.type === ATTRIBUTE_TYPE.INT && found.i === undefined) return { ...found, i: 0 };
    if (found?.type === ATTRIBUTE_TYPE.FLOAT && found.f === undefined) return { ...found, f: 0 };
    return found;
  }

  private ints(node: OnnxNode, name: string): number[] | undefined {
    const a = this.attr(node, name);
    return a && (a.type === ATTRIBUTE_TYPE.INTS || a.ints?.length) ? (a.ints ?? []).map(num) : undefined;
  }

  private unique(base: string): string {
    let name = base.replace(/[^\w.-]/g, '_') || 'layer';
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  private fail(message: string): HlsestError {
    return new HlsestError('HLSEST_BAD_MODEL', `${this.source}: ${message}`, { source: this.source });
  }
}

const num = (v: number | { toNumber(): number } | undefined): number => (v === undefined ? Number.NaN : typeof v === 'number' ? v : v.toNumber());

/** [C, H, W] → [H, W, C]; [C, L] → [L, C]; vectors stay. */
function channelsLast(dims: readonly number[]): number[] {
  return dims.length <= 1 ? [...dims] : [...dims.slice(1), dims[0]!];
}

/** An initializer's numbers, from whichever field the exporter filled. */
export function tensorValues(t: OnnxTensor): number[] {
  if (t.rawData && t.rawData.length > 0) {
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    const size = t.dataType === DATA_TYPE.DOUBLE || t.dataType === DATA_TYPE.INT64 ? 8 : 4;
    const out: number[] = [];
    for (let at = 0; at + size <= t.rawData.byteLength; at += size) {
      if (t.dataType === DATA_TYPE.FLOAT) out.push(view.getFloat32(at, true));
      else if (t.dataType === DATA_TYPE.DOUBLE) out.push(view.getFloat64(at, true));
      else if (t.dataType === DATA_TYPE.INT64) out.push(Number(view.getBigInt64(at, true)));
      else out.push(view.getInt32(at, true));
    }
    return out;
  }
  if (t.floatData?.length) return [...t.floatData];
  if (t.doubleData?.length) return [...t.doubleData];
  if (t.int64Data?.length) return t.int64Data.map(num);
  return [...(t.int32Data ?? [])];
}
