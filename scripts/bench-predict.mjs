// Predictor speed: default bundle load time, a 10,000-configuration sweep of the example jet
// tagger (batched), and the whole `hlsest predict` command (process start to exit).
// Usage: npm run bench:predict
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { parseKerasModel, parsePrecision } = await import(resolve(root, 'packages/core/dist/index.js'));
const { simdAvailable, sweep } = await import(resolve(root, 'packages/predictor/dist/index.js'));
const { loadDefaultPredictor } = await import(resolve(root, 'packages/predictor/dist/node.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loads = [];
let predictor;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  predictor = await loadDefaultPredictor();
  loads.push(performance.now() - t);
}
const network = parseKerasModel(readFileSync(resolve(root, 'examples/jet-tagger.json'), 'utf8'));
const grid = {
  boards: ['pynq-z2', 'zcu102', 'alveo-u250', 'vu13p', 'kv260'],
  strategies: ['latency', 'resource'],
  ioTypes: ['io_parallel', 'io_stream'],
  precisions: ['ap_fixed<16,6>', 'ap_fixed<12,4>', 'ap_fixed<8,3>', 'ap_fixed<6,2>', 'ap_fixed<4,2>'].map(parsePrecision),
  reuseFactors: Array.from({ length: 100 }, (_, i) => i + 1),
};
// The first sweep in a process runs while the JIT is still warming up; later ones are what a
// long-lived caller (the web page, a script sweeping many models) gets. This machine's timings
// wander by ±30 % from run to run, hence ten warm sweeps, their median and their best.
const sweeps = [];
let rows;
for (let i = 0; i < 11; i++) {
  const t = performance.now();
  rows = sweep(predictor, network.layers, undefined, grid);
  sweeps.push(performance.now() - t);
}

// What a command-line user waits for: `hlsest sweep` in a fresh process, as it reports itself.
const cliSweep = (reuseFactors) => {
  const result = spawnSync(
    process.execPath,
    [resolve(root, 'packages/cli/bin/hlsest.js'), 'sweep', resolve(root, 'examples/jet-tagger.json'), '--boards', grid.boards.join(','), '--strategies', 'latency,resource', '--io-types', 'io_parallel,io_stream', '--precisions', 'ap_fixed<16,6>,ap_fixed<12,4>,ap_fixed<8,3>,ap_fixed<6,2>,ap_fixed<4,2>', '--reuse-factors', reuseFactors, '--limit', '1'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const match = /(\d+) predicted in (\d+) ms \(([\d,]+) configurations\/s\)/.exec(result.stdout);
  if (!match) throw new Error(`no timing line in: ${result.stdout.slice(-300)}`);
  return `${Number(match[1]).toLocaleString('en-US')} configurations in ${match[2]} ms = ${match[3]}/s`;
};
const cli10k = cliSweep('1-100');
const cli100k = cliSweep('1-1000');

const commands = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [resolve(root, 'packages/cli/bin/hlsest.js'), 'predict', resolve(root, 'examples/jet-tagger.json'), '--board', 'pynq-z2'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  commands.push(performance.now() - start);
}
console.log(`bundle load (median of 5)        ${median(loads).toFixed(1)} ms (first ${loads[0].toFixed(1)} ms)`);
const rate = (ms) => `${ms.toFixed(0)} ms = ${Math.round((rows.length / ms) * 1000).toLocaleString('en-US')} configurations/s`;
console.log(`forward pass                     ${simdAvailable() ? 'WebAssembly SIMD' : 'plain TypeScript'}`);
const warm = sweeps.slice(1);
console.log(`sweep of ${rows.length} configurations    first in process ${rate(sweeps[0])}`);
console.log(`                                 warm: median ${rate(median(warm))}; best ${rate(Math.min(...warm))}`);
console.log(`hlsest sweep, fresh process      ${cli10k}; ${cli100k}`);
console.log(`hlsest predict, whole command    ${median(commands).toFixed(0)} ms (median of 5)`);
