import { HlsestError, isZip, parseHls4mlConfigText, parseKerasModel, parseOnnxModel, parseParametersH, readKerasArchive, type GeneratedConfig, type Hls4mlConfig, type Network } from '@hlsest/core';

/** A file the user dropped or chose, as the page read it. */
export interface PageFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What the dropped files add up to; each part optional, each error tied to its file. */
export interface PageInputs {
  readonly model?: { readonly name: string; readonly network: Network };
  readonly config?: { readonly name: string; readonly file: Hls4mlConfig };
  readonly generated?: { readonly name: string; readonly config: GeneratedConfig };
  readonly errors: readonly string[];
}

const text = (f: PageFile) => new TextDecoder().decode(f.bytes);
/** HDF5's signature: 0x89, then "HDF". */
const isHdf5 = (f: PageFile) => f.bytes.length >= 8 && f.bytes[0] === 0x89 && String.fromCharCode(f.bytes[1]!, f.bytes[2]!, f.bytes[3]!) === 'HDF';

/**
 * Sorts dropped files as `hlsest predict` reads a folder: models (Keras JSON, ONNX/QONNX), the
 * hls4ml config (the project's or the one given to `hls4ml convert`), and `parameters.h` with
 * `defines.h`. A config naming a model file (KerasJson, OnnxModel) takes it from the same drop.
 */
export function readPageFiles(files: readonly PageFile[]): PageInputs {
  const errors: string[] = [];
  let model: PageInputs['model'];
  let config: PageInputs['config'];
  let parameters: PageFile | undefined;
  let defines: PageFile | undefined;
  const models: PageFile[] = [];
  for (const f of files) {
    const lower = f.name.toLowerCase();
    if (lower.endsWith('parameters.h')) parameters = f;
    else if (lower.endsWith('defines.h')) defines = f;
    else if (lower.endsWith('.onnx') || isZip(f.bytes)) models.push(f);
    else if (lower.endsWith('.h5') || lower.endsWith('.hdf5') || lower.endsWith('.keras') || isHdf5(f)) {
      errors.push(`${f.name}: a Keras HDF5 file; the page reads model.to_json() text (the CLI reads .h5, weights included: hlsest predict ${f.name})`);
    } else if (lower.endsWith('.yml') || lower.endsWith('.yaml')) config = readConfig(f, errors) ?? config;
    else if (lower.endsWith('.json')) {
      // A JSON is a model when it looks like one, else a config (hls4ml accepts JSON configs).
      if (/"class_name"\s*:/.test(text(f)) || /"model_config"/.test(text(f))) models.push(f);
      else config = readConfig(f, errors) ?? config;
    } else errors.push(`${f.name}: not a model (.json, .onnx), an hls4ml config (.yml, .json) or parameters.h`);
  }
  const named = config?.file.files && (config.file.files.kerasJson ?? config.file.files.onnxModel ?? config.file.files.kerasModel);
  const wanted = named?.split('/').pop();
  const chosen = models.find((m) => m.name === wanted) ?? models[0];
  if (chosen) model = readModel(chosen, errors);
  if (models.length > 1) errors.push(`${models.length} models dropped; using ${chosen!.name}`);
  if (config && !model && named) errors.push(`${config.name} names ${named}: drop that file with it`);
  const generated = parameters ? readGenerated(parameters, defines, errors) : undefined;
  return { ...(model && { model }), ...(config && { config }), ...(generated && { generated }), errors };
}

function readModel(f: PageFile, errors: string[]): PageInputs['model'] {
  try {
    // A .keras archive gives its architecture; its weights (pruning) need the CLI's HDF5 reader.
    const network = f.name.toLowerCase().endsWith('.onnx')
      ? parseOnnxModel(f.bytes, f.name)
      : isZip(f.bytes)
        ? { ...parseKerasModel(readKerasArchive(f.bytes, f.name).config, f.name), notes: [`${f.name}: the page reads the archive's architecture, not its weights (pruning): hlsest predict ${f.name} reads both`] }
        : parseKerasModel(text(f), f.name);
    return { name: f.name, network };
  } catch (error) {
    errors.push(messageOf(error));
    return undefined;
  }
}

function readConfig(f: PageFile, errors: string[]): PageInputs['config'] {
  try {
    return { name: f.name, file: parseHls4mlConfigText(text(f), f.name) };
  } catch (error) {
    errors.push(messageOf(error));
    return undefined;
  }
}

function readGenerated(parameters: PageFile, defines: PageFile | undefined, errors: string[]): PageInputs['generated'] {
  try {
    return { name: parameters.name, config: parseParametersH(text(parameters), defines ? text(defines) : '', parameters.name) };
  } catch (error) {
    errors.push(messageOf(error));
    return undefined;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof HlsestError || error instanceof Error ? error.message : String(error);
}
