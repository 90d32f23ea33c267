import { describe, expect, it } from 'vitest';
import { holdoutSplit, kFoldSplits, leaveOneOutSplits } from './splits.js';

const groups = Array.from({ length: 200 }, (_, i) => `arch-${i % 37}`);

describe('splits by design', () => {
  it('never puts one design on both sides of a holdout split, and repeats for a seed', () => {
    const split = holdoutSplit(groups, 0.2, 7);
    const trainGroups = new Set(split.train.map((i) => groups[i]));
    expect(split.test.every((i) => !trainGroups.has(groups[i]!))).toBe(true);
    expect(split.train.length + split.test.length).toBe(groups.length);
    expect(new Set(split.test.map((i) => groups[i])).size).toBe(Math.round(37 * 0.2));
    expect(holdoutSplit(groups, 0.2, 7)).toEqual(split);
    expect(holdoutSplit(groups, 0.2, 8)).not.toEqual(split);
  });

  it('k-fold covers every row once in a test fold, designs whole', () => {
    const folds = kFoldSplits(groups, 5, 1);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(tested).toEqual(groups.map((_, i) => i));
    for (const fold of folds) {
      const train = new Set(fold.train.map((i) => groups[i]));
      expect(fold.test.some((i) => train.has(groups[i]!))).toBe(false);
    }
    expect(() => kFoldSplits(['a', 'b'], 3, 1)).toThrow(/2 distinct designs cannot fill 3 folds/);
  });

  it('leaves each subset out once', () => {
    const splits = leaveOneOutSplits(['a', 'b', 'a', 'c']);
    expect(splits.map((s) => [s.name, s.test])).toEqual([
      ['leave out a', [0, 2]],
      ['leave out b', [1]],
      ['leave out c', [3]],
    ]);
  });
});
