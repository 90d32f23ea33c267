import type { DesignBuild } from '@hlsest/core';
import type { SweepRow } from '@hlsest/predictor';
import { formatCount, formatNs, h, svg } from './dom.js';

const RESOURCES = ['bram', 'dsp', 'ff', 'lut'] as const;
const LABEL = { bram: 'BRAM18K', dsp: 'DSP', ff: 'FF', lut: 'LUT' } as const;
const COLOUR = { bram: '#7b3fbf', dsp: '#d1462f', ff: '#1f7a4a', lut: '#1f5fbf' } as const;
const W = 520;
const H = 220;
const PAD = { left: 56, right: 12, top: 16, bottom: 36 };

/** A log-scale axis from the data's range to the plot's pixels. */
function logScale(values: readonly number[], from: number, to: number): (v: number) => number {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.log10(Math.min(...positive, 1));
  const hi = Math.log10(Math.max(...positive, 10));
  return (v) => from + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / Math.max(1e-9, hi - lo)) * (to - from);
}

function frame(title: string, description: string): SVGElement {
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${title}. ${description}`, class: 'chart' });
  chart.append(svg('text', { x: PAD.left, y: 12, class: 'chart-title' }, title));
  return chart;
}

function xAxis(chart: SVGElement, rfs: readonly number[], x: (rf: number) => number): void {
  for (const rf of rfs) chart.append(svg('text', { x: x(rf), y: H - PAD.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, String(rf)));
  chart.append(svg('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'tick' }, 'reuse factor'));
}

/**
 * Resources (% of the device) and latency against reuse factor, each a line with its 80 % band
 * shaded: how the design trades area for time at the chosen strategy and precision.
 */
export function reuseCharts(rows: readonly SweepRow[]): Node[] {
  const sorted = [...rows].sort((a, b) => a.config.reuseFactor - b.config.reuseFactor);
  if (sorted.length < 2) return [];
  const rfs = sorted.map((r) => r.config.reuseFactor);
  const x = logScale(rfs, PAD.left, W - PAD.right);
  const percent = (r: SweepRow, key: (typeof RESOURCES)[number], edge: 'value' | 'lo' | 'hi') => {
    const band = r.estimate.resources[key];
    const p = r.estimate.board?.percent[key];
    return band && p !== undefined && band.value > 0 ? (band[edge] / band.value) * p : Number.NaN;
  };
  const all = sorted.flatMap((r) => RESOURCES.flatMap((k) => [percent(r, k, 'lo'), percent(r, k, 'hi')]));
  const y = logScale([...all, 100], H - PAD.bottom, PAD.top);
  const resources = frame('Resources against reuse factor (% of the device, log scale)', 'Lines are estimates, shaded areas their 80 % bands; the dashed line is 100 %.');
  resources.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(100), y2: y(100), class: 'limit-line' }));
  resources.append(svg('text', { x: PAD.left - 4, y: y(100) + 4, 'text-anchor': 'end', class: 'tick' }, '100 %'));
  for (const key of RESOURCES) {
    const points = sorted.filter((r) => Number.isFinite(percent(r, key, 'value')));
    if (points.length < 2) continue;
    const upper = points.map((r) => `${x(r.config.reuseFactor)},${y(percent(r, key, 'hi'))}`);
    const lower = points.map((r) => `${x(r.config.reuseFactor)},${y(percent(r, key, 'lo'))}`).reverse();
    resources.append(svg('polygon', { points: [...upper, ...lower].join(' '), fill: COLOUR[key], opacity: 0.12 }));
    resources.append(svg('polyline', { points: points.map((r) => `${x(r.config.reuseFactor)},${y(percent(r, key, 'value'))}`).join(' '), fill: 'none', stroke: COLOUR[key], 'stroke-width': 2 }));
    const last = points[points.length - 1]!;
    resources.append(svg('text', { x: x(last.config.reuseFactor) - 2, y: y(percent(last, key, 'value')) - 4, 'text-anchor': 'end', fill: COLOUR[key], class: 'tick' }, LABEL[key]));
  }
  xAxis(resources, rfs, x);

  const ns = sorted.map((r) => r.estimate.latency?.ns);
  const yl = logScale(ns.flatMap((n) => (n ? [n.lo, n.hi] : [])), H - PAD.bottom, PAD.top);
  const latency = frame('Latency against reuse factor (log scale)', 'The line is the estimate, the shaded area its 80 % band.');
  const withLatency = sorted.filter((r) => r.estimate.latency);
  if (withLatency.length >= 2) {
    const upper = withLatency.map((r) => `${x(r.config.reuseFactor)},${yl(r.estimate.latency!.ns.hi)}`);
    const lower = withLatency.map((r) => `${x(r.config.reuseFactor)},${yl(r.estimate.latency!.ns.lo)}`).reverse();
    latency.append(svg('polygon', { points: [...upper, ...lower].join(' '), fill: '#1f5fbf', opacity: 0.15 }));
    latency.append(svg('polyline', { points: withLatency.map((r) => `${x(r.config.reuseFactor)},${yl(r.estimate.latency!.ns.value)}`).join(' '), fill: 'none', stroke: '#1f5fbf', 'stroke-width': 2 }));
    for (const r of [withLatency[0]!, withLatency[withLatency.length - 1]!]) {
      latency.append(svg('text', { x: x(r.config.reuseFactor), y: yl(r.estimate.latency!.ns.value) - 6, 'text-anchor': 'middle', class: 'tick' }, formatNs(r.estimate.latency!.ns.value)));
    }
  }
  xAxis(latency, rfs, x);
  return [h('div', { className: 'charts', 'data-testid': 'rf-charts' }, resources, latency)];
}

/** Latency against the scarcest resource for every configuration of the sweep: the front drawn, the chosen point ringed. */
export function paretoChart(rows: readonly SweepRow[], isChosen: (row: SweepRow) => boolean): Node {
  const usable = rows.filter((r) => Number.isFinite(r.latencyNs) && Number.isFinite(r.scarcestPercent));
  const x = logScale(usable.map((r) => r.scarcestPercent).concat(100), PAD.left, W - PAD.right);
  const y = logScale(usable.map((r) => r.latencyNs), H - PAD.bottom, PAD.top);
  const chart = frame('Latency against the scarcest resource (log scales)', `${usable.length} configurations; filled dots are the Pareto front, the ringed one is the current choice, right of the dashed line does not fit.`);
  chart.setAttribute('data-testid', 'pareto');
  chart.append(svg('line', { x1: x(100), x2: x(100), y1: PAD.top, y2: H - PAD.bottom, class: 'limit-line' }));
  const front = usable.filter((r) => r.pareto).sort((a, b) => a.scarcestPercent - b.scarcestPercent);
  if (front.length > 1) chart.append(svg('polyline', { points: front.map((r) => `${x(r.scarcestPercent)},${y(r.latencyNs)}`).join(' '), fill: 'none', stroke: '#1d2330', 'stroke-dasharray': '3 2' }));
  for (const r of usable) {
    const dot = svg('circle', { cx: x(r.scarcestPercent), cy: y(r.latencyNs), r: r.pareto ? 4 : 3, class: r.pareto ? 'dot front' : 'dot' });
    dot.append(svg('title', {}, `RF ${r.config.reuseFactor}, ${r.config.precision.kind}<${r.config.precision.width}>: ${formatNs(r.latencyNs)}, ${r.scarcestPercent.toFixed(1)} %`));
    chart.append(dot);
    if (isChosen(r)) chart.append(svg('circle', { cx: x(r.scarcestPercent), cy: y(r.latencyNs), r: 8, class: 'chosen', 'data-testid': 'pareto-chosen' }));
  }
  chart.append(svg('text', { x: (PAD.left + W - PAD.right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'tick' }, 'scarcest resource, % of device'));
  chart.append(svg('text', { x: 4, y: PAD.top + 8, class: 'tick' }, 'latency'));
  return chart;
}

/** Each resource as one bar split by layer (hls4ml's per-layer rule numbers): where the area goes. */
export function layerBars(build: DesignBuild): Node {
  const wrap = h('div', { className: 'layer-bars', 'data-testid': 'layer-bars' });
  const layers = build.layers.filter((l) => l.hls.lut + l.hls.ff + l.hls.dsp + l.hls.bram18k > 0);
  const palette = ['#1f5fbf', '#d1462f', '#1f7a4a', '#7b3fbf', '#b8860b', '#2b8a9e', '#a23b72', '#5a5a5a'];
  for (const key of ['lut', 'ff', 'dsp', 'bram18k'] as const) {
    const total = layers.reduce((a, l) => a + l.hls[key], 0);
    if (total <= 0) continue;
    const bar = h('div', { className: 'stack', role: 'img', 'aria-label': `${key.toUpperCase()} by layer: ${layers.filter((l) => l.hls[key] > 0).map((l) => `${l.name} ${Math.round((100 * l.hls[key]) / total)} %`).join(', ')}` });
    layers.forEach((l, i) => {
      if (l.hls[key] <= 0) return;
      bar.append(h('span', { style: `width:${((100 * l.hls[key]) / total).toFixed(2)}%;background:${palette[i % palette.length]}`, title: `${l.name}: ${formatCount(l.hls[key])}` }));
    });
    wrap.append(h('div', { className: 'stack-row' }, h('strong', {}, key === 'bram18k' ? 'BRAM18K' : key.toUpperCase()), bar, h('span', {}, formatCount(total))));
  }
  wrap.append(h('p', { className: 'legend' }, ...layers.map((l, i) => h('span', {}, h('i', { style: `background:${palette[i % palette.length]}` }), l.name))));
  return wrap;
}
