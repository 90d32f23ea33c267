import type { Network } from '@hlsest/core';
import type { DraftResult } from '../draft.js';

/** A row of a CSV table, values as text, keyed by header. */
export type TableRow = Readonly<Record<string, string>>;

/**
 * A table whose rows describe designs through code rather than a column mapping: the network
 * is built from a few columns (N-TORC layer shapes, a fixed LeNet) or read from a model file
 * beside the table (ENet). Pure: the caller reads the table and the model files.
 */
export interface TableReader {
  readonly name: string;
  /** Whether a file with this header and name is this reader's. */
  matches(header: readonly string[], fileName: string): boolean;
  /** Model files (relative to the table's folder) the rows need. */
  modelFiles?(rows: readonly TableRow[]): readonly string[];
  read(rows: readonly TableRow[], file: string, models: ReadonlyMap<string, Network | Error>): readonly DraftResult[];
}

export const hasColumns = (header: readonly string[], columns: readonly string[]): boolean => columns.every((c) => header.includes(c));

/** A finite number from a cell, or undefined (`NA`, empty, text). */
export function cellNumber(row: TableRow, column: string): number | undefined {
  const raw = row[column]?.trim();
  if (raw === undefined || raw === '' || raw.toUpperCase() === 'NA') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
