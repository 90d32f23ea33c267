import { buildDesign, familyOf, guessedSettings, isModelledRelease, MULTIPLIER_TARGETS, multipliersFollowConfig, ruleEstimate, targetValue, type DesignBuild, type DesignRecord, type Target } from '@hlsest/core';

/** What a rule-fidelity check compares: a number the rules give against the one a report gives. */
export const RULE_CHECKS = [
  'cycles',
  'interval',
  'hls_bram',
  'hls_dsp',
  'hls_ff',
  'hls_lut',
  'bram',
  'dsp',
  'ff',
  'lut',
  'cosim_cycles',
  'layer_cycles',
  'layer_interval',
  'layer_hls_bram',
  'layer_hls_dsp',
  'layer_hls_ff',
  'layer_hls_lut',
] as const;
export type RuleCheck = (typeof RULE_CHECKS)[number];

/** The #16 goals, sMAPE in %: the rule alone should reach these on every family. */
export const RULE_GOALS: Readonly<Partial<Record<RuleCheck, number>>> = {
  cycles: 10,
  interval: 10,
  hls_dsp: 15,
  hls_ff: 25,
  hls_lut: 25,
  layer_cycles: 10,
  layer_interval: 10,
  layer_hls_dsp: 15,
  layer_hls_ff: 25,
  layer_hls_lut: 25,
};

export interface RuleScore {
  readonly family: string;
  readonly check: RuleCheck;
  readonly n: number;
  /** Mean sMAPE, %, the rule4ml / wa-hls4ml convention: 200·|y−ŷ| / (|y|+|ŷ|+1). */
  readonly smape: number;
  /** Share of exact matches (within 0.5). */
  readonly exact: number;
  /** Share within 10 % and 25 % of the truth. */
  readonly within10: number;
  readonly within25: number;
  readonly goal?: number;
  readonly meetsGoal?: boolean;
  /** The largest misses, for the report. */
  readonly worst: readonly { readonly id: string; readonly truth: number; readonly rule: number }[];
  /**
   * Where a check that misses its goal misses: its designs grouped by what the rules read first
   * (HLS tool and version, strategy, IO type), the groups that put the most sMAPE points on the
   * family's figure first (`points` = a group's sum of sMAPE over the family's count).
   */
  readonly misses?: readonly SettingMiss[];
}

export interface SettingMiss {
  readonly setting: string;
  readonly n: number;
  readonly smape: number;
  readonly points: number;
}

export interface RuleReport {
  readonly scores: readonly RuleScore[];
  /** Records the rules could not build, with the reason. */
  readonly failures: readonly { readonly family: string; readonly id: string; readonly reason: string }[];
  /** Designs per family. */
  readonly designs: Readonly<Record<string, number>>;
  /** Why a row stands apart from its family, where it does. */
  readonly notes: Readonly<Record<string, string>>;
  /** Per family, what in its reports no rule reading the model and config can follow. */
  readonly evidence: Readonly<Record<string, FamilyEvidence>>;
}

/**
 * Facts from a family's own reports that bound what any rule can reach there: designs whose
 * latency is 0 (combinational: hlsest never says less than 1 cycle, since II ≥ 1 and II ≤
 * latency), how far the share of constant-weight products C-synthesis keeps on DSPs spreads
 * between layers with the same operand widths, tool and strategy, and Latency kernels at RF > 1
 * whose cycles do not grow with their products (both follow the trained weights' values, which
 * the projects do not ship).
 */
export interface FamilyEvidence {
  readonly zeroLatency: number;
  /** The sMAPE sum of the rule's latency over the 0-cycle designs the latency check scores. */
  readonly zeroLatencyErrors: number;
  readonly latencyDesigns: number;
  readonly dspShare?: { readonly setting: string; readonly min: number; readonly max: number; readonly minAt: string; readonly maxAt: string; readonly layers: number };
  /**
   * Latency-strategy kernels shared over RF > 1 steps: the starkest pair, at the same tool and
   * applied RF, where a layer with at least 4× the products of another reports at most a third
   * of its cycles (the schedule follows which constant products become shifts and adds, i.e.
   * the trained weights).
   */
  readonly foldedLatency?: {
    readonly setting: string;
    readonly large: LayerCycles;
    readonly small: LayerCycles;
    readonly layers: number;
    /** Per schedule check, the designs with a kernel at that setting and the sum of their sMAPE (layer checks: their layers'). */
    readonly excluded: Partial<Record<RuleCheck, { readonly n: number; readonly sum: number }>>;
  };
  /**
   * Designs reporting DSPs where every product the rules count is built from LUTs (no DSP in the
   * rule): what those DSPs build, the reports do not say. `points`: what they alone add to the
   * family's HLS DSP sMAPE.
   */
  readonly dspWithoutProducts?: { readonly designs: number; readonly dspDesigns: number; readonly min: number; readonly max: number; readonly points: number; readonly example: string };
  /**
   * Designs whose C-synthesis LUTs exceed `LUT_BEYOND_SYNTHESIS` times what synthesis built of
   * them: C-synthesis counted logic synthesis then removed whole, which no count of the operators
   * built follows. `othersMax`: the largest such ratio among the family's other designs with both
   * reports; `points`: what they alone add to the family's HLS LUT sMAPE.
   */
  readonly lutBeyondSynthesis?: { readonly designs: number; readonly lutDesigns: number; readonly minRatio: number; readonly maxRatio: number; readonly othersMax: number; readonly points: number; readonly example: string };
}

export interface LayerCycles {
  readonly at: string;
  readonly products: number;
  readonly cycles: number;
}

/**
 * C-synthesis over post-synthesis LUTs past which C-synthesis counted logic synthesis removed
 * whole: the wa-hls4ml records that report both otherwise span 0.8–4.7 (the tool's year moves it).
 */
const LUT_BEYOND_SYNTHESIS = 10;

/** The checks a schedule the trained weights decide puts out of reach (`FamilyEvidence.foldedLatency`). */
const SCHEDULE_CHECKS: ReadonlySet<RuleCheck> = new Set(['cycles', 'interval', 'layer_cycles', 'layer_interval']);

/** Layers this small say little about the share of products on DSPs. */
const MIN_SHARE_PRODUCTS = 16;

const DESIGN_TARGETS: Readonly<Partial<Record<RuleCheck, Target>>> = {
  cycles: 'cycles',
  interval: 'interval',
  hls_bram: 'hls_bram',
  hls_dsp: 'hls_dsp',
  hls_ff: 'hls_ff',
  hls_lut: 'hls_lut',
  bram: 'bram',
  dsp: 'dsp',
  ff: 'ff',
  lut: 'lut',
};

/** The target a per-layer or co-simulation check measures. */
const LAYER_TARGETS: Readonly<Partial<Record<RuleCheck, Target>>> = {
  cosim_cycles: 'cycles',
  layer_cycles: 'cycles',
  layer_hls_bram: 'hls_bram',
  layer_hls_dsp: 'hls_dsp',
  layer_hls_ff: 'hls_ff',
  layer_hls_lut: 'hls_lut',
};

/**
 * Pairs of (truth, rule) a record offers for each check. DSP, LUT and latency checks skip designs
 * whose multipliers were forced onto LUTs outside the config: no rule reading the config can see that.
 */
function pairs(record: DesignRecord, build: DesignBuild): [RuleCheck, number, number][] {
  const all = allPairs(record, build);
  if (multipliersFollowConfig(record)) return all;
  return all.filter(([check]) => {
    const target = DESIGN_TARGETS[check] ?? LAYER_TARGETS[check];
    return target === undefined || !MULTIPLIER_TARGETS.has(target);
  });
}

function allPairs(record: DesignRecord, build: DesignBuild): [RuleCheck, number, number][] {
  const out: [RuleCheck, number, number][] = [];
  for (const [check, target] of Object.entries(DESIGN_TARGETS) as [RuleCheck, Target][]) {
    const truth = targetValue(record, target);
    if (truth !== undefined) out.push([check, truth, ruleEstimate(target, build)]);
  }
  if (record.results.cosim?.cyclesMax !== undefined) out.push(['cosim_cycles', record.results.cosim.cyclesMax, build.cycles]);
  for (const lr of record.results.layers ?? []) {
    const layer = build.layers.find((l) => l.name === lr.node);
    if (!layer) continue;
    if (lr.latency?.cyclesMax !== undefined) out.push(['layer_cycles', lr.latency.cyclesMax, layer.cycles]);
    if (lr.latency?.intervalMax !== undefined) out.push(['layer_interval', lr.latency.intervalMax, layer.interval]);
    if (lr.hls) {
      out.push(['layer_hls_bram', lr.hls.bram18k, layer.hls.bram18k], ['layer_hls_dsp', lr.hls.dsp, layer.hls.dsp], ['layer_hls_ff', lr.hls.ff, layer.hls.ff], ['layer_hls_lut', lr.hls.lut, layer.hls.lut]);
    }
  }
  return out;
}

/**
 * A record's row in the report: its family, with the designs of an hls4ml the rules do not
 * describe (a fork, a development branch, a release before the rules' first), and those whose
 * settings ingest had to guess, on rows of their own that say why.
 */
function reportRow(record: Pick<DesignRecord, 'provenance' | 'toolchain'>): { family: string; note?: string } {
  const version = record.toolchain.hls4mlVersion;
  if (!isModelledRelease(version)) {
    return {
      family: `${familyOf(record)} (hls4ml ${version})`,
      note: `Built with hls4ml "${version}", which hlsest's rules do not describe (a fork, a development branch or a release before 0.6; the records' warnings give the evidence): reported for reference, left out of the tool-profile fit and of the bundle's band calibration.`,
    };
  }
  const guessed = guessedSettings(record);
  if (guessed.length === 0) return { family: familyOf(record) };
  return {
    family: `${familyOf(record)} (${guessed.join(', ')} unknown)`,
    note: guessed.includes('inputStream')
      ? 'These layers are the first Dense after a Flatten: their latency follows how many stream elements the flattened vector arrives in (hls4ml reads one per cycle, `inplace_stream_flatten`), which the rows do not record. The rules were run as if the vector arrived whole, so the figures say nothing about them; left out of the tool-profile fit.'
      : "No config and no name gives these designs' reuse factor or strategy: the rules were run with defaults, so the figures say nothing about the rules. Training and evaluation skip them.",
  };
}

const smape = (t: number, p: number) => (200 * Math.abs(t - p)) / (Math.abs(t) + Math.abs(p) + 1);

/**
 * How hls4ml's rules (the build model and its fitted tool profiles, nothing learned) match the
 * real reports, family by family and check by check.
 */
export function ruleReport(records: Iterable<DesignRecord>): RuleReport {
  const collected = new Map<string, { id: string; truth: number; rule: number; setting: string }[]>();
  const failures: { family: string; id: string; reason: string }[] = [];
  const designs: Record<string, number> = {};
  const notes: Record<string, string> = {};
  const evidence: Record<string, Facts> = {};
  for (const record of records) {
    const { family, note } = reportRow(record);
    designs[family] = (designs[family] ?? 0) + 1;
    if (note) notes[family] = note;
    const id = record.provenance.sourceId ?? record.provenance.file;
    const setting = `${toolName(record)}, ${record.config.strategy}, ${record.config.ioType}`;
    let build: DesignBuild;
    try {
      build = buildDesign(record.network.layers, record.config, { toolchain: record.toolchain });
    } catch (error) {
      failures.push({ family, id, reason: (error as Error).message });
      continue;
    }
    const facts = (evidence[family] ??= { zeroLatency: 0, zeroLatencyErrors: 0, latencyDesigns: 0, shares: [], folded: [], foldedErrors: [], dspDesigns: 0, dspWithoutProducts: [], lutDesigns: 0, lutRatios: [] });
    const cycles = record.results.latency?.cyclesMax;
    if (cycles !== undefined) {
      facts.latencyDesigns++;
      if (cycles === 0) facts.zeroLatency++;
    }
    const settingsKnown = guessedSettings(record).length === 0;
    if (settingsKnown) {
      if (multipliersFollowConfig(record)) {
        facts.shares.push(...dspShares(record, build, id));
        const dsp = record.results.hls?.dsp;
        if (dsp !== undefined) {
          facts.dspDesigns++;
          if (dsp > 0 && build.hls.dsp === 0 && build.totals.multipliers > 0) facts.dspWithoutProducts.push({ at: shortId(id), dsp });
        }
        const hlsLut = record.results.hls?.lut;
        if (hlsLut !== undefined) {
          facts.lutDesigns++;
          const synthLut = record.results.synth?.lut;
          if (synthLut !== undefined && synthLut > 0) facts.lutRatios.push({ at: shortId(id), ratio: hlsLut / synthLut, error: smape(hlsLut, build.hls.lut) });
        }
      }
    }
    const folded = settingsKnown ? foldedLatencyLayers(record, build, id) : [];
    facts.folded.push(...folded);
    const scheduleErrors: [RuleCheck, number][] = [];
    for (const [check, truth, rule] of pairs(record, build)) {
      const error = smape(truth, rule);
      if (SCHEDULE_CHECKS.has(check)) scheduleErrors.push([check, error]);
      if (check === 'cycles' && truth === 0) facts.zeroLatencyErrors += error;
      const key = `${family}\u0000${check}`;
      const list = collected.get(key) ?? [];
      list.push({ id, truth, rule, setting });
      collected.set(key, list);
    }
    if (folded.length) facts.foldedErrors.push({ settings: new Set(folded.map((l) => l.setting)), errors: scheduleErrors });
  }
  const scores: RuleScore[] = [];
  for (const [key, list] of [...collected.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [family, check] = key.split('\u0000') as [string, RuleCheck];
    const errors = list.map((p) => smape(p.truth, p.rule));
    const relative = list.map((p) => Math.abs(p.rule - p.truth) / Math.max(1, Math.abs(p.truth)));
    const goal = RULE_GOALS[check];
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const meetsGoal = goal === undefined ? undefined : mean <= goal;
    scores.push({
      family,
      check,
      n: list.length,
      smape: mean,
      exact: list.filter((p) => Math.abs(p.truth - p.rule) < 0.5).length / list.length,
      within10: relative.filter((r) => r <= 0.1).length / list.length,
      within25: relative.filter((r) => r <= 0.25).length / list.length,
      ...(goal !== undefined && { goal, meetsGoal }),
      ...(meetsGoal === false && { misses: missesBySetting(list.map((p, i) => ({ setting: p.setting, error: errors[i]! }))) }),
      worst: list
        .map((p, i) => ({ ...p, error: errors[i]! }))
        .sort((a, b) => b.error - a.error)
        .slice(0, 3)
        .map(({ id, truth, rule }) => ({ id, truth, rule })),
    });
  }
  return { scores, failures, designs, notes, evidence: Object.fromEntries(Object.entries(evidence).map(([family, facts]) => [family, summarize(facts)])) };
}

/** The settings of a check's designs, by the sMAPE points each puts on the family's figure. */
function missesBySetting(rows: readonly { readonly setting: string; readonly error: number }[]): SettingMiss[] {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const errors = groups.get(row.setting);
    if (errors) errors.push(row.error);
    else groups.set(row.setting, [row.error]);
  }
  return [...groups]
    .map(([setting, errors]) => {
      const sum = errors.reduce((a, b) => a + b, 0);
      return { setting, n: errors.length, smape: sum / errors.length, points: sum / rows.length };
    })
    .sort((a, b) => b.points - a.points);
}

interface Facts {
  zeroLatency: number;
  zeroLatencyErrors: number;
  latencyDesigns: number;
  readonly shares: Share[];
  readonly folded: (LayerCycles & { readonly setting: string })[];
  /** Designs with folded Latency kernels: their settings and their schedule checks' sMAPE. */
  readonly foldedErrors: { readonly settings: ReadonlySet<string>; readonly errors: readonly [RuleCheck, number][] }[];
  dspDesigns: number;
  readonly dspWithoutProducts: { readonly at: string; readonly dsp: number }[];
  lutDesigns: number;
  /** C-synthesis over post-synthesis LUTs, per design reporting both, with the rule's HLS LUT sMAPE there. */
  readonly lutRatios: { readonly at: string; readonly ratio: number; readonly error: number }[];
}

interface Share {
  /** Tool, version, strategy and operand widths: layers alike in everything the rule reads. */
  readonly setting: string;
  readonly share: number;
  readonly at: string;
}

/** Per layer whose products all go to DSPs at RF 1 (by the rule), the share the report keeps there. */
function dspShares(record: DesignRecord, build: DesignBuild, id: string): Share[] {
  const out: Share[] = [];
  const tool = toolName(record);
  for (const lr of record.results.layers ?? []) {
    const layer = build.layers.find((l) => l.name === lr.node);
    if (!layer?.mult || layer.product !== 'dsp' || lr.hls === undefined || layer.multipliers < MIN_SHARE_PRODUCTS || layer.reuse?.applied !== 1) continue;
    out.push({
      setting: `${tool}, ${layer.strategy} strategy, ${layer.weightWidth}-bit weights × ${layer.inputWidth}-bit inputs`,
      share: lr.hls.dsp / layer.multipliers,
      at: `${shortId(id)} ${layer.name}: ${lr.hls.dsp} of ${layer.multipliers}`,
    });
  }
  return out;
}

/** A design's id as the evidence cites it: its last two path segments (project and run). */
const shortId = (id: string) => id.split('/').slice(-2).join('/');

const toolName = (record: DesignRecord) => `${record.toolchain.hlsTool ?? 'HLS'} ${record.toolchain.hlsToolVersion ?? ''}`.trim();

/** Latency-strategy weight layers at an applied RF > 1 with a reported latency. */
function foldedLatencyLayers(record: DesignRecord, build: DesignBuild, id: string): Facts['folded'] {
  const tool = toolName(record);
  const out: Facts['folded'] = [];
  for (const lr of record.results.layers ?? []) {
    const layer = build.layers.find((l) => l.name === lr.node);
    const cycles = lr.latency?.cyclesMax;
    if (!layer?.mult || layer.strategy !== 'latency' || (layer.reuse?.applied ?? 1) <= 1 || cycles === undefined || cycles <= 0) continue;
    out.push({ setting: `${tool}, RF ${layer.reuse!.applied}`, at: `${shortId(id)} ${layer.name} (${layer.mult.nIn}×${layer.mult.nOut})`, products: layer.totalMults, cycles });
  }
  return out;
}

/** The starkest pair, per tool and applied RF, of a layer with ≥ 4× another's products reporting ≤ 1/3 of its cycles. */
function starkestInversion(layers: Facts['folded']): Omit<NonNullable<FamilyEvidence['foldedLatency']>, 'excluded'> | undefined {
  let best: { large: Facts['folded'][number]; small: Facts['folded'][number] } | undefined;
  for (const large of layers) {
    for (const small of layers) {
      if (small.setting !== large.setting || large.products < 4 * small.products || 3 * large.cycles > small.cycles) continue;
      if (!best || small.cycles / large.cycles > best.small.cycles / best.large.cycles) best = { large, small };
    }
  }
  return best && { setting: best.large.setting, ...best, layers: layers.filter((l) => l.setting === best!.large.setting).length };
}

/** Per schedule check, the count and sMAPE sum of the designs with a kernel at `setting`. */
function scheduleErrorsAt(setting: string, designs: Facts['foldedErrors']): NonNullable<FamilyEvidence['foldedLatency']>['excluded'] {
  const out: Partial<Record<RuleCheck, { n: number; sum: number }>> = {};
  for (const design of designs) {
    if (!design.settings.has(setting)) continue;
    for (const [check, error] of design.errors) {
      const entry = (out[check] ??= { n: 0, sum: 0 });
      entry.n++;
      entry.sum += error;
    }
  }
  return out;
}

/** The setting whose layers' DSP shares spread most (by ratio), with its extremes. */
function summarize(facts: Facts): FamilyEvidence {
  const bySetting = new Map<string, Share[]>();
  for (const s of facts.shares) bySetting.set(s.setting, [...(bySetting.get(s.setting) ?? []), s]);
  let dspShare: FamilyEvidence['dspShare'];
  for (const [setting, list] of bySetting) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.share - b.share);
    const [low, high] = [sorted[0]!, sorted[sorted.length - 1]!];
    const spread = high.share / Math.max(low.share, 1e-3);
    if (!dspShare || spread > dspShare.max / Math.max(dspShare.min, 1e-3)) dspShare = { setting, min: low.share, max: high.share, minAt: low.at, maxAt: high.at, layers: list.length };
  }
  const inversion = starkestInversion(facts.folded);
  const foldedLatency: FamilyEvidence['foldedLatency'] = inversion && { ...inversion, excluded: scheduleErrorsAt(inversion.setting, facts.foldedErrors) };
  const unbuilt = facts.dspWithoutProducts;
  const dspWithoutProducts: FamilyEvidence['dspWithoutProducts'] = unbuilt.length
    ? {
        designs: unbuilt.length,
        dspDesigns: facts.dspDesigns,
        min: Math.min(...unbuilt.map((d) => d.dsp)),
        max: Math.max(...unbuilt.map((d) => d.dsp)),
        points: unbuilt.reduce((sum, d) => sum + smape(d.dsp, 0), 0) / facts.dspDesigns,
        example: `${unbuilt[0]!.at}: ${unbuilt[0]!.dsp}`,
      }
    : undefined;
  const beyond = facts.lutRatios.filter((d) => d.ratio > LUT_BEYOND_SYNTHESIS).sort((a, b) => b.ratio - a.ratio);
  const others = facts.lutRatios.filter((d) => d.ratio <= LUT_BEYOND_SYNTHESIS);
  const lutBeyondSynthesis: FamilyEvidence['lutBeyondSynthesis'] =
    beyond.length && others.length
      ? {
          designs: beyond.length,
          lutDesigns: facts.lutDesigns,
          minRatio: beyond[beyond.length - 1]!.ratio,
          maxRatio: beyond[0]!.ratio,
          othersMax: Math.max(...others.map((d) => d.ratio)),
          points: beyond.reduce((sum, d) => sum + d.error, 0) / facts.lutDesigns,
          example: beyond[0]!.at,
        }
      : undefined;
  return {
    zeroLatency: facts.zeroLatency,
    zeroLatencyErrors: facts.zeroLatencyErrors,
    latencyDesigns: facts.latencyDesigns,
    ...(dspShare && { dspShare }),
    ...(foldedLatency && { foldedLatency }),
    ...(dspWithoutProducts && { dspWithoutProducts }),
    ...(lutBeyondSynthesis && { lutBeyondSynthesis }),
  };
}

const CHECK_WORDS: Readonly<Record<RuleCheck, string>> = {
  cycles: 'latency (cycles)',
  interval: 'II (cycles)',
  hls_bram: 'BRAM, HLS',
  hls_dsp: 'DSP, HLS',
  hls_ff: 'FF, HLS',
  hls_lut: 'LUT, HLS',
  bram: 'BRAM, post-synth',
  dsp: 'DSP, post-synth',
  ff: 'FF, post-synth',
  lut: 'LUT, post-synth',
  cosim_cycles: 'latency, co-simulation',
  layer_cycles: 'layer latency',
  layer_interval: 'layer II',
  layer_hls_bram: 'layer BRAM, HLS',
  layer_hls_dsp: 'layer DSP, HLS',
  layer_hls_ff: 'layer FF, HLS',
  layer_hls_lut: 'layer LUT, HLS',
};

/**
 * The report as Markdown: one table of sMAPE per family and check (goal misses marked), then
 * each family's worst misses, so a regression or a family the rules do not describe shows at a glance.
 */
export function ruleReportMarkdown(report: RuleReport): string {
  const families = Object.keys(report.designs).sort();
  const checks = RULE_CHECKS.filter((c) => report.scores.some((s) => s.check === c));
  const cell = (family: string, check: RuleCheck) => {
    const s = report.scores.find((x) => x.family === family && x.check === check);
    if (!s) return '';
    return `${s.smape.toFixed(1)}${s.meetsGoal === false ? ' ✗' : ''}`;
  };
  const lines = [
    '# How hls4ml\'s rules alone match the real reports',
    '',
    'sMAPE in % (200·|y−ŷ| / (|y|+|ŷ|+1)) of the build model — hls4ml\'s rules with the fitted tool profiles, nothing learned — against every report in the data, per family (DSP and LUT checks leave out designs whose multipliers a setting outside the config forced onto LUTs). ✗: misses the goal for that check (goals: ' +
      Object.entries(RULE_GOALS).map(([c, g]) => `${CHECK_WORDS[c as RuleCheck]} ≤ ${g} %`).join(', ') +
      ').',
    '',
    `| family | designs | ${checks.map((c) => CHECK_WORDS[c]).join(' | ')} |`,
    `|---|---:|${checks.map(() => '---:').join('|')}|`,
    ...families.map((f) => `| ${f} | ${report.designs[f]} | ${checks.map((c) => cell(f, c)).join(' | ')} |`),
    '',
  ];
  for (const family of families) {
    const scores = report.scores.filter((s) => s.family === family);
    if (scores.length === 0) continue;
    lines.push(`## ${family}`, '');
    if (report.notes[family]) lines.push(report.notes[family]!, '');
    // Families the rules do not describe (a development hls4ml, guessed settings) say nothing of where they miss.
    lines.push(...evidenceLines(report.evidence[family], scores), ...(report.notes[family] ? [] : missLines(scores)));
    lines.push('| check | n | sMAPE % | exact | within 10 % | within 25 % | worst (truth → rule) |', '|---|---:|---:|---:|---:|---:|---|');
    for (const s of scores) {
      const worst = s.worst.map((w) => `${Math.round(w.truth)} → ${Math.round(w.rule)}`).join('; ');
      lines.push(`| ${CHECK_WORDS[s.check]} | ${s.n} | ${s.smape.toFixed(1)} | ${pct(s.exact)} | ${pct(s.within10)} | ${pct(s.within25)} | ${worst} |`);
    }
    lines.push('');
  }
  if (report.failures.length) {
    lines.push('## Designs the rules refuse', '', ...report.failures.slice(0, 20).map((f) => `- ${f.family}: ${f.reason}`), '');
  }
  return lines.join('\n');
}

/**
 * For each check that misses its goal, the settings its misses come from, most points first (up
 * to three), and what the family's figure would be without the worst one: where a rule is off,
 * not why.
 */
function missLines(scores: readonly RuleScore[]): string[] {
  const out: string[] = [];
  for (const s of scores) {
    if (!s.misses || s.misses.length < 2) continue;
    const top = s.misses.slice(0, 3).map((m) => `${m.setting}: ${m.n} design${m.n === 1 ? '' : 's'} at ${m.smape.toFixed(1)} % (${m.points.toFixed(1)} points)`);
    const worst = s.misses[0]!;
    const without = ((s.smape * s.n - worst.points * s.n) / Math.max(1, s.n - worst.n)).toFixed(1);
    out.push(`- ${CHECK_WORDS[s.check]} ${s.smape.toFixed(1)} % (goal ${s.goal} %): ${top.join('; ')}. Without the first, ${without} %.`);
  }
  return out.length ? ['Where the misses are (designs grouped by HLS tool, strategy and IO type):', '', ...out, ''] : [];
}

/** What the family's reports show no rule can follow, in words; nothing when they show nothing. */
function evidenceLines(facts: FamilyEvidence | undefined, scores: readonly RuleScore[]): string[] {
  if (!facts) return [];
  const out: string[] = [];
  // A check's figure over the family's other designs (or layers), given the left-out ones' sMAPE sum.
  const rest: RestFigure = (check, n, sum) => {
    const s = scores.find((x) => x.check === check);
    if (!s || s.n <= n) return undefined;
    return `${((s.smape * s.n - sum) / (s.n - n)).toFixed(1)} %${s.goal !== undefined ? ` (goal ${s.goal} %)` : ''}`;
  };
  const without = (check: RuleCheck, designs: number, sum: number) => {
    const figure = rest(check, designs, sum);
    return figure ? ` Without ${designs === 1 ? 'it' : 'them'}, ${figure}.` : '';
  };
  if (facts.zeroLatency > 0) {
    out.push(
      `- ${facts.zeroLatency} of ${facts.latencyDesigns} designs report a latency of 0 cycles (combinational logic). hlsest never estimates less than 1 cycle (II ≥ 1 and II ≤ latency), and sMAPE(0, 1) = 100 %: these designs alone put the family's latency sMAPE at ≥ ${((100 * facts.zeroLatency) / facts.latencyDesigns).toFixed(0)} %.${without('cycles', facts.zeroLatency, facts.zeroLatencyErrors)}`,
    );
  }
  const share = facts.dspShare;
  if (share && share.max > 4 * Math.max(share.min, 1e-3)) {
    out.push(
      `- At reuse factor 1 the share of constant-weight products C-synthesis keeps on DSPs ranges from ${pct(share.min)} (${share.minAt}) to ${pct(share.max)} (${share.maxAt}) over ${share.layers} layers built alike (${share.setting}): it follows the trained weights' values, which the reports' projects do not ship. The rule counts it over the spread Keras initialised each kernel with (its fans), which training moves, so DSP (and the LUTs that replace them) follows from the model and config only that far. Give the weights (\`.h5\`) for a closer estimate.`,
    );
  }
  const folded = facts.foldedLatency;
  if (folded) {
    out.push(
      `- Latency-strategy kernels shared over RF > 1 steps (${folded.setting}: ${folded.layers} layers): the cycles C-synthesis reports do not follow the layer's products. ${folded.large.at} (${folded.large.products} products) takes ${folded.large.cycles} cycles, ${folded.small.at} (${folded.small.products} products) ${folded.small.cycles}. ALLOCATION limits the multipliers, but constant products that become shifts and adds escape the limit, so the schedule follows the trained weights' values, which the projects do not ship: layer latency, and the latency and II of designs built so, are out of reach there.${foldedWithout(folded.excluded, rest)}`,
    );
  }
  const unbuilt = facts.dspWithoutProducts;
  if (unbuilt) {
    out.push(
      `- ${unbuilt.designs} of ${unbuilt.dspDesigns} designs report ${unbuilt.min}–${unbuilt.max} DSPs (${unbuilt.example}) where every product the rules count is built from LUTs, so the rule says 0; what those DSPs build, the reports do not say. They alone put ${unbuilt.points.toFixed(1)} points on the family's HLS DSP sMAPE.${without('hls_dsp', unbuilt.designs, unbuilt.points * unbuilt.dspDesigns)}`,
    );
  }
  const phantom = facts.lutBeyondSynthesis;
  if (phantom) {
    const times = (r: number) => `${r < 10 ? r.toFixed(1) : Math.round(r)}×`;
    const ratios = phantom.designs === 1 ? times(phantom.maxRatio) : `${times(phantom.minRatio)}–${times(phantom.maxRatio)}`;
    out.push(
      `- ${phantom.designs} of ${phantom.lutDesigns} designs ${phantom.designs === 1 ? 'reports' : 'report'} C-synthesis LUTs ${ratios} the LUTs synthesis built of them (${phantom.example}), where the family's other designs with both reports show at most ${times(phantom.othersMax)}: C-synthesis counted logic that synthesis then removed whole, which no count of the operators built follows. ${phantom.designs === 1 ? 'It alone puts' : 'They alone put'} ${phantom.points.toFixed(1)} points on the family's HLS LUT sMAPE.${without('hls_lut', phantom.designs, phantom.points * phantom.lutDesigns)}`,
    );
  }
  return out.length ? ['Out of reach for any rule, from these reports:', '', ...out, ''] : [];
}

/** A check's sMAPE, as printed, over its rows but `n` whose sMAPE sums to `sum`; undefined when none would remain. */
type RestFigure = (check: RuleCheck, n: number, sum: number) => string | undefined;

/** The schedule checks' figures without the designs with a kernel at the folded setting. */
function foldedWithout(excluded: NonNullable<FamilyEvidence['foldedLatency']>['excluded'], rest: RestFigure): string {
  const figures = [...SCHEDULE_CHECKS].flatMap((check) => {
    const e = excluded[check];
    const figure = e && rest(check, e.n, e.sum);
    return figure ? [`${CHECK_WORDS[check]} ${figure}`] : [];
  });
  return figures.length ? ` Without the designs built so: ${figures.join(', ')}.` : '';
}

const pct = (share: number) => `${share < 0.01 && share > 0 ? (100 * share).toFixed(1) : Math.round(100 * share)} %`;
