import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../test/data-root.js';
import { findChromium } from './chromium.js';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream', '.map': 'application/json' };

let server: Server;
let browser: Browser;
let base: string;

/** What the CLI prints for the same inputs: the page must show the same numbers. */
function cli(example: string, rf: number): { resources: Record<string, { value: number }>; latency: { cycles: { value: number } } } {
  const out = execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'packages/cli/bin/hlsest.js'), 'predict', join(REPO_ROOT, 'examples', `${example}.json`), '--board', 'pynq-z2', '--strategy', 'latency', '--io-type', 'io_parallel', '--precision', 'ap_fixed<16,6>', '--reuse-factor', String(rf), '--clock-period', '5', '--format', 'json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out);
}

async function pageValues(page: Page) {
  const read = async (key: string) => Number(await page.getAttribute(`[data-testid=value-${key}]`, 'data-value'));
  return { bram: await read('bram'), dsp: await read('dsp'), ff: await read('ff'), lut: await read('lut'), cycles: Number(await page.getAttribute('[data-testid=latency]', 'data-cycles')) };
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
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe('the web page in headless Chromium', () => {
  it('loads, shows each example with the numbers the CLI prints, and follows a reuse-factor change', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const started = Date.now();
    await page.goto(base);
    await page.waitForSelector('[data-testid=verdict]');
    const loadMs = Date.now() - started;
    const readyMs = Number(await page.getAttribute('body', 'data-ready'));

    for (const example of ['jet-tagger', 'svhn-cnn']) {
      await page.selectOption('[data-testid=example]', example);
      await page.waitForFunction((name) => location.search.includes(`example=${name}`), example);
      const expected = cli(example, 1);
      const shown = await pageValues(page);
      for (const key of ['bram', 'dsp', 'ff', 'lut'] as const) expect(shown[key], `${example} ${key}`).toBeCloseTo(expected.resources[key]!.value, 2);
      expect(shown.cycles).toBeCloseTo(expected.latency.cycles.value, 2);
    }

    await page.selectOption('[data-testid=example]', 'jet-tagger');
    await page.selectOption('[data-testid=strategy]', 'resource');
    await page.selectOption('[data-testid=strategy]', 'latency');
    await page.fill('[data-testid=reuse-factor]', '4');
    await page.waitForFunction(() => location.search.includes('rf=4'));
    const updateMs = Number(await page.getAttribute('[data-testid=timing]', 'data-ms'));
    const expected = cli('jet-tagger', 4);
    const shown = await pageValues(page);
    expect(shown.lut).toBeCloseTo(expected.resources['lut']!.value, 2);
    expect(shown.dsp).toBeCloseTo(expected.resources['dsp']!.value, 2);
    expect(await page.textContent('[data-testid=rf-fc1]')).toBe('4');

    // The URL holds the configuration: a reload restores it.
    await page.reload();
    await page.waitForSelector('[data-testid=verdict]');
    expect(await page.inputValue('[data-testid=reuse-factor]')).toBe('4');

    // A click on a heat-map cell selects that configuration.
    await page.click('[data-testid=heatmaps] rect[data-rf="8"][data-precision="ap_fixed<8,3>"]');
    await page.waitForFunction(() => location.search.includes('rf=8'));
    expect(await page.inputValue('[data-testid=precision]')).toBe('ap_fixed<8,3>');

    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'tmp', 'web-page.png'), fullPage: true });
    console.log(`web page: first load to interactive ${readyMs.toFixed(0)} ms in the page (${loadMs} ms from navigation); estimates updated in ${updateMs.toFixed(1)} ms after a change (goal < 50 ms)`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an error next to a broken model and keeps the page', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.waitForSelector('[data-testid=verdict]');
    await page.fill('[data-testid=model-text]', '{ "class_name": "Sequential", "config": { "layers": [ ');
    await page.waitForSelector('[data-testid=model-error] .error');
    expect(await page.textContent('[data-testid=model-error]')).toMatch(/not valid JSON/);
    expect(await page.isVisible('[data-testid=verdict]')).toBe(true);
    await page.fill('[data-testid=model-text]', JSON.stringify({ class_name: 'Sequential', config: { layers: [{ class_name: 'Conv1D', config: { name: 'k', batch_input_shape: [null, 2, 1], filters: 2, kernel_size: [5] } }] } }));
    await page.waitForFunction(() => /does not fit/.test(document.querySelector('[data-testid=model-error]')?.textContent ?? ''));
    await page.fill('[data-testid=precision]', 'ap_fixed<16>');
    await page.press('[data-testid=precision]', 'Tab');
    await page.close();
  });

  it('downloads the estimate as JSON and CSV', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}?example=svhn-cnn&board=zcu102&strategy=resource&io=io_stream&rf=27`);
    await page.waitForSelector('[data-testid=verdict]');
    expect(await page.textContent('[data-testid=rf-conv_1]')).toBe('27 → 24');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-json]')]);
    const parsed = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(parsed.config).toMatchObject({ part: 'xczu9eg-ffvb1156-2-e', strategy: 'resource', ioType: 'io_stream', reuseFactor: 27 });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^# xczu9eg/);
    await page.close();
  });
});
