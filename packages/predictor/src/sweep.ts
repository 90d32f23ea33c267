import { buildDesign, configureNetwork, designConfig, featureCount, networkFeatures, resolveDevice, writeFeatures, type Device, type NetworkFeatures, type ConfigOverrides, type Hls4mlConfig, type IoType, type Layer, type Precision, type Strategy, type HlsConfig } from '@hlsest/core';
import { type BandTable, type Estimate, type EstimateContext, type Predictor } from './predictor.js';

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
  /**
   * The grid's reuse factors that build this same hardware (hls4ml moves an invalid RF to the
   * closest valid one per layer), and what the weight layers get: one row stands for all of them.
   */
  readonly reuse: { readonly requested: readonly number[]; readonly applied: readonly number[] };
  readonly estimate: SweepEstimate;
  /** Latency in ns (cycles × clock), NaN when the bundle has no latency model. */
  readonly latencyNs: number;
  /** % of the scarcest resource on the board. */
  readonly scarcestPercent: number;
  readonly fits: boolean;
  pareto: boolean;
}

/**
 * Every distinct configuration of the grid, predicted in batches (one forward pass per batch),
 * with the Pareto front of latency vs scarcest resource marked. Reuse factors that hls4ml turns
 * into the same hardware give one row. Rows keep the batch's band table and build their
 * estimate objects when first read: a grid of thousands is mostly sorted and filtered on a few
 * numbers, and only the rows shown need the whole estimate. `onProgress` hears after each batch.
 */
export function sweep(
  predictor: Predictor,
  layers: readonly Layer[],
  file: Hls4mlConfig | undefined,
  grid: SweepGrid,
  batchSize = 256,
  onProgress?: (done: number, total: number) => void,
): SweepRow[] {
  const parts = grid.boards.map((board) => resolveDevice(board).defaultPart);
  const clocks = grid.clockPeriodsNs ?? [file?.clockPeriodNs ?? 5];
  // Grid order: board, strategy, IO type, precision, reuse factor, clock (the last varies fastest).
  const sizes = [grid.boards.length, grid.strategies.length, grid.ioTypes.length, grid.precisions.length, grid.reuseFactors.length, clocks.length] as const;
  const total = sizes.reduce((a, b) => a * b, 1);
  const toolchain = predictor.manifest.referenceToolchain;
  // Configured layers depend only on strategy, precision and reuse factor (board, IO type and
  // clock are design-level settings), so each combination is configured once for the whole grid,
  // and reuse factors that give every weight layer the same applied RF are one design.
  const networks: NetworkFeatures[] = [];
  const reuse: { requested: number[]; applied: number[] }[] = [];
  const canonical: number[] = [];
  for (let s = 0; s < sizes[1]; s++) {
    for (let p = 0; p < sizes[3]; p++) {
      const seen = new Map<string, number>();
      for (let r = 0; r < sizes[4]; r++) {
        const key = (s * sizes[3] + p) * sizes[4] + r;
        const overrides: ConfigOverrides = { strategy: grid.strategies[s]!, precision: grid.precisions[p]!, reuseFactor: grid.reuseFactors[r]!, ioType: grid.ioTypes[0]!, clockPeriodNs: clocks[0]!, part: parts[0]! };
        const configured = networkFeatures(configureNetwork(layers, file, overrides).layers);
        networks[key] = configured;
        const built = (ioType: IoType) => buildDesign(configured.layers, designConfig(file, { ...overrides, ioType }), { toolchain }).layers;
        const asked = built(grid.ioTypes[0]!);
        const applied = asked.flatMap((l) => (l.reuse ? [l.reuse.applied] : []));
        // An io_stream softmax shares its products over the requested RF itself (no applied value):
        // its beat interval tells such builds apart.
        const streamed = !grid.ioTypes.includes('io_stream') ? [] : grid.ioTypes[0] === 'io_stream' ? asked : built('io_stream');
        const shared = streamed.map((l) => (l.reuse ? '' : l.interval));
        const signature = `${applied.join(',')}|${shared.join(',')}`;
        const first = seen.get(signature);
        if (first === undefined) {
          seen.set(signature, key);
          canonical[key] = key;
          reuse[key] = { requested: [grid.reuseFactors[r]!], applied };
        } else {
          canonical[key] = first;
          reuse[first]!.requested.push(grid.reuseFactors[r]!);
        }
      }
    }
  }
  const width = featureCount();
  const rows: SweepRow[] = [];
  // One pair of input buffers for every batch: only the band tables outlive a batch.
  const features = new Float64Array(Math.min(batchSize, total) * width);
  // What the rows keep of each design of a batch; the builds themselves are dropped once summed up.
  const boards: string[] = [];
  const networksOf: NetworkFeatures[] = [];
  const configs: HlsConfig[] = [];
  const devices: (Device | undefined)[] = [];
  const notes: (readonly string[])[] = [];
  // The grid points that are their hardware's first, in grid order.
  const points: number[] = [];
  for (let at = 0; at < total; at++) {
    const r = Math.floor(at / sizes[5]) % sizes[4];
    const p = Math.floor(at / (sizes[5] * sizes[4])) % sizes[3];
    const s = Math.floor(at / (sizes[5] * sizes[4] * sizes[3] * sizes[2])) % sizes[1];
    const key = (s * sizes[3] + p) * sizes[4] + r;
    if (canonical[key] === key) points.push(at);
  }
  const keys: number[] = [];
  for (let start = 0; start < points.length; start += batchSize) {
    const size = Math.min(batchSize, points.length - start);
    const context = predictor.batchContext(size);
    for (let i = 0; i < size; i++) {
      let rest = points[start + i]!;
      const c = rest % sizes[5];
      rest = (rest - c) / sizes[5];
      const r = rest % sizes[4];
      rest = (rest - r) / sizes[4];
      const p = rest % sizes[3];
      rest = (rest - p) / sizes[3];
      const io = rest % sizes[2];
      rest = (rest - io) / sizes[2];
      const s = rest % sizes[1];
      const b = (rest - s) / sizes[1];
      const overrides: ConfigOverrides = {
        strategy: grid.strategies[s]!,
        ioType: grid.ioTypes[io]!,
        precision: grid.precisions[p]!,
        reuseFactor: grid.reuseFactors[r]!,
        clockPeriodNs: clocks[c]!,
        part: parts[b]!,
        board: grid.boards[b]!,
      };
      const key = (s * sizes[3] + p) * sizes[4] + r;
      const network = networks[key]!;
      keys[i] = key;
      const config = designConfig(file, overrides);
      const build = writeFeatures(network, config, toolchain, features, i * width);
      context.set(i, build, config, predictor.targets, network.layers);
      boards[i] = grid.boards[b]!;
      networksOf[i] = network;
      configs[i] = config;
      devices[i] = build.device;
      notes[i] = build.notes.length ? build.notes : NONE;
    }
    const bands = predictor.predictBands(features, size, context);
    for (let i = 0; i < size; i++) {
      const device = devices[i];
      const board = device && predictor.boardFit(bands, i, device);
      const config = configs[i]!;
      rows.push(
        new BandRow(predictor, bands, i, {
          board: boards[i]!,
          config,
          reuse: reuse[keys[i]!]!,
          latencyNs: predictor.latencyNs(bands, i, config.clockPeriodNs),
          scarcestPercent: board?.scarcest?.percent ?? Number.NaN,
          fits: board?.fits ?? false,
          layers: networksOf[i]!.layers,
          device,
          notes: notes[i]!,
        }),
      );
    }
    onProgress?.(start + size, points.length);
  }
  markPareto(rows);
  return rows;
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * A sweep row over its batch's band table, and the context its estimate needs; the estimate is
 * built on first read, then kept. One object per row: every row of a grid stays in memory.
 */
class BandRow implements SweepRow, EstimateContext {
  readonly board: string;
  readonly config: HlsConfig;
  readonly reuse: SweepRow['reuse'];
  readonly latencyNs: number;
  readonly scarcestPercent: number;
  readonly fits: boolean;
  pareto = false;
  readonly layers: readonly Layer[];
  readonly device: Device | undefined;
  readonly notes: readonly string[];
  private built: SweepEstimate | undefined;

  constructor(
    private readonly predictor: Predictor,
    private readonly bands: BandTable,
    private readonly index: number,
    fields: Omit<SweepRow, 'estimate' | 'pareto'> & EstimateContext,
  ) {
    this.board = fields.board;
    this.config = fields.config;
    this.reuse = fields.reuse;
    this.latencyNs = fields.latencyNs;
    this.scarcestPercent = fields.scarcestPercent;
    this.fits = fields.fits;
    this.layers = fields.layers;
    this.device = fields.device;
    this.notes = fields.notes;
  }

  get estimate(): SweepEstimate {
    return (this.built ??= this.predictor.estimateAt(this.bands, this.index, this));
  }
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
