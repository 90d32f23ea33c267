import {
  BOARDS,
  HLS4ML_VERSIONS,
  TARGET_INFO,
  applyGeneratedConfig,
  backendHlsTool,
  configureNetwork,
  parseKerasModel,
  formatPrecision,
  parsePrecision,
  resolveDevice,
  validReuseFactors,
  STRATEGIES,
  IO_TYPES,
  type ConfigOverrides,
  type ConfiguredNetwork,
  type Layer,
  type Network,
  type Target,
  type Toolchain,
} from '@hlsest/core';
import type { Band, Estimate, Predictor } from '@hlsest/predictor';
import { layerBars } from './charts.js';
import { hls4mlConfigYaml } from './config-export.js';
import { download, formatCount, formatNs, h } from './dom.js';
import { EXAMPLES } from './examples.js';
import { messageOf, readPageFiles, type PageFile, type PageInputs } from './page-inputs.js';
import { renderSweep, type Metric } from './sweep-view.js';
import { readSettings, TOOLS, writeSettings, type PageSettings } from './url-state.js';

/** Per-layer edits the user made in the layer table: they win over every other setting, like LayerName. */
type LayerEdits = Map<string, { reuseFactor?: number; precision?: string }>;

interface Design {
  readonly modelName: string;
  readonly network: Network;
  readonly configured: ConfiguredNetwork;
  readonly toolchain?: Toolchain;
  readonly estimate: Estimate;
  readonly notes: readonly string[];
}

/**
 * The page: inputs on the left, what hls4ml will build on the right. Every change re-runs
 * parse → configure → predict (a few milliseconds) and re-renders. Whatever fails is shown beside
 * the input it comes from, and the results are cleared rather than left standing for a design
 * the inputs no longer describe.
 */
export function mountApp(root: HTMLElement, predictor: Predictor, startedAt: number): void {
  const settings: PageSettings = readSettings(location.search);
  const lostCustomModel = !EXAMPLES[settings.example];
  if (lostCustomModel) settings.example = 'jet-tagger';
  let model: { name: string; network?: Network; text?: string } = { name: `${settings.example}.json`, text: EXAMPLES[settings.example]!.text };
  let config: PageInputs['config'];
  let generated: PageInputs['generated'];
  const edits: LayerEdits = new Map();
  let pinned: Design | undefined;
  let current: Design | undefined;

  const modelError = h('div', { 'data-testid': 'model-error' });
  const notice = h('div', { 'data-testid': 'notice' });
  const configNote = h('div', { 'data-testid': 'config-note' });
  const settingsError = h('div', { 'data-testid': 'settings-error' });
  const status = h('p', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  const results = h('div', { 'data-testid': 'results' });
  const compare = h('div', { 'data-testid': 'compare' });
  const layersBox = h('section', { 'data-testid': 'layers' });
  const sweepBox = h('section', { 'data-testid': 'sweep' });
  const timing = h('p', { className: 'timing', 'data-testid': 'timing' });
  const textarea = h('textarea', { 'data-testid': 'model-text', spellcheck: 'false', 'aria-label': 'Keras model JSON (model.to_json())' }) as HTMLTextAreaElement;
  textarea.value = model.text ?? '';
  const downloads = h('div', { className: 'actions', 'data-testid': 'downloads' });

  const clear = (why: string) => {
    current = undefined;
    results.replaceChildren(h('p', { className: 'stale', 'data-testid': 'no-estimate' }, `No estimate: ${why}`));
    layersBox.replaceChildren();
    sweepBox.replaceChildren();
    downloads.replaceChildren();
    compare.replaceChildren();
    status.textContent = `No estimate: ${why}`;
    timing.textContent = '';
  };

  const toolchainOf = (backend: ConfiguredNetwork['config']['backend']): Toolchain | undefined => {
    const tool = settings.tool ? TOOLS[settings.tool as keyof typeof TOOLS] : undefined;
    // As the CLI: a config's Vivado backend runs Vivado HLS unless a tool is chosen.
    const implied = tool ? undefined : backendHlsTool(backend);
    if (!settings.hls4ml && !tool && !implied) return undefined;
    return { ...(settings.hls4ml && { hls4mlVersion: settings.hls4ml }), ...(tool && { hlsTool: tool.hlsTool, hlsToolVersion: tool.hlsToolVersion }), ...(implied && { hlsTool: implied }) };
  };

  /** The settings as config overrides; with a config loaded only what the CLI's flags would override (board/part, clock). */
  const overridesOf = (): ConfigOverrides => {
    const problems: string[] = [];
    const rf = Number(settings.reuseFactor);
    const clock = Number(settings.clockPeriodNs);
    if (!config && !(Number.isInteger(rf) && rf >= 1)) problems.push(`reuse factor must be a whole number ≥ 1 (got "${settings.reuseFactor}")`);
    if (!(Number.isFinite(clock) && clock > 0 && clock <= 1000)) problems.push(`clock period must be above 0 and at most 1000 ns (got "${settings.clockPeriodNs}")`);
    let precision;
    try {
      precision = config ? undefined : parsePrecision(settings.precision);
    } catch (error) {
      problems.push(`precision: ${messageOf(error)}`);
    }
    const part = settings.part.trim() || resolveDevice(settings.board).defaultPart;
    if (problems.length) throw new Error(problems.join('; '));
    return {
      part,
      ...(!settings.part.trim() && { board: settings.board }),
      clockPeriodNs: clock,
      ...(!config && { strategy: settings.strategy, ioType: settings.ioType, reuseFactor: rf, precision }),
      ...(config && !config.file.ioType && { ioType: settings.ioType }),
    };
  };

  const showComparison = () =>
    compare.replaceChildren(
      ...renderCompare(current!, pinned, (d) => {
        pinned = d;
        showComparison();
      }),
    );

  const update = () => {
    const t0 = performance.now();
    history.replaceState(null, '', writeSettings(settings));
    syncControls();
    let network = model.network;
    if (!network) {
      try {
        network = parseKerasModel(model.text ?? '', model.name);
        modelError.replaceChildren();
      } catch (error) {
        modelError.replaceChildren(h('p', { className: 'error', role: 'alert' }, messageOf(error)));
        return clear('the model above cannot be read.');
      }
    } else modelError.replaceChildren();
    let overrides: ConfigOverrides;
    try {
      overrides = overridesOf();
      settingsError.replaceChildren();
    } catch (error) {
      settingsError.replaceChildren(h('p', { className: 'error', role: 'alert' }, messageOf(error)));
      return clear('fix the setting marked above.');
    }
    try {
      const configured = configureNetwork(network.layers, config?.file, overrides);
      const generatedApplied = generated ? applyGeneratedConfig(configured.layers, generated.config) : undefined;
      const layers = withEdits(generatedApplied?.layers ?? configured.layers, edits);
      const design: ConfiguredNetwork = { ...configured, layers };
      const toolchain = toolchainOf(configured.config.backend);
      const estimate = predictor.predict({ ...design, ...(toolchain && { toolchain }) });
      const notes = [...configured.warnings, ...(generatedApplied?.notes ?? []), ...(network.notes ?? [])];
      current = { modelName: model.name, network, configured: design, ...(toolchain && { toolchain }), estimate, notes };
      results.replaceChildren(...renderEstimate(current));
      status.textContent = verdictText(current);
      layersBox.replaceChildren(...renderLayers(current, edits, update));
      downloads.replaceChildren(...downloadButtons(current, predictor));
      showComparison();
      const elapsed = performance.now() - t0;
      timing.textContent = `estimates updated in ${elapsed.toFixed(1)} ms`;
      timing.dataset['ms'] = elapsed.toFixed(3);
      sweepBox.replaceChildren(
        ...renderSweep(
          predictor,
          network.layers,
          config?.file,
          { board: settings.part.trim() || settings.board, part: overrides.part!, strategy: design.config.strategy, ioType: design.config.ioType, precision: settings.precision, reuseFactor: Number(settings.reuseFactor), clockPeriodNs: design.config.clockPeriodNs, metric: settings.metric },
          (rf, precision) => {
            settings.reuseFactor = String(rf);
            settings.precision = precision;
            update();
          },
          (metric: Metric) => {
            settings.metric = metric;
            update();
          },
        ),
      );
    } catch (error) {
      clear(`this design cannot be estimated: ${messageOf(error)}`);
      results.prepend(h('p', { className: 'error', role: 'alert' }, `Cannot estimate this design: ${messageOf(error)}`));
    }
  };

  const controls = {
    example: select('example', 'Model', [...Object.entries(EXAMPLES).map(([key, e]) => [key, e.label] as const), ['custom', 'Your model (paste, drop or choose)'] as const], settings.example, (value) => {
      settings.example = value;
      if (EXAMPLES[value]) {
        model = { name: `${value}.json`, text: EXAMPLES[value]!.text };
        textarea.value = model.text!;
        edits.clear();
      }
      update();
    }),
    board: select('board', 'Board', BOARDS.map((b) => [b.name, `${b.name} (${b.device.device})`] as const), settings.board, (value) => {
      settings.board = value;
      update();
    }),
    part: textInput('part', 'Part (any; replaces the board)', settings.part, (value) => {
      settings.part = value;
      update();
    }),
    strategy: select('strategy', 'Strategy', STRATEGIES.filter((s) => s !== 'distributed_arithmetic').map((s) => [s, s] as const), settings.strategy, (value) => {
      settings.strategy = value as PageSettings['strategy'];
      update();
    }),
    ioType: select('io-type', 'IO type', IO_TYPES.map((s) => [s, s] as const), settings.ioType, (value) => {
      settings.ioType = value as PageSettings['ioType'];
      update();
    }),
    precision: textInput('precision', 'Precision', settings.precision, (value) => {
      settings.precision = value;
      update();
    }),
    reuseFactor: textInput('reuse-factor', 'Reuse factor', settings.reuseFactor, (value) => {
      settings.reuseFactor = value;
      update();
    }, 'numeric'),
    clock: textInput('clock', 'Clock period (ns)', settings.clockPeriodNs, (value) => {
      settings.clockPeriodNs = value;
      update();
    }, 'decimal'),
    hls4ml: select('hls4ml', 'hls4ml version', [['', 'bundle reference'] as const, ...HLS4ML_VERSIONS.map((v) => [v, v] as const)], settings.hls4ml, (value) => {
      settings.hls4ml = value;
      update();
    }),
    tool: select('tool', 'HLS tool', [['', 'bundle reference'] as const, ...Object.keys(TOOLS).map((t) => [t, t] as const)], settings.tool, (value) => {
      settings.tool = value;
      update();
    }),
  };

  /** Controls show what the design uses; those a loaded config decides are disabled and say so. */
  function syncControls(): void {
    const set = (label: HTMLElement, value: string, disabled: boolean) => {
      const input = label.querySelector('input, select') as HTMLInputElement | HTMLSelectElement;
      if (document.activeElement !== input) input.value = value;
      input.disabled = disabled;
    };
    const byConfig = Boolean(config);
    set(controls.strategy, settings.strategy, byConfig);
    set(controls.precision, settings.precision, byConfig);
    set(controls.reuseFactor, settings.reuseFactor, byConfig);
    set(controls.ioType, config?.file.ioType ?? settings.ioType, Boolean(config?.file.ioType));
    set(controls.example, settings.example, false);
    configNote.replaceChildren(
      config
        ? h(
            'p',
            { className: 'note' },
            `Using ${config.name}${generated ? ` and ${generated.name}` : ''}: strategy, precision, reuse factor${config.file.ioType ? ' and IO type' : ''} come from it (per layer); board or part and clock replace its values, as hlsest's flags do.`,
            ' ',
            h('button', { type: 'button', onclick: () => { config = undefined; generated = undefined; update(); } }, 'Forget the config'),
          )
        : '',
    );
  }

  textarea.addEventListener('input', () => {
    model = { name: 'your-model.json', text: textarea.value };
    settings.example = 'custom';
    edits.clear();
    update();
  });

  const accept = async (files: readonly File[]) => {
    const read: PageFile[] = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const inputs = readPageFiles(read);
    if (inputs.errors.length) modelError.replaceChildren(...inputs.errors.map((e) => h('p', { className: 'error', role: 'alert' }, e)));
    notice.replaceChildren();
    if (inputs.model) {
      model = { name: inputs.model.name, network: inputs.model.network };
      textarea.value = inputs.model.name.endsWith('.onnx') ? `(${inputs.model.name}: ONNX model, ${inputs.model.network.layers.length} layers)` : new TextDecoder().decode(read.find((f) => f.name === inputs.model!.name)!.bytes);
      settings.example = 'custom';
      edits.clear();
    }
    if (inputs.config) config = inputs.config;
    if (inputs.generated) generated = inputs.generated;
    if (!inputs.model && !inputs.config && !inputs.generated) return clear('nothing usable in the dropped files.');
    update();
    if (inputs.errors.length) modelError.prepend(...inputs.errors.map((e) => h('p', { className: 'error', role: 'alert' }, e)));
  };

  const drop = h(
    'div',
    { className: 'drop', 'data-testid': 'drop' },
    'Drop a model (Keras JSON, ONNX/QONNX), an hls4ml config (YAML/JSON) and parameters.h — one or several at once — or ',
    fileButton((files) => void accept(files)),
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) void accept(files);
  });

  root.replaceChildren(
    h(
      'div',
      { className: 'grid' },
      h(
        'div',
        { className: 'inputs' },
        h('fieldset', {}, h('legend', {}, 'Model'), notice, controls.example, drop, textarea, modelError),
        h('fieldset', {}, h('legend', {}, 'hls4ml configuration'), controls.board, controls.part, controls.strategy, controls.ioType, controls.precision, controls.reuseFactor, controls.clock, controls.hls4ml, controls.tool, settingsError, configNote),
        h('p', { className: 'note' }, `Bundle "${predictor.manifest.name}" (format ${predictor.manifest.formatVersion}), trained ${predictor.manifest.createdAt.slice(0, 10)}. Every number carries an 80 % band; warnings say when a number is a guess. Nothing leaves this page.`),
      ),
      h('div', { className: 'outputs' }, h('section', {}, h('h2', {}, 'Estimates'), status, results, timing, downloads), compare, layersBox, sweepBox),
    ),
  );
  if (lostCustomModel) notice.replaceChildren(h('p', { className: 'warning', 'data-testid': 'lost-model' }, 'Your own model is not kept across reloads (nothing is stored or sent anywhere): showing the jet tagger. Drop it again.'));
  update();
  document.body.dataset['ready'] = (performance.now() - startedAt).toFixed(1);
}

function withEdits(layers: readonly Layer[], edits: LayerEdits): Layer[] {
  return layers.map((layer) => {
    const edit = edits.get(layer.name);
    if (!edit) return layer;
    let next: Layer = layer;
    if (edit.reuseFactor !== undefined) next = { ...next, reuseFactor: edit.reuseFactor };
    if (edit.precision) {
      const p = parsePrecision(edit.precision);
      next = { ...next, precision: { ...next.precision, weight: p, bias: p, result: p } };
    }
    return next;
  });
}

function select(name: string, label: string, options: readonly (readonly [string, string])[], value: string, onChange: (value: string) => void): HTMLLabelElement {
  const element = h('select', { name, 'data-testid': name }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))) as HTMLSelectElement;
  element.value = value;
  element.addEventListener('change', () => onChange(element.value));
  return h('label', {}, h('span', {}, label), element);
}

function textInput(name: string, label: string, value: string, onChange: (value: string) => void, inputMode?: string): HTMLLabelElement {
  const element = h('input', { type: 'text', name, value, 'data-testid': name, ...(inputMode && { inputmode: inputMode }), autocomplete: 'off' }) as HTMLInputElement;
  element.addEventListener('change', () => onChange(element.value.trim()));
  return h('label', {}, h('span', {}, label), element);
}

function fileButton(onFiles: (files: File[]) => void): HTMLElement {
  const input = h('input', { type: 'file', multiple: true, accept: '.json,.yml,.yaml,.onnx,.h,.h5', 'data-testid': 'file-input', className: 'visually-hidden', id: 'file-input' }) as HTMLInputElement;
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    if (files.length) onFiles(files);
    input.value = '';
  });
  return h('span', {}, input, h('label', { htmlFor: 'file-input', for: 'file-input', className: 'button' }, 'choose files'));
}

const RESOURCE_LABEL = { bram: 'BRAM18K', dsp: 'DSP', ff: 'FF', lut: 'LUT' } as const;

function verdictText(design: Design): string {
  const board = design.estimate.board;
  if (!board) return `Estimated for ${design.configured.config.part} (not in the catalogue: no fit verdict).`;
  const verdict = board.fits ? (board.fitsUpperBand ? 'Fits' : 'Fits, but the upper band does not') : 'Does not fit';
  return `${verdict} on ${design.configured.config.board ?? board.device}${board.scarcest ? `; scarcest: ${RESOURCE_LABEL[board.scarcest.resource]} at ${board.scarcest.percent.toFixed(1)} %` : ''}.`;
}

const bandText = (b: Band) => `${formatCount(b.value)} [${formatCount(b.lo)}–${formatCount(b.hi)}]`;

function renderEstimate(design: Design): Node[] {
  const { estimate, configured } = design;
  const nodes: Node[] = [];
  const board = estimate.board;
  if (board) nodes.push(h('p', { className: `verdict ${board.fits ? 'yes' : 'no'}`, 'data-testid': 'verdict' }, verdictText(design)));
  else nodes.push(h('p', { className: 'verdict', 'data-testid': 'verdict' }, verdictText(design)));
  const bars = h('div', { className: 'bars' });
  for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) {
    const band = estimate.resources[key];
    if (!band) continue;
    const percent = board?.percent[key] ?? Number.NaN;
    const scale = (p: number) => `${Math.min(100, (p / Math.max(100, percent * 1.1, 110)) * 100).toFixed(2)}%`;
    const ratio = Number.isFinite(percent) && band.value > 0 ? percent / band.value : Number.NaN;
    bars.append(
      h(
        'div',
        { className: 'bar', 'data-testid': `bar-${key}` },
        h('strong', {}, RESOURCE_LABEL[key]),
        h(
          'div',
          { className: 'track', role: 'img', 'aria-label': `${RESOURCE_LABEL[key]}: ${Number.isFinite(percent) ? `${percent.toFixed(1)} % of the device` : 'device unknown'}` },
          h('div', { className: `fill${percent > 100 ? ' over' : ''}`, style: `width:${scale(percent)}` }),
          h('div', { className: 'band', style: `left:${scale(band.lo * ratio)};width:calc(${scale(band.hi * ratio)} - ${scale(band.lo * ratio)})` }),
          h('div', { className: 'limit', style: `left:${scale(100)}` }),
        ),
        h('span', { 'data-testid': `value-${key}`, 'data-value': band.value.toFixed(3) }, `${bandText(band)} · ${Number.isFinite(percent) ? `${percent.toFixed(1)} %` : '–'}${band.kind === 'hls' ? ' (HLS est.)' : ''}`),
      ),
    );
  }
  nodes.push(bars);
  const clock = configured.config.clockPeriodNs;
  if (estimate.latency) {
    const l = estimate.latency;
    const ii = l.interval;
    nodes.push(
      h(
        'p',
        { 'data-testid': 'latency', 'data-cycles': l.cycles.value.toFixed(3) },
        h('strong', {}, 'Latency '),
        `${formatCount(l.cycles.value)} cycles [${formatCount(l.cycles.lo)}–${formatCount(l.cycles.hi)}] = ${formatNs(l.ns.value)} at ${clock} ns`,
        ii ? h('span', { 'data-testid': 'interval' }, h('strong', {}, ' · II '), `${formatCount(ii.value)} cycles = ${formatNs(ii.value * clock)}; throughput ${formatCount(1e3 / (ii.value * clock))} M inferences/s`) : '',
      ),
    );
  }
  // Post-synthesis beside HLS estimate, and hls4ml's own rule: what a csynth report and Vivado would say.
  const row = (key: 'bram' | 'dsp' | 'ff' | 'lut') => {
    const synth = estimate.targets[key as Target];
    const hls = estimate.targets[`hls_${key}` as Target];
    return h('tr', {}, h('th', { scope: 'row', className: 'text' }, RESOURCE_LABEL[key]), h('td', {}, synth ? bandText(synth) : '–'), h('td', {}, hls ? bandText(hls) : '–'), h('td', {}, formatCount((hls ?? synth)?.rule ?? Number.NaN)));
  };
  nodes.push(
    h(
      'div',
      { className: 'scroll' },
      h(
        'table',
        { 'data-testid': 'kinds' },
        h('caption', {}, 'Post-synthesis (Vivado) and HLS estimate (csynth report), with hls4ml\'s rule alone. URAM: hls4ml uses none unless told to.'),
        h('thead', {}, h('tr', {}, ...['', 'post-synthesis [80 % band]', 'HLS estimate [80 % band]', "hls4ml's rule"].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...(['bram', 'dsp', 'ff', 'lut'] as const).map(row)),
      ),
    ),
  );
  for (const e of estimate.explanations) nodes.push(h('p', { className: 'note' }, `Why: ${e}`));
  for (const warning of [...estimate.warnings, ...design.notes]) nodes.push(h('p', { className: 'warning', 'data-testid': 'warning' }, warning));
  return nodes;
}

function renderLayers(design: Design, edits: LayerEdits, onEdit: () => void): Node[] {
  const { configured, estimate } = design;
  const rows = estimate.build.layers.map((b, i) => {
    const layer = configured.layers[i]!;
    const rf = b.reuse ? (b.reuse.applied === b.reuse.requested ? String(b.reuse.applied) : `${b.reuse.requested} → ${b.reuse.applied}`) : '–';
    let rfCell: Node = h('span', { 'data-testid': `rf-${layer.name}` }, rf);
    if (b.reuse && b.mult) {
      const valid = validReuseFactors(b.mult.nIn, b.mult.nOut);
      const choice = h('select', { 'aria-label': `Reuse factor of ${layer.name}` }, ...valid.map((v) => h('option', { value: v, selected: v === b.reuse!.applied }, String(v)))) as HTMLSelectElement;
      choice.addEventListener('change', () => {
        edits.set(layer.name, { ...edits.get(layer.name), reuseFactor: Number(choice.value) });
        onEdit();
      });
      rfCell = h('span', {}, h('span', { 'data-testid': `rf-${layer.name}` }, rf), ' ', choice);
    }
    const precisionText = layer.precision?.weight ? formatPrecision(layer.precision.weight) : layer.precision?.result ? formatPrecision(layer.precision.result) : '';
    const precisionInput = h('input', { type: 'text', value: edits.get(layer.name)?.precision ?? '', placeholder: precisionText, 'aria-label': `Precision of ${layer.name} (weights, biases and result)`, size: 14 }) as HTMLInputElement;
    precisionInput.addEventListener('change', () => {
      const value = precisionInput.value.trim();
      try {
        if (value) parsePrecision(value);
        edits.set(layer.name, { ...edits.get(layer.name), ...(value ? { precision: value } : { precision: undefined }) });
        onEdit();
      } catch (error) {
        precisionInput.setCustomValidity(messageOf(error));
        precisionInput.reportValidity();
      }
    });
    return h(
      'tr',
      {},
      h('th', { scope: 'row', className: 'text' }, layer.name),
      h('td', { className: 'text' }, layer.className),
      h('td', {}, `[${layer.outputShape.join('×')}]`),
      h('td', {}, rfCell),
      h('td', {}, b.mult ? precisionInput : precisionText || '–'),
      h('td', {}, b.multipliersDense !== b.multipliers ? `${b.multipliersDense.toLocaleString('en-US')} → ${b.multipliers.toLocaleString('en-US')}` : b.multipliers.toLocaleString('en-US')),
      h('td', {}, formatCount(b.hls.bram18k)),
      h('td', {}, formatCount(b.hls.dsp)),
      h('td', {}, formatCount(b.hls.ff)),
      h('td', {}, formatCount(b.hls.lut)),
      h('td', {}, b.cycles.toLocaleString('en-US')),
      h('td', {}, b.interval.toLocaleString('en-US')),
    );
  });
  return [
    h('h2', {}, 'Layers'),
    h('p', { className: 'note' }, `${configured.config.strategy}, ${configured.config.ioType}, ${formatPrecision(configured.config.precision)}. Per-layer numbers are hls4ml's rules (what a csynth report lists per instance); RF shows requested → applied, and the list offers the values hls4ml accepts for that layer.`),
    h(
      'div',
      { className: 'scroll' },
      h(
        'table',
        { 'data-testid': 'layer-table' },
        h('thead', {}, h('tr', {}, ...['layer', 'class', 'output', 'reuse factor', 'precision', 'multipliers (dense → pruned)', 'BRAM18K', 'DSP', 'FF', 'LUT', 'cycles', 'II'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...rows),
      ),
    ),
    layerBars(estimate.build),
  ];
}

function downloadButtons(design: Design, predictor: Predictor): Node[] {
  const base = design.modelName.replace(/\.(json|onnx)$/i, '');
  return [
    h('button', { type: 'button', 'data-testid': 'download-json', onclick: () => download(`${base}-hlsest.json`, 'application/json', JSON.stringify(estimateJson(design, predictor), null, 2)) }, 'Download estimate (JSON)'),
    h('button', { type: 'button', 'data-testid': 'download-csv', onclick: () => download(`${base}-hlsest.csv`, 'text/csv', estimateCsv(design, predictor)) }, 'Download per-layer table (CSV)'),
    h('button', { type: 'button', 'data-testid': 'download-yaml', onclick: () => download(`${base}-hls4ml_config.yml`, 'application/yaml', hls4mlConfigYaml(design.configured, design.modelName, exportBackend(design))) }, 'Download hls4ml config (YAML)'),
  ];
}

function renderCompare(design: Design, pinned: Design | undefined, onPin: (d: Design) => void): Node[] {
  const pin = h('button', { type: 'button', 'data-testid': 'pin', onclick: () => onPin(design) }, pinned ? 'Pin this configuration instead' : 'Pin this configuration to compare');
  if (!pinned) return [h('section', { className: 'compare' }, h('h2', {}, 'Compare'), h('p', { className: 'note' }, 'Pin a configuration, change the settings, and see both side by side.'), pin)];
  const describe = (d: Design) => `${d.modelName}: ${d.configured.config.strategy}, ${formatPrecision(d.configured.config.precision)}, RF ${d.configured.config.reuseFactor}, ${d.configured.config.part}`;
  const cell = (d: Design, key: 'bram' | 'dsp' | 'ff' | 'lut') => {
    const b = d.estimate.resources[key];
    return b ? `${bandText(b)}${d.estimate.board?.percent[key] !== undefined ? ` · ${d.estimate.board.percent[key]!.toFixed(1)} %` : ''}` : '–';
  };
  return [
    h(
      'section',
      { className: 'compare' },
      h('h2', {}, 'Compare'),
      h(
        'div',
        { className: 'scroll' },
        h(
          'table',
          { 'data-testid': 'compare-table' },
          h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { scope: 'col' }, `Pinned — ${describe(pinned)}`), h('th', { scope: 'col' }, `Current — ${describe(design)}`))),
          h(
            'tbody',
            {},
            ...(['bram', 'dsp', 'ff', 'lut'] as const).map((k) => h('tr', {}, h('th', { scope: 'row', className: 'text' }, RESOURCE_LABEL[k]), h('td', {}, cell(pinned, k)), h('td', {}, cell(design, k)))),
            h('tr', {}, h('th', { scope: 'row', className: 'text' }, 'latency'), h('td', {}, formatNs(pinned.estimate.latency?.ns.value ?? Number.NaN)), h('td', {}, formatNs(design.estimate.latency?.ns.value ?? Number.NaN))),
            h('tr', {}, h('th', { scope: 'row', className: 'text' }, 'fits'), h('td', {}, String(pinned.estimate.board?.fits ?? '–')), h('td', {}, String(design.estimate.board?.fits ?? '–'))),
          ),
        ),
      ),
      pin,
    ),
  ];
}

function estimateJson(design: Design, predictor: Predictor) {
  const { configured, estimate } = design;
  return {
    model: design.modelName,
    bundle: { name: predictor.manifest.name, formatVersion: predictor.manifest.formatVersion, createdAt: predictor.manifest.createdAt },
    config: { ...configured.config, precision: formatPrecision(configured.config.precision) },
    ...(design.toolchain && { toolchain: design.toolchain }),
    targets: Object.fromEntries(Object.entries(estimate.targets).map(([t, b]) => [t, { ...b, labelKind: TARGET_INFO[t as Target].kind, unit: TARGET_INFO[t as Target].unit }])),
    resources: estimate.resources,
    board: estimate.board ?? null,
    latency: estimate.latency ?? null,
    layers: estimate.build.layers.map((b) => ({ name: b.name, kind: b.kind, reuseFactor: b.reuse ?? null, multipliers: b.multipliers, hls: b.hls, cycles: b.cycles, interval: b.interval })),
    warnings: [...estimate.warnings, ...design.notes],
    explanations: estimate.explanations,
  };
}

/** One row per layer, then the design's totals: opens as-is in a spreadsheet or pandas (no comment lines). */
function estimateCsv(design: Design, predictor: Predictor): string {
  const { configured, estimate } = design;
  const quote = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = ['model', 'bundle', 'part', 'strategy', 'io_type', 'precision', 'row', 'reuse_factor', 'multipliers', 'bram18k', 'dsp', 'ff', 'lut', 'cycles', 'interval', 'label_kind', 'lo_bram18k', 'hi_bram18k', 'lo_dsp', 'hi_dsp', 'lo_ff', 'hi_ff', 'lo_lut', 'hi_lut', 'warnings'];
  const common = [design.modelName, `${predictor.manifest.name}@${predictor.manifest.formatVersion}`, configured.config.part, configured.config.strategy, configured.config.ioType, formatPrecision(configured.config.precision)];
  const rows = estimate.build.layers.map((b) => [...common, b.name, b.reuse?.applied ?? '', b.multipliers, b.hls.bram18k, b.hls.dsp, b.hls.ff, Math.round(b.hls.lut), b.cycles, b.interval, 'rule (per layer)', '', '', '', '', '', '', '', '', '']);
  const r = estimate.resources;
  const kind = r.lut?.kind === 'synth' ? 'post-synthesis' : 'hls estimate';
  rows.push([
    ...common,
    'design',
    configured.config.reuseFactor,
    estimate.build.totals.multipliers,
    r.bram?.value ?? '',
    r.dsp?.value ?? '',
    r.ff?.value ?? '',
    r.lut?.value ?? '',
    estimate.latency?.cycles.value ?? '',
    estimate.latency?.interval?.value ?? '',
    kind,
    r.bram?.lo ?? '',
    r.bram?.hi ?? '',
    r.dsp?.lo ?? '',
    r.dsp?.hi ?? '',
    r.ff?.lo ?? '',
    r.ff?.hi ?? '',
    r.lut?.lo ?? '',
    r.lut?.hi ?? '',
    [...estimate.warnings, ...design.notes].join('; '),
  ]);
  return [header.join(','), ...rows.map((row) => row.map(quote).join(','))].join('\n');
}

/** The Backend the exported config names, so `hlsest predict -c` on it estimates for the same HLS tool. */
function exportBackend(design: Design): string {
  const backend = design.configured.config.backend;
  if (design.toolchain?.hlsTool === 'vivado_hls') return backend === 'vivado_accelerator' ? 'VivadoAccelerator' : 'Vivado';
  return backend === 'vitis_accelerator' ? 'VitisAccelerator' : 'Vitis';
}
