import type { DesignRecord } from './schema.js';
import { MULTIPLIER_TARGETS, type Target } from './targets.js';

/**
 * The family a record belongs to: one collection of real designs made the same way (a source,
 * split where one source holds unlike kinds of results). Generalisation is measured by leaving
 * whole families out, since a user's design is far more often unlike every training family
 * than like a held-out row of one.
 */
export function familyOf(record: Pick<DesignRecord, 'provenance'>): string {
  const { source, format, subset } = record.provenance;
  if (source === 'wa-hls4ml' && format === 'csv') return 'wa-hls4ml-flat';
  if (source === 'wa-hls4ml' || source === 'rule4ml') return 'wa-hls4ml-records';
  if (source === 'n-torc') return subset ?? 'n-torc';
  return source;
}

/** What a record's numbers hang on that ingest had to assume, and which of them make it label nothing. */
export type GuessedSetting = 'reuseFactor' | 'strategy' | 'inputStream';

/**
 * The settings a record's numbers hang on that ingest had to take from defaults: its reuse factor,
 * its strategy, or (for a layer cut from a larger design) its input stream. A record with any
 * labels no configuration; training, evaluation and the rule fits skip it.
 */
export function guessedSettings(record: Pick<DesignRecord, 'provenance'>): GuessedSetting[] {
  return (record.provenance.assumed ?? []).filter((s): s is GuessedSetting => s === 'reuseFactor' || s === 'strategy' || s === 'inputStream');
}

/** Ingest's warning on a design whose multipliers a setting outside the config moved onto LUTs (`assemble-project.ts`). */
const FORCED_LUT_MULTIPLIERS = /multipliers forced onto LUTs/;

/**
 * Whether where a record's multipliers landed follows its config: not where a setting outside it
 * (a project folder named LUT_…, a synthesis directive) moved them onto LUTs. Its DSP and LUT
 * counts and its latency then label no configuration (ArgyKokk's mnist at RF 2: 0 DSPs, 44k more
 * LUTs and 2 cycles fewer than its DSP_ twin with the same config); its FFs and II still do.
 */
export function multipliersFollowConfig(record: Pick<DesignRecord, 'warnings'>): boolean {
  return !record.warnings.some((w) => FORCED_LUT_MULTIPLIERS.test(w));
}

/** Whether a record's value for a target labels its configuration (see `guessedSettings`, `multipliersFollowConfig`). */
export function labelsTarget(record: Pick<DesignRecord, 'provenance' | 'warnings'>, target: Target): boolean {
  return guessedSettings(record).length === 0 && (!MULTIPLIER_TARGETS.has(target) || multipliersFollowConfig(record));
}
