import { bandHalfWidth, bandSigma, gateOf } from './reach.js';
import {
  FEATURE_NAMES,
  FEATURE_SPEC_VERSION,
  HlsestError,
  LAYER_FEATURE_NAMES,
  layerTerms,
  TARGET_INFO,
  DSP_TARGETS,
  TARGETS,
  describeFeature,
  layerFamily,
  networkFeatures,
  regimeOf,
  ruleEstimate,
  weightProductsUseNoDsp,
  dspFollowsWeights,
  writeFeatures,
  type DesignBuild,
  type Device,
  type LayerTerms,
  type HlsConfig,
  type Layer,
  type Target,
  type Toolchain,
} from '@hlsest/core';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleManifestSchema, type BundleManifest } from './bundle-format.js';
import { foldConstantInputs, splitConstantColumns } from './constant-inputs.js';
import { checkDesign } from './design-limits.js';
import { addLayerTerms, forwardBatch, layerBatch, unpackMember, type MemberWeights } from './forward.js';

/** Where a bundle's files come from: a folder on disk, a URL, an in-memory map (tests). */
export interface BundleSource {
  readonly describe: string;
  readText(name: string): Promise<string>;
  readBytes(name: string): Promise<ArrayBuffer>;
}

/** How an estimate was made: the rule unchanged (exact regime), the rule with a band, or the rule with the learned correction. */
export type EstimateSource = 'rule-exact' | 'rule' | 'learned';

export interface Band {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

export interface TargetEstimate extends Band {
  readonly source: EstimateSource;
  /** hls4ml's rules alone (the build model). */
  readonly rule: number;
}

export type ResourceKey = 'bram' | 'dsp' | 'ff' | 'lut';

/** A design already turned into features (`extractFeatures`), with its build and configuration. */
/**
 * A design as a batch row: its features and what hls4ml's rules say of it (`ruleFacts`), so a
 * caller holding many rows need not keep their builds.
 */
export interface FeatureRow extends RuleFacts {
  readonly features: Float64Array;
}

/**
 * What a batch needs from a design's build: the rule's number per target, its regime, whether
 * any product needs a DSP, and its layers as the shared layer network reads them.
 */
export interface RuleFacts {
  readonly rules: Readonly<Record<Target, number>>;
  readonly regime: string;
  readonly noDsp: boolean;
  /** The DSP count follows trained constant weights (`dspFollowsWeights`). */
  readonly weightedDsp: boolean;
  readonly layers: LayerTerms;
}

/** A build's `RuleFacts`; `layers` are the network's layers the build was made from. */
export function ruleFacts(build: DesignBuild, config: HlsConfig, layers: readonly Layer[]): RuleFacts {
  return {
    rules: Object.fromEntries(TARGETS.map((t) => [t, ruleEstimate(t, build)])) as Record<Target, number>,
    regime: regimeOf(build, config),
    noDsp: weightProductsUseNoDsp(build),
    weightedDsp: dspFollowsWeights(build),
    layers: layerTerms(build, layers, config),
  };
}

export interface Estimate {
  readonly targets: Partial<Record<Target, TargetEstimate>>;
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
  /** How far the design is from the training data: about 1 inside it, far above outside. */
  readonly distance: number;
  /** Where the estimate and hls4ml's rules disagree by more than the band, why, in plain words. */
  readonly explanations: readonly string[];
  readonly warnings: readonly string[];
  readonly build: DesignBuild;
}

export interface DesignInput {
  readonly layers: readonly Layer[];
  readonly config: HlsConfig;
  readonly toolchain?: Toolchain;
}

const SOURCES: readonly EstimateSource[] = ['rule-exact', 'rule', 'learned'];
const LATENCY_TARGETS: ReadonlySet<Target> = new Set(['cycles', 'interval']);

/** What to change when the design is over the device, by the resource that runs out first. */
function overDeviceAdvice(resource: ResourceKey, percent: number, device: string, config: HlsConfig): string {
  const raise = config.strategy === 'latency' ? 'use Strategy: Resource with a larger reuse factor' : `raise the reuse factor above ${config.reuseFactor}`;
  const advice = {
    dsp: `${raise} (DSPs fall about as 1/RF), or use weights of 8 bits or fewer where products go to LUTs`,
    lut: `${raise}, narrow the precision, or use io_stream for convolutions`,
    ff: `${raise}, or use io_stream (fewer registered copies of each tensor)`,
    bram: 'use io_parallel for small layers, lower the reuse factor of large ones (weights in fewer, wider ROMs), or a part with more BRAM',
  }[resource];
  return `over the device: ${resource.toUpperCase()} at ${percent.toFixed(0)} % of ${device}: ${advice}; or choose a larger part`;
}

/**
 * No count hlsest gives exceeds this: ten times the largest device's LUTs is already not a
 * design; `checkDesign` refuses inputs that could get there, this keeps any band edge finite.
 */
const MAX_COUNT = 1e12;

/** A band whose ends are this far apart says the estimate is a rough guide; the warnings then say so in words. */
const VAGUE_BAND_RATIO = 20;

/**
 * A loaded bundle. Per target the estimate is hls4ml's rule plus a learned correction that sees
 * the design's structure (never its reuse factor), clipped to what the training residuals justify and faded out as the design moves away from the
 * training data; where the rule was exact on every training design of a regime, the rule
 * itself. Bands come from residuals on families left out in training. Every estimate then
 * keeps the physical and hls4ml invariants (cycles ≥ 1, 1 ≤ II ≤ cycles, whole
 * non-negative resources, no DSP where no product needs a multiplier).
 */
export class Predictor {
  private readonly seenKinds: ReadonlySet<string>;
  private readonly targetNames: readonly Target[];
  private readonly resourceSlots: readonly ResourceSlot[];
  private readonly cyclesSlot: number;
  private readonly intervalSlot: number;
  private readonly dspSlot: number;
  private readonly hlsDspSlot: number;
  private readonly rangeLo: Float64Array;
  private readonly rangeHi: Float64Array;
  /** Per distance model (kind of label): its centres and scale; per target, which model it uses (−1: none, distance 0). */
  private readonly distanceModels: readonly { readonly centers: readonly Float64Array[]; readonly scale: number }[];
  private readonly targetModel: Int32Array;
  private readonly exact: readonly ReadonlySet<string>[];
  /** Per target of the bundle, its column in `LayerTerms.shares` (`TARGETS` order). */
  private readonly coreTarget: Int32Array;

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
    this.intervalSlot = this.targetNames.indexOf('interval');
    this.dspSlot = this.targetNames.indexOf('dsp');
    this.hlsDspSlot = this.targetNames.indexOf('hls_dsp');
    const { min, max } = manifest.featureRanges;
    this.rangeLo = Float64Array.from(min, (lo, j) => lo - 0.1 * Math.max(max[j]! - lo, 1e-9));
    this.rangeHi = Float64Array.from(max, (hi, j) => hi + 0.1 * Math.max(hi - min[j]!, 1e-9));
    // Only the kinds of label some target has: a model for labels no target uses would cost every row its distances.
    const used = new Set(this.targetNames.map((t) => TARGET_INFO[t].kind));
    const kinds = (Object.keys(manifest.distance.models) as (keyof BundleManifest['distance']['models'])[]).filter((kind) => used.has(kind));
    this.distanceModels = kinds.map((kind) => ({ centers: manifest.distance.models[kind]!.centers.map((c) => Float64Array.from(c)), scale: manifest.distance.models[kind]!.scale }));
    this.targetModel = Int32Array.from(this.targetNames, (t) => kinds.indexOf(TARGET_INFO[t].kind));
    this.exact = manifest.targets.map((t) => new Set(t.exact.regimes));
    this.coreTarget = Int32Array.from(this.targetNames, (t) => TARGETS.indexOf(t));
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
    const layerSpec = manifest.architecture.layers;
    if (layerSpec && layerSpec.names.join('\u0000') !== LAYER_FEATURE_NAMES.join('\u0000')) {
      throw badBundle(source, 'bundle layer feature names differ from this hlsest build at the same spec version; retrain the bundle');
    }
    if (layerSpec && (layerSpec.mean.length !== layerSpec.names.length || layerSpec.std.length !== layerSpec.names.length)) {
      throw badBundle(source, `architecture.layers: ${layerSpec.names.length} names but ${layerSpec.mean.length} means and ${layerSpec.std.length} deviations`);
    }
    const members = await Promise.all(
      manifest.members.map(async (member) => {
        const bytes = await source.readBytes(member.file).catch((error: Error) => {
          throw badBundle(source, `${member.file} cannot be read (${error.message})`);
        });
        const digest = await sha256Hex(bytes);
        if (digest !== member.sha256) throw badBundle(source, `${member.file} is corrupted (sha256 ${digest.slice(0, 12)}… ≠ ${member.sha256.slice(0, 12)}…)`);
        try {
          const weights = unpackMember(bytes, member.tensors);
          if (Boolean(layerSpec) !== Boolean(weights.layerNet)) throw new Error(layerSpec ? 'no layer network, which architecture.layers announces' : 'a layer network architecture.layers does not describe');
          return weights;
        } catch (error) {
          throw badBundle(source, `${member.file}: ${(error as Error).message}`);
        }
      }),
    );
    return new Predictor(manifest, members);
  }

  get targets(): readonly Target[] {
    return this.targetNames;
  }

  /** One design: estimates, board fit, warnings and explanations. */
  predict(design: DesignInput): Estimate {
    return this.predictMany([design])[0]!;
  }

  /** Many designs at once: one batched forward pass per member. Designs hls4ml cannot build are refused (HlsestError). */
  predictMany(designs: readonly DesignInput[]): Estimate[] {
    const reference = this.manifest.referenceToolchain;
    const width = FEATURE_NAMES.length;
    const features = new Float64Array(designs.length * width);
    const context = this.batchContext(designs.length);
    const builds = designs.map((d, i) => {
      checkDesign(d.layers, d.config);
      const build = writeFeatures(networkFeatures(d.layers), d.config, d.toolchain ?? reference, features, i * width);
      context.set(i, build, d.config, this.targetNames, d.layers);
      return build;
    });
    const bands = this.predictBands(features, designs.length, context);
    return designs.map((design, i) => {
      const build = builds[i]!;
      const e = this.estimateAt(bands, i, { layers: design.layers, config: design.config, device: build.device, notes: build.notes });
      return { ...e, build };
    });
  }

  /** An empty batch of `rows` for `BatchContext.set`; it reads the layers only when the bundle has a layer network. */
  batchContext(rows: number): BatchContext {
    return new BatchContext(rows, this.targetNames.length, this.manifest.architecture.layers !== undefined);
  }

  /** Rows with their features and builds as one batch: the matrix and the context `predictBands` and `decompose` take. */
  featureBatch(rows: readonly FeatureRow[]): { features: Float64Array; context: BatchContext } {
    const width = FEATURE_NAMES.length;
    const features = new Float64Array(rows.length * width);
    const context = new BatchContext(rows.length, this.targetNames.length);
    rows.forEach((r, i) => {
      features.set(r.features, i * width);
      context.setFacts(i, r, this.targetNames);
    });
    return { features, context };
  }

  /**
   * The ensemble on a batch: `features` holds `rows` raw feature vectors (row-major); `context`
   * the rule's number, regime and DSP-freedom of each row (`BatchContext.set`).
   */
  predictBands(features: Float64Array, rows: number, context: BatchContext): BandTable {
    const { parts, byModel, split } = this.parts(features, rows, context);
    const targets = this.manifest.targets;
    const count = targets.length;
    const z = this.manifest.band.z;
    const far = this.manifest.distance.far;
    const data = new Float64Array(rows * count * 3);
    const sources = new Uint8Array(rows * count);
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < count; t++) {
        const spec = targets[t]!;
        const at = r * count + t;
        const rule = context.rules[at]!;
        if (parts.exact[at]) {
          // hls4ml's rule matched every training design of this regime: it is the estimate.
          const slack = spec.exact.tolerance * rule;
          data[at * 3] = rule;
          data[at * 3 + 1] = Math.max(0, rule - slack);
          data[at * 3 + 2] = rule + slack;
          sources[at] = 0;
          continue;
        }
        const d = parts.distances[at]!;
        const gate = gateOf(spec.correction, d, far);
        // Each member's estimate is log1p(rule) + gate × its clipped correction: their mean and spread.
        const mu = parts.logRule[at]! + gate * parts.correction[at]!;
        const spread = gate * gate * parts.variance[at]!;
        const sigma = bandSigma(bandHalfWidth(spec.band, d, far), spread, z);
        // expm1(mu ± σ) = e^mu · e^(±σ) − 1: two exponentials instead of three per target and row.
        const value = Math.expm1(mu);
        const widen = Math.exp(sigma);
        data[at * 3] = Math.max(0, value);
        data[at * 3 + 1] = Math.max(0, (value + 1) / widen - 1);
        data[at * 3 + 2] = Math.max(0, (value + 1) * widen - 1);
        sources[at] = gate > 0 ? 2 : 1;
      }
      if (context.weightedDsp[r]) this.widenDspLikeHls(data, r, count);
      this.keepInvariants(data, r, count, context);
    }
    return new BandTable(data, sources, this.targetNames, context.rules, this.designDistances(byModel, rows), this.outOfRange(features, rows, split?.constant));
  }

  /**
   * The members' outputs on a batch. A sweep of one model shares most features across a batch:
   * the members then run on the varying columns only, the shared ones folded into their first
   * layers' biases.
   */
  private forward(features: Float64Array, rows: number): { outputs: Float32Array[]; split: ReturnType<typeof splitConstantColumns> } {
    const { mean, std } = this.manifest.scaler;
    const width = mean.length;
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
    return { outputs: members.map((member) => forwardBatch(member, x, rows)), split };
  }

  /**
   * Adds the shared layer network's part to each member's outputs: every built layer of the
   * batch through the network at once, each row's layers summed with their shares of the rule.
   */
  private addLayerTerms(outputs: Float32Array[], rows: number, context: BatchContext): void {
    const spec = this.manifest.architecture.layers;
    if (!spec) return;
    const batch = layerBatch(context.layers.slice(0, rows), spec, this.coreTarget);
    if (batch.count === 0) return;
    outputs.forEach((out, m) => addLayerTerms(out, this.members[m]!.layerNet!, batch));
  }

  /**
   * The parts each estimate is made of, before gates, bands and invariants: per row its
   * distance, and per target the rule (log1p space), the clipped correction (members'
   * mean), the members' variance, and whether the regime is exact. Training sets the gates and
   * bands from these on held-out families.
   */
  decompose(features: Float64Array, rows: number, context: BatchContext): Decomposition {
    return this.parts(features, rows, context).parts;
  }

  /** `decompose`, with what `predictBands` also needs: the distance per model and the batch's shared columns. */
  private parts(features: Float64Array, rows: number, context: BatchContext): { parts: Decomposition; byModel: Float64Array; split: ReturnType<typeof splitConstantColumns> } {
    const { outputs, split } = this.forward(features, rows);
    this.addLayerTerms(outputs, rows, context);
    const byModel = this.distances(features, rows, split?.constant);
    const models = this.distanceModels.length;
    const targets = this.manifest.targets;
    const count = targets.length;
    const k = outputs.length;
    const distances = new Float64Array(rows * count);
    for (let r = 0; r < rows; r++) for (let t = 0; t < count; t++) distances[r * count + t] = this.targetModel[t]! < 0 ? 0 : byModel[r * models + this.targetModel[t]!]!;
    const logRule = new Float64Array(rows * count);
    const correction = new Float64Array(rows * count);
    const variance = new Float64Array(rows * count);
    const exact = new Uint8Array(rows * count);
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < count; t++) {
        const spec = targets[t]!;
        const at = r * count + t;
        logRule[at] = Math.log1p(context.rules[at]!);
        exact[at] = this.exact[t]!.has(context.regimes[r]!) ? 1 : 0;
        let sum = 0;
        let sumSq = 0;
        for (let m = 0; m < k; m++) {
          const raw = outputs[m]![at]! * spec.correction.std + spec.correction.mean;
          const v = Math.max(-spec.correction.bound, Math.min(spec.correction.bound, raw));
          sum += v;
          sumSq += v * v;
        }
        correction[at] = sum / k;
        variance[at] = k > 1 ? Math.max(0, sumSq / k - (sum / k) ** 2) : 0;
      }
    }
    return { parts: { distances, logRule, correction, variance, exact }, byModel, split };
  }

  /**
   * Where the DSP count follows trained constant weights, the post-synthesis DSP band is at least
   * as wide, relative to its value, as the HLS estimate's, which families with such designs
   * calibrated (ArgyKokk's 8-bit layers keep 0.3–51 % of their products on DSPs); the
   * post-synthesis band learned its width on Resource designs, where DSPs are a count.
   */
  private widenDspLikeHls(data: Float64Array, r: number, count: number): void {
    if (this.dspSlot < 0 || this.hlsDspSlot < 0) return;
    const p = (r * count + this.dspSlot) * 3;
    const h = (r * count + this.hlsDspSlot) * 3;
    const value = data[p]!;
    const hlsValue = data[h]!;
    if (!(value > 0 && hlsValue > 0)) return;
    data[p + 1] = Math.min(data[p + 1]!, ((value + 1) * (data[h + 1]! + 1)) / (hlsValue + 1) - 1);
    data[p + 2] = Math.max(data[p + 2]!, ((value + 1) * (data[h + 2]! + 1)) / (hlsValue + 1) - 1);
  }

  /**
   * What every estimate must keep, whatever the numbers: resources whole and non-negative,
   * no DSP where no weight product needs a multiplier (the rule's own count, for softmax and
   * batch-normalization products, stands), cycles ≥ 1, 1 ≤ II ≤ cycles.
   */
  private keepInvariants(data: Float64Array, r: number, count: number, context: BatchContext): void {
    for (let t = 0; t < count; t++) {
      const name = this.targetNames[t]!;
      const at = (r * count + t) * 3;
      if (DSP_TARGETS.has(name) && context.noDsp[r]) {
        const rule = context.rules[r * count + t]!;
        data[at] = data[at + 1] = data[at + 2] = rule;
      }
      if (LATENCY_TARGETS.has(name)) {
        data[at] = Math.max(1, Math.round(data[at]!));
        data[at + 1] = Math.max(1, Math.floor(data[at + 1]!));
        data[at + 2] = Math.max(data[at]!, Math.ceil(data[at + 2]!));
      } else {
        data[at] = Math.max(0, Math.round(data[at]!));
        data[at + 1] = Math.max(0, Math.floor(data[at + 1]!));
        data[at + 2] = Math.max(data[at]!, Math.ceil(data[at + 2]!));
      }
      data[at + 1] = Math.min(data[at + 1]!, data[at]!);
      for (let e = 0; e < 3; e++) data[at + e] = Math.min(data[at + e]!, MAX_COUNT);
    }
    if (this.cyclesSlot >= 0 && this.intervalSlot >= 0) {
      // A design cannot start a new input less often than it takes to finish one: II ≤ latency.
      const c = (r * count + this.cyclesSlot) * 3;
      const i = (r * count + this.intervalSlot) * 3;
      for (let e = 0; e < 3; e++) data[i + e] = Math.max(1, Math.min(data[i + e]!, data[c + e]!));
    }
  }

  /**
   * Distance of each row to the training data of each distance model (`rows × models`, row-major),
   * the constant columns of a batch summed once per centre.
   */
  private distances(features: Float64Array, rows: number, constant: Int32Array | undefined): Float64Array {
    const { mean, std } = this.manifest.scaler;
    const width = mean.length;
    const models = this.distanceModels.length;
    const isConstant = new Uint8Array(width);
    for (const j of constant ?? []) isConstant[j] = 1;
    const out = new Float64Array(rows * models);
    const z = new Float64Array(width);
    this.distanceModels.forEach(({ centers, scale }, m) => {
      const base = new Float64Array(centers.length);
      for (const j of constant ?? []) {
        const v = (features[j]! - mean[j]!) / std[j]!;
        for (let k = 0; k < centers.length; k++) base[k]! += (v - centers[k]![j]!) ** 2;
      }
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < width; j++) z[j] = (features[r * width + j]! - mean[j]!) / std[j]!;
        let best = Infinity;
        for (let k = 0; k < centers.length; k++) {
          const c = centers[k]!;
          let d2 = base[k]!;
          for (let j = 0; j < width && d2 < best; j++) if (!isConstant[j]) d2 += (z[j]! - c[j]!) ** 2;
          if (d2 < best) best = d2;
        }
        out[r * models + m] = Math.sqrt(best) / scale;
      }
    });
    return out;
  }

  /** A design's distance for its warnings: to the nearest kind of labelled training designs. */
  private designDistances(byModel: Float64Array, rows: number): Float64Array {
    const models = this.distanceModels.length;
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let d = models ? Infinity : 0;
      for (let m = 0; m < models; m++) d = Math.min(d, byModel[r * models + m]!);
      out[r] = d;
    }
    return out;
  }

  /**
   * Per row, the features outside the training range by more than 10 % of that range, with
   * their values. Rows sharing a batch's out-of-range constant columns share one frozen list.
   */
  private outOfRange(features: Float64Array, rows: number, constant: Int32Array | undefined): (readonly OutOfRange[])[] {
    const width = this.rangeLo.length;
    const outside = (j: number, v: number) => v < this.rangeLo[j]! || v > this.rangeHi[j]!;
    const isConstant = new Uint8Array(width);
    for (const j of constant ?? []) isConstant[j] = 1;
    const shared: OutOfRange[] = constant ? [...constant].filter((j) => outside(j, features[j]!)).map((j) => Object.freeze({ feature: j, value: features[j]! })) : [];
    const sharedList = Object.freeze(shared);
    const result: (readonly OutOfRange[])[] = [];
    for (let r = 0; r < rows; r++) {
      let found: OutOfRange[] | undefined;
      for (let j = 0; j < width; j++) {
        if (isConstant[j]) continue;
        const v = features[r * width + j]!;
        if (outside(j, v)) (found ??= [...shared]).push({ feature: j, value: v });
      }
      // Feature order, as a single prediction lists them: shared columns were put first above.
      result.push(found ? found.sort((a, b) => a.feature - b.feature) : sharedList);
    }
    return result;
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

  /** The estimate of row `r` of a band table, with the board fit, every warning and the explanations. */
  estimateAt(bands: BandTable, r: number, context: EstimateContext): Omit<Estimate, 'build'> {
    const targets = bands.targetsAt(r);
    const warnings: string[] = [...context.notes];
    const unseen = new Set<string>();
    let weightLayers = 0;
    for (const layer of context.layers) {
      if (!this.seenKinds.has(layer.kind)) unseen.add(layer.className);
      const family = layerFamily(layer.kind);
      if (family === 'dense' || family === 'conv1d' || family === 'conv2d' || family === 'recurrent') weightLayers++;
    }
    if (unseen.size) warnings.push(`layer types the bundle never saw in training: ${[...unseen].join(', ')}; their cost is hls4ml's rules alone`);
    const ood = this.describeOutOfRange(bands, r);
    if (ood.length) warnings.push(`unlike the training data: ${ood.slice(0, 3).join('; ')}${ood.length > 3 ? '; …' : ''}`);
    const distance = bands.distances[r]!;
    if (distance > this.manifest.distance.far) warnings.push(`far from every training design (distance ${distance.toFixed(1)}): the estimates are hls4ml's rules, with wide bands`);
    if (weightLayers === 0) warnings.push('the network has no Dense, Conv or recurrent layer');
    const vague = Object.entries(targets).filter(([, b]) => b && b.hi > 0 && (b.hi + 1) / (b.lo + 1) >= VAGUE_BAND_RATIO).map(([t]) => TARGET_INFO[t as Target].label);
    if (vague.length) warnings.push(`not sure about ${vague.join(', ')}: on families it never saw, hlsest's numbers for these were off by up to this much, so the bands are this wide`);

    const resources: Estimate['resources'] = {};
    for (const { key, target, kind } of this.resourceSlots) resources[key] = { value: bands.value(r, target), lo: bands.lo(r, target), hi: bands.hi(r, target), kind };
    if (this.resourceSlots.some((s) => s.kind === 'hls')) warnings.push('some resources are HLS estimates (the bundle has no post-synthesis model for them)');

    const device = context.device;
    const board = device ? this.boardFit(bands, r, device) : undefined;
    if (!device) warnings.push(`part ${context.config.part} is not in the catalogue: no board percentages`);
    if (board && !board.fits && board.scarcest) warnings.push(overDeviceAdvice(board.scarcest.resource, board.scarcest.percent, board.device, context.config));

    const clock = context.config.clockPeriodNs;
    const scale = (b: Band): Band => ({ value: b.value * clock, lo: b.lo * clock, hi: b.hi * clock });
    const cycles = targets.cycles;
    const interval = targets.interval;
    const latency = cycles ? { cycles, ns: scale(cycles), ...(interval && { interval, intervalNs: scale(interval) }) } : undefined;
    return { targets, resources, board, latency, distance, explanations: explain(targets, context), warnings };
  }

  private describeOutOfRange(bands: BandTable, r: number): string[] {
    const { min, max } = this.manifest.featureRanges;
    const out: string[] = [];
    for (const { feature: j, value } of bands.outOfRange[r]!) {
      const name = FEATURE_NAMES[j]!;
      const said = describeFeature(name, value);
      if (!said) continue;
      const high = value > max[j]!;
      const bound = describeFeature(name, high ? max[j]! : min[j]!);
      out.push(`${said}; the training data has ${high ? 'at most' : 'at least'} ${bound ?? (high ? max[j] : min[j])}`);
    }
    return [...new Set(out)];
  }
}

const NO_LAYER_TERMS: LayerTerms = Object.freeze({ count: 0, features: new Float32Array(0), shares: new Float32Array(0) });

/** Per row of a batch: the rule's number per target, the build's regime, and whether any weight product needs a DSP. */
export class BatchContext {
  readonly rules: Float64Array;
  readonly regimes: string[];
  readonly noDsp: Uint8Array;
  readonly weightedDsp: Uint8Array;
  readonly layers: LayerTerms[];

  constructor(
    rows: number,
    private readonly targetCount: number,
    /** Whether `set` computes the rows' layer terms (only a bundle with a layer network reads them). */
    private readonly readsLayers = true,
  ) {
    this.rules = new Float64Array(rows * targetCount);
    this.regimes = new Array<string>(rows);
    this.noDsp = new Uint8Array(rows);
    this.weightedDsp = new Uint8Array(rows);
    this.layers = new Array<LayerTerms>(rows);
  }

  /** Row `r` from its build; `layers` are the network's layers the build was made from. */
  set(r: number, build: DesignBuild, config: HlsConfig, targets: readonly Target[], layers: readonly Layer[]): void {
    for (let t = 0; t < targets.length; t++) this.rules[r * this.targetCount + t] = ruleEstimate(targets[t]!, build);
    this.regimes[r] = regimeOf(build, config);
    this.noDsp[r] = weightProductsUseNoDsp(build) ? 1 : 0;
    this.weightedDsp[r] = dspFollowsWeights(build) ? 1 : 0;
    this.layers[r] = this.readsLayers ? layerTerms(build, layers, config) : NO_LAYER_TERMS;
  }

  setFacts(r: number, facts: RuleFacts, targets: readonly Target[]): void {
    for (let t = 0; t < targets.length; t++) this.rules[r * this.targetCount + t] = facts.rules[targets[t]!];
    this.regimes[r] = facts.regime;
    this.noDsp[r] = facts.noDsp ? 1 : 0;
    this.weightedDsp[r] = facts.weightedDsp ? 1 : 0;
    this.layers[r] = facts.layers;
  }
}

/**
 * Plain-words reasons for every target whose estimate sits outside the band around hls4ml's
 * own number: what the data show the tools do that the rule does not count.
 */
function explain(targets: Partial<Record<Target, TargetEstimate>>, context: EstimateContext): string[] {
  const out: string[] = [];
  const latencyKernels = context.layers.some((l) => l.strategy === 'latency' && (l.kind === 'dense' || l.kind.includes('conv')));
  for (const [name, e] of Object.entries(targets) as [Target, TargetEstimate][]) {
    if (e.source === 'rule-exact' || (e.rule >= e.lo && e.rule <= e.hi)) continue;
    const fewer = e.value < e.rule;
    const label = TARGET_INFO[name].label;
    const numbers = `${fmt(e.value)} estimated, ${fmt(e.rule)} by hls4ml's rules`;
    let why: string;
    if ((name === 'dsp' || name === 'hls_dsp') && fewer && latencyKernels) {
      why = 'the Latency strategy makes weights constants, and HLS turns many constant multiplications into LUT shift-adds, so fewer DSPs than the multipliers hls4ml instantiates (how many depends on the trained weights: give a .h5 to count zeros and powers of two)';
    } else if (TARGET_INFO[name].kind === 'synth' && fewer) {
      why = 'Vivado synthesis removes constant and duplicate logic and moves small memories to LUTRAM, so post-synthesis counts fall below the C-synthesis account';
    } else if (TARGET_INFO[name].kind === 'impl') {
      why = 'post-implementation numbers of a whole block design include the processor system, DMA and interconnect around the hls4ml IP';
    } else if (name === 'cycles' || name === 'interval') {
      why = fewer ? 'designs like this one schedule tighter than the rule\'s per-layer sum' : 'designs like this one add pipeline stages and handshakes the rule does not count';
    } else {
      why = `designs like this one in the training data ${fewer ? 'used less' : 'used more'} than the rule counts (${fewer ? 'the HLS tool shares or trims' : 'the HLS tool adds'} logic the operator account misses)`;
    }
    out.push(`${label}: ${numbers} — ${why}.`);
  }
  return out;
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString());

/** `Predictor.decompose`: per row and target (row-major `rows × targets`), the estimate's parts. */
export interface Decomposition {
  /** Per row and target: the distance of the target's kind of label. */
  readonly distances: Float64Array;
  readonly logRule: Float64Array;
  readonly correction: Float64Array;
  readonly variance: Float64Array;
  readonly exact: Uint8Array;
}

/** A feature outside the training range, and its value. */
export interface OutOfRange {
  readonly feature: number;
  readonly value: number;
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
  /** The design build's notes (layers the rules do not model, folded layers). */
  readonly notes: readonly string[];
}

/**
 * Value, low and high band edge per row and target, in one Float64Array (`rows × targets × 3`),
 * with how each was made, the rule's number, each row's distance to the training data, and the
 * features outside the training range.
 */
export class BandTable {
  constructor(
    readonly data: Float64Array,
    readonly sources: Uint8Array,
    readonly targets: readonly Target[],
    readonly rules: Float64Array,
    readonly distances: Float64Array,
    readonly outOfRange: readonly (readonly OutOfRange[])[],
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

  targetsAt(r: number): Partial<Record<Target, TargetEstimate>> {
    const result: Partial<Record<Target, TargetEstimate>> = {};
    this.targets.forEach((name, t) => {
      const at = r * this.targets.length + t;
      result[name] = { value: this.value(r, t), lo: this.lo(r, t), hi: this.hi(r, t), source: SOURCES[this.sources[at]!]!, rule: this.rules[at]! };
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
