import { BoundedCache } from './bounded-cache.js';
import { HlsestError } from './errors.js';

export type RoundingMode = 'TRN' | 'TRN_ZERO' | 'RND' | 'RND_ZERO' | 'RND_INF' | 'RND_MIN_INF' | 'RND_CONV';
export type SaturationMode = 'WRAP' | 'SAT' | 'SAT_ZERO' | 'SAT_SYM';

/** An arbitrary-precision fixed-point type as hls4ml writes it (`ap_fixed<16,6>` ≡ `fixed<16,6>`). */
export interface FixedPrecision {
  readonly kind: 'fixed';
  readonly signed: boolean;
  /** Total bits, sign included. */
  readonly width: number;
  /** Integer bits, sign included; may be negative or exceed the width. */
  readonly integer: number;
  readonly rounding: RoundingMode;
  readonly saturation: SaturationMode;
  readonly saturationBits: number;
}

export interface IntegerPrecision {
  readonly kind: 'int';
  readonly signed: boolean;
  readonly width: number;
}

/** hls4ml's Xnor type for binary (±1) weights or data: one bit, multiplier-free. */
export interface XnorPrecision {
  readonly kind: 'xnor';
  readonly width: 1;
}

/** Power-of-two weights (QKeras `quantized_po2`): products are shifts, no multiplier. */
export interface ExponentPrecision {
  readonly kind: 'exponent';
  readonly width: number;
}

export type Precision = FixedPrecision | IntegerPrecision | XnorPrecision | ExponentPrecision;

const ROUNDING: readonly RoundingMode[] = ['TRN', 'TRN_ZERO', 'RND', 'RND_ZERO', 'RND_INF', 'RND_MIN_INF', 'RND_CONV'];
const SATURATION: readonly SaturationMode[] = ['WRAP', 'SAT', 'SAT_ZERO', 'SAT_SYM'];

// `ap_`/`ac_` dialects and hls4ml's short form share one grammar: prefix, family, optional `u`.
const TYPE_PATTERN = /^(?:(ap|ac)_)?(u?)(fixed|int)\s*<([^<>]*)>$/i;
const XNOR_PATTERN = /^(?:ap_|ac_)?(?:xnor|binary)(?:\s*<\s*1\s*>)?$/i;
const EXPONENT_PATTERN = /^exponent\s*<\s*(\d+)\s*>$/i;

// Datasets spell the same few types hundreds of thousands of times; parsed values are frozen, so
// one object per spelling can be shared.
const parsedBySpelling = new BoundedCache<string, Precision>(4096);

/** Parses a fixed-point or integer type string; throws `HLSEST_BAD_PRECISION` naming the string. */
export function parsePrecision(text: string): Precision {
  return parsedBySpelling.get(text, (spelling) => Object.freeze(parseSpelling(spelling)));
}

function parseSpelling(text: string): Precision {
  const source = text.trim();
  if (XNOR_PATTERN.test(source)) return { kind: 'xnor', width: 1 };
  const exponent = EXPONENT_PATTERN.exec(source);
  if (exponent) return { kind: 'exponent', width: parseWidth(exponent[1]!, text) };
  const match = TYPE_PATTERN.exec(source);
  if (!match) throw badPrecision(text, 'expected ap_fixed<W,I>, ap_ufixed<W,I>, ap_int<W>, ap_uint<W> or fixed<W,I>');
  const [, , unsignedMark, family, argText] = match;
  const signed = unsignedMark === '';
  const args = argText!.split(',').map((arg) => arg.trim());
  if (args.some((arg) => arg === '')) throw badPrecision(text, 'empty template argument');

  if (family!.toLowerCase() === 'int') {
    if (args.length !== 1) throw badPrecision(text, 'an integer type takes exactly one argument, its width');
    return { kind: 'int', signed, width: parseWidth(args[0]!, text) };
  }
  if (args.length < 2 || args.length > 5) throw badPrecision(text, 'a fixed type takes 2 to 5 arguments <W,I[,Q,O,N]>');
  const width = parseWidth(args[0]!, text);
  const integer = parseInteger(args[1]!, text, 'integer bits');
  const rounding = parseMode(args[2], ROUNDING, 'TRN', text);
  const saturation = parseMode(args[3], SATURATION, 'WRAP', text);
  const saturationBits = args[4] === undefined ? 0 : parseInteger(args[4], text, 'saturation bits');
  return { kind: 'fixed', signed, width, integer, rounding, saturation, saturationBits };
}

/** hls4ml's `auto`: a type its precision inference fills in (v1.0+). */
export const AUTO = 'auto';

/** Like `parsePrecision`, but hls4ml's `auto` is kept as `AUTO`, to be inferred as hls4ml would. */
export function parsePrecisionOrAuto(text: string): Precision | typeof AUTO {
  return text.trim().toLowerCase() === AUTO ? AUTO : parsePrecision(text);
}

/** Canonical hls4ml spelling, so equal precisions print equal. */
export function formatPrecision(precision: Precision): string {
  switch (precision.kind) {
    case 'xnor':
      return 'xnor';
    case 'exponent':
      return `exponent<${precision.width}>`;
    case 'int':
      return `${precision.signed ? '' : 'u'}int<${precision.width}>`;
    case 'fixed': {
      const base = `${precision.signed ? '' : 'u'}fixed<${precision.width},${precision.integer}`;
      const defaults = precision.rounding === 'TRN' && precision.saturation === 'WRAP' && precision.saturationBits === 0;
      if (defaults) return `${base}>`;
      const tail = precision.saturationBits === 0 ? '' : `,${precision.saturationBits}`;
      return `${base},${precision.rounding},${precision.saturation}${tail}>`;
    }
  }
}

/** Integer bits including the sign bit; an integer type is all integer. */
export function integerBits(precision: Precision): number {
  switch (precision.kind) {
    case 'xnor':
      return 1;
    case 'exponent':
    case 'int':
      return precision.width;
    case 'fixed':
      return precision.integer;
  }
}

export function fractionalBits(precision: Precision): number {
  return precision.width - integerBits(precision);
}

/** Whether assigning into this type rounds (not TRN) or saturates (not WRAP): extra logic per assignment. */
export function roundsOrSaturates(precision: Precision): boolean {
  return precision.kind === 'fixed' && (precision.rounding !== 'TRN' || precision.saturation !== 'WRAP');
}

export function isSigned(precision: Precision): boolean {
  return precision.kind === 'xnor' || precision.kind === 'exponent' ? true : precision.signed;
}

export const fixed = (
  width: number,
  integer: number,
  signed = true,
  rounding: RoundingMode = 'TRN',
  saturation: SaturationMode = 'WRAP',
): FixedPrecision => ({ kind: 'fixed', signed, width, integer, rounding, saturation, saturationBits: 0 });

/** hls4ml's default model precision. */
export const DEFAULT_PRECISION: FixedPrecision = fixed(16, 6);

function parseWidth(arg: string, text: string): number {
  const width = parseInteger(arg, text, 'width');
  if (width < 1 || width > 4096) throw badPrecision(text, `width ${width} is outside 1..4096`);
  return width;
}

function parseInteger(arg: string, text: string, what: string): number {
  if (!/^[+-]?\d+$/.test(arg)) throw badPrecision(text, `${what} "${arg}" is not an integer`);
  return Number(arg);
}

function parseMode<M extends string>(arg: string | undefined, modes: readonly M[], fallback: M, text: string): M {
  if (arg === undefined) return fallback;
  const name = arg.toUpperCase().replace(/^(AP|AC)_/, '');
  const mode = modes.find((candidate) => candidate === name);
  if (!mode) throw badPrecision(text, `unknown mode "${arg}" (one of ${modes.join(', ')})`);
  return mode;
}

function badPrecision(text: string, reason: string): HlsestError {
  return new HlsestError('HLSEST_BAD_PRECISION', `Cannot parse precision "${text}": ${reason}`, { precision: text });
}
