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
  // The native serializer with a key-sorting replacer: several times faster than a hand walk.
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}
