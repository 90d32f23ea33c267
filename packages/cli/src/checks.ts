import { resolve } from 'node:path';
import { isHlsestError } from '@hlsest/core';

/**
 * Value checks for yargs' `.check`: each names the flag and says what it needs. They run in the
 * validation pass (`runCli`), before any command reads or writes a file.
 */
export type Check = (args: Readonly<Record<string, unknown>>) => string | undefined;

/** Runs checks in order and returns the first failure (yargs shows one message, as a usage error). */
export function checks(...list: readonly Check[]): (args: Readonly<Record<string, unknown>>) => true | string {
  return (args) => {
    for (const check of list) {
      const problem = check(args);
      if (problem) return problem;
    }
    return true;
  };
}

const given = (args: Readonly<Record<string, unknown>>, flag: string) => args[flag] !== undefined;

export function integerIn(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): Check {
  return (args) => {
    if (!given(args, flag)) return undefined;
    const v = args[flag] as number;
    return Number.isInteger(v) && v >= min && v <= max ? undefined : `--${flag} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got ${String(args[flag])}`;
  };
}

/** A number in (min, max]: `exclusiveMin` keeps 0 out of budgets and clock periods. */
export function numberIn(flag: string, min: number, max: number, exclusiveMin = true): Check {
  return (args) => {
    if (!given(args, flag)) return undefined;
    const v = args[flag] as number;
    const ok = Number.isFinite(v) && (exclusiveMin ? v > min : v >= min) && v <= max;
    return ok ? undefined : `--${flag} must be a number ${exclusiveMin ? 'above' : 'from'} ${min} up to ${max}, got ${String(args[flag])}`;
  };
}

/** A string flag that, when present, is not empty (`--board` with nothing after it). */
export function nonEmpty(flag: string): Check {
  return (args) => (given(args, flag) && String(args[flag]).trim() === '' ? `--${flag} needs a value` : undefined);
}

/** Runs a core parser on the flag's value, turning its HlsestError into the check's message. */
export function parses(flag: string, parse: (value: string) => unknown): Check {
  return (args) => {
    if (!given(args, flag)) return undefined;
    const value = String(args[flag]);
    if (value.trim() === '') return `--${flag} needs a value`;
    try {
      parse(value);
      return undefined;
    } catch (error) {
      if (isHlsestError(error)) return `--${flag}: ${error.message}`;
      throw error;
    }
  };
}

/** An output path must not be one of the inputs: writing there would destroy what is read. */
export function notSamePath(output: string, ...inputs: readonly string[]): Check {
  return (args) => {
    if (!given(args, output)) return undefined;
    const out = resolve(String(args[output]));
    const clash = inputs.find((flag) => given(args, flag) && resolve(String(args[flag])) === out);
    return clash ? `--${output} is the same path as ${clash.startsWith('<') ? clash : `--${clash}`}: choose another folder` : undefined;
  };
}

/** The output formats every command offers (a subset each), `--json` kept as the old spelling. */
export function formatOptions<const F extends readonly string[]>(formats: F) {
  return {
    format: { choices: formats, default: formats[0] as F[number], describe: `output format: ${formats.join(', ')}` },
    json: { type: 'boolean', default: false, describe: 'same as --format json' },
  } as const;
}

export function formatOf<F extends string>(args: { readonly format: F; readonly json?: boolean }): F | 'json' {
  return args.json ? 'json' : args.format;
}
