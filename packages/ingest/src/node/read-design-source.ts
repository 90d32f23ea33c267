import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { HlsestError, parseHls4mlConfigText, parseParametersH, type GeneratedConfig, type Hls4mlConfig, type Network, type Toolchain } from '@hlsest/core';
import { parseCsynthRpt } from '../parse/csynth-rpt.js';
import { readKerasModelFile } from './read-model-file.js';

/**
 * What a user points hlsest at, read into a network and its hls4ml configuration: a model file,
 * the YAML given to `hls4ml convert -c` (model paths relative to it), or a project folder hls4ml
 * wrote (its config, its model, and `firmware/parameters.h` with what hls4ml generated).
 */
export interface DesignSource {
  readonly network: Network;
  readonly file?: Hls4mlConfig;
  /** From `firmware/parameters.h`: applied over the configured layers (`applyGeneratedConfig`). */
  readonly generated?: GeneratedConfig;
  /** The HLS tool and version a project folder's own C-synthesis report names. */
  readonly toolchain?: Toolchain;
  /** What was read from where, and what is missing (weights), in plain words. */
  readonly notes: readonly string[];
}

const MODEL_EXTENSIONS = ['.json', '.h5', '.hdf5', '.keras', '.onnx'];
const CONFIG_NAMES = ['hls4ml_config.yml', 'hls4ml_config.yaml', 'config.yml', 'config.yaml'];

/**
 * `model` (a file or a project folder) and/or `configPath` (an hls4ml config, or the CLI config
 * naming the model): reads whichever the user gave. A model given explicitly wins over the one a
 * config names, with a note. `readStdin` supplies the config when its path is `-`.
 */
export async function readDesignSource(model: string | undefined, configPath: string | undefined, readStdin: () => Promise<string>): Promise<DesignSource> {
  const notes: string[] = [];
  const file = configPath === undefined ? undefined : configPath === '-' ? parseHls4mlConfigText(await readStdin(), '<stdin>') : await readConfig(configPath);
  if (model !== undefined && (await isFolder(model))) {
    if (file) notes.push(`${configPath} is used instead of the project's own config`);
    return readProjectFolder(model, file, notes);
  }
  if (model !== undefined) {
    if (file?.files && configuredModel(file)) notes.push(`the model ${model} is used; the config's ${configuredModel(file)} is not read`);
    return { network: await readKerasModelFile(model), ...(file && { file }), notes };
  }
  if (!file || configPath === undefined) throw new HlsestError('HLSEST_BAD_INPUT', 'give a model (Keras JSON/.h5, .onnx or an hls4ml project folder), or an hls4ml config that names one (KerasJson, KerasH5, OnnxModel)');
  return { network: await modelFromConfig(file, configPath === '-' ? process.cwd() : dirname(resolve(configPath)), configPath, notes), file, notes };
}

function configuredModel(file: Hls4mlConfig): string | undefined {
  const f = file.files;
  return f?.kerasJson ?? f?.kerasH5 ?? f?.kerasModel ?? f?.onnxModel ?? f?.pytorchModel;
}

/** The model an `hls4ml convert -c` config names, paths relative to the config's folder as hls4ml reads them. */
async function modelFromConfig(file: Hls4mlConfig, base: string, configPath: string, notes: string[]): Promise<Network> {
  const f = file.files ?? {};
  const at = (p: string) => resolve(base, p);
  const exists = (p: string | undefined) => (p === undefined ? Promise.resolve(false) : stat(at(p)).then((s) => s.isFile(), () => false));
  if (f.kerasJson) {
    if (!(await exists(f.kerasJson))) throw new HlsestError('HLSEST_BAD_INPUT', `${configPath}: KerasJson ${f.kerasJson} not found (looked at ${at(f.kerasJson)})`, { file: configPath });
    if (f.kerasH5 && (await exists(f.kerasH5))) {
      notes.push(`read the architecture and weights from ${f.kerasH5}`);
      return readKerasModelFile(at(f.kerasH5));
    }
    notes.push(f.kerasH5 ? `KerasH5 ${f.kerasH5} is not there: weights unknown (no pruning or power-of-two weights taken into account)` : 'no KerasH5: weights unknown (no pruning taken into account)');
    return readKerasModelFile(at(f.kerasJson));
  }
  for (const [key, path] of [['KerasH5', f.kerasH5], ['KerasModel', f.kerasModel], ['OnnxModel', f.onnxModel]] as const) {
    if (path === undefined) continue;
    if (!(await exists(path))) throw new HlsestError('HLSEST_BAD_INPUT', `${configPath}: ${key} ${path} not found (looked at ${at(path)})`, { file: configPath });
    return readKerasModelFile(at(path));
  }
  if (f.pytorchModel) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${configPath}: PytorchModel is not read directly; export it with torch.onnx.export (and qonnx for Brevitas) and give the .onnx`, { file: configPath });
  }
  throw new HlsestError('HLSEST_BAD_INPUT', `${configPath}: the config names no model (KerasJson, KerasH5, OnnxModel); give the model too`, { file: configPath });
}

/** A folder hls4ml wrote: its config, its model, and what it generated. */
async function readProjectFolder(dir: string, given: Hls4mlConfig | undefined, notes: string[]): Promise<DesignSource> {
  const entries = await readdir(dir);
  const configName = CONFIG_NAMES.find((n) => entries.includes(n));
  const file = given ?? (configName ? await readConfig(join(dir, configName)) : undefined);
  if (!file) notes.push(`${dir}: no hls4ml_config.yml; the flags and hls4ml's defaults apply`);
  const network = await projectModel(dir, entries, file, notes);
  const generated = await generatedConfig(dir, notes);
  const toolchain = await reportedToolchain(dir, entries, file?.files?.projectName ?? 'myproject');
  return { network, ...(file && { file }), ...(generated && { generated }), ...(toolchain && { toolchain }), notes };
}

/**
 * The tool and version in the project's top-level C-synthesis report
 * (`<name>_prj/solution1/syn/report/<name>_csynth.rpt`, any solution), when the folder has been synthesized.
 */
async function reportedToolchain(dir: string, entries: readonly string[], projectName: string): Promise<Toolchain | undefined> {
  for (const prj of entries.filter((e) => e.endsWith('_prj'))) {
    const solutions = await readdir(join(dir, prj)).catch(() => [] as string[]);
    for (const solution of solutions.filter((s) => s.startsWith('solution'))) {
      const path = join(dir, prj, solution, 'syn', 'report', `${projectName}_csynth.rpt`);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      try {
        const report = parseCsynthRpt(text, path);
        if (report.tool) return { hlsTool: report.tool, ...(report.toolVersion && { hlsToolVersion: report.toolVersion }) };
      } catch {
        // A report that does not parse says nothing about the tool: the defaults apply.
      }
    }
  }
  return undefined;
}

async function projectModel(dir: string, entries: readonly string[], file: Hls4mlConfig | undefined, notes: string[]): Promise<Network> {
  // hls4ml copies the model next to its config as keras_model.{json,h5} (or what KerasJson names).
  const fromConfig = file && configuredModel(file);
  if (fromConfig) {
    for (const candidate of [resolve(dir, fromConfig), join(dir, basename(fromConfig))]) {
      if (await stat(candidate).then((s) => s.isFile(), () => false)) {
        notes.push(`model: ${candidate}`);
        return readKerasModelFile(candidate);
      }
    }
  }
  const ranked = entries
    .filter((e) => MODEL_EXTENSIONS.includes(extname(e).toLowerCase()) && !/^(hls4ml_config|config|package|tsconfig)\./.test(e))
    .sort((a, b) => rank(a) - rank(b));
  const chosen = ranked[0];
  if (!chosen) throw new HlsestError('HLSEST_BAD_INPUT', `${dir}: no model found in the project folder (a Keras .json/.h5 or an .onnx)`, { file: dir });
  notes.push(`model: ${join(dir, chosen)}`);
  return readKerasModelFile(join(dir, chosen));
}

/** Weights first (.h5 and .keras carry the architecture too), then hls4ml's own names. */
function rank(name: string): number {
  const lower = name.toLowerCase();
  if (lower.endsWith('.h5') || lower.endsWith('.hdf5') || lower.endsWith('.keras')) return 0;
  if (lower.endsWith('.onnx')) return 1;
  if (/keras_model|_model\.json$|^model\.json$/.test(lower)) return 2;
  return 3;
}

async function generatedConfig(dir: string, notes: string[]): Promise<GeneratedConfig | undefined> {
  for (const folder of [join(dir, 'firmware'), dir]) {
    const parameters = await readFile(join(folder, 'parameters.h'), 'utf8').catch(() => undefined);
    if (parameters === undefined) continue;
    const defines = await readFile(join(folder, 'defines.h'), 'utf8').catch(() => '');
    const generated = parseParametersH(parameters, defines, join(folder, 'parameters.h'));
    notes.push(`${join(folder, 'parameters.h')}: what hls4ml generated for ${generated.layers.length} layer(s) takes precedence over the config`);
    return generated;
  }
  return undefined;
}

/** An hls4ml config file (YAML or JSON), read or refused with its path and the reason. */
export async function readConfig(path: string): Promise<Hls4mlConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: cannot read the hls4ml config (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: path });
  }
  return parseHls4mlConfigText(text, path);
}

const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);
