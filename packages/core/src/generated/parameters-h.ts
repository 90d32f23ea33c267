import { HlsestError } from '../errors.js';
import { formatPrecision, parsePrecision, type Precision } from '../precision.js';
import { kernelCount } from '../weights.js';
import type { Layer, Strategy } from '../schema.js';

/**
 * What hls4ml wrote into a project's `firmware/parameters.h` (and `defines.h`) for one layer:
 * the values it really generated, after its optimizer passes and reuse-factor validation.
 * hls4ml's `VivadoWriter.write_parameters` puts `// <layer name>` before each layer's config
 * structs (a `_mult` sub-struct first for convolutions); the struct fields come from the
 * backend templates (`dense_config`, `conv2d_config`, `activ_config`, …).
 */
export interface GeneratedLayer {
  readonly name: string;
  readonly reuseFactor?: number;
  readonly strategy?: Strategy;
  readonly weight?: Precision;
  readonly bias?: Precision;
  readonly accum?: Precision;
  readonly table?: Precision;
  /** Kernel weights hls4ml found to be zero (`n_zeros`): pruning it will skip. */
  readonly zeros?: number;
}

export interface GeneratedConfig {
  readonly layers: readonly GeneratedLayer[];
  /** Layer configs found without a `// name` comment (hls4ml before 0.5 wrote none): not applied. */
  readonly unnamed: number;
}

const STRATEGY: Readonly<Record<string, Strategy>> = {
  latency: 'latency',
  resource: 'resource',
  resource_unrolled: 'resource_unrolled',
  distributed_arithmetic: 'distributed_arithmetic',
};

/** `typedef <type> <name>;` lines of defines.h (and parameters.h), resolved through each other. */
function typedefs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(/typedef\s+([^;]+?)\s+(\w+)\s*;/g)) out.set(match[2]!, match[1]!.trim());
  return out;
}

function resolveType(spelling: string, names: ReadonlyMap<string, string>, source: string): Precision | undefined {
  let type = spelling.trim();
  for (let depth = 0; depth < 8 && names.has(type); depth++) type = names.get(type)!;
  if (!/^ap_(u?fixed|u?int)\s*</.test(type)) return undefined;
  try {
    return parsePrecision(type);
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${source}: cannot read the type "${spelling}" (${(error as Error).message})`, { file: source });
  }
}

/** Reads `parameters.h` (with `defines.h` for the named types it uses); pure. */
export function parseParametersH(parameters: string, defines = '', source = 'parameters.h'): GeneratedConfig {
  const names = new Map([...typedefs(defines), ...typedefs(parameters)]);
  // The layer-config section: "// name" lines, each followed by that layer's structs.
  const start = parameters.indexOf('insert layer-config');
  const body = start >= 0 ? parameters.slice(start) : parameters;
  const layers: GeneratedLayer[] = [];
  let unnamed = 0;
  const blocks = body.split(/^\s*\/\/\s*(?=[A-Za-z_][\w.-]*\s*$)/m);
  for (const [i, block] of blocks.entries()) {
    const structs = [...block.matchAll(/struct\s+\w+\s*:\s*nnet::(\w+)\s*\{([\s\S]*?)\n\s*\};/g)];
    if (structs.length === 0) continue;
    const name = i === 0 ? undefined : /^([A-Za-z_][\w.-]*)\s*$/m.exec(block)?.[1];
    if (!name) {
      unnamed += structs.length;
      continue;
    }
    // The layer's own struct is the last one of its block (a `_mult` helper comes first).
    const fields = structs[structs.length - 1]![2]!;
    const value = (field: string) => new RegExp(`static\\s+const\\s+\\w+\\s+${field}\\s*=\\s*([^;]+);`).exec(fields)?.[1]?.trim();
    const type = (alias: string) => {
      const spelling = new RegExp(`typedef\\s+([^;]+?)\\s+${alias}\\s*;`).exec(fields)?.[1];
      return spelling === undefined ? undefined : resolveType(spelling, names, source);
    };
    const reuse = Number(value('reuse_factor'));
    const strategy = value('strategy')?.replace(/^nnet::/, '');
    const zeros = Number(value('n_zeros'));
    const layer: GeneratedLayer = {
      name,
      ...(Number.isInteger(reuse) && reuse >= 1 && { reuseFactor: reuse }),
      ...(strategy && STRATEGY[strategy] && { strategy: STRATEGY[strategy] }),
      ...(type('weight_t') && { weight: type('weight_t')! }),
      ...(type('bias_t') && { bias: type('bias_t')! }),
      ...(type('accum_t') && { accum: type('accum_t')! }),
      ...(type('table_t') && { table: type('table_t')! }),
      ...(Number.isInteger(zeros) && zeros > 0 && { zeros }),
    };
    layers.push(layer);
  }
  return { layers, unnamed };
}

/**
 * The configured layers with what hls4ml generated taking precedence over the config, and a
 * note for every value that differs (the config said one thing, hls4ml built another).
 */
export function applyGeneratedConfig(layers: readonly Layer[], generated: GeneratedConfig): { layers: Layer[]; notes: string[] } {
  const byName = new Map(generated.layers.map((g) => [g.name.toLowerCase(), g]));
  const notes: string[] = [];
  if (generated.unnamed > 0) notes.push(`parameters.h: ${generated.unnamed} layer config(s) carry no layer name (hls4ml before 0.5): the config file's values are used for them`);
  const out = layers.map((layer) => {
    const g = byName.get(layer.name.toLowerCase());
    if (!g) return layer;
    byName.delete(layer.name.toLowerCase());
    let next: Layer = layer;
    const differs = (what: string, was: unknown, now: unknown) => {
      if (was !== undefined && String(was) !== String(now)) notes.push(`parameters.h: ${layer.name} ${what} is ${String(now)} (the config gives ${String(was)})`);
    };
    if (g.reuseFactor !== undefined) {
      differs('reuse factor', layer.reuseFactor, g.reuseFactor);
      next = { ...next, reuseFactor: g.reuseFactor, reuseFactorKind: 'applied' };
    }
    if (g.strategy !== undefined) {
      differs('strategy', layer.strategy, g.strategy);
      next = { ...next, strategy: g.strategy };
    }
    const precision = { ...next.precision };
    for (const key of ['weight', 'bias', 'accum', 'table'] as const) {
      const type = g[key];
      if (!type) continue;
      differs(`${key} type`, precision[key] && formatPrecision(precision[key]), formatPrecision(type));
      precision[key] = type;
    }
    next = { ...next, precision };
    if (g.zeros !== undefined && !next.weights) {
      const count = kernelCount(layer);
      if (count > 0) next = { ...next, weights: { count, zeros: Math.min(count, g.zeros) } };
    }
    return next;
  });
  for (const g of byName.values()) notes.push(`parameters.h: ${g.name} matches no layer of the model (an hls4ml-made layer, or a renamed one): ignored`);
  return { layers: out, notes };
}

