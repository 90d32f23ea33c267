import {
  configureNetwork,
  formatPrecision,
  isHlsestError,
  parseHls4mlConfigText,
  parsePrecision,
  type ConfigOverrides,
  type DesignRecord,
  type Hls4mlConfig,
  type IoType,
  type Layer,
  type LayerResult,
  type Network,
  type Precision,
  type Strategy,
} from '@hlsest/core';
import { parseCsynthRpt } from './csynth-rpt.js';
import { parseCsynthXml } from './csynth-xml.js';
import { moduleTypes, parseInstanceTables, type InstanceRow } from './csynth-instances.js';
import { parseVivadoUtilization } from './vivado-utilization.js';
import { unreleasedFunctions } from './unreleased-functions.js';
import { draftOf, rejected, type DraftResult } from './draft.js';
import type { HlsReport, SynthReport } from './report-types.js';

/** Settings to assume where a project does not record them (no hls4ml_config.yml). */
export interface ProjectDefaults {
  readonly ioType?: IoType;
  readonly strategy?: Strategy;
  readonly precision?: string;
  readonly reuseFactor?: number;
}

export interface LoadedProject {
  /** Display path of the design (folder, or log file for a loose log). */
  readonly root: string;
  readonly config?: { readonly path: string; readonly text: string };
  readonly model?: { readonly path: string; readonly network: Network };
  readonly hlsReport?: { readonly path: string; readonly text: string };
  readonly synthReport?: { readonly path: string; readonly text: string };
  /** The top report in text form when `hlsReport` is XML: its instance tables give per-layer numbers. */
  readonly instanceReport?: { readonly path: string; readonly text: string };
}

/**
 * Puts one project's files together into a record draft. The reports are the truth: where the
 * config disagrees with them or with the folder's name (`reuse100`, `rf18`, `resource_…`), the
 * report or name wins and the disagreement becomes a warning on the record.
 */
export function assembleProject(project: LoadedProject, source: string, subset: string | undefined, defaults: ProjectDefaults = {}): DraftResult {
  const warnings: string[] = [];
  const where = project.root;
  let hls: HlsReport | undefined;
  let synth: SynthReport | undefined;
  let config: Hls4mlConfig | undefined;
  try {
    if (project.hlsReport) {
      const { path, text } = project.hlsReport;
      hls = path.endsWith('.xml') ? parseCsynthXml(text, path) : parseCsynthRpt(text, path);
    }
    if (project.synthReport) synth = parseVivadoUtilization(project.synthReport.text, project.synthReport.path);
    if (project.config) config = parseHls4mlConfigText(project.config.text, project.config.path);
  } catch (error) {
    if (isHlsestError(error)) return rejected(where, undefined, error.message);
    throw error;
  }
  if (!hls && !synth) return rejected(where, undefined, 'no C-synthesis or Vivado utilization report found');
  if (!project.model) {
    return rejected(
      where,
      undefined,
      'no model architecture found (looked for keras_model_config.json, *_model.json, a Keras .h5 or .keras, and models/<name>_model.json in a parent folder)',
    );
  }

  const hints = namingHints(`${project.root}/${project.hlsReport?.path ?? ''}`);
  if (hints.lutMultipliers) warnings.push('multipliers forced onto LUTs by a setting outside the config (the folder says LUT_…); DSP and LUT counts and the latency do not follow the config');
  const overrides: { -readonly [K in keyof ConfigOverrides]: ConfigOverrides[K] } = {};
  const assumed: ('reuseFactor' | 'strategy' | 'ioType' | 'precision')[] = [];
  const configuredRf = config?.model.reuseFactor;
  if (hints.reuseFactor !== undefined) {
    if (configuredRf !== undefined && configuredRf !== hints.reuseFactor) {
      warnings.push(`config says ReuseFactor ${configuredRf} but the folder name says ${hints.reuseFactor}; using ${hints.reuseFactor}`);
    }
    overrides.reuseFactor = hints.reuseFactor;
  } else if (!config) {
    warnings.push(`no hls4ml config and no reuse factor in the name; assumed ${defaults.reuseFactor ?? 1}`);
    assumed.push('reuseFactor');
    overrides.reuseFactor = defaults.reuseFactor ?? 1;
  }
  if (hints.strategy && config?.model.strategy && hints.strategy !== config.model.strategy) {
    warnings.push(`config says Strategy ${config.model.strategy} but the folder name says ${hints.strategy}; using ${hints.strategy}`);
  }
  if (hints.strategy) overrides.strategy = hints.strategy;
  else if (!config) {
    overrides.strategy = defaults.strategy ?? 'latency';
    warnings.push(`no hls4ml config and no strategy in the name; assumed ${overrides.strategy}`);
    assumed.push('strategy');
  }
  if (!config) {
    overrides.ioType = defaults.ioType ?? 'io_parallel';
    if (!defaults.ioType) {
      warnings.push('no hls4ml config: assumed io_parallel');
      assumed.push('ioType');
    }
    overrides.precision = parsePrecision(defaults.precision ?? 'fixed<16,6>');
    if (!defaults.precision) {
      warnings.push('no hls4ml config: assumed precision fixed<16,6>');
      assumed.push('precision');
    }
  }
  const reportClock = hls?.latency.targetClockNs;
  if (reportClock !== undefined) {
    if (config?.clockPeriodNs !== undefined && Math.abs(config.clockPeriodNs - reportClock) > 1e-9) {
      warnings.push(`config says ClockPeriod ${config.clockPeriodNs} ns but the report says ${reportClock} ns; using the report`);
    }
    overrides.clockPeriodNs = reportClock;
  }
  const part = hls?.part ?? config?.part ?? synth?.device;
  if (!part) return rejected(where, undefined, 'no target part in the reports or the config');
  overrides.part = part;
  if (config?.part && hls?.part && !samePart(config.part, hls.part)) warnings.push(`config says Part ${config.part} but the report says ${hls.part}; using the report`);

  // An overridden reuse factor replaces the config's per-layer values too (the name is the truth).
  const configured = configureNetwork(project.model.network.layers, config, overrides);
  const instanceText = project.hlsReport && !project.hlsReport.path.endsWith('.xml') ? project.hlsReport.text : project.instanceReport?.text;
  const instances = instanceText ? parseInstanceTables(instanceText) : [];
  const layerResults = perLayerResults(instances, configured.layers);
  const layers = withReportTypes(configured.layers, layerResults, warnings);
  const unreleased = unreleasedFunctions(instances.map((row) => row.module));
  if (unreleased.length > 0) {
    warnings.push(`the report names firmware functions no hls4ml release defines (${unreleased.join(', ')}): built by a development branch, recorded as hls4ml "dev"`);
  }
  const record = {
    network: { layers },
    config: configured.config,
    toolchain: {
      ...(hls?.tool && { hlsTool: hls.tool }),
      ...(hls?.toolVersion && { hlsToolVersion: hls.toolVersion }),
      ...(synth?.toolVersion && { vivadoVersion: synth.toolVersion }),
      ...(unreleased.length > 0 && { hls4mlVersion: 'dev' }),
    },
    results: {
      ...(hls && { hls: hls.resources }),
      ...(synth && { synth: synth.resources }),
      ...(hls && Object.keys(hls.latency).length > 0 && { latency: hls.latency }),
      ...(layerResults.length > 0 && { layers: layerResults }),
    },
    provenance: { source, format: 'hls4ml-project', file: where, sourceId: where, ...(subset && { subset }), ...(assumed.length > 0 && { assumed }) },
    warnings,
  } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
  return { ok: true, draft: draftOf(record) };
}

/** Reuse factor and strategy written into folder or file names (`DSP_reuse100`, `model32_rf18_core`, `resource_10k`). */
export function namingHints(path: string): { reuseFactor?: number; strategy?: Strategy; lutMultipliers?: boolean } {
  const lower = path.toLowerCase();
  const lut = /(?:^|\/)lut_/.test(lower);
  const rf = /(?:^|[/_-])(?:rf|reuse)_?(\d+)(?=$|[/_.-])/.exec(lower);
  // A strategy word ends the name or precedes a number (`model4_latency`, `resource_10k`); one
  // that starts a phrase (`latency_analysis`) names a topic, not the build's strategy.
  const strategy = /(?:^|[/_-])(latency|resource)(?=$|[/.]|[_-]\d)/.exec(lower);
  return {
    ...(rf && { reuseFactor: Number(rf[1]) }),
    ...(strategy && { strategy: strategy[1] as Strategy }),
    ...(lut && { lutMultipliers: true }),
  };
}

function samePart(a: string, b: string): boolean {
  const key = (p: string) => p.toLowerCase().replace(/-/g, '');
  return key(a) === key(b);
}

/**
 * Per-layer numbers from the report's instance rows, tied to hls4ml's nodes in order: rows are
 * sorted by the layer index in their module's name and each goes to the next node whose kind
 * the module's function builds (`dense_latency` → a Dense, `relu` → an activation…). The index
 * alone is not enough: hls4ml up to v0.5 skipped Flatten when numbering, and optimizer passes
 * add nodes (ZeroPadding for `same` io_stream convolutions) the Keras model does not have.
 * Rows of one node (a function called twice) are summed; rows no node builds are left out.
 */
export function perLayerResults(rows: readonly InstanceRow[], layers: readonly Layer[]): LayerResult[] {
  const byIndex = new Map<number, InstanceRow[]>();
  for (const row of rows) if (row.configIndex !== undefined) byIndex.set(row.configIndex, [...(byIndex.get(row.configIndex) ?? []), row]);
  const results: LayerResult[] = [];
  let next = 0;
  for (const [, group] of [...byIndex.entries()].sort(([a], [b]) => a - b)) {
    const kinds = kindsBuiltBy(group[0]!.module);
    if (!kinds) continue;
    const at = layers.findIndex((layer, i) => i >= next && kinds.includes(layer.kind) && !(layer.kind === 'activation' && /linear$/.test(layer.name)));
    if (at < 0) continue;
    next = at + 1;
    const layer = layers[at]!;
    const withResources = group.filter((r) => r.resources);
    const hls = withResources.length
      ? withResources.reduce((sum, r) => ({ bram18k: sum.bram18k + r.resources!.bram18k, dsp: sum.dsp + r.resources!.dsp, ff: sum.ff + r.resources!.ff, lut: sum.lut + r.resources!.lut }), { bram18k: 0, dsp: 0, ff: 0, lut: 0 })
      : undefined;
    const latency = group.map((r) => r.latency).filter((l) => l !== undefined).sort((a, b) => (b.cyclesMax ?? 0) - (a.cyclesMax ?? 0))[0];
    if (!hls && !latency) continue;
    results.push({ node: layer.name, module: group[0]!.module, ...(hls && { hls }), ...(latency && { latency }) });
  }
  return results;
}

/** The node kinds an hls4ml firmware function builds, from its module name (`nnet_utils` function names). */
function kindsBuiltBy(module: string): readonly Layer['kind'][] | undefined {
  const name = module.toLowerCase();
  if (/^(dense|dense_latency|dense_resource|dense_large|dense_compressed)/.test(name)) return ['dense'];
  if (/^pointwise_conv_1d/.test(name)) return ['conv1d'];
  if (/^pointwise_conv_2d/.test(name)) return ['conv2d'];
  if (/^depthwise_conv_1d/.test(name)) return ['depthwise_conv1d'];
  if (/^depthwise_conv_2d/.test(name)) return ['depthwise_conv2d'];
  if (/^separable_conv_1d/.test(name)) return ['separable_conv1d'];
  if (/^separable_conv_2d/.test(name)) return ['separable_conv2d'];
  if (/^conv_1d/.test(name)) return ['conv1d'];
  if (/^conv_2d/.test(name)) return ['conv2d'];
  if (/^(pooling1d|global_pooling1d)/.test(name)) return ['pooling1d', 'global_pooling1d'];
  if (/^(pooling2d|global_pooling2d)/.test(name)) return ['pooling2d', 'global_pooling2d'];
  if (/^normalize/.test(name)) return ['batchnorm'];
  if (/^(relu|leaky_relu|thresholded_relu|elu|selu|prelu|sigmoid|tanh|softmax|softplus|softsign|hard_sigmoid|hard_tanh|binary_tanh|ternary_tanh|linear)/.test(name)) return ['activation'];
  if (/^(lstm|gru|simple_rnn)/.test(name)) return ['recurrent'];
  if (/^(add|subtract|multiply|average|maximum|minimum|concatenate|dot|merge)/.test(name)) return ['merge'];
  if (/^(resize_nearest|upsampling)/.test(name)) return ['upsampling'];
  if (/^embedding/.test(name)) return ['embedding'];
  return undefined;
}

/**
 * The types C-synthesis really built with, from the module names (`dense_latency<input, result,
 * config>`): where they differ from the config's, the report wins and the record says so
 * (real projects ship configs that were edited after synthesis).
 */
function withReportTypes(layers: readonly Layer[], results: readonly LayerResult[], warnings: string[]): Layer[] {
  const typed = new Map<string, { input: Precision; result: Precision }>();
  for (const r of results) {
    const types = r.module ? moduleTypes(r.module) : [];
    if (types.length >= 2) typed.set(r.node, { input: types[0]!, result: types[types.length - 1]! });
  }
  if (typed.size === 0) return [...layers];
  const inputTypes = new Map<string, Precision>();
  for (const layer of layers) {
    const t = typed.get(layer.name);
    if (t && layer.inbound.length === 1) inputTypes.set(layer.inbound[0]!, t.input);
  }
  return layers.map((layer) => {
    const reported = typed.get(layer.name)?.result ?? (layer.kind === 'input' ? inputTypes.get(layer.name) : undefined);
    const configured = layer.precision?.result;
    if (!reported || (configured && formatPrecision(configured) === formatPrecision(reported))) return layer;
    warnings.push(`${layer.name}: config says result ${configured ? formatPrecision(configured) : '(unset)'} but the report's module uses ${formatPrecision(reported)}; using the report`);
    return { ...layer, precision: { ...layer.precision, result: reported } };
  });
}
