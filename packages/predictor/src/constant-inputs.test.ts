import { describe, expect, it } from 'vitest';
import { foldConstantInputs, splitConstantColumns } from './constant-inputs.js';
import { forwardBatchPlain, type MemberWeights } from './forward.js';

// A small deterministic generator, so a failure reproduces.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

function member(inputs: number, hidden: number[], outputs: number, next: () => number): MemberWeights {
  const layer = (n: number, m: number) => ({ kernel: Float32Array.from({ length: n * m }, next), bias: Float32Array.from({ length: m }, next), inputs: n, outputs: m });
  const widths = [inputs, ...hidden, outputs];
  return { layers: widths.slice(1).map((m, i) => layer(widths[i]!, m)), wide: layer(inputs, outputs) };
}

describe('splitting a batch into varying and constant columns', () => {
  it('finds the columns every row shares', () => {
    // Columns 0 and 2 vary, 1, 3, 4, 5 do not.
    const rows = 8;
    const x = new Float32Array(rows * 6);
    for (let r = 0; r < rows; r++) x.set([r, 7, -r, 0, 1.5, 2], r * 6);
    const split = splitConstantColumns(x, rows, 6)!;
    expect([...split.varying]).toEqual([0, 2]);
    expect([...split.constant]).toEqual([1, 3, 4, 5]);
  });

  it('declines small batches and batches with few shared columns', () => {
    const x = Float32Array.from({ length: 8 * 4 }, (_, i) => i);
    expect(splitConstantColumns(x.subarray(0, 4 * 4), 4, 4)).toBeUndefined();
    expect(splitConstantColumns(x, 8, 4)).toBeUndefined();
  });

  it('keeps one input column when every row is the same', () => {
    const split = splitConstantColumns(new Float32Array(8 * 3).fill(1), 8, 3)!;
    expect([...split.varying]).toEqual([0]);
    expect([...split.constant]).toEqual([1, 2]);
  });
});

describe('folding constant inputs into the first layers', () => {
  it('gives the full forward pass, to float rounding', () => {
    const next = random(7);
    const weights = member(23, [16, 8], 5, next);
    const rows = 13;
    const shared = Float32Array.from({ length: 23 }, () => 3 * next());
    const varying = [2, 5, 11, 19];
    const x = new Float32Array(rows * 23);
    for (let r = 0; r < rows; r++) {
      x.set(shared, r * 23);
      for (const j of varying) x[r * 23 + j] = 3 * next();
    }
    const split = splitConstantColumns(x, rows, 23)!;
    expect([...split.varying]).toEqual(varying);
    const values = Float32Array.from(split.constant, (j) => shared[j]!);
    const narrow = Float32Array.from({ length: rows * varying.length }, (_, i) => x[Math.floor(i / varying.length) * 23 + varying[i % varying.length]!]!);
    const folded = forwardBatchPlain(foldConstantInputs(weights, split, values), narrow, rows);
    const full = forwardBatchPlain(weights, x, rows);
    full.forEach((v, i) => expect(Math.abs(folded[i]! - v)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v))));
  });
});
