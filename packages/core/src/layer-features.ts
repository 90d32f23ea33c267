import type { DesignBuild } from './build-model/build-design.js';
import type { LayerBuild } from './build-model/layer-build.js';
import { STRATEGY_CLASSES, TOOL_GROUPS } from './build-model/tool-profiles.js';
import { activationFunction } from './layer-kinds/activation.js';
import type { LayerFamily } from './layer-kinds/layer-kind.js';
import { activationGroup, ACTIVATION_GROUPS, layerFamily } from './layers.js';
import { product } from './keras/shape-helpers.js';
import type { HlsConfig, Layer } from './schema.js';
import { TARGET_INFO, TARGETS, type Target } from './targets.js';

/**
 * One feature vector per built layer, for the learned correction's shared layer network: what
 * the layer is (family, how hls4ml builds it, where its products land), its sizes and widths,
 * the tool, and last (`LAYER_REUSE_FEATURES`) the reuse factor hls4ml applies and the
 * multipliers per step it leaves. The trainer lets only the targets marked `readsReuse` (FF,
 * LUT) see that block, through hidden units of their own, so every other target's layer
 * correction stays put as RF moves and only each layer's share of the design changes with it.
 * The block is there because a kernel's logic changes with how it folds: a fully serial Dense
 * (one multiplier, RF = n_in·n_out) selects its accumulator by a run-time index, and where every
 * Dense of a wa-hls4ml flat row is built so, the rule is about 700 LUTs high in the median while
 * partly folded ones are near it. Reading the block took the flat rows' LUT error on held-out
 * architectures from 3.3 to 3.0–3.1 % (mean of five seeds).
 * Part of the feature spec: bump `FEATURE_SPEC_VERSION` when a name, order or formula changes.
 */
const FAMILIES: readonly LayerFamily[] = ['dense', 'conv1d', 'conv2d', 'recurrent', 'activation', 'pooling', 'batchnorm', 'merge', 'shape', 'other'];
const PRODUCTS = ['dsp', 'lut', 'free', 'none'] as const;
const TOOLS = [...TOOL_GROUPS, 'other'] as const;

export const LAYER_FEATURE_NAMES: readonly string[] = [
  ...FAMILIES.map((f) => `family=${f}`),
  ...STRATEGY_CLASSES.map((c) => `build=${c}`),
  ...PRODUCTS.map((p) => `product=${p}`),
  ...ACTIVATION_GROUPS.map((g) => `activation=${g}`),
  ...TOOLS.map((t) => `tool=${t}`),
  'log_nin',
  'log_nout',
  'log_applications',
  'log_outputs',
  'log_params',
  'weight_width',
  'input_width',
  'accum_width',
  'result_width',
  'log_table_bits',
  'log_line_buffer_bits',
  'io_stream',
  'reads_port',
  'writes_port',
  // Keep last: `LAYER_REUSE_FEATURES`.
  'log_reuse',
  'log_block_factor',
];

/** The layer vector's reuse block: read only by the corrections of targets marked `readsReuse`. */
export const LAYER_REUSE_FEATURES: readonly string[] = ['log_reuse', 'log_block_factor'];

/**
 * The layers of one design as rows of `LAYER_FEATURE_NAMES`, and per target (`TARGETS` order)
 * each layer's share of the rule's layer total: the weights its correction is summed with, so a
 * design's correction is the mean of its layers' corrections weighted by how much of the rule's
 * number each layer is (log(Σ rule_l·e^c_l / Σ rule_l) ≈ Σ share_l·c_l). A target no layer
 * contributes to has zero shares: its layers then correct nothing.
 */
export interface LayerTerms {
  readonly count: number;
  /** count × LAYER_FEATURE_NAMES.length, row-major. */
  readonly features: Float32Array;
  /** count × TARGETS.length, row-major; each target's column sums to 1 or is all zero. */
  readonly shares: Float32Array;
}

/** Layers that cost nothing (inputs, reshapes hls4ml folds away) are left out. */
export function layerTerms(build: DesignBuild, layers: readonly Layer[], config: HlsConfig): LayerTerms {
  const kept = build.layers.filter((b) => b.kind !== 'input' && (b.cycles > 0 || b.hls.ff > 0 || b.hls.lut > 0 || b.hls.dsp > 0 || b.hls.bram18k > 0));
  const width = LAYER_FEATURE_NAMES.length;
  const features = new Float32Array(kept.length * width);
  const shares = new Float32Array(kept.length * TARGETS.length);
  const byName = new Map(layers.map((l) => [l.name, l]));
  const tool = TOOLS.indexOf(build.versions.tool as (typeof TOOLS)[number]);
  const stream = config.ioType === 'io_stream';
  kept.forEach((b, i) => writeLayer(b, byName.get(b.source), tool < 0 ? TOOLS.length - 1 : tool, stream, features, i * width));
  TARGETS.forEach((target, t) => {
    let total = 0;
    for (const b of kept) total += layerRule(target, b);
    if (total <= 0) return;
    kept.forEach((b, i) => {
      shares[i * TARGETS.length + t] = layerRule(target, b) / total;
    });
  });
  return { count: kept.length, features, shares };
}

/** A layer's part of the rule's number for a target: its own estimate, or its cycles. */
function layerRule(target: Target, b: LayerBuild): number {
  const info = TARGET_INFO[target];
  return info.kind === 'latency' ? b[info.quantity] : b.hls[info.quantity];
}

const logged = (v: number) => Math.log1p(Math.max(0, Number.isFinite(v) ? v : 0));

function writeLayer(b: LayerBuild, layer: Layer | undefined, tool: number, stream: boolean, out: Float32Array, offset: number): void {
  let at = offset;
  const slot = (index: number, size: number) => {
    if (index >= 0) out[at + index] = 1;
    at += size;
  };
  slot(FAMILIES.indexOf(layerFamily(b.kind)), FAMILIES.length);
  slot(STRATEGY_CLASSES.indexOf(b.priceClass), STRATEGY_CLASSES.length);
  slot(b.product === 'dsp' || b.product === 'lut' || b.product === 'none' ? PRODUCTS.indexOf(b.product) : PRODUCTS.indexOf('free'), PRODUCTS.length);
  slot(b.kind === 'activation' ? ACTIVATION_GROUPS.indexOf(activationGroup(activationFunction(layer?.activation))) : -1, ACTIVATION_GROUPS.length);
  slot(tool, TOOLS.length);
  const outputs = product(b.outputShape);
  out[at++] = logged(b.mult?.nIn ?? 0);
  out[at++] = logged(b.mult?.nOut ?? outputs);
  out[at++] = logged(b.mult?.applications ?? 0);
  out[at++] = logged(outputs);
  out[at++] = logged(layer?.params ?? 0);
  out[at++] = b.mult ? b.weightWidth : 0;
  out[at++] = b.inputWidth;
  out[at++] = b.mult ? b.accumWidth : 0;
  out[at++] = b.resultWidth;
  out[at++] = logged(b.tableBits);
  out[at++] = logged(b.lineBufferBits);
  out[at++] = stream ? 1 : 0;
  // The first and last io_parallel layers meet the top function's ports, which the rule prices
  // apart (`portBits`): their corrections differ from the same layer's inside the design.
  out[at++] = b.readsPort ? 1 : 0;
  out[at++] = b.writesPort ? 1 : 0;
  out[at++] = logged(b.reuse?.applied ?? 0);
  out[at++] = logged(b.mult ? b.blockFactor : 0);
  if (at !== offset + LAYER_FEATURE_NAMES.length) throw new Error(`layer features wrote ${at - offset} values for ${LAYER_FEATURE_NAMES.length} names`);
}
