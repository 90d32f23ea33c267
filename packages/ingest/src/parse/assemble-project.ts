import {
  configureNetwork,
  isHlsestError,
  parseHls4mlConfigText,
  parsePrecision,
  type ConfigOverrides,
  type DesignRecord,
  type Hls4mlConfig,
  type IoType,
  type Network,
  type Strategy,
} from '@hlsest/core';
import { parseCsynthRpt } from './csynth-rpt.js';
import { parseCsynthXml } from './csynth-xml.js';
import { parseVivadoUtilization } from './vivado-utilization.js';
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
      'no model architecture found (looked for keras_model_config.json, *_model.json, a Keras .h5, and models/<name>_model.json in a parent folder)',
    );
  }

  const hints = namingHints(`${project.root}/${project.hlsReport?.path ?? ''}`);
  const overrides: { -readonly [K in keyof ConfigOverrides]: ConfigOverrides[K] } = {};
  const configuredRf = config?.model.reuseFactor;
  if (hints.reuseFactor !== undefined) {
    if (configuredRf !== undefined && configuredRf !== hints.reuseFactor) {
      warnings.push(`config says ReuseFactor ${configuredRf} but the folder name says ${hints.reuseFactor}; using ${hints.reuseFactor}`);
    }
    overrides.reuseFactor = hints.reuseFactor;
  } else if (!config) {
    warnings.push(`no hls4ml config and no reuse factor in the name; assumed ${defaults.reuseFactor ?? 1}`);
    overrides.reuseFactor = defaults.reuseFactor ?? 1;
  }
  if (hints.strategy && config?.model.strategy && hints.strategy !== config.model.strategy) {
    warnings.push(`config says Strategy ${config.model.strategy} but the folder name says ${hints.strategy}; using ${hints.strategy}`);
  }
  if (hints.strategy) overrides.strategy = hints.strategy;
  else if (!config) {
    overrides.strategy = defaults.strategy ?? 'latency';
    warnings.push(`no hls4ml config and no strategy in the name; assumed ${overrides.strategy}`);
  }
  if (!config) {
    overrides.ioType = defaults.ioType ?? 'io_parallel';
    if (!defaults.ioType) warnings.push('no hls4ml config: assumed io_parallel');
    overrides.precision = parsePrecision(defaults.precision ?? 'fixed<16,6>');
    if (!defaults.precision) warnings.push('no hls4ml config: assumed precision fixed<16,6>');
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
  const record = {
    network: { layers: configured.layers },
    config: configured.config,
    toolchain: {
      ...(hls?.tool && { hlsTool: hls.tool }),
      ...(hls?.toolVersion && { hlsToolVersion: hls.toolVersion }),
      ...(synth?.toolVersion && { vivadoVersion: synth.toolVersion }),
    },
    results: {
      ...(hls && { hls: hls.resources }),
      ...(synth && { synth: synth.resources }),
      ...(hls && Object.keys(hls.latency).length > 0 && { latency: hls.latency }),
    },
    provenance: { source, format: 'hls4ml-project', file: where, sourceId: where, ...(subset && { subset }) },
    warnings,
  } satisfies Omit<DesignRecord, 'id' | 'schemaVersion'>;
  return { ok: true, draft: draftOf(record) };
}

/** Reuse factor and strategy written into folder or file names (`DSP_reuse100`, `model32_rf18_core`, `resource_10k`). */
export function namingHints(path: string): { reuseFactor?: number; strategy?: Strategy } {
  const lower = path.toLowerCase();
  const rf = /(?:^|[/_-])(?:rf|reuse)_?(\d+)(?=$|[/_.-])/.exec(lower);
  const strategy = /(?:^|[/_-])(latency|resource)(?=$|[/_.-])/.exec(lower);
  return {
    ...(rf && { reuseFactor: Number(rf[1]) }),
    ...(strategy && { strategy: strategy[1] as Strategy }),
  };
}

function samePart(a: string, b: string): boolean {
  const key = (p: string) => p.toLowerCase().replace(/-/g, '');
  return key(a) === key(b);
}
