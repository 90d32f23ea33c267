import { formatPrecision, parsePrecision, type Hls4mlConfig, type Network } from '@hlsest/core';
import { sweep, type Predictor, type SweepRow } from '@hlsest/predictor';
import { formatNs, h, svg } from './dom.js';
import type { PageSettings } from './url-state.js';

const REUSE_FACTORS = [1, 2, 4, 8, 16, 32, 64, 128];
const PRECISIONS = ['ap_fixed<4,2>', 'ap_fixed<6,2>', 'ap_fixed<8,3>', 'ap_fixed<10,4>', 'ap_fixed<12,4>', 'ap_fixed<16,6>', 'ap_fixed<18,8>'];

/**
 * Reuse factor × precision for the chosen board, strategy and IO type: two heat maps (scarcest
 * resource %, latency), each cell clickable, and the fitting configurations by latency.
 */
export function renderSweep(predictor: Predictor, network: Network, file: Hls4mlConfig | undefined, settings: PageSettings, onPick: (rf: number, precision: string) => void): Node[] {
  const rows = sweep(predictor, network.layers, file, {
    boards: [settings.board],
    strategies: [settings.strategy],
    ioTypes: [settings.ioType],
    precisions: PRECISIONS.map(parsePrecision),
    reuseFactors: REUSE_FACTORS,
    clockPeriodsNs: [settings.clockPeriodNs],
  });
  const cell = (rf: number, precision: string) => rows.find((r) => r.config.reuseFactor === rf && formatPrecision(r.config.precision) === formatPrecision(parsePrecision(precision)))!;
  const selected = formatPrecision(parsePrecision(settings.precision));
  const map = (title: string, value: (row: SweepRow) => number, text: (row: SweepRow) => string, color: (v: number, lo: number, hi: number) => string) => {
    const values = rows.map(value).filter(Number.isFinite);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const cw = 58;
    const ch = 24;
    const left = 100;
    const top = 24;
    const chart = svg('svg', { width: left + cw * REUSE_FACTORS.length + 10, height: top + ch * PRECISIONS.length + 30, role: 'img', 'aria-label': title });
    chart.append(svg('text', { x: left, y: 14, 'font-size': 12 }, title));
    PRECISIONS.forEach((precision, j) => {
      chart.append(svg('text', { x: 4, y: top + j * ch + 16, 'font-size': 11 }, precision));
      REUSE_FACTORS.forEach((rf, i) => {
        const row = cell(rf, precision);
        const v = value(row);
        const isSelected = rf === settings.reuseFactor && formatPrecision(row.config.precision) === selected;
        const rect = svg('rect', { x: left + i * cw, y: top + j * ch, width: cw - 2, height: ch - 2, fill: color(v, lo, hi), class: `cell${isSelected ? ' selected' : ''}`, 'data-rf': rf, 'data-precision': precision });
        rect.append(svg('title', {}, `RF ${rf}, ${precision}: ${text(row)}`));
        rect.addEventListener('click', () => onPick(rf, precision));
        chart.append(rect, svg('text', { x: left + i * cw + cw / 2 - 1, y: top + j * ch + 15, 'font-size': 10, 'text-anchor': 'middle', 'pointer-events': 'none' }, text(row)));
      });
    });
    REUSE_FACTORS.forEach((rf, i) => chart.append(svg('text', { x: left + i * cw + cw / 2, y: top + PRECISIONS.length * ch + 14, 'font-size': 11, 'text-anchor': 'middle' }, `RF ${rf}`)));
    return chart;
  };
  const scarcity = (v: number) => (v > 100 ? '#e4574a' : `hsl(${Math.round(130 - v * 0.9)}, 60%, ${Math.round(85 - v * 0.25)}%)`);
  const latencyColor = (v: number, lo: number, hi: number) => {
    const t = hi > lo ? Math.log(v / lo) / Math.log(hi / lo) : 0;
    return `hsl(210, 70%, ${Math.round(88 - 45 * t)}%)`;
  };
  const fitting = rows.filter((r) => r.fits).sort((a, b) => a.latencyNs - b.latencyNs).slice(0, 8);
  return [
    h('h2', {}, `Sweep on ${settings.board}: ${settings.strategy}, ${settings.ioType}`),
    h('p', { className: 'note' }, 'Click a cell to select that reuse factor and precision.'),
    h(
      'div',
      { className: 'heatmaps', 'data-testid': 'heatmaps' },
      map('scarcest resource, % of device', (r) => r.scarcestPercent, (r) => `${r.scarcestPercent.toFixed(0)}%`, scarcity),
      map('latency', (r) => r.latencyNs, (r) => formatNs(r.latencyNs), latencyColor),
    ),
    h('h3', {}, 'Configurations that fit, fastest first'),
    fitting.length
      ? h(
          'table',
          { 'data-testid': 'fitting' },
          h('thead', {}, h('tr', {}, ...['precision', 'RF', 'latency', 'scarcest %', ''].map((t) => h('th', {}, t)))),
          h(
            'tbody',
            {},
            ...fitting.map((r) =>
              h(
                'tr',
                {},
                h('td', {}, formatPrecision(r.config.precision)),
                h('td', {}, String(r.config.reuseFactor)),
                h('td', {}, formatNs(r.latencyNs)),
                h('td', {}, r.scarcestPercent.toFixed(1)),
                h('td', {}, h('button', { type: 'button', onclick: () => onPick(r.config.reuseFactor, formatPrecision(r.config.precision).replace(/^fixed/, 'ap_fixed')) }, 'select')),
              ),
            ),
          ),
        )
      : h('p', { className: 'warning' }, 'No configuration in this grid fits the board.'),
  ];
}
