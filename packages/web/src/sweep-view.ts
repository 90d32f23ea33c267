import { formatPrecision, parsePrecision, type Hls4mlConfig, type Layer } from '@hlsest/core';
import { sweep, type Predictor, type SweepRow } from '@hlsest/predictor';
import { paretoChart, reuseCharts } from './charts.js';
import { formatCount, formatNs, h } from './dom.js';

export const REUSE_FACTORS = [1, 2, 4, 8, 16, 32, 64, 128];
export const PRECISIONS = ['ap_fixed<4,2>', 'ap_fixed<6,2>', 'ap_fixed<8,3>', 'ap_fixed<10,4>', 'ap_fixed<12,4>', 'ap_fixed<16,6>', 'ap_fixed<18,8>'];

/** What a heat map can colour: the scarcest resource, one resource, or latency. */
const METRICS = {
  scarcest: { label: 'scarcest resource, % of device', value: (r: SweepRow) => r.scarcestPercent, text: (v: number) => `${v.toFixed(0)}%`, percent: true },
  lut: { label: 'LUT, % of device', value: (r: SweepRow) => r.estimate.board?.percent.lut ?? Number.NaN, text: (v: number) => `${v.toFixed(0)}%`, percent: true },
  ff: { label: 'FF, % of device', value: (r: SweepRow) => r.estimate.board?.percent.ff ?? Number.NaN, text: (v: number) => `${v.toFixed(0)}%`, percent: true },
  dsp: { label: 'DSP, % of device', value: (r: SweepRow) => r.estimate.board?.percent.dsp ?? Number.NaN, text: (v: number) => `${v.toFixed(0)}%`, percent: true },
  bram: { label: 'BRAM, % of device', value: (r: SweepRow) => r.estimate.board?.percent.bram ?? Number.NaN, text: (v: number) => `${v.toFixed(0)}%`, percent: true },
  latency: { label: 'latency', value: (r: SweepRow) => r.latencyNs, text: formatNs, percent: false },
} as const;
export type Metric = keyof typeof METRICS;

export interface SweepChoice {
  readonly board: string;
  readonly part: string;
  readonly strategy: SweepRow['config']['strategy'];
  readonly ioType: SweepRow['config']['ioType'];
  readonly precision: string;
  readonly reuseFactor: number;
  readonly clockPeriodNs: number;
  readonly metric: Metric;
}

const colourOf = (metric: Metric, v: number, lo: number, hi: number) => {
  if (!Number.isFinite(v)) return '#eee';
  if (METRICS[metric].percent) return v > 100 ? '#c4302b' : `hsl(${Math.round(130 - Math.min(100, v) * 0.9)}, 55%, ${Math.round(82 - Math.min(100, v) * 0.3)}%)`;
  const t = hi > lo ? Math.log(v / lo) / Math.log(hi / lo) : 0;
  return `hsl(210, 65%, ${Math.round(86 - 46 * t)}%)`;
};

/**
 * Reuse factor × precision on the chosen board, strategy and IO type: a heat map of any metric
 * (keyboard-reachable buttons, with a colour legend), resources and latency against reuse factor
 * with their bands, the Pareto plot, and the fitting configurations by latency.
 */
export function renderSweep(
  predictor: Predictor,
  layers: readonly Layer[],
  file: Hls4mlConfig | undefined,
  choice: SweepChoice,
  onPick: (rf: number, precision: string) => void,
  onMetric: (metric: Metric) => void,
): Node[] {
  const rows = sweep(predictor, layers, file, {
    boards: [choice.part],
    strategies: [choice.strategy],
    ioTypes: [choice.ioType],
    precisions: PRECISIONS.map(parsePrecision),
    reuseFactors: REUSE_FACTORS,
    clockPeriodsNs: [choice.clockPeriodNs],
  });
  const chosenPrecision = formatPrecision(parsePrecision(choice.precision));
  const cellOf = (rf: number, precision: string) => rows.find((r) => r.reuse.requested.includes(rf) && formatPrecision(r.config.precision) === formatPrecision(parsePrecision(precision)));
  const metric = METRICS[choice.metric];
  const values = rows.map(metric.value).filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);

  const table = h(
    'table',
    { className: 'heatmap', 'data-testid': 'heatmap', 'aria-label': `${metric.label} by reuse factor (columns) and precision (rows)` },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'precision'), ...REUSE_FACTORS.map((rf) => h('th', { scope: 'col' }, `RF ${rf}`)))),
    h(
      'tbody',
      {},
      ...PRECISIONS.map((precision) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', className: 'text' }, precision),
          ...REUSE_FACTORS.map((rf) => {
            const row = cellOf(rf, precision);
            const v = row ? metric.value(row) : Number.NaN;
            const selected = rf === choice.reuseFactor && formatPrecision(parsePrecision(precision)) === chosenPrecision;
            const applied = row && row.config.reuseFactor !== rf ? ` (hls4ml builds RF ${row.config.reuseFactor})` : '';
            return h(
              'td',
              {},
              h(
                'button',
                {
                  type: 'button',
                  className: `cell${selected ? ' selected' : ''}`,
                  style: `background:${colourOf(choice.metric, v, lo, hi)}`,
                  'aria-pressed': selected ? 'true' : 'false',
                  'aria-label': `Select RF ${rf}, ${precision}: ${metric.label} ${Number.isFinite(v) ? metric.text(v) : 'unknown'}${row?.fits === false ? ', does not fit' : ''}${applied}`,
                  'data-rf': rf,
                  'data-precision': precision,
                  onclick: () => onPick(rf, precision),
                },
                Number.isFinite(v) ? metric.text(v) : '–',
              ),
            );
          }),
        ),
      ),
    ),
  );
  const legend = h(
    'p',
    { className: 'legend', 'data-testid': 'heatmap-legend' },
    h('span', {}, metric.percent ? '0 %' : formatNs(lo)),
    h('i', { className: 'gradient', style: `background:linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => colourOf(choice.metric, metric.percent ? t * 100 : lo * (hi / lo) ** t, lo, hi)).join(',')})` }),
    h('span', {}, metric.percent ? '100 %' : formatNs(hi)),
    metric.percent ? h('span', {}, h('i', { className: 'swatch', style: 'background:#c4302b' }), 'over 100 %: does not fit') : '',
  );
  const metricSelect = h('select', { 'data-testid': 'heatmap-metric', 'aria-label': 'What the heat map shows' }, ...Object.entries(METRICS).map(([key, m]) => h('option', { value: key, selected: key === choice.metric }, m.label))) as HTMLSelectElement;
  metricSelect.addEventListener('change', () => onMetric(metricSelect.value as Metric));

  const atPrecision = rows.filter((r) => formatPrecision(r.config.precision) === chosenPrecision);
  const fitting = rows.filter((r) => r.fits).sort((a, b) => a.latencyNs - b.latencyNs).slice(0, 8);
  const isChosen = (r: SweepRow) => r.reuse.requested.includes(choice.reuseFactor) && formatPrecision(r.config.precision) === chosenPrecision;
  return [
    h('h2', {}, `Sweep on ${choice.board}: ${choice.strategy}, ${choice.ioType}, ${choice.clockPeriodNs} ns`),
    h('p', { className: 'note' }, 'Choose a cell (click, or Tab and Enter) to select that reuse factor and precision.'),
    h('label', {}, h('span', {}, 'heat map of'), metricSelect),
    h('div', { className: 'scroll' }, table),
    legend,
    h('h3', {}, `Against reuse factor at ${choice.precision}`),
    ...reuseCharts(atPrecision),
    h('h3', {}, 'Latency against area'),
    h('div', { className: 'charts' }, paretoChart(rows, isChosen)),
    h('h3', {}, 'Configurations that fit, fastest first'),
    fitting.length
      ? h(
          'div',
          { className: 'scroll' },
          h(
            'table',
            { 'data-testid': 'fitting' },
            h('thead', {}, h('tr', {}, ...['precision', 'RF', 'latency', 'LUT', 'scarcest %', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              ...fitting.map((r) => {
                const precision = formatPrecision(r.config.precision).replace(/^(u?fixed)/, 'ap_$1');
                return h(
                  'tr',
                  {},
                  h('td', { className: 'text' }, precision),
                  h('td', {}, r.reuse.requested.length > 1 ? `${r.reuse.requested.join(',')}→${r.config.reuseFactor}` : String(r.config.reuseFactor)),
                  h('td', {}, formatNs(r.latencyNs)),
                  h('td', {}, formatCount(r.estimate.resources.lut?.value ?? Number.NaN)),
                  h('td', {}, r.scarcestPercent.toFixed(1)),
                  h('td', {}, h('button', { type: 'button', onclick: () => onPick(r.config.reuseFactor, precision) }, `Select RF ${r.config.reuseFactor}, ${precision}`)),
                );
              }),
            ),
          ),
        )
      : h('p', { className: 'warning' }, 'No configuration in this grid fits the board.'),
  ];
}
