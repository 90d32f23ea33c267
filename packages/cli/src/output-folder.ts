import { readdir, stat } from 'node:fs/promises';
import { HlsestError } from '@hlsest/core';

/** What hlsest writes into a folder, recognised by the files it always leaves there. */
export const OUTPUT_KINDS = {
  bundle: ['bundle.json'],
  report: ['report.md', 'metrics.json'],
} as const;

/**
 * Checks, before any work, that `path` may receive an output of `kind`: a new path, an empty
 * folder or one hlsest wrote before (replaced atomically). Anything else — a file, a folder of
 * the user's own files — is refused unless `force`, so no run can delete work it did not make.
 */
export async function checkOutputFolder(path: string, kind: keyof typeof OUTPUT_KINDS, flag: string, force: boolean): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (!existing) return;
  if (!existing.isDirectory()) throw new HlsestError('HLSEST_OUTPUT_EXISTS', `${flag} ${path} is a file; give a folder for the ${kind}`, { path });
  const entries = await readdir(path);
  if (entries.length === 0 || OUTPUT_KINDS[kind].some((file) => entries.includes(file)) || force) return;
  throw new HlsestError(
    'HLSEST_OUTPUT_EXISTS',
    `${flag} ${path} holds files that are not an hlsest ${kind} (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); choose a new folder, or add --force to replace it`,
    { path },
  );
}
