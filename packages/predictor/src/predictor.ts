import {
  FEATURE_NAMES,
  FEATURE_SPEC_VERSION,
  HlsestError,
  extractFeatures,
  ruleEstimate,
  layerFamily,
  type DesignBuild,
  type HlsConfig,
  type Layer,
  type Target,
  type Toolchain,
} from '@hlsest/core';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, BundleManifestSchema, type BundleManifest } from './bundle-format.js';
import { forwardBatch, unpackMember, type MemberWeights } from './forward.js';

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
 * A loaded bundle. Predictions run the ensemble's wide-and-deep members in plain TypeScript and
 * report, per target, the ensemble mean with a band that adds the members' spread to the
 * validation residual noise (in log space), so a number's doubt is shown beside it.
 */
export class Predictor {
  private readonly seenKinds: ReadonlySet<string>;

  private constructor(
    readonly manifest: BundleManifest,
    private readonly members: readonly MemberWeights[],
  ) {
    this.seenKinds = new Set(manifest.layerKinds);
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
    const features = designs.map((d) => extractFeatures({ layers: d.layers, config: d.config, toolchain: d.toolchain ?? reference }));
    const bands = this.predictFeatureRows(features.map((f) => ({ features: f.values, build: f.build })));
    return designs.map((design, i) => this.describe(design, features[i]!.values, features[i]!.build, bands[i]!));
  }

  /** Raw predictions for what `extractFeatures` returns, in target units. */
  predictFeatureRows(rows: readonly { readonly features: Float64Array; readonly build: DesignBuild }[]): Partial<Record<Target, Band>>[] {
    const { mean, std } = this.manifest.scaler;
    const width = mean.length;
    const x = new Float32Array(rows.length * width);
    rows.forEach((row, r) => {
      for (let j = 0; j < width; j++) x[r * width + j] = (row.features[j]! - mean[j]!) / std[j]!;
    });
    const outputs = this.members.map((member) => forwardBatch(member, x, rows.length));
    const targets = this.manifest.targets;
    const z = this.manifest.band.z;
    const k = outputs.length;
    return rows.map((row, r) => {
      const result: Partial<Record<Target, Band>> = {};
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t]!;
        const offset = target.offset.a + target.offset.b * Math.log1p(ruleEstimate(target.name, row.build));
        let sum = 0;
        let sumSq = 0;
        for (let m = 0; m < k; m++) {
          const v = offset + target.correction * outputs[m]![r * targets.length + t]! * target.std + target.mean;
          sum += v;
          sumSq += v * v;
        }
        const mu = sum / k;
        const spread = k > 1 ? Math.max(0, sumSq / k - mu * mu) : 0;
        const sigma = Math.sqrt(spread + target.residualStd * target.residualStd);
        result[target.name] = { value: Math.max(0, Math.expm1(mu)), lo: Math.max(0, Math.expm1(mu - z * sigma)), hi: Math.max(0, Math.expm1(mu + z * sigma)) };
      }
      return result;
    });
  }

  private describe(design: DesignInput, features: Float64Array, build: DesignBuild, targets: Partial<Record<Target, Band>>): Estimate {
    const warnings: string[] = [...build.notes];
    const unseen = new Set<string>();
    let weightLayers = 0;
    for (const layer of design.layers) {
      if (!this.seenKinds.has(layer.kind)) unseen.add(layer.className);
      const family = layerFamily(layer.kind);
      if (family === 'dense' || family === 'conv1d' || family === 'conv2d') weightLayers++;
    }
    if (unseen.size) warnings.push(`layer types the bundle never saw in training: ${[...unseen].join(', ')}; their cost is a guess`);
    const ood = outOfRange(features, this.manifest.featureRanges);
    if (ood.length) warnings.push(`out of distribution (${ood.slice(0, 4).join(', ')}${ood.length > 4 ? ', …' : ''}): the numbers are extrapolated guesses`);
    if (weightLayers === 0) warnings.push('the network has no Dense or Conv layer');

    // Literals, not spreads, below: a sweep describes thousands of estimates and V8 copies spreads slowly.
    const resources: Estimate['resources'] = {};
    let anyHls = false;
    for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) {
      const synth = targets[key];
      const hls = targets[`hls_${key}` as Target];
      if (synth) resources[key] = { value: synth.value, lo: synth.lo, hi: synth.hi, kind: 'synth' };
      else if (hls) {
        resources[key] = { value: hls.value, lo: hls.lo, hi: hls.hi, kind: 'hls' };
        anyHls = true;
      }
    }
    if (anyHls) warnings.push('some resources are HLS estimates (the bundle has no post-synthesis model for them)');

    const device = build.device;
    let board: Estimate['board'];
    if (device) {
      const capacity = { bram: device.capacity.bram18k, dsp: device.capacity.dsp, ff: device.capacity.ff, lut: device.capacity.lut };
      const percent: Partial<Record<ResourceKey, number>> = {};
      let scarcest: { resource: ResourceKey; percent: number } | undefined;
      let fits = true;
      let fitsUpperBand = true;
      for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) {
        const band = resources[key];
        if (!band || capacity[key] === 0) continue;
        const p = (100 * band.value) / capacity[key];
        percent[key] = p;
        if (!scarcest || p > scarcest.percent) scarcest = { resource: key, percent: p };
        if (band.value > capacity[key]) fits = false;
        if (band.hi > capacity[key]) fitsUpperBand = false;
      }
      board = { device: device.device, percent, fits, fitsUpperBand, scarcest };
    } else warnings.push(`part ${design.config.part} is not in the catalogue: no board percentages`);

    const clock = design.config.clockPeriodNs;
    const scale = (b: Band): Band => ({ value: b.value * clock, lo: b.lo * clock, hi: b.hi * clock });
    const latency = targets.cycles
      ? { cycles: targets.cycles, ns: scale(targets.cycles), interval: targets.interval, intervalNs: targets.interval && scale(targets.interval) }
      : undefined;
    return { targets, resources, board, latency, warnings, build };
  }
}

/** Features outside the training range by more than 10 % of that range. */
function outOfRange(values: Float64Array, ranges: { min: number[]; max: number[] }): string[] {
  const names: string[] = [];
  for (let j = 0; j < values.length; j++) {
    const lo = ranges.min[j]!;
    const hi = ranges.max[j]!;
    const slack = 0.1 * Math.max(hi - lo, 1e-9);
    if (values[j]! < lo - slack || values[j]! > hi + slack) names.push(FEATURE_NAMES[j]!);
  }
  return names;
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
