import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, REPO_ROOT } from '../../../../test/data-root.js';

const cli = join(REPO_ROOT, 'packages', 'cli', 'bin', 'hlsest.js');
const flat = dataPath('wa-hls4ml', 'flat', 'concatenated_json_to_csv.sampled.csv');
const flat3 = dataPath('wa-hls4ml', 'flat', 'concatenated_3layer_json_to_csv.sampled.csv');

function ingest(input: string, out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'ingest', input, '--out', out, '--format', 'json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const stats = (dir: string) => JSON.parse(spawnSync(process.execPath, [cli, 'dataset', 'stats', dir, '--verify', '--format', 'json'], { encoding: 'utf8' }).stdout);

describe('datasets under concurrent writers and crashes', () => {
  it('keeps every record of two ingests run at once into the same dataset', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hlsest-concurrent-')), 'ds');
    const [a, b] = await Promise.all([ingest(flat, out), ingest(flat3, out)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const added = JSON.parse(a.stdout).added + JSON.parse(b.stdout).added;
    expect(added).toBe(6958 + 1970);
    const manifest = stats(out);
    expect(manifest.counts.records).toBe(added);
    expect(manifest.verified.records).toBe(added);
    // One of them waited for the other, and said so (naming the holder when its lock file had its
    // pid yet: on a loaded machine the wait can start between the lock's creation and that write).
    expect(`${a.stderr}${b.stderr}`).toMatch(/is being written by (process \d+ .*|another process): waiting/);
  }, 120_000);

  it('keeps every record after an ingest is killed midway (kill -9) and run again', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hlsest-killed-')), 'ds');
    expect((await ingest(flat3, out)).code).toBe(0);
    const child = spawn(process.execPath, [cli, 'ingest', flat, '--out', out]);
    // Killed while it streams records into its temporary part (polled: a loaded machine starts it late).
    const writing = () => readdirSync(join(out, 'records')).some((f) => f.endsWith('.tmp') && statSync(join(out, 'records', f)).size > 0);
    for (let waited = 0; !writing() && waited < 30_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    child.kill('SIGKILL');
    await new Promise((done) => child.on('close', done));
    // It died holding the lock, with a half-written part.
    expect(readdirSync(out)).toContain('dataset.lock');
    expect(readdirSync(join(out, 'records')).some((f) => f.endsWith('.tmp'))).toBe(true);
    expect(stats(out).counts.records).toBe(1970);
    const again = await ingest(flat, out);
    expect(again.code, again.stderr).toBe(0);
    const manifest = stats(out);
    expect(manifest.counts.records).toBe(1970 + 6958);
    expect(manifest.verified.records).toBe(1970 + 6958);
    expect(readdirSync(join(out, 'records')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out)).not.toContain('dataset.lock');
  }, 120_000);
});
