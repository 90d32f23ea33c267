import {
  BOARDS,
  configureNetwork,
  formatPrecision,
  parseHls4mlConfigText,
  parseKerasModel,
  parsePrecision,
  resolveDevice,
  STRATEGIES,
  IO_TYPES,
  type ConfigOverrides,
  type ConfiguredNetwork,
  type Hls4mlConfig,
  type Network,
} from '@hlsest/core';
import type { Estimate, Predictor } from '@hlsest/predictor';
import { download, formatCount, formatNs, h } from './dom.js';
import { EXAMPLES } from './examples.js';
import { renderSweep } from './sweep-view.js';
import { readSettings, writeSettings, type PageSettings } from './url-state.js';

interface Inputs {
  modelText: string;
  configText?: string;
  configName?: string;
}

/**
 * The page: inputs on the left, estimates on the right. Every change re-runs parse → configure
 * → predict synchronously (a few milliseconds) and re-renders; any error is shown beside the input
 * it comes from, and the rest of the page stays as it was.
 */
export function mountApp(root: HTMLElement, predictor: Predictor, startedAt: number): void {
  const settings: PageSettings = readSettings(location.search);
  const inputs: Inputs = { modelText: EXAMPLES[settings.example]?.text ?? EXAMPLES['jet-tagger']!.text };
  if (!EXAMPLES[settings.example]) settings.example = 'jet-tagger';

  const modelError = h('div', { 'data-testid': 'model-error', role: 'alert' });
  const configError = h('div', { 'data-testid': 'config-error', role: 'alert' });
  const settingsError = h('div', { 'data-testid': 'settings-error', role: 'alert' });
  const results = h('div', { 'data-testid': 'results' });
  const layers = h('section', { 'data-testid': 'layers' });
  const sweepBox = h('section', { 'data-testid': 'sweep' });
  const timing = h('p', { className: 'timing', 'data-testid': 'timing' });
  const textarea = h('textarea', { 'data-testid': 'model-text', spellcheck: 'false', 'aria-label': 'Keras model JSON' }) as HTMLTextAreaElement;
  textarea.value = inputs.modelText;

  let last: { configured: ConfiguredNetwork; estimate: Estimate; network: Network } | undefined;

  const update = () => {
    const t0 = performance.now();
    history.replaceState(null, '', writeSettings(settings));
    let network: Network;
    try {
      network = parseKerasModel(inputs.modelText, settings.example === 'custom' ? 'your model' : `${settings.example}.json`);
      modelError.replaceChildren();
    } catch (error) {
      modelError.replaceChildren(h('p', { className: 'error' }, (error as Error).message));
      timing.textContent = '';
      return;
    }
    let file: Hls4mlConfig | undefined;
    try {
      file = inputs.configText ? parseHls4mlConfigText(inputs.configText, inputs.configName ?? 'config') : undefined;
      configError.replaceChildren(file ? h('p', { className: 'note' }, `Using ${inputs.configName}: its per-layer settings apply; the board and clock below still do.`) : '');
    } catch (error) {
      configError.replaceChildren(h('p', { className: 'error' }, (error as Error).message));
      file = undefined;
    }
    let overrides: ConfigOverrides;
    try {
      const device = resolveDevice(settings.board);
      overrides = file
        ? { part: device.defaultPart, board: settings.board, clockPeriodNs: settings.clockPeriodNs, ioType: settings.ioType }
        : {
            part: device.defaultPart,
            board: settings.board,
            strategy: settings.strategy,
            ioType: settings.ioType,
            precision: parsePrecision(settings.precision),
            reuseFactor: settings.reuseFactor,
            clockPeriodNs: settings.clockPeriodNs,
          };
      settingsError.replaceChildren();
    } catch (error) {
      settingsError.replaceChildren(h('p', { className: 'error' }, (error as Error).message));
      return;
    }
    try {
      const configured = configureNetwork(network.layers, file, overrides);
      const estimate = predictor.predict(configured);
      last = { configured, estimate, network };
      results.replaceChildren(...renderEstimate(estimate, configured));
      layers.replaceChildren(...renderLayers(configured, estimate));
      const elapsed = performance.now() - t0;
      timing.textContent = `estimates updated in ${elapsed.toFixed(1)} ms`;
      timing.dataset['ms'] = elapsed.toFixed(3);
      sweepBox.replaceChildren(
        ...renderSweep(predictor, network, file, settings, (rf, precision) => {
          settings.reuseFactor = rf;
          settings.precision = precision;
          syncControls();
          update();
        }),
      );
    } catch (error) {
      results.replaceChildren(h('p', { className: 'error' }, `Cannot estimate this design: ${(error as Error).message}`));
    }
  };

  const controls = {
    example: select('example', [...Object.entries(EXAMPLES).map(([key, e]) => [key, e.label] as const), ['custom', 'Your model (paste or drop)'] as const], settings.example, (value) => {
      settings.example = value;
      if (EXAMPLES[value]) {
        inputs.modelText = EXAMPLES[value]!.text;
        textarea.value = inputs.modelText;
      }
      update();
    }),
    board: select('board', BOARDS.map((b) => [b.name, `${b.name} (${b.device.device})`] as const), settings.board, (value) => {
      settings.board = value;
      update();
    }),
    strategy: select('strategy', STRATEGIES.filter((s) => s !== 'distributed_arithmetic').map((s) => [s, s] as const), settings.strategy, (value) => {
      settings.strategy = value as PageSettings['strategy'];
      update();
    }),
    ioType: select('io-type', IO_TYPES.map((s) => [s, s] as const), settings.ioType, (value) => {
      settings.ioType = value as PageSettings['ioType'];
      update();
    }),
    precision: textInput('precision', settings.precision, (value) => {
      settings.precision = value;
      update();
    }),
    reuseFactor: numberInput('reuse-factor', settings.reuseFactor, 1, (value) => {
      settings.reuseFactor = Math.max(1, Math.round(value));
      update();
    }),
    clock: numberInput('clock', settings.clockPeriodNs, 0.1, (value) => {
      settings.clockPeriodNs = value > 0 ? value : 5;
      update();
    }),
  };
  const syncControls = () => {
    (controls.precision.querySelector('input') as HTMLInputElement).value = settings.precision;
    (controls.reuseFactor.querySelector('input') as HTMLInputElement).value = String(settings.reuseFactor);
  };

  textarea.addEventListener('input', () => {
    inputs.modelText = textarea.value;
    settings.example = 'custom';
    (controls.example.querySelector('select') as HTMLSelectElement).value = 'custom';
    update();
  });

  const drop = h('div', { className: 'drop', 'data-testid': 'drop' }, 'Drop a model JSON or an hls4ml config (YAML/JSON) here, or ', fileButton('choose a file', (name, text) => accept(name, text)));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void file.text().then((text) => accept(file.name, text));
  });
  const accept = (name: string, text: string) => {
    const looksLikeModel = /"class_name"\s*:\s*"(Sequential|Model|Functional)"/.test(text) || /"model_config"/.test(text);
    if (looksLikeModel || name.endsWith('.json') && !/HLSConfig|"Model"/.test(text)) {
      inputs.modelText = text;
      textarea.value = text;
      settings.example = 'custom';
      (controls.example.querySelector('select') as HTMLSelectElement).value = 'custom';
    } else {
      inputs.configText = text;
      inputs.configName = name;
    }
    update();
  };
  const clearConfig = h('button', { type: 'button', onclick: () => { delete inputs.configText; delete inputs.configName; update(); } }, 'Forget the config');

  const exportButtons = h(
    'div',
    { className: 'actions' },
    h('button', { type: 'button', 'data-testid': 'download-json', onclick: () => last && download('hlsest-estimate.json', 'application/json', JSON.stringify(estimateJson(last.configured, last.estimate), null, 2)) }, 'Download JSON'),
    h('button', { type: 'button', 'data-testid': 'download-csv', onclick: () => last && download('hlsest-estimate.csv', 'text/csv', estimateCsv(last.configured, last.estimate)) }, 'Download CSV'),
  );

  root.replaceChildren(
    h(
      'div',
      { className: 'grid' },
      h(
        'div',
        {},
        h('fieldset', {}, h('legend', {}, 'Model'), controls.example, drop, textarea, modelError),
        h('fieldset', {}, h('legend', {}, 'hls4ml configuration'), controls.board, controls.strategy, controls.ioType, controls.precision, controls.reuseFactor, controls.clock, settingsError, configError, clearConfig),
        h('p', { className: 'note' }, `Bundle "${predictor.manifest.name}", trained ${predictor.manifest.createdAt.slice(0, 10)}. Estimates carry an 80 % band; a warning says when a number is a guess.`),
      ),
      h('div', {}, h('section', {}, h('h2', {}, 'Estimates'), results, timing, exportButtons), layers, sweepBox),
    ),
  );
  update();
  const ready = performance.now() - startedAt;
  document.body.dataset['ready'] = ready.toFixed(1);
}

function select(name: string, options: readonly (readonly [string, string])[], value: string, onChange: (value: string) => void): HTMLLabelElement {
  const element = h('select', { name, 'data-testid': name }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label))) as HTMLSelectElement;
  element.value = value;
  element.addEventListener('change', () => onChange(element.value));
  return h('label', {}, h('span', {}, name.replace('-', ' ')), element);
}

function textInput(name: string, value: string, onChange: (value: string) => void): HTMLLabelElement {
  const element = h('input', { type: 'text', name, value, 'data-testid': name }) as HTMLInputElement;
  element.addEventListener('change', () => onChange(element.value.trim()));
  return h('label', {}, h('span', {}, name), element);
}

function numberInput(name: string, value: number, step: number, onChange: (value: number) => void): HTMLLabelElement {
  const element = h('input', { type: 'number', name, value: String(value), min: step, step, 'data-testid': name }) as HTMLInputElement;
  element.addEventListener('input', () => {
    const n = Number(element.value);
    if (Number.isFinite(n) && n > 0) onChange(n);
  });
  return h('label', {}, h('span', {}, name.replace('-', ' ')), element);
}

function fileButton(label: string, onFile: (name: string, text: string) => void): HTMLElement {
  const input = h('input', { type: 'file', accept: '.json,.yml,.yaml', 'data-testid': 'file-input', style: 'display:none' }) as HTMLInputElement;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void file.text().then((text) => onFile(file.name, text));
    input.value = '';
  });
  return h('span', {}, input, h('button', { type: 'button', onclick: () => input.click() }, label));
}

const RESOURCE_LABEL = { bram: 'BRAM18K', dsp: 'DSP', ff: 'FF', lut: 'LUT' } as const;

function renderEstimate(estimate: Estimate, configured: ConfiguredNetwork): Node[] {
  const nodes: Node[] = [];
  const board = estimate.board;
  if (board) {
    const verdict = board.fits ? (board.fitsUpperBand ? 'Fits' : 'Fits, but the upper band does not') : 'Does not fit';
    nodes.push(
      h('p', { className: `verdict ${board.fits ? 'yes' : 'no'}`, 'data-testid': 'verdict' }, `${verdict} on ${configured.config.board ?? board.device}`, board.scarcest ? ` — scarcest: ${RESOURCE_LABEL[board.scarcest.resource]} at ${board.scarcest.percent.toFixed(1)} %` : ''),
    );
  }
  const bars = h('div', { className: 'bars' });
  for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) {
    const band = estimate.resources[key];
    if (!band) continue;
    const percent = board?.percent[key] ?? Number.NaN;
    const scale = (p: number) => `${Math.min(100, (p / Math.max(100, percent * 1.1, 110)) * 100).toFixed(2)}%`;
    const capacityRatio = Number.isFinite(percent) && band.value > 0 ? percent / band.value : Number.NaN;
    bars.append(
      h(
        'div',
        { className: 'bar', 'data-testid': `bar-${key}` },
        h('strong', {}, RESOURCE_LABEL[key]),
        h(
          'div',
          { className: 'track', title: `${percent.toFixed(1)} % of the device` },
          h('div', { className: `fill${percent > 100 ? ' over' : ''}`, style: `width:${scale(percent)}` }),
          h('div', { className: 'band', style: `left:${scale(band.lo * capacityRatio)};width:calc(${scale(band.hi * capacityRatio)} - ${scale(band.lo * capacityRatio)})` }),
          h('div', { className: 'limit', style: `left:${scale(100)}`, title: '100 % of the device' }),
        ),
        h('span', { 'data-testid': `value-${key}`, 'data-value': band.value.toFixed(3) }, `${formatCount(band.value)} [${formatCount(band.lo)}–${formatCount(band.hi)}] · ${Number.isFinite(percent) ? `${percent.toFixed(1)} %` : '–'}${band.kind === 'hls' ? ' (HLS est.)' : ''}`),
      ),
    );
  }
  nodes.push(bars);
  if (estimate.latency) {
    const l = estimate.latency;
    nodes.push(
      h(
        'p',
        { 'data-testid': 'latency', 'data-cycles': l.cycles.value.toFixed(3) },
        h('strong', {}, 'Latency '),
        `${formatCount(l.cycles.value)} cycles [${formatCount(l.cycles.lo)}–${formatCount(l.cycles.hi)}] = ${formatNs(l.ns.value)} at ${configured.config.clockPeriodNs} ns`,
        l.interval ? h('span', {}, h('strong', {}, ' · II '), `${formatCount(l.interval.value)} cycles`) : '',
      ),
    );
  }
  for (const warning of estimate.warnings) nodes.push(h('p', { className: 'warning', 'data-testid': 'warning' }, warning));
  return nodes;
}

function renderLayers(configured: ConfiguredNetwork, estimate: Estimate): Node[] {
  const rows = estimate.build.layers.map((b, i) => {
    const layer = configured.layers[i]!;
    const rf = b.reuse ? (b.reuse.applied === b.reuse.requested ? String(b.reuse.applied) : `${b.reuse.requested} → ${b.reuse.applied}`) : '–';
    return h(
      'tr',
      {},
      h('td', {}, layer.name),
      h('td', { className: 'text' }, layer.className),
      h('td', {}, `[${layer.outputShape.join('×')}]`),
      h('td', {}, layer.params.toLocaleString('en-US')),
      h('td', { 'data-testid': `rf-${layer.name}` }, rf),
      h('td', {}, b.multipliers.toLocaleString('en-US')),
      h('td', {}, b.expectedDsp.toLocaleString('en-US')),
      h('td', {}, b.cycles.toLocaleString('en-US')),
    );
  });
  return [
    h('h2', {}, 'Layers'),
    h('p', { className: 'note' }, `${configured.config.strategy}, ${configured.config.ioType}, ${formatPrecision(configured.config.precision)}; RF shows requested → what hls4ml applies.`),
    h('table', {}, h('thead', {}, h('tr', {}, ...['layer', 'class', 'output', 'params', 'reuse factor', 'multipliers', 'DSP (rule)', 'cycles'].map((t) => h('th', {}, t)))), h('tbody', {}, ...rows)),
  ];
}

function estimateJson(configured: ConfiguredNetwork, estimate: Estimate) {
  return { config: { ...configured.config, precision: formatPrecision(configured.config.precision) }, targets: estimate.targets, resources: estimate.resources, board: estimate.board ?? null, latency: estimate.latency ?? null, warnings: estimate.warnings };
}

function estimateCsv(configured: ConfiguredNetwork, estimate: Estimate): string {
  const header = ['target', 'value', 'lo', 'hi'];
  const rows = Object.entries(estimate.targets).map(([target, band]) => [target, band.value, band.lo, band.hi].join(','));
  return [`# ${configured.config.part} ${configured.config.strategy} ${configured.config.ioType} ${formatPrecision(configured.config.precision)} RF ${configured.config.reuseFactor}`, header.join(','), ...rows].join('\n');
}
