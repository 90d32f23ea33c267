import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Argv } from 'yargs';
import { HlsestError } from '@hlsest/core';
import type { BundleManifest } from '@hlsest/predictor';
import { loadPredictor } from '@hlsest/predictor/node';
import { checks, nonEmpty, type Check } from '../checks.js';
import type { Output } from '../output.js';

const run = promisify(execFile);

const validName: Check = (args) =>
  /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(String(args['name'])) ? undefined : `--name "${String(args['name'])}" is not a valid npm package name (lower case, e.g. @org/my-predictor)`;
const validVersion: Check = (args) => (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(String(args['pkg-version'])) ? undefined : `--pkg-version "${String(args['pkg-version'])}" is not a semver version like 1.0.0`);

interface PackArgs {
  bundle: string;
  name: string;
  version: string;
  out: string;
}

/**
 * Wraps a trained bundle as a self-contained npm package: the bundle, the predictor runtime
 * (core and predictor with their dependencies, one standalone build), typings, a README with a
 * complete prediction, the licence and a notice of the data the bundle learned from. It has no
 * dependencies, so `npm install ./it.tgz` works with no registry at all.
 */
export function packCommand(output: Output) {
  return {
    command: 'pack <bundle>',
    describe: 'Write a self-contained npm package (.tgz) carrying a bundle, ready for npm publish',
    builder: (yargs: Argv) =>
      yargs
        .positional('bundle', { type: 'string', demandOption: true, describe: 'bundle folder made by hlsest train' })
        .option('name', { type: 'string', demandOption: true, describe: 'package name, e.g. @org/my-predictor' })
        .option('pkg-version', { type: 'string', alias: 'package-version', default: '0.1.0', describe: 'package version (semver)' })
        .option('out', { type: 'string', default: '.', describe: 'existing folder to write the .tgz into' })
        .check(checks(nonEmpty('out'), validName, validVersion)),
    handler: async (args: PackArgs & { pkgVersion: string }) => {
      const target = resolve(args.out);
      const where = await stat(target).catch(() => undefined);
      if (!where?.isDirectory()) throw new HlsestError('HLSEST_BAD_INPUT', `--out ${args.out}: ${where ? 'is a file' : 'no such folder'}; give an existing folder for the .tgz`, { path: args.out });
      // Loading verifies the bundle (format, checksums) before anything is packed.
      const predictor = await loadPredictor(args.bundle);
      const runtime = standaloneRuntime();
      const dir = await mkdtemp(join(tmpdir(), 'hlsest-pack-'));
      const pkg = { name: args.name, version: args.pkgVersion };
      try {
        await cp(args.bundle, join(dir, 'bundle'), { recursive: true, filter: (src) => !/\.(tmp|old)-\d+$/.test(src) });
        await cp(runtime, join(dir, 'runtime'), { recursive: true });
        await writeFile(join(dir, 'package.json'), `${JSON.stringify(packageJson(pkg), null, 2)}\n`);
        await writeFile(join(dir, 'index.js'), INDEX_JS);
        await writeFile(join(dir, 'index.d.ts'), INDEX_D_TS);
        await writeFile(join(dir, 'README.md'), readme(pkg, predictor.manifest));
        await writeFile(join(dir, 'NOTICE'), notice(predictor.manifest));
        await cp(await licenceFile(), join(dir, 'LICENSE'));
        const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', target], { cwd: dir });
        const [info] = JSON.parse(stdout) as { filename: string }[];
        output.out(`wrote ${join(target, info!.filename)} (self-contained: installs with no registry; see its README and NOTICE)`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The predictor's standalone build (`npm run build` makes it). */
function standaloneRuntime(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('@hlsest/predictor/standalone/runtime.js'));
  } catch {
    throw new HlsestError('HLSEST_BAD_INPUT', 'the predictor runtime (@hlsest/predictor dist/standalone) is not built: run "npm run build" first');
  }
}

async function licenceFile(): Promise<string> {
  // This package's own LICENSE (installed), or the repository's, above packages/cli (workspace).
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', '..', 'LICENSE'), join(here, '..', '..', '..', '..', 'LICENSE')]) {
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  throw new HlsestError('HLSEST_BAD_INPUT', 'the Apache-2.0 LICENSE file of hlsest was not found next to the CLI');
}

function packageJson(pkg: { name: string; version: string }) {
  return {
    name: pkg.name,
    version: pkg.version,
    description: 'An hlsest predictor: hls4ml resource and latency estimates (BRAM, DSP, FF, LUT, cycles, II) for Keras/QKeras models',
    license: 'Apache-2.0',
    type: 'module',
    main: './index.js',
    types: './index.d.ts',
    exports: { '.': { types: './index.d.ts', default: './index.js' }, './bundle/*': './bundle/*' },
    files: ['index.js', 'index.d.ts', 'runtime', 'bundle', 'README.md', 'NOTICE', 'LICENSE'],
    engines: { node: '>=20' },
    keywords: ['hlsest', 'hls4ml', 'fpga', 'resource-estimation'],
  };
}

const INDEX_JS = `export * from './runtime/runtime.js';
import { Predictor, configureNetwork, parseHls4mlConfigText, parseKerasModel, parsePrecision, urlBundleSource } from './runtime/runtime.js';

const bundleUrl = new URL('./bundle/', import.meta.url);

/** Loads the bundle this package carries (Node: from disk; a browser: from the served package). */
export async function loadPredictor() {
  if (bundleUrl.protocol === 'file:') {
    const { fileBundleSource } = await import('./runtime/runtime-node.js');
    const { fileURLToPath } = await import('node:url');
    return Predictor.load(fileBundleSource(fileURLToPath(bundleUrl)));
  }
  return Predictor.load(urlBundleSource(bundleUrl));
}

/**
 * One estimate from a Keras model (\`model.to_json()\` text or its parsed object) and settings:
 * { board | part, strategy, ioType, precision, reuseFactor, clockPeriodNs }, or an hls4ml
 * config (YAML/JSON text) as \`config\`.
 */
let shared;

export async function estimate(model, settings = {}) {
  const { config, ...overrides } = settings;
  const network = parseKerasModel(model);
  const file = config === undefined ? undefined : parseHls4mlConfigText(config);
  const precision = typeof overrides.precision === 'string' ? parsePrecision(overrides.precision) : overrides.precision;
  // One load (checksums, parsing) for every call.
  const predictor = await (shared ??= loadPredictor());
  return predictor.predict(configureNetwork(network.layers, file, { ...overrides, ...(precision && { precision }) }));
}
`;

const INDEX_D_TS = `/** A loaded predictor: \`predict\` gives estimates with 80 % bands, board use, warnings and reasons. */
export interface Band { readonly value: number; readonly lo: number; readonly hi: number }
export interface Estimate {
  readonly resources: Partial<Record<'bram' | 'dsp' | 'ff' | 'lut', Band & { readonly kind: 'synth' | 'hls' }>>;
  readonly latency?: { readonly cycles: Band; readonly ns: Band; readonly interval?: Band; readonly intervalNs?: Band };
  readonly board?: { readonly device: string; readonly percent: Record<string, number>; readonly fits: boolean; readonly fitsUpperBand: boolean };
  readonly targets: Record<string, Band & { readonly rule: number; readonly source: string }>;
  readonly warnings: readonly string[];
  readonly explanations: readonly string[];
}
export interface Predictor {
  readonly targets: readonly string[];
  readonly manifest: { readonly name: string; readonly [key: string]: unknown };
  predict(design: { layers: readonly unknown[]; config: unknown; toolchain?: unknown }): Estimate;
}
export interface Settings {
  board?: string;
  part?: string;
  strategy?: 'latency' | 'resource' | 'resource_unrolled' | 'distributed_arithmetic';
  ioType?: 'io_parallel' | 'io_stream';
  precision?: string;
  reuseFactor?: number;
  clockPeriodNs?: number;
  /** An hls4ml config, YAML or JSON text. */
  config?: string;
}
export declare function loadPredictor(): Promise<Predictor>;
export declare function estimate(model: string | object, settings?: Settings): Promise<Estimate>;
export declare function parseKerasModel(model: string | object): { layers: readonly unknown[] };
export declare function parseHls4mlConfigText(text: string): unknown;
export declare function configureNetwork(layers: readonly unknown[], config: unknown, overrides?: Omit<Settings, 'config' | 'precision'> & { precision?: unknown }): { layers: readonly unknown[]; config: unknown };
export declare function parsePrecision(text: string): unknown;
`;

function readme(pkg: { name: string; version: string }, manifest: BundleManifest): string {
  return `# ${pkg.name}

An [hlsest](https://github.com/hlsest/hlsest) predictor: before any synthesis, how many BRAM (18 Kb
blocks), DSP, FF and LUT a Keras/QKeras model will use once hls4ml builds it, and its latency and
initiation interval in clock cycles — each with an 80 % band, as a share of the board, with warnings
in plain words when the design is unlike anything the predictor learned from.

Targets: ${manifest.targets.map((t) => t.name).join(', ')}. Self-contained: no dependencies, Node ≥ 20 or a browser.

\`\`\`js
import { readFileSync } from 'node:fs';
import { estimate } from '${pkg.name}';

// model.to_json() of your Keras model; settings as in an hls4ml config (or pass config: yamlText).
const result = await estimate(readFileSync('model.json', 'utf8'), {
  board: 'pynq-z2', strategy: 'resource', reuseFactor: 4, precision: 'ap_fixed<16,6>', clockPeriodNs: 5,
});
console.log(result.resources.lut);          // { value, lo, hi, kind: 'synth' }
console.log(result.latency?.cycles.value, result.board?.fits, result.warnings);
\`\`\`

For many designs, load once: \`const predictor = await loadPredictor()\`, then
\`predictor.predict(configureNetwork(parseKerasModel(json).layers, parseHls4mlConfigText(yaml), { board: 'zcu102' }))\`.
Unknown boards, reuse factors that are not whole numbers and out-of-range clocks are refused with an
error naming the value.

Licence: Apache-2.0 (LICENSE). The bundle was trained on public synthesis results: see NOTICE.
`;
}

/** Licences of the public sources the shipped data folder describes (its README). */
const SOURCE_LICENCES: Readonly<Record<string, string>> = {
  'wa-hls4ml': 'CC-BY-NC-4.0 (non-commercial)',
  rule4ml: 'CC-BY-NC-4.0 (non-commercial)',
  'hls4ml-baselines': 'Apache-2.0',
  'hls4ml-test-reports': 'Apache-2.0',
};

function notice(manifest: BundleManifest): string {
  const sources = ((manifest.data as { sources?: Record<string, number> }).sources ?? {}) as Record<string, number>;
  const lines = Object.entries(sources).map(([source, n]) => `- ${source}: ${n} records — licence: ${SOURCE_LICENCES[source] ?? 'none stated by the source'}`);
  const nonCommercial = Object.keys(sources).some((s) => SOURCE_LICENCES[s]?.startsWith('CC-BY-NC'));
  return [
    `${manifest.name}: an hlsest predictor bundle.`,
    '',
    "The code of this package is Apache-2.0. The bundle's weights were fitted on these synthesis results:",
    '',
    ...(lines.length ? lines : ['- (the bundle does not list its sources)']),
    '',
    ...(nonCommercial
      ? ['Part of that data is licensed CC-BY-NC-4.0 (the wa-hls4ml dataset, https://github.com/jdweitz/wa-hls4ml): check whether your use of a model trained on it is commercial before relying on it.', '']
      : []),
  ].join('\\n');
}
