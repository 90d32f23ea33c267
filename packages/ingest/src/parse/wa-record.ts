import { AUTO, AUTO_PRECISION_VARIABLES, bram36ToBram18, hasWeights, kerasClassInfo, type AutoPrecisionVariable } from '@hlsest/core';
import type { LayerJson, ResourcesJson, LatencyJson } from './json-types.js';
import { hlsToolOf, rejected, type DraftResult, type RecordDraft } from './draft.js';

type Json = Record<string, unknown>;

/**
 * One object of a wa-hls4ml or rule4ml JSON file (same layout) to a record draft. Numbers arrive
 * as strings; `resource_report` is post-synthesis with BRAM in 36 Kb tiles, `hls_resource_report`
 * the C-synthesis estimate in 18 Kb blocks; `model_config[].reuse_factor` is what hls4ml applied.
 */
export function waRecordToDraft(value: unknown, file: string, position: string, source: string, subset?: string): DraftResult {
  if (!isObject(value)) return rejected(file, position, 'not a JSON object');
  const meta = isObject(value['meta_data']) ? value['meta_data'] : {};
  const sourceId = stringOf(meta['uuid']) ?? stringOf(meta['model_id']);
  const format = meta['uuid'] !== undefined ? 'wa-hls4ml-json' : 'rule4ml-json';
  const hls = isObject(value['hls_config']) ? value['hls_config'] : undefined;
  if (!hls) return rejected(file, position, 'no hls_config');
  const modelConfig = value['model_config'];
  if (!Array.isArray(modelConfig) || modelConfig.length === 0) return rejected(file, position, 'no model_config layers');
  const part = stringOf(value['target_part']);
  if (!part) return rejected(file, position, 'no target_part');

  const model = isObject(hls['Model']) ? hls['Model'] : {};
  const strategy = stringOf(model['Strategy'])?.toLowerCase() ?? 'latency';
  const modelPrecision = precisionText(model['Precision']) ?? 'fixed<16,6>';
  const reuseFactor = numberOf(model['ReuseFactor']) ?? 1;
  const layerNames = isObject(hls['LayerName']) ? hls['LayerName'] : {};

  let layers: LayerDraft[] | string;
  try {
    layers = layersOf(modelConfig as LayerJson[], layerNames, strategy);
  } catch (error) {
    return rejected(file, position, (error as Error).message);
  }
  if (typeof layers === 'string') return rejected(file, position, layers);

  const results: RecordDraft['results'] = {};
  const synth = resourcesOf(value['resource_report'], true);
  const estimate = resourcesOf(value['hls_resource_report'], false);
  const latency = latencyOf(value['latency_report']);
  if (synth) results.synth = synth;
  if (estimate) results.hls = estimate;
  if (latency) results.latency = latency;
  if (!synth && !estimate && !latency) return rejected(file, position, 'all reports are empty (synthesis failed or was not run)');

  const latencyReport = isObject(value['latency_report']) ? value['latency_report'] : {};
  // wa-hls4ml conv records omit io_type, but their LineBuffer convolutions exist only in
  // io_stream (and their latency follows the streaming structure), so say so rather than guess.
  const warnings: string[] = [];
  let ioType = stringOf(hls['io_type']);
  if (!ioType) {
    const lineBuffer = Object.values(layerNames).some((entry) => isObject(entry) && entry['ConvImplementation'] === 'LineBuffer');
    ioType = lineBuffer ? 'io_stream' : 'io_parallel';
    if (lineBuffer) warnings.push('io_type not recorded; io_stream inferred from the LineBuffer convolution implementation');
  }
  const clock = numberOf(hls['clock_period']) ?? numberOf(latencyReport['target_clock']) ?? 5;
  const vivadoVersion = stringOf(value['vivado_version']) ?? stringOf(value['backend_version']);
  const backend = stringOf(value['backend'])?.toLowerCase().replace('vivadoaccelerator', 'vivado_accelerator');
  const hlsTool = hlsToolOf(vivadoVersion);
  const hls4mlVersion = stringOf(value['hls4ml_version']);
  const draft: RecordDraft = {
    network: { layers },
    config: {
      strategy: strategy as RecordDraft['config']['strategy'],
      ioType: ioType as RecordDraft['config']['ioType'],
      precision: modelPrecision,
      reuseFactor,
      clockPeriodNs: clock,
      part,
      ...(backend && { backend: backend as RecordDraft['config']['backend'] }),
    },
    toolchain: {
      ...(hls4mlVersion && { hls4mlVersion }),
      ...(hlsTool && { hlsTool }),
      ...(vivadoVersion && { hlsToolVersion: vivadoVersion, vivadoVersion }),
    },
    results,
    provenance: { source, format, file, position, ...(sourceId && { sourceId }), ...(subset && { subset }) },
    warnings,
  };
  return { ok: true, draft };
}

/**
 * Layer names are not always stored: a layer is named by `name`, else by the inbound reference of
 * the layer after it, else by class and position. Precisions come from `hls_config.LayerName`,
 * by name, else by order among the entries that carry a weight precision.
 */
/** A layer as the record stores it: precisions stay strings until the schema decodes them. */
type LayerDraft = RecordDraft['network']['layers'][number];

function layersOf(config: readonly LayerJson[], layerNames: Json, strategy: string): LayerDraft[] | string {
  const names = config.map((layer, i) => stringOf(layer.name) ?? singleInbound(config[i + 1]) ?? `${String(layer.class_name).toLowerCase()}_${i}`);
  const weightEntries = Object.entries(layerNames).filter(([, v]) => isObject(v) && isObject(v['Precision']) && 'weight' in (v['Precision'] as Json));
  const layers: LayerDraft[] = [];
  let weightIndex = 0;
  const first = config[0];
  if (first && first.class_name !== 'InputLayer') {
    const shape = shapeOf(first.input_shape);
    if (!shape) return `layer 0 (${first.class_name}) has no input_shape`;
    layers.push({ name: `${names[0]}_input`, className: 'InputLayer', kind: 'input', inputShape: shape, outputShape: shape, params: 0, inbound: [] });
  }
  for (const [i, raw] of config.entries()) {
    const className = String(raw.class_name);
    const info = kerasClassInfo(className);
    const inputShape = shapeOf(raw.input_shape);
    const outputShape = shapeOf(raw.output_shape);
    if (!inputShape || !outputShape) return `layer ${i} (${className}) has no input or output shape`;
    const name = names[i]!;
    // The stored inbound names, except where they point before the first layer (an input the
    // record left out, added above) or are missing: then the layer follows the previous one.
    const declared = Array.isArray(raw.inbound_layers) ? raw.inbound_layers.map(String) : [];
    const previous = layers[layers.length - 1]?.name;
    const inbound = declared.length > 0 && !(i === 0 && previous) ? declared : previous ? [previous] : [];
    const layer: LayerDraft = { name, className, kind: info?.kind ?? 'other', inputShape, outputShape, params: numberOf(raw.parameters) ?? 0, inbound };
    const neurons = numberOf(raw.neurons);
    if (neurons) layer.units = neurons;
    const filters = numberOf(raw.filters);
    if (filters) layer.filters = filters;
    if (Array.isArray(raw.kernel_size)) layer.kernelSize = raw.kernel_size.map(Number);
    else if (typeof raw.kernel_size === 'number') layer.kernelSize = [raw.kernel_size];
    if (Array.isArray(raw.strides)) layer.strides = raw.strides.map(Number);
    else if (typeof raw.strides === 'number') layer.strides = [raw.strides];
    if (raw.padding === 'same' || raw.padding === 'valid') layer.padding = raw.padding;
    if (typeof raw.use_bias === 'boolean') layer.useBias = raw.use_bias;
    if (typeof raw.activation === 'string') layer.activation = raw.activation;
    else if (info?.activation) layer.activation = info.activation;
    const weighted = info !== undefined && hasWeights(info.kind);
    const rf = numberOf(raw.reuse_factor);
    if (rf && weighted) {
      layer.reuseFactor = rf;
      layer.reuseFactorKind = 'applied';
    }
    if (weighted) layer.strategy = strategy as LayerDraft['strategy'];
    const entry = (isObject(layerNames[name]) ? layerNames[name] : weighted ? weightEntries[weightIndex]?.[1] : undefined) as Json | undefined;
    if (weighted) weightIndex++;
    const precision = precisionsOf(entry);
    if (precision) layer.precision = precision;
    const auto = autoTypesOf(entry);
    if (auto.length) layer.autoPrecision = auto;
    // The config names an ApplyAlpha node after a layer whose quantizer's alpha hls4ml factored out
    // (`qkeras_factorize_alpha`). The records do not keep the quantizers; their DSPs are the
    // layers' own (a multiplier per ApplyAlpha would double the io_stream designs' 3–6), so the
    // scales are taken as powers of two, QKeras's `auto_po2`.
    if (weighted && isObject(layerNames[`${name}_alpha`])) layer.quantizerAlpha = 'auto_po2';
    layers.push(layer);
  }
  return layers;
}

function precisionsOf(entry: Json | undefined): Record<string, string> | undefined {
  const precision = entry?.['Precision'];
  if (!isObject(precision)) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['weight', 'bias', 'result', 'accum']) {
    const text = stringOf(precision[key]);
    if (text && text.toLowerCase() !== AUTO) out[key] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The result and accumulator types the record's config leaves to hls4ml's inference (`auto`). */
function autoTypesOf(entry: Json | undefined): AutoPrecisionVariable[] {
  const precision = entry?.['Precision'];
  if (!isObject(precision)) return [];
  return AUTO_PRECISION_VARIABLES.filter((key) => stringOf(precision[key])?.toLowerCase() === AUTO);
}

function resourcesOf(value: unknown, bramInTiles: boolean): ResourcesJson | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  const bram = numberOf(value['bram'] ?? value['BRAM_18K'] ?? value['bram_18k']);
  const dsp = numberOf(value['dsp'] ?? value['DSP']);
  const ff = numberOf(value['ff'] ?? value['FF']);
  const lut = numberOf(value['lut'] ?? value['LUT']);
  const uram = numberOf(value['uram'] ?? value['URAM']);
  if (bram === undefined || dsp === undefined || ff === undefined || lut === undefined) return undefined;
  return { bram18k: bramInTiles ? bram36ToBram18(bram) : bram, dsp, ff, lut, ...(uram !== undefined && { uram }) };
}

function latencyOf(value: unknown): LatencyJson | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return undefined;
  const out: LatencyJson = {};
  const set = (key: keyof LatencyJson, raw: unknown) => {
    const n = numberOf(raw);
    if (n !== undefined && (n > 0 || key.startsWith('cycles') || key.startsWith('interval'))) out[key] = n;
  };
  set('cyclesMin', value['cycles_min']);
  set('cyclesMax', value['cycles_max']);
  set('intervalMin', value['interval_min']);
  set('intervalMax', value['interval_max']);
  set('targetClockNs', value['target_clock']);
  set('estimatedClockNs', value['estimated_clock']);
  return out.cyclesMax !== undefined || out.cyclesMin !== undefined ? out : undefined;
}

function precisionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value)) return stringOf(value['default']) ?? stringOf(value['result']);
  return undefined;
}

function shapeOf(value: unknown): number[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const inner = Array.isArray(value[0]) ? value[0] : value;
  const dims = (inner as unknown[]).slice(1);
  return dims.every((d) => typeof d === 'number') ? (dims as number[]) : undefined;
}

function singleInbound(next: LayerJson | undefined): string | undefined {
  return next && Array.isArray(next.inbound_layers) && next.inbound_layers.length === 1 ? String(next.inbound_layers[0]) : undefined;
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
