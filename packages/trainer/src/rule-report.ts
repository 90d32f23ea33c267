import { buildDesign, familyOf, ruleEstimate, targetValue, type DesignBuild, type DesignRecord, type Target } from '@hlsest/core';

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
}

export interface RuleReport {
  readonly scores: readonly RuleScore[];
  /** Records the rules could not build, with the reason. */
  readonly failures: readonly { readonly family: string; readonly id: string; readonly reason: string }[];
  /** Designs per family. */
  readonly designs: Readonly<Record<string, number>>;
}

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

/** Ingest's warning on designs whose multipliers a setting outside the config moved onto LUTs. */
const FORCED_LUT_MULTIPLIERS = /multipliers forced onto LUTs/;

/**
 * Pairs of (truth, rule) a record offers for each check. DSP checks skip designs whose
 * multipliers were forced onto LUTs outside the config: no rule reading the config can see that.
 */
function pairs(record: DesignRecord, build: DesignBuild): [RuleCheck, number, number][] {
  const all = allPairs(record, build);
  if (!record.warnings.some((w) => FORCED_LUT_MULTIPLIERS.test(w))) return all;
  return all.filter(([check]) => check !== 'dsp' && check !== 'hls_dsp' && check !== 'layer_hls_dsp');
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

const smape = (t: number, p: number) => (200 * Math.abs(t - p)) / (Math.abs(t) + Math.abs(p) + 1);

/**
 * How hls4ml's rules (the build model and its fitted tool profiles, nothing learned) match the
 * real reports, family by family and check by check.
 */
export function ruleReport(records: Iterable<DesignRecord>): RuleReport {
  const collected = new Map<string, { id: string; truth: number; rule: number }[]>();
  const failures: { family: string; id: string; reason: string }[] = [];
  const designs: Record<string, number> = {};
  for (const record of records) {
    const family = familyOf(record);
    designs[family] = (designs[family] ?? 0) + 1;
    const id = record.provenance.sourceId ?? record.provenance.file;
    let build: DesignBuild;
    try {
      build = buildDesign(record.network.layers, record.config, { toolchain: record.toolchain });
    } catch (error) {
      failures.push({ family, id, reason: (error as Error).message });
      continue;
    }
    for (const [check, truth, rule] of pairs(record, build)) {
      const key = `${family}\u0000${check}`;
      const list = collected.get(key) ?? [];
      list.push({ id, truth, rule });
      collected.set(key, list);
    }
  }
  const scores: RuleScore[] = [];
  for (const [key, list] of [...collected.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [family, check] = key.split('\u0000') as [string, RuleCheck];
    const errors = list.map((p) => smape(p.truth, p.rule));
    const relative = list.map((p) => Math.abs(p.rule - p.truth) / Math.max(1, Math.abs(p.truth)));
    const goal = RULE_GOALS[check];
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    scores.push({
      family,
      check,
      n: list.length,
      smape: mean,
      exact: list.filter((p) => Math.abs(p.truth - p.rule) < 0.5).length / list.length,
      within10: relative.filter((r) => r <= 0.1).length / list.length,
      within25: relative.filter((r) => r <= 0.25).length / list.length,
      ...(goal !== undefined && { goal, meetsGoal: mean <= goal }),
      worst: list
        .map((p, i) => ({ ...p, error: errors[i]! }))
        .sort((a, b) => b.error - a.error)
        .slice(0, 3)
        .map(({ id, truth, rule }) => ({ id, truth, rule })),
    });
  }
  return { scores, failures, designs };
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
export function ruleReportMarkdown(report: RuleReport, notes: Readonly<Record<string, string>> = {}): string {
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
    'sMAPE in % (200·|y−ŷ| / (|y|+|ŷ|+1)) of the build model — hls4ml\'s rules with the fitted tool profiles, nothing learned — against every report in the data, per family (DSP checks leave out designs whose multipliers a setting outside the config forced onto LUTs). ✗: misses the goal for that check (goals: ' +
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
    if (notes[family]) lines.push(notes[family]!, '');
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

const pct = (share: number) => `${Math.round(100 * share)} %`;
