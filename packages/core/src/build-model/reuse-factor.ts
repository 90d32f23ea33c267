import { BoundedCache } from '../bounded-cache.js';
import type { Strategy } from '../schema.js';

/**
 * hls4ml's reuse-factor rules (`backends/fpga/fpga_backend.py`, identical in v0.8.1–v1.1.0).
 *
 * `_validate_reuse_factor` accepts RF for a multiplication of size n_in × n_out when RF divides
 * n_in·n_out and either divides n_in or is a multiple of n_in whose quotient divides n_out. As a
 * closed form: valid = divisors(n_in) ∪ { n_in·m : m divides n_out }, max = n_in·n_out. The
 * brute-force form is kept beside it so tests can check one against the other.
 */
export function validReuseFactors(nIn: number, nOut: number, includeMax = true): number[] {
  assertSize(nIn, nOut);
  const valid = new Set<number>(divisors(nIn));
  for (const m of divisors(nOut)) valid.add(nIn * m);
  const sorted = [...valid].sort((a, b) => a - b);
  return includeMax || sorted.length === 1 ? sorted : sorted.slice(0, -1);
}

/** hls4ml's own check, transcribed as a predicate: O(1) per candidate, used by tests to enumerate. */
export function isValidReuseFactorBruteForce(nIn: number, nOut: number, rf: number): boolean {
  const multFactor = Math.min(nIn, rf);
  const multLimit = Math.ceil((nIn * nOut) / multFactor);
  const a = multLimit % nOut === 0 || rf >= nIn;
  const b = rf % nIn === 0 || rf < nIn;
  const c = (nIn * nOut) % rf === 0;
  return a && b && c;
}

/** Bisects the sorted valid list: below → first, above → last, a tie goes to the smaller value. */
export function closestReuseFactor(valid: readonly number[], requested: number): number {
  if (valid.length === 0) throw new Error('closestReuseFactor: empty list of valid reuse factors');
  let lo = 0;
  let hi = valid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (valid[mid]! < requested) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return valid[0]!;
  if (lo === valid.length) return valid[valid.length - 1]!;
  const before = valid[lo - 1]!;
  const after = valid[lo]!;
  return after - requested < requested - before ? after : before;
}

export interface ReuseFactorResolution {
  readonly requested: number;
  readonly applied: number;
  /** Whether hls4ml checks the value at all for this strategy (Latency keeps it as given). */
  readonly validated: boolean;
  /** Present when the applied value differs from the requested one. */
  readonly note?: string;
}

/**
 * The reuse factor hls4ml applies to a weight layer. Only Resource-style strategies validate
 * (VB `init_dense`/`init_conv*`); `resource_unrolled` (v1.0+) drops the largest valid value.
 */
export function resolveReuseFactor(nIn: number, nOut: number, requested: number, strategy: Strategy): ReuseFactorResolution {
  if (!Number.isInteger(requested) || requested < 1) throw new Error(`reuse factor must be a positive integer, got ${requested}`);
  // A sweep asks for the same sizes and reuse factors in every configuration: answers are frozen
  // and shared, under a numeric key (no string to build per call) where the numbers fit one.
  if (nIn >= KEY_LIMIT || nOut >= KEY_LIMIT || requested >= KEY_LIMIT) return resolve(nIn, nOut, requested, strategy);
  const key = ((STRATEGY_CODES[strategy] * KEY_LIMIT + nIn) * KEY_LIMIT + nOut) * KEY_LIMIT + requested;
  return resolutions.get(key, () => Object.freeze(resolve(nIn, nOut, requested, strategy)));
}

const KEY_LIMIT = 2 ** 16;
const STRATEGY_CODES: Readonly<Record<Strategy, number>> = { latency: 0, resource: 1, resource_unrolled: 2, distributed_arithmetic: 3 };
const resolutions = new BoundedCache<number, ReuseFactorResolution>(65_536);

function resolve(nIn: number, nOut: number, requested: number, strategy: Strategy): ReuseFactorResolution {
  if (strategy !== 'resource' && strategy !== 'resource_unrolled') return { requested, applied: requested, validated: false };
  const valid = cachedValidReuseFactors(nIn, nOut, strategy !== 'resource_unrolled');
  if (valid.includes(requested)) return { requested, applied: requested, validated: true };
  const applied = closestReuseFactor(valid, requested);
  return {
    requested,
    applied,
    validated: true,
    note: `reuse factor ${requested} is not valid for a ${nIn}×${nOut} multiplication; hls4ml uses the closest valid value, ${applied}`,
  };
}

// A sweep resolves the same few layer sizes for every configuration.
const validCache = new BoundedCache<string, readonly number[]>(4096);

function cachedValidReuseFactors(nIn: number, nOut: number, includeMax: boolean): readonly number[] {
  return validCache.get(`${nIn}×${nOut}${includeMax ? '' : '−max'}`, () => validReuseFactors(nIn, nOut, includeMax));
}

export function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.push(n / d);
  }
  return [...small, ...large.reverse()];
}

function assertSize(nIn: number, nOut: number): void {
  if (!Number.isInteger(nIn) || !Number.isInteger(nOut) || nIn < 1 || nOut < 1) {
    throw new Error(`multiplication size must be positive integers, got ${nIn}×${nOut}`);
  }
}
