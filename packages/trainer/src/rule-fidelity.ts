import { buildDesign, layerFamily, resolveReuseFactor, multSize, type DesignRecord } from '@hlsest/core';

/** How well one build-model rule matches the synthesis results it can be checked against. */
export interface RuleFidelity {
  readonly rule: string;
  readonly checked: number;
  readonly exact: number;
  /** Relative error |rule − truth| / truth at these quantiles, over the records checked. */
  readonly relativeError: { readonly median: number; readonly p90: number; readonly max: number };
  readonly examples: readonly string[];
}

interface Check {
  readonly predicted: number;
  readonly actual: number;
  readonly label: string;
}

/**
 * Checks each rule of the build model where the data can confirm it (see HLS4ML_PRIMER.md,
 * "Checked against real data"): the applied reuse factor per layer, the II and latency of
 * Resource-strategy dense designs, and the DSP count of ≥ 8-bit Resource dense layers.
 */
export function ruleFidelity(records: Iterable<DesignRecord>): RuleFidelity[] {
  const checks: Record<string, Check[]> = {
    'applied reuse factor (per weight layer, Resource)': [],
    'II = largest applied RF (Resource dense, io_parallel)': [],
    'latency = Σ(RF + 3) − 1 cycles (Resource dense, no activations)': [],
    'DSP = Σ ceil(n_in·n_out / RF) (Resource dense, weights ≥ 8 bits, post-synthesis)': [],
    'DSP = 0 (Resource dense, weights ≤ 4 bits, post-synthesis)': [],
  };
  for (const record of records) {
    const label = record.provenance.sourceId ?? record.provenance.file;
    const weightLayers = record.network.layers.filter((l) => multSize(l));
    const denseOnly = weightLayers.length > 0 && weightLayers.every((l) => layerFamily(l.kind) === 'dense');
    const resource = record.config.strategy === 'resource';
    for (const layer of weightLayers) {
      if (layer.reuseFactorKind !== 'applied' || !resource) continue;
      const size = multSize(layer)!;
      const predicted = resolveReuseFactor(size.nIn, size.nOut, record.config.reuseFactor, 'resource').applied;
      checks['applied reuse factor (per weight layer, Resource)']!.push({ predicted, actual: layer.reuseFactor!, label: `${label}/${layer.name}` });
    }
    if (!resource || !denseOnly || record.config.ioType !== 'io_parallel') continue;
    // Records that store the applied RF are rebuilt from the requested one, so the rule is tested.
    const requested = record.network.layers.map((l) => ({ ...l, reuseFactor: record.config.reuseFactor, reuseFactorKind: 'requested' as const }));
    const build = buildDesign(requested, record.config);
    const latency = record.results.latency;
    if (latency?.intervalMax !== undefined) checks['II = largest applied RF (Resource dense, io_parallel)']!.push({ predicted: build.interval, actual: latency.intervalMax, label });
    const hasActivations = record.network.layers.some((l) => l.kind === 'activation' && !['linear', undefined].includes(l.activation));
    if (latency?.cyclesMax !== undefined && !hasActivations) {
      checks['latency = Σ(RF + 3) − 1 cycles (Resource dense, no activations)']!.push({ predicted: build.cycles, actual: latency.cyclesMax, label });
    }
    const synth = record.results.synth;
    const widths = weightLayers.map((l) => l.precision?.weight?.width ?? record.config.precision.width);
    if (synth && widths.every((w) => w >= 8)) {
      checks['DSP = Σ ceil(n_in·n_out / RF) (Resource dense, weights ≥ 8 bits, post-synthesis)']!.push({ predicted: build.totals.multipliers, actual: synth.dsp, label });
    }
    if (synth && widths.every((w) => w <= 4)) checks['DSP = 0 (Resource dense, weights ≤ 4 bits, post-synthesis)']!.push({ predicted: build.totals.expectedDsp, actual: synth.dsp, label });
  }
  return Object.entries(checks).map(([rule, list]) => summarize(rule, list));
}

function summarize(rule: string, checks: readonly Check[]): RuleFidelity {
  const errors = checks.map((c) => (c.actual === 0 ? (c.predicted === 0 ? 0 : 1) : Math.abs(c.predicted - c.actual) / Math.abs(c.actual))).sort((a, b) => a - b);
  const at = (q: number) => (errors.length ? errors[Math.min(errors.length - 1, Math.floor(q * errors.length))]! : 0);
  const misses = checks.filter((c) => c.predicted !== c.actual);
  return {
    rule,
    checked: checks.length,
    exact: checks.length - misses.length,
    relativeError: { median: at(0.5), p90: at(0.9), max: errors[errors.length - 1] ?? 0 },
    examples: misses.slice(0, 3).map((c) => `${c.label}: rule ${c.predicted}, synthesis ${c.actual}`),
  };
}
