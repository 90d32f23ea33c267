import {
  FEATURE_NAMES,
  FEATURE_SPEC_VERSION,
  HlsestError,
  networkFeatures,
  writeFeatures,
  ruleEstimate,
  layerFamily,
  type DesignBuild,
  type Device,
  type HlsConfig,
  type Layer,
  type Target,
  type Toolchain,
} from '@hlsest/core';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleManifestSchema, type BundleManifest } from './bundle-format.js';
import { foldConstantInputs, splitConstantColumns, type ColumnSplit } from './constant-inputs.js';
import { forwardBatch, unpackMember, type MemberWeights } from './forward.js';
import { NameLists } from './name-lists.js';

/** Where a bundle's files come from: a folder on disk, a URL, an in-memory map (tests). */
export interface BundleSource {
  readonly describe: string;
  readText(name: string): Promise<string>;
  readBytes(name: string): Promise<ArrayBuffer>;
}

export interface Band {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

export type ResourceKey = 'bram' | 'dsp' | 'ff' | 'lut';

export interface Estimate {
  readonly targets: Partial<Record<Target, Band>>;
  /** Post-synthesis numbers when the bundle predicts them, else the HLS estimate; with their label kind. */
  readonly resources: Partial<Record<ResourceKey, Band & { readonly kind: 'synth' | 'hls' }>>;
  readonly board?: {
    readonly device: string;
    readonly percent: Partial<Record<ResourceKey, number>>;
    readonly fits: boolean;
    readonly fitsUpperBand: boolean;
    readonly scarcest?: { readonly resource: ResourceKey; readonly percent: number };
  };
  readonly latency?: { readonly cycles: Band; readonly ns: Band; readonly interval?: Band; readonly intervalNs?: Band };
  readonly warnings: readonly string[];
  readonly build: DesignBuild;
}

export interface DesignInput {
  readonly layers: readonly Layer[];
  readonly config: HlsConfig;
  readonly toolchain?: Toolchain;
}

/**
 * A loaded bundle. Predictions run the ensemble's wide-and-deep members (WebAssembly SIMD, or
 * plain TypeScript where that is missing; never TensorFlow) on batches and report, per target, the ensemble mean with a band that adds the members' spread to the
 * validation residual noise (in log space), so a number's doubt is shown beside it.
 */
export class Predictor {
  private readonly seenKinds: ReadonlySet<string>;
  private readonly targetNames: readonly Target[];
  /** Where each resource's number comes from: the post-synthesis target, else the HLS estimate. */
  private readonly resourceSlots: readonly ResourceSlot[];
  private readonly cyclesSlot: number;
  /** Training range of each feature widened by 10 % of its span: outside it a number is a guess. */
  private readonly rangeLo: Float64Array;
  private readonly rangeHi: Float64Array;
  private readonly allColumns: Int32Array;

  private constructor(
    readonly manifest: BundleManifest,
    private readonly members: readonly MemberWeights[],
  ) {
    this.seenKinds = new Set(manifest.layerKinds);
    this.targetNames = manifest.targets.map((t) => t.name);
    this.resourceSlots = (['bram', 'dsp', 'ff', 'lut'] as const).flatMap((key): ResourceSlot[] => {
      const synth = this.targetNames.indexOf(key);
      const hls = this.targetNames.indexOf(`hls_${key}`);
      if (synth >= 0) return [{ key, target: synth, kind: 'synth' }];
      return hls >= 0 ? [{ key, target: hls, kind: 'hls' }] : [];
    });
    this.cyclesSlot = this.targetNames.indexOf('cycles');
    const { min, max } = manifest.featureRanges;
    this.rangeLo = Float64Array.from(min, (lo, j) => lo - 0.1 * Math.max(max[j]! - lo, 1e-9));
    this.rangeHi = Float64Array.from(max, (hi, j) => hi + 0.1 * Math.max(hi - min[j]!, 1e-9));
    this.allColumns = Int32Array.from(min, (_, j) => j);
  }

  static async load(source: BundleSource): Promise<Predictor> {
    let raw: unknown;
    try {
      raw = JSON.parse(await source.readText('bundle.json'));
    } catch (error) {
      throw badBundle(source, `bundle.json cannot be read (${(error as Error).message})`);
    }
    const header = raw as { format?: unknown; formatVersion?: unknown; featureSpec?: { version?: unknown } };
    if (header?.format !== BUNDLE_FORMAT) throw badBundle(source, 'not an hlsest bundle (bundle.json has no "format": "hlsest-bundle")');
    if (header.formatVersion !== BUNDLE_FORMAT_VERSION) {
      throw badBundle(source, `bundle format ${String(header.formatVersion)} is not the supported ${BUNDLE_FORMAT_VERSION}; retrain or upgrade hlsest`);
    }
    if (header.featureSpec?.version !== FEATURE_SPEC_VERSION) {
      throw badBundle(source, `bundle features are version ${String(header.featureSpec?.version)}, this hlsest computes version ${FEATURE_SPEC_VERSION}; retrain the bundle`);
    }
    const parsed = BundleManifestSchema.safeParse(raw);
    if (!parsed.success) throw badBundle(source, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const manifest = parsed.data;
    if (manifest.featureSpec.names.join('\u0000') !== FEATURE_NAMES.join('\u0000')) {
      throw badBundle(source, 'bundle feature names differ from this hlsest build at the same spec version; retrain the bundle');
    }
    const members = await Promise.all(
      manifest.members.map(async (member) => {
        const bytes = await source.readBytes(member.file).catch((error: Error) => {
          throw badBundle(source, `${member.file} cannot be read (${error.message})`);
        });
        const digest = await sha256Hex(bytes);
        if (digest !== member.sha256) throw badBundle(source, `${member.file} is corrupted (sha256 ${digest.slice(0, 12)}… ≠ ${member.sha256.slice(0, 12)}…)`);
        try {
          return unpackMember(bytes, member.tensors);
        } catch (error) {
          throw badBundle(source, `${member.file}: ${(error as Error).message}`);
        }
      }),
    );
    return new Predictor(manifest, members);
  }

  get targets(): readonly Target[] {
    return this.manifest.targets.map((t) => t.name);
  }

  /** One design: estimates, board fit and warnings. */
  predict(design: DesignInput): Estimate {
    return this.predictMany([design])[0]!;
  }

  /** Many designs at once: one batched forward pass per member. */
  predictMany(designs: readonly DesignInput[]): Estimate[] {
    const reference = this.manifest.referenceToolchain;
    const width = FEATURE_NAMES.length;
    const features = new Float64Array(designs.length * width);
    const builds = designs.map((d, i) => writeFeatures(networkFeatures(d.layers), d.config, d.toolchain ?? reference, features, i * width));
    const bands = this.predictBands(features, designs.length, this.ruleMatrix(builds));
    return designs.map((design, i) => {
      const build = builds[i]!;
      const context = { layers: design.layers, config: design.config, device: build.device, notes: build.notes, outOfRange: bands.outOfRange[i]! };
      const e = this.estimateAt(bands, i, context);
      return { targets: e.targets, resources: e.resources, board: e.board, latency: e.latency, warnings: e.warnings, build };
    });
  }

  /** Raw predictions for what `extractFeatures` returns, in target units. */
  predictFeatureRows(rows: readonly { readonly features: Float64Array; readonly build: DesignBuild }[]): Partial<Record<Target, Band>>[] {
    const bands = this.predictBands(this.featureMatrix(rows.map((r) => r.features)), rows.length, this.ruleMatrix(rows.map((r) => r.build)));
    return rows.map((_, r) => bands.targetsAt(r));
  }

  /**
   * The ensemble on a batch: `features` holds `rows` raw feature vectors (row-major), `rules`
   * the build model's number per row and target (`ruleEstimate`, targets in bundle order).
   */
  predictBands(features: Float64Array, rows: number, rules: Float64Array): BandTable {
    const { mean, std } = this.manifest.scaler;
    const width = mean.length;
    // A sweep of one model shares most features across a batch: the members then run on the
    // varying columns only, the shared ones folded into their first layers' biases.
    const split = splitConstantColumns(features, rows, width);
    const columns = split?.varying;
    const inputs = columns ? columns.length : width;
    const x = new Float32Array(rows * inputs);
    for (let r = 0; r < rows; r++) {
      const from = r * width;
      const to = r * inputs;
      for (let c = 0; c < inputs; c++) {
        const j = columns ? columns[c]! : c;
        x[to + c] = (features[from + j]! - mean[j]!) / std[j]!;
      }
    }
    let members = this.members;
    if (split) {
      const shared = Float32Array.from(split.constant, (j) => (features[j]! - mean[j]!) / std[j]!);
      members = members.map((member) => foldConstantInputs(member, split, shared));
    }
    const outputs = members.map((member) => forwardBatch(member, x, rows));
    const targets = this.manifest.targets;
    const count = targets.length;
    const z = this.manifest.band.z;
    const k = outputs.length;
    const data = new Float64Array(rows * count * 3);
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < count; t++) {
        const target = targets[t]!;
        const offset = target.offset.a + target.offset.b * Math.log1p(rules[r * count + t]!);
        let sum = 0;
        let sumSq = 0;
        for (let m = 0; m < k; m++) {
          const v = offset + target.correction * outputs[m]![r * count + t]! * target.std + target.mean;
          sum += v;
          sumSq += v * v;
        }
        const mu = sum / k;
        const spread = k > 1 ? Math.max(0, sumSq / k - mu * mu) : 0;
        const sigma = Math.sqrt(spread + target.residualStd * target.residualStd);
        // expm1(mu ± zσ) = e^mu · e^(±zσ) − 1: two exponentials instead of three per target and row.
        const value = Math.expm1(mu);
        const widen = Math.exp(z * sigma);
        const at = (r * count + t) * 3;
        data[at] = Math.max(0, value);
        data[at + 1] = Math.max(0, (value + 1) / widen - 1);
        data[at + 2] = Math.max(0, (value + 1) * widen - 1);
      }
    }
    return new BandTable(data, this.targetNames, this.outOfRange(features, rows, split));
  }

  /**
   * Per row, the names of the features outside the training range by more than 10 % of that
   * range. Columns constant across the batch are checked once.
   */
  private outOfRange(features: Float64Array, rows: number, split: ColumnSplit | undefined): (readonly string[])[] {
    const width = this.rangeLo.length;
    const outside = (j: number, v: number) => v < this.rangeLo[j]! || v > this.rangeHi[j]!;
    const checked = split ? split.varying : this.allColumns;
    const shared = split ? [...split.constant].filter((j) => outside(j, features[j]!)) : [];
    const lists = new NameLists(FEATURE_NAMES);
    const found: number[] = [];
    const result: (readonly string[])[] = [];
    for (let r = 0; r < rows; r++) {
      found.length = 0;
      for (const j of checked) if (outside(j, features[r * width + j]!)) found.push(j);
      result.push(lists.union(shared, found));
    }
    return result;
  }

  /** Writes the build model's number for every bundle target into `rules` at row `r`. */
  rulesInto(build: DesignBuild, rules: Float64Array, r: number): void {
    const names = this.targetNames;
    for (let t = 0; t < names.length; t++) rules[r * names.length + t] = ruleEstimate(names[t]!, build);
  }

  /** Board use of row `r`: % per resource, the scarcest, and whether the value and the band's top fit. */
  boardFit(bands: BandTable, r: number, device: Device): NonNullable<Estimate['board']> {
    const percent: Partial<Record<ResourceKey, number>> = {};
    let scarcest: ResourceKey | undefined;
    let most = -Infinity;
    let fits = true;
    let fitsUpperBand = true;
    for (const { key, target } of this.resourceSlots) {
      const capacity = key === 'bram' ? device.capacity.bram18k : device.capacity[key];
      if (capacity === 0) continue;
      const value = bands.value(r, target);
      const p = (100 * value) / capacity;
      percent[key] = p;
      if (scarcest === undefined || p > most) {
        scarcest = key;
        most = p;
      }
      if (value > capacity) fits = false;
      if (bands.hi(r, target) > capacity) fitsUpperBand = false;
    }
    return { device: device.device, percent, fits, fitsUpperBand, scarcest: scarcest && { resource: scarcest, percent: most } };
  }

  /** Predicted latency of row `r` in ns at the given clock, NaN when the bundle has no latency model. */
  latencyNs(bands: BandTable, r: number, clockPeriodNs: number): number {
    return this.cyclesSlot < 0 ? Number.NaN : bands.value(r, this.cyclesSlot) * clockPeriodNs;
  }

  /** The estimate of row `r` of a band table, with the board fit and every warning. */
  estimateAt(bands: BandTable, r: number, context: EstimateContext): Omit<Estimate, 'build'> {
    const targets = bands.targetsAt(r);
    const warnings: string[] = [...context.notes];
    const unseen = new Set<string>();
    let weightLayers = 0;
    for (const layer of context.layers) {
      if (!this.seenKinds.has(layer.kind)) unseen.add(layer.className);
      const family = layerFamily(layer.kind);
      if (family === 'dense' || family === 'conv1d' || family === 'conv2d') weightLayers++;
    }
    if (unseen.size) warnings.push(`layer types the bundle never saw in training: ${[...unseen].join(', ')}; their cost is a guess`);
    const ood = context.outOfRange;
    if (ood.length) warnings.push(`out of distribution (${ood.slice(0, 4).join(', ')}${ood.length > 4 ? ', …' : ''}): the numbers are extrapolated guesses`);
    if (weightLayers === 0) warnings.push('the network has no Dense or Conv layer');

    const resources: Estimate['resources'] = {};
    for (const { key, target, kind } of this.resourceSlots) resources[key] = { value: bands.value(r, target), lo: bands.lo(r, target), hi: bands.hi(r, target), kind };
    if (this.resourceSlots.some((s) => s.kind === 'hls')) warnings.push('some resources are HLS estimates (the bundle has no post-synthesis model for them)');

    const device = context.device;
    const board = device ? this.boardFit(bands, r, device) : undefined;
    if (!device) warnings.push(`part ${context.config.part} is not in the catalogue: no board percentages`);

    const clock = context.config.clockPeriodNs;
    const scale = (b: Band): Band => ({ value: b.value * clock, lo: b.lo * clock, hi: b.hi * clock });
    const latency = targets.cycles
      ? { cycles: targets.cycles, ns: scale(targets.cycles), interval: targets.interval, intervalNs: targets.interval && scale(targets.interval) }
      : undefined;
    return { targets, resources, board, latency, warnings };
  }

  private featureMatrix(vectors: readonly Float64Array[]): Float64Array {
    const width = this.manifest.scaler.mean.length;
    const matrix = new Float64Array(vectors.length * width);
    vectors.forEach((v, r) => matrix.set(v, r * width));
    return matrix;
  }

  private ruleMatrix(builds: readonly DesignBuild[]): Float64Array {
    const rules = new Float64Array(builds.length * this.targetNames.length);
    builds.forEach((build, r) => this.rulesInto(build, rules, r));
    return rules;
  }
}

interface ResourceSlot {
  readonly key: ResourceKey;
  /** Index of the target the number comes from. */
  readonly target: number;
  readonly kind: 'synth' | 'hls';
}

/** What an estimate needs besides its bands. */
export interface EstimateContext {
  readonly layers: readonly Layer[];
  readonly config: HlsConfig;
  readonly device: Device | undefined;
  /** The design build's notes (layers the rules do not model). */
  readonly notes: readonly string[];
  /** Features outside the training range (`BandTable.outOfRange`). */
  readonly outOfRange: readonly string[];
}

/**
 * Value, low and high band edge per row and target, in one Float64Array (`rows × targets × 3`),
 * and per row the features outside the training range.
 */
export class BandTable {
  constructor(
    readonly data: Float64Array,
    readonly targets: readonly Target[],
    readonly outOfRange: readonly (readonly string[])[],
  ) {}

  value(r: number, t: number): number {
    return this.data[(r * this.targets.length + t) * 3]!;
  }

  lo(r: number, t: number): number {
    return this.data[(r * this.targets.length + t) * 3 + 1]!;
  }

  hi(r: number, t: number): number {
    return this.data[(r * this.targets.length + t) * 3 + 2]!;
  }

  targetsAt(r: number): Partial<Record<Target, Band>> {
    const result: Partial<Record<Target, Band>> = {};
    this.targets.forEach((name, t) => {
      result[name] = { value: this.value(r, t), lo: this.lo(r, t), hi: this.hi(r, t) };
    });
    return result;
  }
}

function badBundle(source: BundleSource, reason: string): HlsestError {
  return new HlsestError('HLSEST_BAD_BUNDLE', `Bundle ${source.describe}: ${reason}`, { bundle: source.describe });
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A bundle served over HTTP(S) or from the page's own origin. */
export function urlBundleSource(base: string | URL): BundleSource {
  const root = typeof base === 'string' ? base.replace(/\/?$/, '/') : base.href.replace(/\/?$/, '/');
  const get = async (name: string) => {
    const response = await fetch(new URL(name, root));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  };
  return {
    describe: root,
    readText: async (name) => (await get(name)).text(),
    readBytes: async (name) => (await get(name)).arrayBuffer(),
  };
}
