// Fits the HLS tool profiles' constants (packages/core/src/build-model/tool-constants.ts) on the
// real C-synthesis reports in HLSEST_DATA (default ../shared/hls4ml-data): per tool group, the
// share of constant-weight products kept on DSPs, the LUT and FF cost of each operator kind
// (non-negative least squares on per-layer and whole-design estimates, relative errors; the flat
// wa-hls4ml rows' post-synthesis numbers anchor the Vitis 2023 Resource costs), and
// the kernels' timing constants (coordinate search on latency and II sMAPE).
// Usage: npm run build && node scripts/fit-tool-constants.mjs [--dry-run | --check]
// (--check refits and exits 1 unless every constant in tool-constants.ts comes out again)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDesign, movedRomBits, holdsNoRegisters, guessedSettings, isModelledRelease, labelsTarget, multipliersFollowConfig, OPERATOR_FEATURES, STRATEGY_CLASSES, TOOL_GROUPS, profileOf, toolGroup, toolYear, operatorFeatures } from '@hlsest/core';
import { inputRecords } from '@hlsest/ingest';

const root = resolve(import.meta.dirname, '..');
const data = resolve(root, process.env.HLSEST_DATA ?? '../shared/hls4ml-data');
const dryRun = process.argv.includes('--dry-run');
const check = process.argv.includes('--check');
const out = resolve(root, 'packages/core/src/build-model/tool-constants.ts');

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : 1);
/** sMAPE past which a latency row stops pulling the timing fit (a rule off by about 3× or more). */
const LATENCY_ERROR_CAP = 100;
const smape = (t, p) => (200 * Math.abs(t - p)) / (Math.abs(t) + Math.abs(p) + 1);
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

// ---- data: every record with an HLS estimate, latency or per-layer result -------------------------
const records = [];
let flatRows = 0;
for await (const r of inputRecords(data, { defaults: { ioType: 'io_stream' } })) {
  const flat = r.provenance.format === 'csv' && r.provenance.source === 'wa-hls4ml';
  if (flat && flatRows >= 1500) continue; // a sample of the 8,928 flat rows is plenty for timing
  if (!(r.results.hls || r.results.latency?.cyclesMax !== undefined || r.results.layers?.length)) continue;
  if (flat) flatRows++;
  records.push({ record: r, group: toolGroup(r.toolchain), flat });
}
console.error(`${records.length} records with C-synthesis numbers`);

// Designs of an hls4ml the rules do not describe (a fork, a development branch, a release before
// the rules' first) and designs whose reuse factor or strategy ingest had to guess are reported
// but not fitted: the constants describe released hls4ml at known settings.
const fitted = (r) => isModelledRelease(r.record.toolchain.hls4mlVersion) && guessedSettings(r.record).length === 0;
// Their layers without weights are another matter: a streamed activation, pooling or padding
// kernel reads no reuse factor or strategy, and a development branch's (Keb-L's) report the same
// costs as the releases' in public reports (≈ 3 LUTs per bit of a streamed ReLU: hls4ml's
// tutorial CNN, Vivado HLS 2020.1; a public 0.6 autoencoder, 2019.2). Their per-layer rows price
// the `streamed` costs, which no release-built family in the data holds for Vivado HLS.
// LUTs built from multipliers a setting outside the config moved there price nothing the config holds.
const priced = (record) => (multipliersFollowConfig(record) ? ['lut', 'ff'] : ['ff']);
const streamedEvidence = (r) => !fitted(r) && !r.flat && r.record.config.ioType === 'io_stream' && (r.record.results.layers ?? []).some((lr) => lr.hls);

const build = (r, profile) => buildDesign(r.network.layers, r.config, { toolchain: r.toolchain, profile });
const classOf = (b) => b.priceClass;

// ---- non-negative least squares, weighted ----------------------------------------------------------
// Lawson–Hanson's active-set method on the normal equations, columns scaled to unit norm first
// (the features span six orders of magnitude). Written here because no maintained npm package
// offers NNLS; the problem is a few dozen unknowns.
function nnls(rows, columns, { ridge = 1e-8 } = {}) {
  const n = columns;
  const norm = new Float64Array(n);
  for (const { x, w } of rows) for (let i = 0; i < n; i++) norm[i] += (w * x[i]) ** 2;
  for (let i = 0; i < n; i++) norm[i] = Math.sqrt(norm[i]) || 1;
  const H = Array.from({ length: n }, () => new Float64Array(n));
  const g = new Float64Array(n);
  for (const { x, y, w } of rows) {
    for (let i = 0; i < n; i++) {
      const xi = (w * x[i]) / norm[i];
      if (xi === 0) continue;
      g[i] += xi * w * y;
      for (let j = 0; j < n; j++) H[i][j] += (xi * w * x[j]) / norm[j];
    }
  }
  for (let i = 0; i < n; i++) H[i][i] += ridge;
  const solveOn = (set) => {
    const idx = [...set];
    const A = idx.map((i) => idx.map((j) => H[i][j]));
    const b = idx.map((i) => g[i]);
    // Gaussian elimination with partial pivoting.
    const m = idx.length;
    for (let k = 0; k < m; k++) {
      let p = k;
      for (let r = k + 1; r < m; r++) if (Math.abs(A[r][k]) > Math.abs(A[p][k])) p = r;
      [A[k], A[p]] = [A[p], A[k]];
      [b[k], b[p]] = [b[p], b[k]];
      for (let r = k + 1; r < m; r++) {
        const f = A[r][k] / A[k][k];
        for (let c = k; c < m; c++) A[r][c] -= f * A[k][c];
        b[r] -= f * b[k];
      }
    }
    const z = new Array(m).fill(0);
    for (let k = m - 1; k >= 0; k--) {
      let s = b[k];
      for (let c = k + 1; c < m; c++) s -= A[k][c] * z[c];
      z[k] = s / A[k][k];
    }
    const full = new Float64Array(n);
    idx.forEach((i, k) => (full[i] = z[k]));
    return full;
  };
  const passive = new Set();
  let c = new Float64Array(n);
  for (let outer = 0; outer < 3 * n; outer++) {
    const grad = Array.from({ length: n }, (_, i) => g[i] - H[i].reduce((s, h, j) => s + h * c[j], 0));
    const candidates = [...Array(n).keys()].filter((i) => !passive.has(i) && grad[i] > 1e-12);
    if (candidates.length === 0) break;
    passive.add(candidates.reduce((a, b) => (grad[a] > grad[b] ? a : b)));
    for (let inner = 0; inner < 3 * n; inner++) {
      const z = solveOn(passive);
      if ([...passive].every((i) => z[i] > 0)) {
        c = z;
        break;
      }
      let alpha = 1;
      for (const i of passive) if (z[i] <= 0) alpha = Math.min(alpha, c[i] / (c[i] - z[i]));
      for (let i = 0; i < n; i++) c[i] += alpha * (z[i] - c[i]);
      for (const i of [...passive]) if (c[i] <= 1e-12) passive.delete(i);
    }
  }
  return [...c].map((v, i) => v / norm[i]);
}

/**
 * NNLS with upper bounds: coefficients past their cap are pinned there (their share moved to the
 * target) and the rest refitted, until none exceeds. Without caps one family's quirk can make a
 * term cost a hundred LUTs per bit, which a design of another shape then multiplies by millions.
 */
function boundedNnls(rows, columns, caps) {
  const pinned = new Map();
  for (;;) {
    const free = [...Array(columns).keys()].filter((i) => !pinned.has(i));
    const reduced = rows.map(({ x, y, w }) => ({
      x: Float64Array.from(free, (i) => x[i]),
      y: y - [...pinned].reduce((a, [i, v]) => a + x[i] * v, 0),
      w,
    }));
    const fit = nnls(reduced, free.length);
    const c = new Float64Array(columns);
    for (const [i, v] of pinned) c[i] = v;
    free.forEach((i, k) => (c[i] = fit[k]));
    const over = free.filter((i) => c[i] > caps[i]);
    if (over.length === 0) return [...c];
    for (const i of over) pinned.set(i, caps[i]);
  }
}

/**
 * The most one bit of an operator can cost in LUTs or FFs: a bit of an adder or register needs
 * well under 4; one level of a multiplexer tree (a 2:1 choice) half a LUT6, so 1 leaves room.
 */
const BIT_COST_CAP = 4;
const MUX_LEVEL_CAP = 1;

/**
 * The most one unit of an operator may cost, in LUTs (`t` = 'lut') or FFs. A pipeline's registers
 * are flip-flops: no LUT. A recurrent cell's saturating logic stays inside its whole-cell costs
 * (the only recurrent data, N-TORC's, all saturates), which are otherwise unbounded. A folded
 * kernel's operand bit is registered and selected anew at every step, like a multiplexer level's:
 * where every multiplier is shared hundreds of times (Vitis 2023's flat rows) the two cannot be
 * told apart, and an uncapped operand bit took 4 LUTs that a kernel at RF 2 pays in full.
 */
function costCap(t, cls, f) {
  if (f === 'pipelineBits' && t === 'lut') return 0;
  if (f === 'saturatingBits' && cls === 'recurrent') return 0;
  if (f === 'perLayer' || cls === 'recurrent') return Infinity;
  if (f === 'muxBits' || (f === 'productBits' && cls === 'folded')) return MUX_LEVEL_CAP;
  return BIT_COST_CAP;
}

/** Distinct output-port widths the designs of a group must show before synthesis's per-port-bit LUTs are fitted. */
const MIN_PORT_WIDTHS = 10;

const F = OPERATOR_FEATURES.length;
const CLASS_INDEX = Object.fromEntries(STRATEGY_CLASSES.map((c, i) => [c, i]));

/** The design's priced features for resource `t`: one block of operator quantities per strategy class. */
function designFeatures(b, t) {
  const x = new Float64Array(STRATEGY_CLASSES.length * F);
  for (const layer of b.layers) {
    const q = operatorFeatures(layer.operators);
    const base = CLASS_INDEX[classOf(layer)] * F;
    const free = layer.hls.ff === 0 && layer.hls.lut === 0 && layer.operators.dsp === 0 && layer.operators.bram18k === 0;
    if (free || (t === 'ff' && holdsNoRegisters(layer))) continue;
    OPERATOR_FEATURES.forEach((f, i) => (x[base + i] += q[f]));
    if (layer.fifo) {
      const s = CLASS_INDEX.top * F;
      x[s + OPERATOR_FEATURES.indexOf('perLayer')] += 1;
      x[s + OPERATOR_FEATURES.indexOf('lutramBits')] += layer.fifo.lutramBits;
    }
  }
  addTopFeatures(x, b);
  return x;
}

/** The top function's own priced features: its registers between inlined layers and its output port. */
function addTopFeatures(x, b) {
  x[CLASS_INDEX.top * F + OPERATOR_FEATURES.indexOf('pipelineBits')] += b.totals.topRegisterBits;
  x[CLASS_INDEX.top * F + OPERATOR_FEATURES.indexOf('portBits')] += b.totals.outputPortBits;
}

function layerFeatures(layer) {
  const x = new Float64Array(STRATEGY_CLASSES.length * F);
  const q = operatorFeatures(layer.operators);
  const base = CLASS_INDEX[classOf(layer)] * F;
  OPERATOR_FEATURES.forEach((f, i) => (x[base + i] = q[f]));
  return x;
}

// ---- fit one group --------------------------------------------------------------------------------
/**
 * Post-synthesis over reported C-synthesis LUTs of Resource designs built by the same hls4ml and
 * HLS tool versions as `like` (1 without five such designs): what synthesis did to them, from
 * the reports alone. Versions matter here: Vitis 2023.2 with hls4ml 0.8.1 keeps ≈ 1.1 times the
 * LUTs, Vitis 2024.2 with hls4ml 1.1.0 about half.
 */
const synthesisRatios = new Map();
function lutSynthesisRatio(like) {
  const key = `${like.toolchain.hlsToolVersion}/${like.toolchain.hls4mlVersion}`;
  if (!synthesisRatios.has(key)) {
    const same = (r) => r.toolchain.hlsToolVersion === like.toolchain.hlsToolVersion && r.toolchain.hls4mlVersion === like.toolchain.hls4mlVersion;
    const ratios = records
      .filter(({ record: r, flat }) => !flat && same(r) && r.results.synth && r.results.hls && r.config.strategy !== 'latency' && guessedSettings(r).length === 0)
      .map(({ record: r }) => r.results.synth.lut / r.results.hls.lut)
      .filter(Number.isFinite);
    synthesisRatios.set(key, ratios.length >= 5 ? median(ratios) : 1);
  }
  return synthesisRatios.get(key);
}

function withCosts(profile, lut, ff) {
  const unpack = (c) => Object.fromEntries(STRATEGY_CLASSES.map((cls, k) => [cls, Object.fromEntries(OPERATOR_FEATURES.map((f, i) => [f, round(c[k * F + i])]))]));
  return { ...profile, lut: unpack(lut), ff: unpack(ff) };
}
const round = (v) => (Math.abs(v) < 1e-9 ? 0 : Number(v.toPrecision(4)));

/**
 * Columns a group's own data cannot price, kept at their start (the nearest generation's fit) by
 * a strong prior row instead of a weak one:
 * - seen in fewer than `MIN_ROWS` rows: Vitis 2023+'s unrolled adder trees appear in four designs
 *   (two one-layer baselines, two hls4ml 1.1.0 Latency records at RF 32, one of them with 286k
 *   FFs); priced on those, the 3-layer jet tagger at RF 1 came out at 260k FFs, 3.3× what the
 *   same rules give it on Vitis 2020–2022;
 * - quantity almost all (≥ 95 %) from rows that also carry saturating logic: the fit cannot tell
 *   their cost from that logic's (Vivado HLS's large unrolled adder trees are all N-TORC's). With
 *   the weak prior the split put Vivado HLS's plain adder-tree flip-flops at 2.5 per bit: 5.4× the
 *   52.5k FFs C-synthesis reports for the hls4ml tutorial's pruned CNN (part 6, Vivado HLS
 *   2020.1); kept near Vitis 2020–2022's 0.3 it predicts 60k.
 * The recurrent class is left out: its costs are whole cells, fitted on N-TORC's LSTMs alone.
 */
const MIN_ROWS = 5;
function undetermined(rows, width) {
  const sat = STRATEGY_CLASSES.map((_, k) => k * F + OPERATOR_FEATURES.indexOf('saturatingBits'));
  const total = new Float64Array(width);
  const withSat = new Float64Array(width);
  const seen = new Float64Array(width);
  for (const { x } of rows) {
    const saturating = sat.some((i) => x[i] > 0);
    for (let i = 0; i < width; i++) {
      total[i] += x[i];
      if (x[i] > 0) seen[i]++;
      if (saturating) withSat[i] += x[i];
    }
  }
  const thin = (i) => seen[i] > 0 && seen[i] < MIN_ROWS;
  const confounded = (i) => !sat.includes(i) && total[i] > 0 && withSat[i] >= 0.95 * total[i];
  return new Set([...Array(width).keys()].filter((i) => i % F !== 0 && Math.floor(i / F) !== CLASS_INDEX.recurrent && (thin(i) || confounded(i))));
}

/** A LUT and an FF row per reported layer (`keep` choosing which of the build's layers count). */
function pushLayerRows(rows, layerRows, b, profile, resources, keep = () => true) {
  for (const lr of layerRows) {
    const layer = b.layers.find((l) => l.name === lr.node);
    if (!layer || !keep(layer)) continue;
    const x = layerFeatures(layer);
    for (const t of resources) {
      if (t === 'ff' && holdsNoRegisters(layer)) continue;
      rows[t].push({ x, y: lr.hls[t] - dividerCost([layer], profile, t), w: 1 / (lr.hls[t] + 200) });
    }
  }
}

const dividersOf = (layers) => layers.reduce((sum, l) => sum + l.operators.dividers, 0);

/** What the layers' dividers cost (priced whole, outside the linear operator costs). */
function dividerCost(layers, profile, t) {
  const division = profile.poolingDivision;
  return division.kind === 'divider' ? dividersOf(layers) * division[t] : 0;
}

/**
 * One divider's FFs, LUTs and cycles where the group's tool builds them: the median, over designs
 * with dividers, of what the report holds beyond the rest of the rule's estimate, per divider.
 */
function fitDivision(profile, members) {
  const division = profile.poolingDivision;
  if (division.kind !== 'divider') return profile;
  const per = { ff: [], lut: [], cycles: [] };
  for (const { record } of members) {
    const b = build(record, profile);
    const dividers = dividersOf(b.layers);
    if (!dividers || !record.results.hls) continue;
    for (const t of ['ff', 'lut']) per[t].push((record.results.hls[t] - b.hls[t]) / dividers + division[t]);
    const cycles = record.results.latency?.cyclesMax;
    if (cycles !== undefined) per.cycles.push(cycles - b.cycles + division.cycles);
  }
  if (per.ff.length === 0) return profile;
  const fitted = { kind: 'divider', cycles: Math.max(0, Math.round(median(per.cycles))), ff: round(Math.max(0, median(per.ff))), lut: round(Math.max(0, median(per.lut))) };
  console.error(`${profile.group}: ${per.ff.length} designs with pooling dividers: ${JSON.stringify(fitted)}`);
  return { ...profile, poolingDivision: fitted };
}

function fitGroup(group, start, nearest) {
  const members = records.filter((r) => r.group === group && !r.flat && fitted(r));
  let profile = start;

  // 1. LUT and FF costs: per-layer rows where the report has them, whole designs otherwise.
  const rows = { lut: [], ff: [] };
  for (const { record } of members) {
    const b = build(record, profile);
    const layerRows = (record.results.layers ?? []).filter((lr) => lr.hls);
    const resources = priced(record);
    pushLayerRows(rows, layerRows, b, profile, resources);
    if (record.results.hls && layerRows.length === 0) {
      for (const t of resources) rows[t].push({ x: designFeatures(b, t), y: record.results.hls[t] - dividerCost(b.layers, profile, t), w: 2 / (record.results.hls[t] + 200) });
    }
    // Where the report has every layer and the total, the rest is the top function's own: its
    // registers between inlined layers (a pipelined io_parallel top).
    if (record.results.hls && layerRows.length > 0 && b.totals.topRegisterBits > 0 && b.layers.every((l) => l.kind === 'input' || layerRows.some((lr) => lr.node === l.name) || l.hls.ff === 0)) {
      const x = new Float64Array(STRATEGY_CLASSES.length * F);
      addTopFeatures(x, b);
      const y = record.results.hls.ff - layerRows.reduce((sum, lr) => sum + lr.hls.ff, 0);
      rows.ff.push({ x, y, w: 2 / (Math.abs(y) + 200) });
    }
  }
  for (const { record } of records.filter((r) => r.group === group && streamedEvidence(r))) {
    pushLayerRows(rows, record.results.layers.filter((l) => l.hls), build(record, profile), profile, priced(record), (layer) => layer.priceClass === 'streamed');
  }
  // The flat wa-hls4ml rows (Resource dense networks) report post-synthesis numbers only: through
  // what synthesis did to LUTs of Resource designs of the same versions that report both (a ratio
  // of reports, so the fit does not feed on its own transfer and drift from run to run) they
  // anchor the folded LUT costs, weighing as much as 100 designs in all (enough that a cost moved
  // by a handful of tiny test designs cannot drag 8,928 rows along; at 300 they pull the records'
  // post-synthesis LUTs away). Anchoring FFs the same way took the flat FF from 15.0 to 15.8 %.
  const flatRows = records.filter((r) => r.group === group && r.flat && fitted(r) && r.record.results.synth);
  for (const { record } of flatRows) {
    const x = designFeatures(build(record, profile), 'lut');
    const y = record.results.synth.lut / lutSynthesisRatio(record);
    rows.lut.push({ x, y, w: (100 / flatRows.length) * (2 / (y + 200)) });
  }
  const width = STRATEGY_CLASSES.length * F;
  const startVector = (t) => STRATEGY_CLASSES.flatMap((cls) => OPERATOR_FEATURES.map((f) => start[t][cls][f]));
  const solve = (t) => {
    if (rows[t].length < 8) return startVector(t);
    // A class the data never shows keeps its starting costs (a weak prior row per coefficient).
    const kept = nearest ? undetermined(rows[t], width) : new Set();
    if (kept.size) console.error(`${group} ${t}: kept at the nearest generation's cost: ${[...kept].map((i) => `${STRATEGY_CLASSES[Math.floor(i / F)]}.${OPERATOR_FEATURES[i % F]}`).join(', ')}`);
    const prior = startVector(t).map((v, i) => ({ x: Float64Array.from({ length: width }, (_, j) => (j === i ? 1 : 0)), y: v, w: (kept.has(i) ? 1 : 0.02) / (Math.abs(v) + 1) }));
    const caps = STRATEGY_CLASSES.flatMap((cls) => OPERATOR_FEATURES.map((f) => costCap(t, cls, f)));
    return boundedNnls([...rows[t], ...prior], width, caps);
  };
  profile = fitDivision(withCosts(profile, solve('lut'), solve('ff')), members);

  // 2. Timing: coordinate search over the kernels' constants, on per-layer and design latency.
  const latencyRows = records.filter((r) => r.group === group && fitted(r));
  const objective = (candidate) => {
    const errors = [];
    for (const { record, flat } of latencyRows) {
      let b;
      try {
        b = build(record, candidate);
      } catch {
        continue;
      }
      const weight = flat ? 0.25 : 1;
      const lat = record.results.latency;
      if (lat?.intervalMax !== undefined && !flat) errors.push([weight, smape(lat.intervalMax, b.interval)]);
      // Multipliers moved onto LUTs outside the config reschedule the design: its cycles label nothing.
      if (!labelsTarget(record, 'cycles')) continue;
      if (lat?.cyclesMax !== undefined) errors.push([weight, smape(lat.cyclesMax, b.cycles)]);
      for (const lr of record.results.layers ?? []) {
        if (lr.latency?.cyclesMax === undefined) continue;
        const layer = b.layers.find((l) => l.name === lr.node);
        if (layer) errors.push([0.5, smape(lr.latency.cyclesMax, layer.cycles)]);
      }
    }
    // A row the rules miss by about 3× or more says nothing about a constant of a cycle or two;
    // uncapped, one such toy design (Vitis 2020.1's Dense 1→2 test: 1 cycle) outweighed the
    // per-kernel register ArgyKokk's 12 RF 1/RF 2 pairs show.
    const total = errors.reduce((s, [w]) => s + w, 0);
    return total ? errors.reduce((s, [w, e]) => s + w * Math.min(e, LATENCY_ERROR_CAP), 0) / total : 0;
  };
  // Each constant's step and range. A table lookup is an index and a ROM read: every report of one
  // alone shows at most 3 cycles (the search had put 7 there to explain Vitis 2020.1's 16-cycle
  // io_stream unit test, which a stream's per-stage cycles explain as well).
  const STEPS = {
    productNs: [0.5, 0, 12], adderLevelNs: [0.25, 0, 6], overheadCycles: [1, -2, 6], cyclesPerInput: [0.05, 0, 1], rolledInputsPerCycle: [0.5, 0.5, 16],
    sharedProductShare: [0.05, 0.01, 1], foldedFillCycles: [1, 0, 30], foldedStepOverhead: [1, 0, 30], tableCycles: [1, 0, 3],
    softmaxCycles: [1, 0, 30], softmaxLevelNs: [0.25, 0, 20], recurrentStepCycles: [1, 0, 60], dataflowCycles: [1, -4, 10], pipelineCyclesPerLayer: [1, 0, 4], kernelCallCycles: [1, 0, 4],
  };
  const GRIDS = { activationNs: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 10, 12] };
  // A softmax's cycles are only seen inside whole designs' latencies: with fewer than MIN_ROWS
  // such designs the search pushes them to its bounds to absorb what other layers miss (Vivado
  // HLS: 4 designs, 30 + 10 per level, i.e. 60–100 cycles where the hls4ml tutorial's CNN reports
  // 7 for its 10-output softmax), so they keep the nearest generation's values.
  const softmaxDesigns = latencyRows.filter(({ record }) => record.results.latency?.cyclesMax !== undefined && record.network.layers.some((l) => /softmax/i.test(`${l.activation ?? ''} ${l.className}`))).length;
  const frozen = new Set(nearest && softmaxDesigns < MIN_ROWS ? ['softmaxCycles', 'softmaxLevelNs'] : []);
  if (frozen.size) {
    profile = { ...profile, timing: { ...profile.timing, softmaxCycles: nearest.timing.softmaxCycles, softmaxLevelNs: nearest.timing.softmaxLevelNs } };
    console.error(`${group} timing: softmax cycles kept at the nearest generation's (${softmaxDesigns} designs with a softmax)`);
  }
  // A start outside its range (a range narrowed since the constants were written) could not move.
  const clamped = Object.fromEntries(Object.entries(STEPS).map(([key, [, lo, hi]]) => [key, Math.min(hi, Math.max(lo, profile.timing[key]))]));
  profile = { ...profile, timing: { ...profile.timing, ...clamped } };
  let best = objective(profile);
  for (let pass = 0; pass < 3; pass++) {
    for (const [key, [step, lo, hi]] of Object.entries(STEPS)) {
      if (frozen.has(key)) continue;
      for (const direction of [1, -1]) {
        for (;;) {
          const value = profile.timing[key] + direction * step;
          if (value < lo || value > hi) break;
          const candidate = { ...profile, timing: { ...profile.timing, [key]: round(value) } };
          const score = objective(candidate);
          if (score >= best - 1e-6) break;
          best = score;
          profile = candidate;
        }
      }
    }
    // A delay counts in whole clock periods, so small steps meet a plateau: try the grid.
    for (const [key, values] of Object.entries(GRIDS)) {
      for (const value of values) {
        const candidate = { ...profile, timing: { ...profile.timing, [key]: value } };
        const score = objective(candidate);
        if (score >= best - 1e-6) continue;
        best = score;
        profile = candidate;
      }
    }
    for (const [key, step, lo, hi] of [['streamOverheadCycles', 1, 0, 20]]) {
      for (const direction of [1, -1]) {
        for (;;) {
          const value = profile[key] + direction * step;
          if (value < lo || value > hi) break;
          const score = objective({ ...profile, [key]: value });
          if (score >= best - 1e-6) break;
          best = score;
          profile = { ...profile, [key]: value };
        }
      }
    }
  }
  // 3. Post-synthesis transfer: median of post-synthesis over the rule's C-synthesis estimate,
  // for the group and for each year of the tool with five designs or more.
  // LUTs are fitted below, with the ROMs the BRAM transfer moves.
  const ratios = { bram18k: [], ff: [] };
  const ffByYear = new Map();
  const synthRows = [];
  for (const { record } of records.filter((r) => r.group === group && fitted(r) && r.record.results.synth)) {
    const b = build(record, profile);
    synthRows.push({ record, b });
    const year = toolYear(record.toolchain);
    if (year !== undefined && !ffByYear.has(year)) ffByYear.set(year, []);
    for (const k of Object.keys(ratios)) {
      // The BRAM transfer moves weight ROMs only; the other memories pass through (`summarize`).
      const moved = k === 'bram18k' ? b.totals.weightBram18k : b.hls[k];
      if (!(moved > 0 && record.results.synth[k] >= 0)) continue;
      ratios[k].push(Math.max(0, record.results.synth[k] - (b.hls[k] - moved)) / moved);
      if (k === 'ff' && year !== undefined) ffByYear.get(year).push(record.results.synth.ff / b.hls.ff);
    }
  }
  const transfer = Object.fromEntries(Object.entries(ratios).map(([k, xs]) => [k, round(xs.length >= 5 ? median(xs) : start.synthTransfer[k])]));
  // Weight ROMs the BRAM transfer moves become distributed ROM: their LUTs per bit, fitted with
  // the LUT ratio on every design of the group that reports both (relative errors); the ratios
  // are then the medians of what is left over the C-synthesis LUTs. Shift-register line buffers
  // pass to their SRLs outside the ratio (`summarize`).
  // The LUTs synthesis adds per output-port bit are fitted the same way where many designs of
  // different port widths show them (the flat rows); a handful cannot tell them from the ratio
  // (Vitis 2024's 8 io_parallel records asked for 7 LUTs a bit).
  const lutRows = synthRows
    .map(({ record, b }) => ({ y: record.results.synth.lut - b.totals.shiftRegisterSynthLut, hls: b.hls.lut - b.totals.shiftRegisterLut, moved: movedRomBits(b.totals.romBitsInBram, transfer), port: b.totals.outputPortBits, year: toolYear(record.toolchain) }))
    .filter((r) => r.hls > 0 && r.y >= 0);
  const portWidths = new Set(lutRows.map((r) => r.port).filter((port) => port > 0));
  const withPort = portWidths.size >= MIN_PORT_WIDTHS;
  const [, perBit, perPortBit = 0] =
    lutRows.some((r) => r.moved > 0 || (withPort && r.port > 0)) && lutRows.length >= 5
      ? nnls(lutRows.map((r) => ({ x: withPort ? Float64Array.of(r.hls, r.moved, r.port) : Float64Array.of(r.hls, r.moved), y: r.y, w: 2 / (r.y + 200) })), withPort ? 3 : 2)
      : [0, 0, 0];
  const lutRatio = (rows) => median(rows.map((r) => (r.y - perBit * r.moved - perPortBit * r.port) / r.hls));
  const years = [...ffByYear]
    .map(([year, ff]) => ({ year, ff, lut: lutRows.filter((r) => r.year === year) }))
    .filter(({ ff, lut }) => lut.length >= 5 && ff.length >= 5)
    .sort((a, b) => a.year.localeCompare(b.year));
  profile = {
    ...profile,
    synthTransfer: { ...transfer, lut: round(lutRows.length >= 5 ? lutRatio(lutRows) : start.synthTransfer.lut), lutPerMovedRomBit: round(perBit), lutPerOutputBit: round(perPortBit) },
    synthTransferByYear: Object.fromEntries(years.map(({ year, ff, lut }) => [year, { ff: round(median(ff)), lut: round(lutRatio(lut)) }])),
  };
  console.error(`${group}: ${members.length} designs, latency/II sMAPE ${best.toFixed(1)} %, ${rows.lut.length} LUT rows`);
  const { group: _g, ...constants } = profile;
  return constants;
}

const constants = {};
// Vitis HLS 2023+'s data have no unrolled kernel wider than one input at RF 1 (hls4ml's
// baselines) and few kernels of any kind: its timing search and its costs' weak priors start
// from Vitis 2020–2022's fit, so what the data cannot tell apart stays where the nearest
// generation's data put it instead of drifting with tiny designs (and with the last run: from
// its own constants, two runs in a row landed 30 % apart on the records' HLS LUTs).
// Vivado HLS's costs' weak priors start there too (its timing stays its own): where its data
// cannot split a cost (its large unrolled kernels are all N-TORC's, with saturating accumulators),
// the split does not depend on the last run's constants.
const NEAREST = { vivado_hls: { from: 'vitis_hls_2020', timing: false }, vitis_hls_2023: { from: 'vitis_hls_2020', timing: true }, vitis_hls_2024: { from: 'vitis_hls_2023', timing: true } };
// A group is fitted after the group its priors come from (2024 after 2023 after 2020).
const priorDepth = (group) => (group in NEAREST ? 1 + priorDepth(NEAREST[group].from) : 0);
const FIT_ORDER = [...TOOL_GROUPS].sort((a, b) => priorDepth(a) - priorDepth(b));
for (const group of FIT_ORDER) {
  const start = profileOf(group);
  const nearest = NEAREST[group];
  const from = nearest && constants[nearest.from];
  constants[group] = fitGroup(group, from ? { ...start, ...(nearest.timing && { timing: from.timing }), lut: from.lut, ff: from.ff } : start, from);
}
const ordered = Object.fromEntries(TOOL_GROUPS.map((g) => [g, constants[g]]));

const text = `// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = ${JSON.stringify(ordered, null, 2).replace(/"(\w+)":/g, '$1:')};
`;
if (check) {
  // The fit must reproduce the constants it wrote: a fit that lands elsewhere from its own output
  // (weak priors drifting with the last run) would make every refit a different rule set.
  const drift = differences(ordered, Object.fromEntries(TOOL_GROUPS.map((g) => [g, profileOf(g)])));
  for (const d of drift) console.error(`${d.path}: written ${d.written}, refitted ${d.refitted}`);
  console.error(drift.length ? `${drift.length} constants do not reproduce` : 'every tool constant reproduces within 0.5 %');
  process.exitCode = drift.length ? 1 : 0;
} else if (dryRun) console.log(text);
else {
  writeFileSync(out, text);
  console.error(`wrote ${out}`);
}

/** Numbers of `fitted` that differ from `written` by more than 0.5 % (and 0.001), with their paths. */
function differences(fitted, written, path = '') {
  if (typeof fitted === 'number') {
    const close = Math.abs(fitted - written) <= Math.max(1e-3, 0.005 * Math.abs(written));
    return close ? [] : [{ path, written, refitted: fitted }];
  }
  if (fitted === null || typeof fitted !== 'object') return fitted === written ? [] : [{ path, written, refitted: fitted }];
  return Object.keys(fitted).flatMap((k) => differences(fitted[k], written?.[k], path ? `${path}.${k}` : k));
}
