import { canonicalArchitecture } from './design-key.js';
import { seededRandom, shuffled } from './rng.js';
import { HlsestError, type DesignRecord } from '@hlsest/core';

/** Row indices of one train/test split. */
export interface Split {
  readonly name: string;
  readonly train: number[];
  readonly test: number[];
}

/**
 * Splits by design, never by row: every configuration (reuse factor, precision, strategy, board)
 * of one architecture lands on the same side, or the score would reward memorised networks.
 */
export function groupsOf(records: readonly DesignRecord[]): string[] {
  return records.map((r) => canonicalArchitecture(r.network.layers));
}

export function holdoutSplit(groups: readonly string[], testFraction: number, seed: number): Split {
  const unique = shuffled([...new Set(groups)].sort(), seededRandom(seed));
  const testCount = Math.max(1, Math.round(unique.length * testFraction));
  const testGroups = new Set(unique.slice(0, testCount));
  return partition('holdout', groups, (g) => testGroups.has(g));
}

export function kFoldSplits(groups: readonly string[], k: number, seed: number): Split[] {
  const unique = shuffled([...new Set(groups)].sort(), seededRandom(seed));
  if (unique.length < k) throw new HlsestError('HLSEST_BAD_DATASET', `k-fold: ${unique.length} distinct designs cannot fill ${k} folds; use fewer --folds or more data`);
  const foldOf = new Map(unique.map((g, i) => [g, i % k]));
  return Array.from({ length: k }, (_, fold) => partition(`fold ${fold + 1}/${k}`, groups, (g) => foldOf.get(g) === fold));
}

/** One split per value (family, source, subset): train on all others, test on it (generalisation to unseen kinds of designs). */
export function leaveOneOutSplits(keys: readonly string[]): Split[] {
  return [...new Set(keys)].sort().map((held) => partition(`leave out ${held}`, keys, (s) => s === held));
}

function partition(name: string, keys: readonly string[], isTest: (key: string) => boolean): Split {
  const train: number[] = [];
  const test: number[] = [];
  keys.forEach((key, i) => (isTest(key) ? test : train).push(i));
  return { name, train, test };
}
