import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, REPO_ROOT } from '../../../../test/data-root.js';
import { run } from '../test-support.js';

/** Every file under the data folder whose name matches. */
function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

const isKerasModel = (path: string) => {
  if (!path.endsWith('.json') || path.includes(`${join('wa-hls4ml', 'records')}`)) return false;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { class_name?: unknown };
    return json.class_name === 'Sequential' || json.class_name === 'Functional' || json.class_name === 'Model';
  } catch {
    return false;
  }
};

const root = dataPath();
const models = walk(root, isKerasModel);
const configs = walk(root, (p) => /\.ya?ml$/.test(p));
const jet = join(REPO_ROOT, 'examples', 'jet-tagger.json');

describe(`every model and hls4ml config in ${relative(REPO_ROOT, root)}`, () => {
  it('finds them all', () => {
    expect(models.length).toBeGreaterThanOrEqual(60);
    expect(configs.length).toBeGreaterThanOrEqual(49);
  });

  it.each(models.map((m) => [relative(root, m), m]))('reads model %s in explain and predict', async (_name, path) => {
    // ENet's multidimensional softmax is one hls4ml builds under io_stream only (init_softmax refuses
    // it under io_parallel, and hlsest with it): those models were synthesized with io_stream.
    let io: string[] = [];
    let explained = await run('explain', path, '--format', 'json');
    if (/use io_stream/.test(explained.stderr)) {
      io = ['--io-type', 'io_stream'];
      explained = await run('explain', path, ...io, '--format', 'json');
    }
    expect(explained.stderr).toBe('');
    expect(explained.code).toBe(0);
    const predicted = await run('predict', path, ...io, '--format', 'json');
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);
    expect(JSON.parse(predicted.stdout).resources.lut.value).toBeGreaterThanOrEqual(0);
  });

  it.each(configs.map((c) => [relative(root, c), c]))('reads config %s (with its own model when it names one)', async (_name, path) => {
    // A config naming a model file that is there is read with it; any other is applied to the jet tagger
    // (its layer names may not match: warnings, never refusals).
    const own = await run('explain', '-c', path, '--format', 'json');
    const result = own.code === 0 ? own : await run('explain', jet, '--config', path, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
