import { appendFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHlsestError } from '@hlsest/core';
import { dataPath } from '../../../../test/data-root.js';
import { ingest } from './ingest.js';
import { readDataset, readManifest, verifyDataset } from './dataset-store.js';
import { LOCK_FILE } from './dataset-lock.js';

const records = dataPath('wa-hls4ml', 'records', 'test_3layer_merged.json');
const other = dataPath('wa-hls4ml', 'records', 'test_2layer_merged.json');
const fresh = () => join(mkdtempSync(join(tmpdir(), 'hlsest-store-')), 'ds');
const all = async (dir: string) => {
  const out = [];
  for await (const r of readDataset(dir)) out.push(r);
  return out;
};
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe('the dataset store keeps what it holds', () => {
  it('notices a part changed after ingest, on read, on verify and before appending', async () => {
    const dir = fresh();
    await ingest([records], { out: dir });
    const part = join(dir, 'records', readdirSync(join(dir, 'records')).find((f) => f.startsWith('part-'))!);
    const lines = readFileSync(part, 'utf8').split('\n');
    writeFileSync(part, [lines[0], ...lines.slice(2)].join('\n'));
    const read = await failure(all(dir));
    expect(isHlsestError(read, 'HLSEST_BAD_DATASET')).toBe(true);
    expect((read as Error).message).toMatch(/part-000001\.jsonl is corrupted: 3 records .* the manifest says 4/);
    expect((await verifyDataset(dir)).problems).toEqual([expect.stringMatching(/is corrupted/)]);
    const append = await failure(ingest([other], { out: dir }));
    expect(isHlsestError(append, 'HLSEST_BAD_DATASET')).toBe(true);
    // The refused append left no lock behind.
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
  });

  it('names a bad line with its file and line number', async () => {
    const dir = fresh();
    await ingest([records], { out: dir });
    const manifest = (await readManifest(dir))!;
    const part = join(dir, 'records', manifest.parts[0]!.file);
    writeFileSync(part, readFileSync(part, 'utf8').replace(/^\{/, '{,'));
    const { problems } = await verifyDataset(dir);
    expect(problems[0]).toMatch(/part-000001\.jsonl:1: not valid JSON/);
  });

  it("takes over a lock whose process is gone and removes a dead run's temporary files", async () => {
    const dir = fresh();
    await ingest([records], { out: dir });
    // What a kill -9 mid-ingest leaves: the lock of a process that no longer exists, a half part,
    // and rejections appended past what the manifest vouches for.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: 'then' }));
    writeFileSync(join(dir, 'records', '.part-000002.jsonl.99999.tmp'), '{"half":');
    const vouched = (await readManifest(dir))!.rejectedBytes!;
    appendFileSync(join(dir, 'rejected.jsonl'), '{"file":"from a run that died"}\n');
    const { summary, manifest } = await ingest([other], { out: dir });
    expect(summary.added).toBe(4);
    expect(manifest.counts.records).toBe(8);
    expect(readdirSync(join(dir, 'records')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
    const rejected = readFileSync(join(dir, 'rejected.jsonl'), 'utf8');
    expect(rejected).not.toContain('from a run that died');
    expect(statSync(join(dir, 'rejected.jsonl')).size).toBe(manifest.rejectedBytes);
    expect(manifest.rejectedBytes).toBeGreaterThanOrEqual(vouched);
    expect(await all(dir)).toHaveLength(8);
  });

  it('waits for a live writer, then refuses with who holds the lock', async () => {
    const dir = fresh();
    await ingest([records], { out: dir });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), since: 'now' }));
    const waited: string[] = [];
    const busy = await failure(ingest([other], { out: dir, lockWaitMs: 300, onWait: (who) => waited.push(who) }));
    expect(isHlsestError(busy, 'HLSEST_BUSY')).toBe(true);
    expect((busy as Error).message).toMatch(new RegExp(`being written by process ${process.pid}`));
    expect(waited).toHaveLength(1);
    expect(await all(dir)).toHaveLength(4);
  });

  it('refuses a folder of other files and a file, touching neither', async () => {
    const base = mkdtempSync(join(tmpdir(), 'hlsest-store-'));
    writeFileSync(join(base, 'thesis.tex'), 'precious');
    const folder = await failure(ingest([records], { out: base }));
    expect(isHlsestError(folder, 'HLSEST_OUTPUT_EXISTS')).toBe(true);
    expect(readdirSync(base)).toEqual(['thesis.tex']);
    const file = await failure(ingest([records], { out: join(base, 'thesis.tex') }));
    expect((file as Error).message).toMatch(/thesis\.tex is a file, not a dataset folder/);
    expect(readFileSync(join(base, 'thesis.tex'), 'utf8')).toBe('precious');
  });
});
