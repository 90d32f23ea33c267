import { CORE_SCHEMA, load as loadYaml, Type } from 'js-yaml';
import { HlsestError } from './errors.js';
import { parsePrecisionOrAuto, AUTO, DEFAULT_PRECISION, type Precision } from './precision.js';
import { BACKENDS, STRATEGIES, type AutoPrecisionVariable, type Backend, type HlsConfig, type IoType, type Layer, type LayerPrecision, type Strategy } from './schema.js';
import { DEFAULT_PART, resolveDevice } from './boards.js';
import { converterGraph } from './build-model/hls4ml-graph.js';
import { hls4mlClassName } from './layer-kinds/index.js';

/**
 * Precisions of one config level by variable (`default` is the variable-less `Precision: fixed<16,6>`);
 * `auto` where the config leaves the type to hls4ml's inference.
 */
export type PrecisionSettings = Readonly<Record<string, Precision | typeof AUTO>>;

/** One level of hls4ml's HLSConfig (Model, a LayerType entry or a LayerName entry). */
export interface LayerSettings {
  readonly reuseFactor?: number;
  /** `Strategy` as hls4ml keeps it (snake case, any name): each layer kind interprets it. */
  readonly strategy?: string;
  readonly precision?: PrecisionSettings;
  readonly parallelizationFactor?: number;
  /** Softmax `Implementation` (stable, latency, argmax, legacy). */
  readonly implementation?: string;
  /** Convolution and pooling `ConvImplementation` (LineBuffer, Encoded). */
  readonly convImplementation?: string;
  readonly tableSize?: number;
  /** Softmax `Skip`: the layer is left out of the firmware. */
  readonly skip?: boolean;
}

/** The file names a top-level (`hls4ml convert -c`) config names, relative to the config. */
export interface ProjectFiles {
  readonly kerasJson?: string;
  readonly kerasH5?: string;
  readonly kerasModel?: string;
  readonly onnxModel?: string;
  readonly pytorchModel?: string;
  readonly outputDir?: string;
  readonly projectName?: string;
}

/** An hls4ml configuration, parsed: the three levels of HLSConfig plus the project settings. */
export interface Hls4mlConfig {
  readonly model: LayerSettings;
  /** Keyed by lower-case hls4ml class name, as `HLSConfig` matches them. */
  readonly layerType: Readonly<Record<string, LayerSettings>>;
  /** Keyed by lower-case layer name, as `HLSConfig` matches them. */
  readonly layerName: Readonly<Record<string, LayerSettings>>;
  readonly ioType?: IoType;
  readonly clockPeriodNs?: number;
  readonly part?: string;
  readonly backend?: Backend;
  /** Weights of layers with more than this many go to top-level BRAM ports (`BramFactor`). */
  readonly bramFactor?: number;
  /** `Model.PipelineStyle` when it names one (`auto` leaves the choice to hls4ml). */
  readonly pipelineStyle?: PipelineStyle;
  readonly files?: ProjectFiles;
  /** Keys read but not understood, or settings hls4ml ignores: one sentence each, naming the key. */
  readonly warnings: readonly string[];
}

// js-yaml rather than `yaml`: ten times faster on hls4ml configs, which matters when ingesting
// thousands of project folders. hls4ml writes `KerasModel: !keras_model '…'` and PyYAML may add
// `!!python/…` tags: tagged values are read as if untagged, never refused.
const KINDS = ['scalar', 'sequence', 'mapping'] as const;
const HLS4ML_YAML_SCHEMA = CORE_SCHEMA.extend(
  ['!', 'tag:yaml.org,2002:python/'].flatMap((prefix) => KINDS.map((kind) => new Type(prefix, { kind, multi: true, construct: (data: unknown) => data }))),
);

/** Parses YAML or JSON text (YAML is a superset) as written by hls4ml or by hand. */
export function parseHls4mlConfigText(text: string, source = 'config'): Hls4mlConfig {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: HLS4ML_YAML_SCHEMA, filename: source });
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `${source}: not valid YAML or JSON (${(error as Error).message})`, { source }, { cause: error });
  }
  return readHls4mlConfig(value, source);
}

/**
 * Keys of a top-level config (`hls4ml convert -c`, `create_config`, a project's
 * `hls4ml_config.yml`, wa-hls4ml's `hls_config`) and what is done with each.
 */
const TOP_LEVEL_KEYS = new Set([
  'HLSConfig', 'IOType', 'io_type', 'ClockPeriod', 'clock_period', 'Part', 'XilinxPart', 'part', 'Backend', 'backend',
  'KerasJson', 'KerasH5', 'KerasModel', 'OnnxModel', 'PytorchModel', 'OutputDir', 'ProjectName',
  // Read by hls4ml but irrelevant to the estimate:
  'InputData', 'OutputPredictions', 'Stamp', 'Version', 'WriterConfig', 'ClockUncertainty', 'Board', 'AcceleratorConfig',
  'InputShape', 'Interface', 'Driver', 'Precision', 'ProjectDir', 'TraceOutput', 'Model', 'LayerType', 'LayerName',
  'Optimizers', 'SkipOptimizers', 'Flows', 'MaxPrecision', 'Strategy', 'ReuseFactor', 'Trace', 'BramFactor', 'TargetCycles',
]);
const HLSCONFIG_KEYS = new Set(['Model', 'LayerType', 'LayerName', 'Optimizers', 'SkipOptimizers', 'Flows', 'IOType', 'Backend']);
const LEVEL_KEYS = new Set([
  'ReuseFactor', 'Strategy', 'Precision', 'ParallelizationFactor', 'Implementation', 'ConvImplementation', 'TableSize', 'table_size', 'Skip',
  // Read by hls4ml but not by the estimate (tracing, compression is not modelled, targets the user states, fork options):
  'Trace', 'TraceOutput', 'Compression', 'TargetCycles', 'PipelineInterval', 'FIFO_opt', 'MaxPrecision',
  // Read at model level apart:
  'PipelineStyle', 'BramFactor',
  'exp_table_t', 'inv_table_t', 'table_t', 'accum_t', 'result_t', 'weight_t', 'bias_t', 'Static', 'static', 'RecurrentReuseFactor',
]);

/**
 * Reads an hls4ml config object. Accepts the whole project config (`HLSConfig`, `IOType`,
 * `ClockPeriod`, `Part`…), the bare `HLSConfig` that `config_from_keras_model` returns, and the
 * `hls_config` of wa-hls4ml records (lower-case `clock_period`, `io_type`). Values hls4ml would
 * reject are refused with hls4ml's reason; keys it does not know are warnings that name them.
 */
export function readHls4mlConfig(value: unknown, source = 'config'): Hls4mlConfig {
  if (!isObject(value)) throw new HlsestError('HLSEST_BAD_CONFIG', `${source}: an hls4ml config must be a mapping`, { source });
  const warnings: string[] = [];
  const hls = isObject(value['HLSConfig']) ? value['HLSConfig'] : value;
  if (hls !== value) {
    for (const key of Object.keys(value)) if (!TOP_LEVEL_KEYS.has(key)) warnings.push(`${source}: unknown key ${key} (ignored)`);
    for (const key of Object.keys(hls)) if (!HLSCONFIG_KEYS.has(key)) warnings.push(`${source}: unknown key HLSConfig.${key} (ignored)`);
  }
  const model = readSettings(hls['Model'], `${source}: Model`, warnings);
  const layerType = readSettingsMap(hls['LayerType'], `${source}: LayerType`, warnings);
  const layerName = readSettingsMap(hls['LayerName'], `${source}: LayerName`, warnings);
  const rawIo = value['IOType'] ?? value['io_type'] ?? hls['IOType'];
  const ioType = readIoType(rawIo, `${source}: IOType`);
  if (typeof rawIo === 'string' && rawIo.toLowerCase() === 'io_serial') warnings.push(`${source}: IOType io_serial is the name hls4ml used before v0.5 for io_stream; read as io_stream`);
  const clock = value['ClockPeriod'] ?? value['clock_period'];
  const clockPeriodNs = clock === undefined || clock === null ? undefined : positiveNumber(clock, `${source}: ClockPeriod`);
  const partValue = value['Part'] ?? value['XilinxPart'] ?? value['part'];
  const backend = readBackend(value['Backend'] ?? value['backend'] ?? hls['Backend'], `${source}: Backend`);
  const bram = isObject(hls['Model']) ? hls['Model']['BramFactor'] : undefined;
  const pipelineStyle = readPipelineStyle(isObject(hls['Model']) ? hls['Model']['PipelineStyle'] : undefined, `${source}: Model.PipelineStyle`, warnings);
  const files = readFiles(value);
  return {
    model,
    layerType,
    layerName,
    ...(ioType && { ioType }),
    ...(clockPeriodNs !== undefined && { clockPeriodNs }),
    ...(typeof partValue === 'string' && partValue.trim() && { part: partValue.trim() }),
    ...(backend && { backend }),
    ...(typeof bram === 'number' && Number.isFinite(bram) && { bramFactor: bram }),
    ...(pipelineStyle && { pipelineStyle }),
    ...(files && { files }),
    warnings,
  };
}

type PipelineStyle = NonNullable<HlsConfig['pipelineStyle']>;

/** hls4ml's `SetPipelineStyle`: `auto`, `pipeline` or `dataflow`, any case; anything else is read as `auto`, with a warning. */
function readPipelineStyle(value: unknown, where: string, warnings: string[]): PipelineStyle | undefined {
  if (value === undefined || value === null) return undefined;
  const style = String(value).toLowerCase();
  if (style === 'pipeline' || style === 'dataflow') return style;
  if (style !== 'auto') warnings.push(`${where}: "${String(value)}" is not one of auto, pipeline, dataflow; read as auto, as hls4ml does`);
  return undefined;
}

function readFiles(value: Record<string, unknown>): ProjectFiles | undefined {
  const pick = (key: string) => (typeof value[key] === 'string' && (value[key] as string).trim() ? (value[key] as string).trim() : undefined);
  const files: ProjectFiles = {
    ...(pick('KerasJson') && { kerasJson: pick('KerasJson') }),
    ...(pick('KerasH5') && { kerasH5: pick('KerasH5') }),
    ...(pick('KerasModel') && { kerasModel: pick('KerasModel') }),
    ...(pick('OnnxModel') && { onnxModel: pick('OnnxModel') }),
    ...(pick('PytorchModel') && { pytorchModel: pick('PytorchModel') }),
    ...(pick('OutputDir') && { outputDir: pick('OutputDir') }),
    ...(pick('ProjectName') && { projectName: pick('ProjectName') }),
  };
  return Object.keys(files).length ? files : undefined;
}

export interface ConfiguredNetwork {
  /** hls4ml's graph (activation arguments split into nodes of their own), every node configured. */
  readonly layers: Layer[];
  readonly config: HlsConfig;
  /** The config's own warnings and those about this network (settings for layers it does not have). */
  readonly warnings: readonly string[];
}

export interface ConfigOverrides {
  readonly strategy?: Strategy;
  readonly ioType?: IoType;
  readonly precision?: Precision;
  readonly reuseFactor?: number;
  readonly clockPeriodNs?: number;
  readonly part?: string;
  readonly board?: string;
  readonly backend?: Backend;
}

/**
 * Gives every node of hls4ml's graph its reuse factor, strategy, precisions and per-layer
 * options the way `HLSConfig` looks them up (`model/graph.py`): layer names and class names
 * case-insensitively, LayerName before LayerType before Model; per precision variable
 * LayerName.var → LayerName default → LayerType.var → LayerType default → Model.var → Model
 * default (`get_precision`). QKeras weight quantizers fix weight and bias types whatever the
 * config says (`add_weights_variable` takes the quantizer's type). Command-line overrides
 * replace the setting they name at every level.
 */
export function configureNetwork(layers: readonly Layer[], file: Hls4mlConfig | undefined, given: ConfigOverrides = {}): ConfiguredNetwork {
  const overrides = checkOverrides(given);
  const model = modelSettings(file, overrides);
  const config = designSettings(model, file, overrides);
  const graph = converterGraph(layers);
  const warnings = [...(file?.warnings ?? [])];
  const names = new Set(graph.map((l) => l.name.toLowerCase()));
  for (const name of Object.keys(file?.layerName ?? {})) {
    if (!names.has(name)) warnings.push(`LayerName.${name} matches no layer of the model (hls4ml ignores it)`);
  }
  const overridden = { reuseFactor: overrides.reuseFactor !== undefined, strategy: overrides.strategy !== undefined };
  const configured = graph.map((layer) => {
    const byName = file?.layerName[layer.name.toLowerCase()];
    const byType = file?.layerType[hls4mlClassName(layer).toLowerCase()];
    const levels = [byName, byType, model];
    const pick = <K extends 'reuseFactor' | 'strategy' | 'tableSize' | 'implementation' | 'convImplementation'>(key: K): LayerSettings[K] =>
      (key in overridden && overridden[key as keyof typeof overridden] ? [model] : levels).find((level) => level?.[key] !== undefined)?.[key];
    const { precision, auto } = configuredPrecision(layer, byName, byType, model, config.precision);
    const strategyName = pick('strategy');
    const strategy = strategyName === undefined ? config.strategy : strategyOf(strategyName);
    if (strategyName !== undefined && strategy === undefined) warnings.push(`${layer.name}: unknown Strategy "${strategyName}"; hls4ml builds it with the Latency strategy`);
    const implementation = layer.kind === 'activation' ? (byName?.skip ?? byType?.skip ? 'skip' : pick('implementation')) : pick('convImplementation');
    // `get_layer_config_value` stops at the first level that exists, even without the key.
    const pfLevel = byName ?? byType ?? model;
    const tableSize = pick('tableSize');
    // Object.assign rather than a spread: far cheaper in V8 for objects this size (sweeps).
    return Object.assign({}, layer, {
      reuseFactor: pick('reuseFactor') ?? config.reuseFactor,
      reuseFactorKind: 'requested' as const,
      strategy: strategy ?? 'latency',
      precision,
      ...(auto.length > 0 && { autoPrecision: auto }),
      ...(implementation !== undefined && { implementation: implementation.toLowerCase() }),
      ...(tableSize !== undefined && { tableSize }),
      ...(pfLevel.parallelizationFactor !== undefined && { parallelizationFactor: pfLevel.parallelizationFactor }),
    });
  });
  return { layers: configured, config, warnings };
}

const QUANTIZER_FIXED: readonly (keyof LayerPrecision)[] = ['weight', 'bias'];

/**
 * A layer's types, looked up as `get_precision` does. A result or accumulator type the config
 * sets to `auto` is left for `inferAutoTypes` (hls4ml infers it after its graph passes); an `auto`
 * weight, bias or table is the default (`_infer_default_type`) unless a quantizer fixes it.
 */
function configuredPrecision(
  layer: Layer,
  byName: LayerSettings | undefined,
  byType: LayerSettings | undefined,
  model: LayerSettings,
  designDefault: Precision,
): { precision: LayerPrecision; auto: AutoPrecisionVariable[] } {
  const own = layer.precision;
  const precision: LayerPrecision = Object.assign({}, own);
  const auto: AutoPrecisionVariable[] = [];
  for (const variable of ['weight', 'bias', 'result', 'accum', 'table'] as const) {
    if (own?.[variable] && QUANTIZER_FIXED.includes(variable)) continue;
    const fromConfig = byName?.precision?.[variable] ?? byName?.precision?.['default'] ?? byType?.precision?.[variable] ?? byType?.precision?.['default'];
    const chosen = fromConfig ?? (own?.[variable] ? undefined : variable === 'table' ? model.precision?.['table'] : (model.precision?.[variable] ?? designDefault));
    if (chosen === undefined) continue;
    if (chosen !== AUTO) precision[variable] = chosen;
    else if (variable === 'result' || variable === 'accum') {
      delete precision[variable];
      auto.push(variable);
    } else precision[variable] = designDefault;
  }
  return { precision, auto };
}

/** hls4ml's strategies for weight layers; other names (softmax's `stable`…) leave them at Latency. */
function strategyOf(name: string): Strategy | undefined {
  if (name === 'da') return 'distributed_arithmetic';
  const known = STRATEGIES.find((s) => s === name);
  if (known) return known;
  return ['stable', 'argmax', 'legacy'].includes(name) ? 'latency' : undefined;
}

/** The design-level settings alone: what `configureNetwork` returns as `config` (a sweep needs one per configuration). */
export function designConfig(file: Hls4mlConfig | undefined, overrides: ConfigOverrides = {}): HlsConfig {
  return designSettings(modelSettings(file, overrides), file, overrides);
}

/** The file's model-level settings with the command-line overrides applied. */
function modelSettings(file: Hls4mlConfig | undefined, overrides: ConfigOverrides): LayerSettings {
  return {
    ...file?.model,
    ...(overrides.reuseFactor !== undefined && { reuseFactor: overrides.reuseFactor }),
    ...(overrides.strategy && { strategy: overrides.strategy }),
    ...(overrides.precision && { precision: { ...file?.model.precision, default: overrides.precision } }),
  };
}

/**
 * The overrides a library caller or the CLI gives, checked the same way for both: a known board
 * (its default part unless a part is named too), whole reuse factors, a clock period hls4ml accepts.
 */
function checkOverrides(overrides: ConfigOverrides): ConfigOverrides {
  const { reuseFactor, clockPeriodNs, board } = overrides;
  if (reuseFactor !== undefined && !(Number.isInteger(reuseFactor) && reuseFactor >= 1)) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `reuse factor must be a whole number ≥ 1, got ${reuseFactor}`, { reuseFactor });
  }
  if (clockPeriodNs !== undefined && !(Number.isFinite(clockPeriodNs) && clockPeriodNs > 0 && clockPeriodNs <= 1000)) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `clock period must be above 0 and at most 1000 ns, got ${clockPeriodNs}`, { clockPeriodNs });
  }
  if (board === undefined) return overrides;
  const device = resolveDevice(board);
  return { ...overrides, part: overrides.part ?? device.defaultPart };
}

function designSettings(model: LayerSettings, file: Hls4mlConfig | undefined, overrides: ConfigOverrides): HlsConfig {
  const backend = overrides.backend ?? file?.backend;
  const precision = model.precision?.['default'] ?? DEFAULT_PRECISION;
  // `config_from_keras_model`: "the default precision must be an explicit precision: 'auto' is not allowed".
  if (precision === AUTO) throw new HlsestError('HLSEST_BAD_CONFIG', 'Model.Precision: the default precision cannot be auto (hls4ml needs an explicit type to fall back on)', {});
  return {
    strategy: (model.strategy !== undefined ? strategyOf(model.strategy) : undefined) ?? 'latency',
    ioType: overrides.ioType ?? file?.ioType ?? 'io_parallel',
    precision,
    reuseFactor: model.reuseFactor ?? 1,
    clockPeriodNs: overrides.clockPeriodNs ?? file?.clockPeriodNs ?? 5,
    part: overrides.part ?? file?.part ?? DEFAULT_PART,
    ...(overrides.board && { board: overrides.board }),
    ...(backend && { backend }),
    ...(file?.pipelineStyle && { pipelineStyle: file.pipelineStyle }),
    ...(file?.bramFactor !== undefined && file.bramFactor > 0 && { bramFactor: file.bramFactor }),
  };
}

/** A strategy named on the command line (any case): one of hls4ml's weight-layer strategies. */
export function readStrategy(value: unknown, where: string): Strategy {
  const name = snakeCase(String(value));
  const strategy = strategyOf(name);
  if (!strategy || !STRATEGIES.includes(name as Strategy)) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `${where}: unknown strategy "${String(value)}" (one of ${STRATEGIES.join(', ')})`, { where });
  }
  return strategy;
}

export function readIoType(value: unknown, where: string): IoType | undefined {
  if (value === undefined || value === null) return undefined;
  const name = String(value).toLowerCase();
  if (name === 'io_parallel' || name === 'io_stream') return name;
  if (name === 'io_serial') return 'io_stream';
  throw new HlsestError('HLSEST_BAD_CONFIG', `${where}: unknown IOType "${String(value)}" (io_parallel or io_stream)`, { where });
}

/**
 * The HLS tool a backend runs when the config names no other: hls4ml's Vivado backends call
 * Vivado HLS (`build_prj.tcl`); for the Vitis ones, and none, the bundle's reference (a Vitis
 * HLS release) stands, so undefined.
 */
export function backendHlsTool(backend: Backend | undefined): 'vivado_hls' | undefined {
  return backend === 'vivado' || backend === 'vivado_accelerator' ? 'vivado_hls' : undefined;
}

export function readBackend(value: unknown, where: string): Backend | undefined {
  if (value === undefined || value === null) return undefined;
  const name = String(value).toLowerCase().replace(/[^a-z]/g, '');
  const backend = BACKENDS.find((b) => b.replace(/_/g, '') === name);
  if (!backend) throw new HlsestError('HLSEST_BAD_CONFIG', `${where}: Unknown backend: ${String(value)} (hls4ml knows ${BACKENDS.join(', ')})`, { where });
  return backend;
}

/** hls4ml's `convert_to_snake_case`: `ResourceUnrolled` → `resource_unrolled`. */
function snakeCase(text: string): string {
  return text.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function readSettingsMap(value: unknown, where: string, warnings: string[]): Record<string, LayerSettings> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new HlsestError('HLSEST_BAD_CONFIG', `${where} must be a mapping of layer to settings`, { where });
  return Object.fromEntries(Object.entries(value).map(([key, settings]) => [key.toLowerCase(), readSettings(settings, `${where}.${key}`, warnings)]));
}

function readSettings(value: unknown, where: string, warnings: string[]): LayerSettings {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new HlsestError('HLSEST_BAD_CONFIG', `${where} must be a mapping`, { where });
  for (const key of Object.keys(value)) if (!LEVEL_KEYS.has(key)) warnings.push(`${where}: unknown key ${key} (ignored)`);
  const rf = value['ReuseFactor'];
  const strategy = value['Strategy'];
  const pf = value['ParallelizationFactor'];
  const table = value['TableSize'] ?? value['table_size'];
  const implementation = value['Implementation'];
  const conv = value['ConvImplementation'];
  const skip = value['Skip'];
  const precision = readPrecisionSettings(value['Precision'], `${where}.Precision`);
  const extraTypes: Record<string, Precision | typeof AUTO> = {};
  // Older configs spell table types as `exp_table_t: ap_fixed<…>` beside Precision.
  for (const key of ['exp_table_t', 'inv_table_t', 'table_t'] as const) {
    if (typeof value[key] === 'string') extraTypes[key.replace(/_t$/, '')] = parseType(value[key], `${where}.${key}`);
  }
  const allPrecision = precision || Object.keys(extraTypes).length ? { ...extraTypes, ...precision } : undefined;
  return {
    ...(rf !== undefined && rf !== null && { reuseFactor: positiveInt(rf, `${where}.ReuseFactor`) }),
    ...(strategy !== undefined && strategy !== null && { strategy: snakeCase(String(strategy)) }),
    ...(pf !== undefined && pf !== null && { parallelizationFactor: positiveInt(pf, `${where}.ParallelizationFactor`) }),
    ...(table !== undefined && table !== null && { tableSize: positiveInt(table, `${where}.TableSize`) }),
    ...(typeof implementation === 'string' && { implementation: readChoice(implementation, ['latency', 'stable', 'argmax', 'legacy'], `${where}.Implementation`) }),
    ...(typeof conv === 'string' && { convImplementation: readChoice(conv, ['linebuffer', 'encoded', 'pointwise'], `${where}.ConvImplementation`) }),
    ...(typeof skip === 'boolean' && { skip }),
    ...(allPrecision && { precision: allPrecision }),
  };
}

/** A `ChoiceAttribute` value, refused with hls4ml's choices when it is not one of them. */
function readChoice(value: string, choices: readonly string[], where: string): string {
  const name = value.toLowerCase();
  if (!choices.includes(name)) throw new HlsestError('HLSEST_BAD_CONFIG', `${where}: "${value}" is not a valid choice (one of ${choices.join(', ')})`, { where });
  return name;
}

function parseType(text: unknown, at: string): Precision | typeof AUTO {
  if (typeof text !== 'string') throw new HlsestError('HLSEST_BAD_CONFIG', `${at} must be a type string`, { where: at });
  try {
    return parsePrecisionOrAuto(text);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `${at}: ${(error as Error).message}`, { where: at }, { cause: error });
  }
}

function readPrecisionSettings(value: unknown, where: string): PrecisionSettings | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { default: parseType(value, where) };
  if (!isObject(value)) throw new HlsestError('HLSEST_BAD_CONFIG', `${where} must be a type or a mapping of variable to type`, { where });
  const out: Record<string, Precision | typeof AUTO> = {};
  for (const [key, text] of Object.entries(value)) out[key] = parseType(text, `${where}.${key}`);
  return out;
}

function positiveInt(value: unknown, where: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isInteger(n) && n > 0) return n;
  throw new HlsestError('HLSEST_BAD_CONFIG', `${where} must be a positive integer, got ${JSON.stringify(value)}`, { where });
}

function positiveNumber(value: unknown, where: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n === 'number' && Number.isFinite(n) && n > 0) return n;
  throw new HlsestError('HLSEST_BAD_CONFIG', `${where} must be a positive number, got ${JSON.stringify(value)}`, { where });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
