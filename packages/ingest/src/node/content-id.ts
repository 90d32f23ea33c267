import { createHash } from 'node:crypto';
import type { RecordDraft } from '../parse/draft.js';

/**
 * The content id: a hash of what the design is and what synthesis measured, not of where it was
 * read from, so the same design ingested twice, from any file, is one record.
 */
export function contentId(draft: RecordDraft): string {
  const { network, config, toolchain, results } = draft;
  return createHash('sha256').update(canonicalJson({ network, config, toolchain, results })).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted, so equal values hash equal whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
