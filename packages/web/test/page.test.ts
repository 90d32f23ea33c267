import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../test/data-root.js';
import { findChromium } from './chromium.js';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream', '.map': 'application/json' };
const CLI = join(REPO_ROOT, 'packages/cli/bin/hlsest.js');
const SHOTS = join(REPO_ROOT, 'tmp', 'screenshots');

let server: Server;
let browser: Browser;
let base: string;

/** What the CLI prints for the same inputs: the page must show the same numbers. */
function cli(...argv: string[]): { resources: Record<string, { value: number }>; latency: { cycles: { value: number } } } {
  return JSON.parse(execFileSync(process.execPath, [CLI, 'predict', ...argv, '--format', 'json'], { encoding: 'utf8' }));
}
const example = (name: string) => join(REPO_ROOT, 'examples', `${name}.json`);
const SETTINGS = ['--board', 'pynq-z2', '--io-type', 'io_parallel', '--clock-period', '5'];

async function pageValues(page: Page) {
  const read = async (key: string) => Number(await page.getAttribute(`[data-testid=value-${key}]`, 'data-value'));
  return { bram: await read('bram'), dsp: await read('dsp'), ff: await read('ff'), lut: await read('lut'), cycles: Number(await page.getAttribute('[data-testid=latency]', 'data-cycles')) };
}

async function expectSameAsCli(page: Page, expected: ReturnType<typeof cli>) {
  const shown = await pageValues(page);
  for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) expect(shown[key], key).toBeCloseTo(expected.resources[key]!.value, 2);
  expect(shown.cycles).toBeCloseTo(expected.latency.cycles.value, 2);
}

async function setField(page: Page, testid: string, value: string) {
  await page.fill(`[data-testid=${testid}]`, value);
  await page.press(`[data-testid=${testid}]`, 'Tab');
}

async function open(query = '', viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}${query}`);
  await page.waitForSelector('[data-testid=verdict]');
  return { page, errors };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/\/$/, '/index.html'));
    if (!path.startsWith(DIST) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('the web page in headless Chromium', () => {
  it('shows each example with the numbers the CLI prints, follows changes, keeps its settings in the URL', async () => {
    const started = Date.now();
    const { page, errors } = await open();
    const loadMs = Date.now() - started;
    const readyMs = Number(await page.getAttribute('body', 'data-ready'));
    for (const name of ['jet-tagger', 'svhn-cnn']) {
      await page.selectOption('[data-testid=example]', name);
      await page.waitForFunction((n) => location.search.includes(`example=${n}`), name);
      await expectSameAsCli(page, cli(example(name), ...SETTINGS, '--strategy', 'latency', '--precision', 'ap_fixed<16,6>', '--reuse-factor', '1'));
    }
    await page.selectOption('[data-testid=example]', 'jet-tagger');
    await page.selectOption('[data-testid=strategy]', 'resource');
    await setField(page, 'reuse-factor', '4');
    await page.waitForFunction(() => location.search.includes('rf=4'));
    const updateMs = Number(await page.getAttribute('[data-testid=timing]', 'data-ms'));
    await expectSameAsCli(page, cli(example('jet-tagger'), ...SETTINGS, '--strategy', 'resource', '--reuse-factor', '4'));
    expect(await page.textContent('[data-testid=rf-fc1]')).toBe('4');
    await page.reload();
    await page.waitForSelector('[data-testid=verdict]');
    expect(await page.inputValue('[data-testid=reuse-factor]')).toBe('4');
    // A heat-map cell, by keyboard: focus it and press Enter.
    await page.focus('[data-testid=heatmap] button[data-rf="8"][data-precision="ap_fixed<8,3>"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('rf=8'));
    expect(await page.inputValue('[data-testid=precision]')).toBe('ap_fixed<8,3>');
    await page.screenshot({ path: join(SHOTS, 'web-desktop.png'), fullPage: true });
    console.log(`web page: first load to interactive ${readyMs.toFixed(0)} ms in the page (${loadMs} ms from navigation); estimates updated in ${updateMs.toFixed(1)} ms after a change`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never leaves an estimate standing for inputs it cannot read', async () => {
    const { page, errors } = await open();
    for (const [field, value, message] of [
      ['reuse-factor', '0', /reuse factor must be a whole number ≥ 1 \(got "0"\)/],
      ['reuse-factor', '', /reuse factor must be a whole number/],
      ['clock', '-4', /clock period must be above 0/],
      ['precision', 'ap_fixed<16', /precision:/],
    ] as const) {
      await setField(page, field, value);
      await page.waitForSelector('[data-testid=no-estimate]');
      expect(await page.textContent('[data-testid=settings-error]')).toMatch(message);
      expect(await page.$('[data-testid=verdict]')).toBeNull();
      expect(await page.$('[data-testid=download-json]')).toBeNull();
      // The invalid value stays in the box, and in the URL.
      expect(await page.inputValue(`[data-testid=${field}]`)).toBe(value);
      await setField(page, field, field === 'clock' ? '5' : field === 'precision' ? 'ap_fixed<16,6>' : '1');
      await page.waitForSelector('[data-testid=verdict]');
    }
    await page.fill('[data-testid=model-text]', '{ "class_name": "Sequential", "config": { "layers": [ ');
    await page.waitForSelector('[data-testid=model-error] .error');
    expect(await page.textContent('[data-testid=model-error]')).toMatch(/not valid JSON/);
    expect(await page.$('[data-testid=verdict]')).toBeNull();
    expect(await page.$('[data-testid=layer-table]')).toBeNull();
    // A .h5 gets a sentence, not binary.
    await page.setInputFiles('[data-testid=file-input]', { name: 'model.h5', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
    await page.waitForFunction(() => /HDF5 file/.test(document.querySelector('[data-testid=model-error]')?.textContent ?? ''));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("takes an hls4ml config as the CLI does: its settings locked, board and clock still the user's, mismatches said", async () => {
    const { page } = await open('?example=jet-tagger&board=alveo-u250&io=io_stream');
    const config = 'IOType: io_parallel\nHLSConfig:\n  Model: { Precision: "ap_fixed<12,4>", ReuseFactor: 2, Strategy: Resource }\n  LayerName:\n    fc2: { ReuseFactor: 8 }\n    nosuchlayer: { ReuseFactor: 4 }\n';
    await page.setInputFiles('[data-testid=file-input]', { name: 'my_config.yml', mimeType: 'text/yaml', buffer: Buffer.from(config) });
    await page.waitForSelector('[data-testid=config-note] button');
    for (const field of ['strategy', 'precision', 'reuse-factor', 'io-type']) expect(await page.isDisabled(`[data-testid=${field}]`), field).toBe(true);
    expect(await page.inputValue('[data-testid=io-type]')).toBe('io_parallel');
    expect(await page.textContent('[data-testid=results]')).toMatch(/LayerName\.nosuchlayer matches no layer/);
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-web-config-'));
    writeFileSync(join(dir, 'c.yml'), config);
    await expectSameAsCli(page, cli(example('jet-tagger'), '--config', join(dir, 'c.yml'), '--board', 'alveo-u250', '--clock-period', '5'));
    await page.click('[data-testid=config-note] button');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=strategy]') as HTMLSelectElement).disabled);
    await page.close();
  });

  it('reads a project dropped as files (config, model, parameters.h) and ONNX models', async () => {
    const { page, errors } = await open();
    const parameters = '// hls-fpga-machine-learning insert layer-config\n// fc2\nstruct config5 : nnet::dense_config {\n    static const unsigned reuse_factor = 16;\n    static const unsigned strategy = nnet::resource;\n};\n';
    await page.setInputFiles('[data-testid=file-input]', [
      { name: 'hls4ml_config.yml', mimeType: 'text/yaml', buffer: Buffer.from('KerasJson: keras_model.json\nHLSConfig:\n  Model: { Precision: "ap_fixed<16,6>", ReuseFactor: 4, Strategy: Resource }\n') },
      { name: 'keras_model.json', mimeType: 'application/json', buffer: readFileSync(example('jet-tagger')) },
      { name: 'parameters.h', mimeType: 'text/plain', buffer: Buffer.from(parameters) },
    ]);
    await page.waitForFunction(() => /parameters\.h: fc2 reuse factor is 16/.test(document.querySelector('[data-testid=results]')?.textContent ?? ''));
    expect(await page.textContent('[data-testid=rf-fc2]')).toBe('16');
    await page.setInputFiles('[data-testid=file-input]', { name: 'small-cnn.onnx', mimeType: 'application/octet-stream', buffer: readFileSync(join(REPO_ROOT, 'packages/core/test-fixtures/onnx/small-cnn.onnx')) });
    await page.waitForFunction(() => document.querySelector('[data-testid=layer-table]')?.textContent?.includes('DepthwiseConv2D'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out on a 390 px phone without sideways scrolling, file button and verdict on screen', async () => {
    const { page } = await open('?example=svhn-cnn&board=zcu102&strategy=resource&io=io_stream&rf=27', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const selector of ['label[for=file-input]', '[data-testid=verdict]']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(SHOTS, 'web-phone.png'), fullPage: true });
    await page.close();
  });

  it('shows what csynth reports show: per-layer resources, II in ns and throughput, HLS estimate beside post-synthesis', async () => {
    const { page } = await open('?example=jet-tagger&strategy=resource&rf=4');
    const header = await page.textContent('[data-testid=layer-table] thead');
    for (const column of ['BRAM18K', 'DSP', 'FF', 'LUT', 'cycles', 'II']) expect(header).toContain(column);
    expect(await page.textContent('[data-testid=interval]')).toMatch(/II \S+ cycles = .* ns; throughput .* M inferences\/s/);
    expect(await page.textContent('[data-testid=kinds]')).toMatch(/HLS estimate/);
    // Any part, not only the catalogue's boards; and the toolchain.
    await setField(page, 'part', 'xcvu9p-flga2104-2L-e');
    await page.waitForFunction(() => /xcvu9p/.test(document.querySelector('[data-testid=verdict]')?.textContent ?? ''));
    await page.selectOption('[data-testid=hls4ml]', '0.8');
    await page.selectOption('[data-testid=tool]', 'vivado_hls 2020.1');
    await page.waitForFunction(() => location.search.includes('hls4ml=0.8') && location.search.includes('tool='));
    // Valid reuse factors per layer, and editing one.
    await page.selectOption('select[aria-label="Reuse factor of fc2"]', '16');
    await page.waitForFunction(() => document.querySelector('[data-testid=rf-fc2]')?.textContent === '16');
    await page.close();
  });

  it('draws resources and latency against reuse factor, the Pareto plot, per-layer bars, heat maps per resource, and compares two configurations', async () => {
    const { page } = await open('?example=jet-tagger&strategy=resource&rf=4');
    expect(await page.$$('[data-testid=rf-charts] svg polygon')).not.toHaveLength(0);
    expect(await page.$('[data-testid=pareto-chosen]')).not.toBeNull();
    expect(await page.$$('[data-testid=layer-bars] .stack span')).not.toHaveLength(0);
    await page.selectOption('[data-testid=heatmap-metric]', 'latency');
    await page.waitForFunction(() => location.search.includes('metric=latency'));
    expect(await page.textContent('[data-testid=heatmap-legend]')).toMatch(/ns|µs/);
    await page.click('[data-testid=pin]');
    await setField(page, 'reuse-factor', '16');
    await page.waitForSelector('[data-testid=compare-table]');
    expect(await page.textContent('[data-testid=compare-table]')).toMatch(/Pinned — jet-tagger\.json: resource, fixed<16,6>, RF 4[\s\S]*Current — jet-tagger\.json: resource, fixed<16,6>, RF 16/);
    await page.close();
  });

  it('exports the chosen design as an hls4ml config the CLI reads back to the same estimate, and downloads JSON and CSV', async () => {
    const { page } = await open('?example=svhn-cnn&board=zcu102&strategy=resource&io=io_stream&rf=27');
    await page.selectOption('select[aria-label="Reuse factor of conv_1"]', '16');
    await page.waitForFunction(() => document.querySelector('[data-testid=rf-conv_1]')?.textContent === '16');
    const dir = mkdtempSync(join(tmpdir(), 'hlsest-web-export-'));
    const [yaml] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-yaml]')]);
    expect(yaml.suggestedFilename()).toBe('svhn-cnn-hls4ml_config.yml');
    await yaml.saveAs(join(dir, 'config.yml'));
    copyFileSync(example('svhn-cnn'), join(dir, 'svhn-cnn.json'));
    // `hlsest predict -c` on the exported file alone: the model path is in it.
    await expectSameAsCli(page, cli('-c', join(dir, 'config.yml')));
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-json]')]);
    const parsed = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(parsed).toMatchObject({ model: 'svhn-cnn.json', bundle: { name: 'hlsest-default' }, config: { part: 'xczu9eg-ffvb1156-2-e', strategy: 'resource', ioType: 'io_stream' } });
    expect(parsed.layers.length).toBeGreaterThan(5);
    expect(parsed.targets.lut.labelKind).toBe('synth');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    const lines = readFileSync((await csv.path())!, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^model,bundle,part,/);
    expect(lines.at(-1)).toMatch(/^svhn-cnn\.json,.*,design,/);
    await page.close();
  });

  it('is usable with a screen reader and a keyboard, and readable', async () => {
    const { page } = await open();
    expect(await page.getAttribute('main', 'aria-live')).toBeNull();
    expect(await page.getAttribute('[data-testid=status]', 'aria-live')).toBe('polite');
    const labels = await page.$$eval('[data-testid=heatmap] button', (buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBe(56);
    expect(labels.every((l) => /^Select RF \d+, ap_fixed<\d+,\d+>: /.test(l))).toBe(true);
    const buttonNames = await page.$$eval('button', (buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
    expect(new Set(buttonNames).size).toBe(buttonNames.length);
    // No text under 12 px, and grey text dark enough on white (contrast ≥ 4.5).
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('body *')].filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(12);
    const contrast = await page.evaluate(() => {
      const lum = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      return Math.min(...['.note', '.timing', 'label span'].flatMap((s) => [...document.querySelectorAll(s)].map((e) => (1 + 0.05) / (lum(getComputedStyle(e).color) + 0.05))));
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('says so when a reload cannot bring back your own model', async () => {
    const { page } = await open('?example=custom&board=pynq-z2');
    expect(await page.textContent('[data-testid=lost-model]')).toMatch(/not kept across reloads/);
    await page.close();
  });
});
