import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { HlsestError } from '@hlsest/core';

/** The lock file a writer holds while it appends to a dataset. */
export const LOCK_FILE = 'dataset.lock';

export interface LockOptions {
  /** How long to wait for another writer before giving up (ms). */
  readonly waitMs?: number;
  /** Called once when the dataset is busy and this writer starts waiting. */
  readonly onWait?: (holder: string) => void;
  readonly signal?: AbortSignal;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/**
 * Takes the dataset's write lock: an exclusive-create file naming the holder. A lock left by a
 * process that no longer runs on this machine is stale and taken over; a live one is waited for
 * (`waitMs`), then refused. Returns the release function.
 */
export async function lockDataset(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  let warned = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && isStale(holder)) {
      await rm(path, { force: true });
      continue;
    }
    const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
    if (Date.now() >= deadline) {
      throw new HlsestError('HLSEST_BUSY', `${dir} is being written by ${who}; try again when it is done (or remove ${path} if that process is gone)`, { dir });
    }
    if (options.signal?.aborted) throw new HlsestError('HLSEST_INTERRUPTED', `interrupted while waiting for ${dir}`, { dir });
    if (!warned) {
      options.onWait?.(who);
      warned = true;
    }
    await new Promise((done) => setTimeout(done, 100 + Math.random() * 150));
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    // Being written this instant, or garbage: treat as live until the deadline.
    return undefined;
  }
}

/** A holder on this machine whose process is gone (a kill -9, a crash). */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
