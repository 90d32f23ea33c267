import {
  HlsestError,
  applyGeneratedConfig,
  configureNetwork,
  AUTO,
  backendHlsTool,
  formatPrecision,
  withSparsity,
  parseHls4mlConfigText,
  parseKerasModel,
  parsePrecision,
  readIoType,
  readStrategy,
  resolveDevice,
  type Backend,
  type ConfigOverrides,
  type ConfiguredNetwork,
  type Hls4mlConfig,
  type Network,
  type Toolchain,
} from '@hlsest/core';
import { readDesignSource, readHls4mlConfigFile, readKerasModelFile, type DesignSource } from '@hlsest/ingest';
import { integerIn, nonEmpty, numberIn, parses, type Check } from './checks.js';

/** The options every command that takes a model shares: the hls4ml config and its overrides. */
export interface DesignOptions {
  readonly config?: string;
  readonly board?: string;
  readonly part?: string;
  readonly strategy?: string;
  readonly ioType?: string;
  readonly precision?: string;
  readonly reuseFactor?: number;
  readonly clockPeriod?: number;
  readonly backend?: string;
  readonly hls4mlVersion?: string;
  readonly hlsTool?: string;
  readonly hlsToolVersion?: string;
  readonly sparsity?: string;
}

export const designOptionSpecs = {
  config: { type: 'string', alias: 'c', describe: 'hls4ml configuration (YAML or JSON, any granularity; - for stdin)' },
  board: { type: 'string', describe: 'target board (pynq-z2, zcu102, alveo-u250, vu13p, …)' },
  part: { type: 'string', describe: 'target FPGA part, e.g. xcu250-figd2104-2L-e' },
  strategy: { type: 'string', describe: 'Latency, Resource or resource_unrolled (model level)' },
  'io-type': { type: 'string', describe: 'io_parallel or io_stream' },
  precision: { type: 'string', describe: 'model default precision, e.g. ap_fixed<16,6> (QKeras and per-layer config precisions keep theirs)' },
  'reuse-factor': { type: 'number', describe: 'reuse factor for every layer (hls4ml then adjusts invalid ones per layer)' },
  'clock-period': { type: 'number', describe: 'clock period in ns' },
  'hls4ml-version': { type: 'string', describe: 'hls4ml version to predict for (default: the bundle\'s reference)' },
  'hls-tool': { choices: ['vivado_hls', 'vitis_hls'], describe: 'HLS tool to predict for (default: the bundle\'s reference)' },
  'hls-tool-version': { type: 'string', describe: 'HLS tool version, e.g. 2023.2' },
  sparsity: { type: 'string', describe: 'planned share of zero weights (pruning) where weights are unknown: 0.5, or per layer fc1=0.5,fc2=0.8' },
} as const;

/** The values of the design options, checked before any file is read (`runCli`'s first pass). */
export const designChecks: readonly Check[] = [
  parses('board', resolveDevice),
  parses('part', resolveDevice),
  parses('strategy', (s) => readStrategy(s, '--strategy')),
  parses('io-type', (s) => readIoType(s, '--io-type')),
  parses('precision', parsePrecision),
  integerIn('reuse-factor', 1, 1_000_000),
  numberIn('clock-period', 0, 1000),
  nonEmpty('hls4ml-version'),
  nonEmpty('hls-tool-version'),
  nonEmpty('config'),
  parses('sparsity', parseSparsity),
];

/** `0.5` or `fc1=0.5,fc2=0.8`: a share of zero kernel weights, for the model or per layer. */
export function parseSparsity(text: string): number | Record<string, number> {
  const share = (value: string, what: string) => {
    const v = Number(value);
    if (!(value.trim() !== '' && v >= 0 && v <= 1)) throw new HlsestError('HLSEST_BAD_CONFIG', `${what} must be a share from 0 to 1, got "${value}"`);
    return v;
  };
  if (!text.includes('=')) return share(text, 'sparsity');
  return Object.fromEntries(
    text.split(',').map((part) => {
      const [name, value] = part.split('=').map((s) => s.trim());
      if (!name || value === undefined) throw new HlsestError('HLSEST_BAD_CONFIG', `sparsity entries are layer=share, got "${part}"`);
      return [name, share(value, `sparsity of ${name}`)];
    }),
  );
}

/** The bundle a command predicts with: `--model` (or `--bundle`), or the shipped default. */
export const bundleOptionSpec = {
  model: { type: 'string', alias: 'bundle', describe: 'bundle folder made by hlsest train (default: the shipped bundle)' },
} as const;

/** A Keras model from a file, or from stdin when the path is `-` (which yargs hands over as ''). */
export async function loadNetwork(path: string): Promise<Network> {
  if (path === '-' || path === '') return parseKerasModel(await readStdin(), '<stdin>');
  return readKerasModelFile(path);
}

export async function loadConfig(path: string | undefined): Promise<Hls4mlConfig | undefined> {
  if (!path) return undefined;
  if (path === '-') return parseHls4mlConfigText(await readStdin(), '<stdin>');
  return readHls4mlConfigFile(path);
}

let stdinTaken = false;

async function readStdin(): Promise<string> {
  if (stdinTaken) throw new HlsestError('HLSEST_BAD_INPUT', 'only one input can come from stdin (-)');
  if (process.stdin.isTTY) throw new HlsestError('HLSEST_BAD_INPUT', 'reading from stdin (-), but stdin is a terminal: pipe the file in, or name it');
  stdinTaken = true;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Command-line options to config overrides (values already checked by `designChecks`; core checks them again). */
export function overridesFrom(options: DesignOptions): ConfigOverrides {
  return {
    ...(options.strategy && { strategy: readStrategy(options.strategy, '--strategy') }),
    ...(options.ioType && { ioType: readIoType(options.ioType, '--io-type')! }),
    ...(options.precision && { precision: parsePrecision(options.precision) }),
    ...(options.reuseFactor !== undefined && { reuseFactor: options.reuseFactor }),
    ...(options.clockPeriod !== undefined && { clockPeriodNs: options.clockPeriod }),
    ...(options.part && { part: options.part }),
    ...(options.board && { board: options.board }),
  };
}

/** A design the user pointed at, configured; `notes` says what was read from where and what the flags replaced. */
export interface LoadedDesign {
  readonly network: Network;
  readonly file?: Hls4mlConfig;
  readonly configured: ConfiguredNetwork & { toolchain?: Toolchain };
  readonly notes: readonly string[];
}

/**
 * A model file, an hls4ml project folder, or an hls4ml config naming its model (`-c`), with the
 * flags over it: what `hls4ml convert` would build, `firmware/parameters.h` over the config
 * where a project has one.
 */
export async function loadDesign(modelPath: string | undefined, options: DesignOptions): Promise<LoadedDesign> {
  const source = await loadSource(modelPath, options.config);
  return configureSource(source, options);
}

export async function loadSource(modelPath: string | undefined, configPath: string | undefined): Promise<DesignSource> {
  if (modelPath === '-' || modelPath === '') {
    return { network: await loadNetwork('-'), ...(configPath && { file: await loadConfig(configPath) }), notes: [] };
  }
  return readDesignSource(modelPath, configPath, readStdin);
}

export function configureSource(source: DesignSource, options: DesignOptions): LoadedDesign {
  const overrides = overridesFrom(options);
  // Planned pruning applies where the weights are unknown; a layer whose .h5/ONNX weights were read keeps them.
  const layers = options.sparsity ? withSparsity(source.network.layers, parseSparsity(options.sparsity)) : source.network.layers;
  const configured = configureNetwork(layers, source.file, overrides);
  const applied = source.generated ? applyGeneratedConfig(configured.layers, source.generated) : undefined;
  const { toolchain, note } = chosenToolchain(source, options, configured.config.backend);
  const notes = [...source.notes, ...(source.network.notes ?? []), ...configured.warnings, ...overrideNotes(source.file, options), ...(applied?.notes ?? []), ...(note ? [note] : [])];
  return {
    network: source.network,
    ...(source.file && { file: source.file }),
    configured: { ...configured, ...(applied && { layers: applied.layers }), ...(toolchain && { toolchain }) },
    notes,
  };
}

/**
 * The toolchain to estimate for, and why when the user did not name one: the flags, else a
 * synthesized project's own report (it was built with that tool), else a Vivado backend (which
 * runs Vivado HLS); otherwise none, and the bundle's reference applies.
 */
function chosenToolchain(source: DesignSource, options: DesignOptions, backend: Backend | undefined): { toolchain?: Toolchain; note?: string } {
  const choose = '(--hls-tool, --hls-tool-version to choose)';
  if (!options.hlsTool && !options.hlsToolVersion && source.toolchain) {
    const { hlsTool, hlsToolVersion } = source.toolchain;
    const toolchain = { ...source.toolchain, ...(options.hls4mlVersion && { hls4mlVersion: options.hls4mlVersion }) };
    return { toolchain, note: `estimated for ${hlsTool === 'vivado_hls' ? 'Vivado HLS' : 'Vitis HLS'}${hlsToolVersion ? ` ${hlsToolVersion}` : ''}, which the project's own report names ${choose}` };
  }
  const toolchain = toolchainFrom(options, backend);
  if (!options.hlsTool && toolchain?.hlsTool === 'vivado_hls') return { toolchain, note: `Backend ${backend}: estimated for Vivado HLS, which that backend runs ${choose}` };
  return toolchain ? { toolchain } : {};
}

/** Each flag that replaces a value the config sets, said once. */
function overrideNotes(file: Hls4mlConfig | undefined, options: DesignOptions): string[] {
  if (!file) return [];
  const notes: string[] = [];
  const replaced = (flag: string, value: unknown, was: unknown) => {
    if (value !== undefined && was !== undefined && String(value) !== String(was)) notes.push(`${flag} ${String(value)} replaces the config's ${String(was)}`);
  };
  const part = options.part ?? (options.board && resolveDevice(options.board).defaultPart);
  replaced(options.part ? '--part' : `--board ${options.board} (part`, options.part ? part : part && `${part})`, file.part);
  replaced('--clock-period', options.clockPeriod, file.clockPeriodNs);
  replaced('--io-type', options.ioType, file.ioType);
  replaced('--reuse-factor', options.reuseFactor, file.model.reuseFactor);
  replaced('--strategy', options.strategy?.toLowerCase(), file.model.strategy?.toLowerCase());
  const modelDefault = file.model.precision?.['default'];
  replaced('--precision', options.precision, modelDefault && (modelDefault === AUTO ? AUTO : formatPrecision(modelDefault)));
  return notes;
}

/** A toolchain when the user named one or the config's Backend implies the tool (`backendHlsTool`); otherwise the bundle's reference applies. */
function toolchainFrom(options: DesignOptions, backend?: Backend): Toolchain | undefined {
  const implied = backendHlsTool(backend);
  const named = options.hlsTool === 'vivado_hls' || options.hlsTool === 'vitis_hls' ? options.hlsTool : undefined;
  if (!options.hls4mlVersion && !named && !options.hlsToolVersion && !implied) return undefined;
  const hlsTool = named ?? implied;
  return {
    ...(options.hls4mlVersion && { hls4mlVersion: options.hls4mlVersion }),
    ...(hlsTool && { hlsTool }),
    ...(options.hlsToolVersion && { hlsToolVersion: options.hlsToolVersion }),
  };
}
