import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Evaluation, TargetEvaluation } from './evaluate.js';
import { metricsJson } from './evaluate.js';
import type { Metrics } from './metrics.js';
import { atomicWrite as atomicWriteText } from '@hlsest/ingest';

export interface ReportContext {
  readonly title: string;
  readonly bundle: string;
  readonly dataset: string;
  readonly notes?: readonly string[];
  /** The same held-out designs scored with the gates and bands the bundle ships (leave-one-family-out runs). */
  readonly shipped?: Evaluation;
}

/** Writes `report.md`, a self-contained `report.html` (inline SVG plots) and `metrics.json`. */
export async function writeReport(dir: string, evaluation: Evaluation, context: ReportContext): Promise<void> {
  await mkdir(dir, { recursive: true });
  await atomicWriteText(join(dir, 'metrics.json'), `${JSON.stringify({ records: evaluation.records, targets: metricsJson(evaluation) }, null, 2)}\n`);
  await atomicWriteText(join(dir, 'report.md'), markdownReport(evaluation, context));
  await atomicWriteText(join(dir, 'report.html'), htmlReport(evaluation, context));
}

const fmt = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const pct = (value: number) => (Number.isFinite(value) ? `${(100 * value).toFixed(0)} %` : '–');

function metricRow(name: string, m: Metrics): string[] {
  return [name, String(m.n), fmt(m.r2), `${fmt(m.smape, 1)} %`, fmt(m.mae, 1), fmt(m.rmse, 1), pct(m.within10), pct(m.within25)];
}

const METRIC_HEADER = ['', 'n', 'R²', 'sMAPE', 'MAE', 'RMSE', '±10 %', '±25 %'];

function subsetRow(name: string, m: Metrics & { rule: number; coverage: number }): string[] {
  return [name, String(m.n), `${fmt(m.smape, 1)} %`, `${fmt(m.rule, 1)} %`, m.smape <= m.rule + 1e-9 ? 'yes' : '**no**', pct(m.coverage), pct(m.within25)];
}

const SUBSET_HEADER = ['', 'n', 'model sMAPE', 'rule sMAPE', 'no worse', '80 % band coverage', '±25 %'];

/** Per family and target: model vs rule sMAPE and coverage, for the README and the report. */
export function familyTable(evaluation: Evaluation): { family: string; target: string; n: number; model: number; rule: number; coverage: number }[] {
  return evaluation.targets.flatMap((t) => Object.entries(t.subsets.family).map(([family, m]) => ({ family, target: t.target, n: m.n, model: m.smape, rule: m.rule, coverage: m.coverage })));
}

export function markdownReport(evaluation: Evaluation, context: ReportContext): string {
  const table = (header: string[], rows: string[][]) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const lines = [
    `# ${context.title}`,
    '',
    `Bundle: \`${context.bundle}\` · data: \`${context.dataset}\` · ${evaluation.records} records.`,
    'sMAPE = mean of 200·|y−ŷ|/(|y|+|ŷ|+1) (the rule4ml / wa-hls4ml convention). BRAM in 18 Kb blocks.',
    ...(context.notes ?? []).map((n) => `\n> ${n}`),
    '',
    '## Summary',
    '',
    table(
      ['target', 'n', 'model R²', 'model sMAPE', 'rule R²', 'rule sMAPE', 'mean sMAPE', '80 % band coverage', 'beats baselines'],
      evaluation.targets.map((t) => [t.target, String(t.model.n), fmt(t.model.r2), `${fmt(t.model.smape, 1)} %`, fmt(t.analytic.r2), `${fmt(t.analytic.smape, 1)} %`, `${fmt(t.mean.smape, 1)} %`, pct(t.coverage), t.beatsBaselines ? 'yes' : '**no**']),
    ),
  ];
  for (const t of evaluation.targets) {
    lines.push('', `## ${t.label}`, '', table(METRIC_HEADER, [metricRow('model', t.model), metricRow('rule (hls4ml)', t.analytic), metricRow('training mean', t.mean)]));
    if (!t.beatsBaselines) lines.push('', `The model does **not** beat its baselines on ${t.target}: prefer hls4ml's rule here, and treat the number as a rough guide.`);
    for (const [key, values] of Object.entries(t.subsets)) {
      const entries = Object.entries(values);
      if (entries.length < 2) continue;
      lines.push('', `By ${key}:`, '', table(SUBSET_HEADER, entries.map(([value, m]) => subsetRow(value, m))));
    }
    const shipped = context.shipped?.targets.find((s) => s.target === t.target);
    if (shipped) {
      lines.push('', 'By family, with the gates and bands the bundle ships (chosen on every family\'s held-out designs, this one included):', '', table(SUBSET_HEADER, Object.entries(shipped.subsets.family).map(([value, m]) => subsetRow(value, m))));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function htmlReport(evaluation: Evaluation, context: ReportContext): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const table = (header: string[], rows: string[][]) =>
    `<table><thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const sections = evaluation.targets.map(
    (t) => `<section><h2>${escape(t.label)}</h2>
${table(METRIC_HEADER, [metricRow('model', t.model), metricRow('rule (hls4ml)', t.analytic), metricRow('training mean', t.mean)])}
<p>80 % band coverage: ${pct(t.coverage)}${t.beatsBaselines ? '' : ' — <strong>does not beat its baselines</strong>'}</p>
<div class="plots">${scatterSvg(t)}${residualHistogramSvg(t)}</div>
${Object.entries(t.subsets)
  .filter(([, v]) => Object.keys(v).length > 1)
  .map(([key, values]) => `<h3>By ${escape(key)}</h3>${table(SUBSET_HEADER, Object.entries(values).map(([v, m]) => subsetRow(v, m)))}`)
  .join('\n')}
</section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(context.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}.plots{display:flex;gap:1em;flex-wrap:wrap}svg{background:#fafafa;border:1px solid #ddd}</style></head>
<body><h1>${escape(context.title)}</h1><p>Bundle <code>${escape(context.bundle)}</code> · data <code>${escape(context.dataset)}</code> · ${evaluation.records} records. sMAPE = mean of 200·|y−ŷ|/(|y|+|ŷ|+1). BRAM in 18 Kb blocks.</p>
${(context.notes ?? []).map((n) => `<p><em>${escape(n)}</em></p>`).join('')}
${table(
  ['target', 'n', 'model R²', 'model sMAPE', 'rule sMAPE', 'mean sMAPE', 'coverage'],
  evaluation.targets.map((t) => [t.target, String(t.model.n), fmt(t.model.r2), `${fmt(t.model.smape, 1)} %`, `${fmt(t.analytic.smape, 1)} %`, `${fmt(t.mean.smape, 1)} %`, pct(t.coverage)]),
)}
${sections.join('\n')}</body></html>\n`;
}

/** Predicted vs true on log axes with the y = x line. */
export function scatterSvg(t: TargetEvaluation, size = 320): string {
  const pad = 40;
  const values = t.points.flatMap((p) => [p.truth, p.predicted]).map((v) => Math.log10(1 + v));
  const lo = values.reduce((a, b) => Math.min(a, b), 0);
  const hi = values.reduce((a, b) => Math.max(a, b), lo + 1);
  const scale = (v: number) => pad + ((Math.log10(1 + v) - lo) / (hi - lo)) * (size - 2 * pad);
  const y = (v: number) => size - scale(v);
  const dots = t.points.slice(0, 5000).map((p) => `<circle cx="${scale(p.truth).toFixed(1)}" cy="${y(p.predicted).toFixed(1)}" r="2" fill="#1f77b4" fill-opacity=".45"/>`);
  const ticks = [];
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
    const v = 10 ** e - 1;
    ticks.push(`<text x="${scale(v).toFixed(1)}" y="${size - 8}" font-size="10" text-anchor="middle">1e${e}</text><text x="4" y="${y(v).toFixed(1)}" font-size="10">1e${e}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" role="img" aria-label="predicted vs true ${t.target}">
<line x1="${pad}" y1="${size - pad}" x2="${size - pad}" y2="${pad}" stroke="#d62728" stroke-dasharray="4 3"/>${dots.join('')}${ticks.join('')}
<text x="${size / 2}" y="14" font-size="12" text-anchor="middle">${t.target}: predicted (y) vs true (x), log axes</text></svg>`;
}

/** Histogram of log10(predicted/true). */
export function residualHistogramSvg(t: TargetEvaluation, width = 320, height = 320): string {
  const residuals = t.points.map((p) => Math.log10((1 + p.predicted) / (1 + p.truth)));
  const bins = 30;
  const span = residuals.reduce((a, b) => Math.max(a, Math.abs(b)), 0.05);
  const counts = new Array<number>(bins).fill(0);
  for (const r of residuals) counts[Math.min(bins - 1, Math.floor(((r + span) / (2 * span)) * bins))]!++;
  const top = counts.reduce((a, b) => Math.max(a, b), 1);
  const barWidth = (width - 40) / bins;
  const bars = counts.map((c, i) => {
    const h = (c / top) * (height - 60);
    return `<rect x="${(20 + i * barWidth).toFixed(1)}" y="${(height - 30 - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="#2ca02c"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="residuals of ${t.target}">${bars.join('')}
<line x1="${width / 2}" y1="20" x2="${width / 2}" y2="${height - 30}" stroke="#d62728" stroke-dasharray="4 3"/>
<text x="20" y="${height - 12}" font-size="10">−${span.toFixed(2)}</text><text x="${width - 20}" y="${height - 12}" font-size="10" text-anchor="end">+${span.toFixed(2)}</text>
<text x="${width / 2}" y="14" font-size="12" text-anchor="middle">${t.target}: log10(predicted / true)</text></svg>`;
}
