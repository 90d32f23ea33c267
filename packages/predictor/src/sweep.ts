import { configureNetwork, resolveDevice, type ConfigOverrides, type Hls4mlConfig, type IoType, type Layer, type Precision, type Strategy, type HlsConfig } from '@hlsest/core';
import type { Estimate, Predictor } from './predictor.js';

export interface SweepGrid {
  readonly boards: readonly string[];
  readonly strategies: readonly Strategy[];
  readonly ioTypes: readonly IoType[];
  readonly precisions: readonly Precision[];
  readonly reuseFactors: readonly number[];
  readonly clockPeriodsNs?: readonly number[];
}

/** A sweep row's estimate: everything but the per-layer build, which a grid of thousands would hold in memory. */
export type SweepEstimate = Omit<Estimate, 'build'>;

export interface SweepRow {
  readonly board: string;
  readonly config: HlsConfig;
  readonly estimate: SweepEstimate;
  /** Latency in ns (cycles × clock), NaN when the bundle has no latency model. */
  readonly latencyNs: number;
  /** % of the scarcest resource on the board. */
  readonly scarcestPercent: number;
  readonly fits: boolean;
  pareto: boolean;
}

/**
 * Every configuration of the grid, predicted in batches (one forward pass per batch), with the
 * Pareto front of latency vs scarcest resource marked.
 */
export function sweep(predictor: Predictor, layers: readonly Layer[], file: Hls4mlConfig | undefined, grid: SweepGrid, batchSize = 256): SweepRow[] {
  const configs: { board: string; layersKey: string; overrides: ConfigOverrides }[] = [];
  for (const board of grid.boards) {
    const part = resolveDevice(board).defaultPart;
    for (const [s, strategy] of grid.strategies.entries())
      for (const ioType of grid.ioTypes)
        for (const [p, precision] of grid.precisions.entries())
          for (const reuseFactor of grid.reuseFactors)
            for (const clockPeriodNs of grid.clockPeriodsNs ?? [file?.clockPeriodNs ?? 5]) {
              configs.push({ board, layersKey: `${s}/${p}/${reuseFactor}`, overrides: { strategy, ioType, precision, reuseFactor, clockPeriodNs, part, board } });
            }
  }
  // Configured layers depend only on strategy, precision and reuse factor (board, IO type and
  // clock are design-level settings), so each combination is configured once for the whole grid.
  const configuredLayers = new Map<string, Layer[]>();
  const design = ({ layersKey, overrides }: (typeof configs)[number]) => {
    let configured = configuredLayers.get(layersKey);
    if (!configured) {
      configured = configureNetwork(layers, file, overrides).layers;
      configuredLayers.set(layersKey, configured);
    }
    return { layers: configured, config: configureNetwork([], file, overrides).config };
  };
  const rows: SweepRow[] = [];
  for (let start = 0; start < configs.length; start += batchSize) {
    const batch = configs.slice(start, start + batchSize).map((c) => ({ board: c.board, design: design(c) }));
    const estimates = predictor.predictMany(batch.map((b) => b.design));
    batch.forEach(({ board, design }, i) => {
      const full = estimates[i]!;
      const estimate: SweepEstimate = { targets: full.targets, resources: full.resources, board: full.board, latency: full.latency, warnings: full.warnings };
      rows.push({
        board,
        config: design.config,
        estimate,
        latencyNs: estimate.latency?.ns.value ?? Number.NaN,
        scarcestPercent: estimate.board?.scarcest?.percent ?? Number.NaN,
        fits: estimate.board?.fits ?? false,
        pareto: false,
      });
    });
  }
  markPareto(rows);
  return rows;
}

/** Marks rows no other row beats on both latency and scarcest-resource use. */
export function markPareto(rows: SweepRow[]): void {
  const sorted = [...rows].filter((r) => Number.isFinite(r.latencyNs) && Number.isFinite(r.scarcestPercent)).sort((a, b) => a.latencyNs - b.latencyNs || a.scarcestPercent - b.scarcestPercent);
  let best = Infinity;
  for (const row of sorted) {
    if (row.scarcestPercent < best) {
      row.pareto = true;
      best = row.scarcestPercent;
    }
  }
}
