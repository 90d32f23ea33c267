import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamJsonArray } from './json-array-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'hlsest-json-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const collect = async (path: string) => {
  const out: unknown[] = [];
  for await (const { value } of streamJsonArray(path)) out.push(value);
  return out;
};

describe('streamJsonArray', () => {
  it('yields every element, with brackets and commas inside strings left alone', async () => {
    const values = [{ a: '],[{"' }, [1, [2, 3]], 'x\\"y', 42, null, { nested: { deep: [{}] } }];
    expect(await collect(file('ok.json', `\uFEFF  ${JSON.stringify(values, null, 2)}\n`))).toEqual(values);
    expect(await collect(file('empty.json', '[ ]'))).toEqual([]);
  });

  it('handles elements split across read chunks', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => ({ id: i, pad: 'x'.repeat(500 + (i % 7)) }));
    const values = await collect(file('big.json', JSON.stringify(big)));
    expect(values).toHaveLength(3000);
    expect(values[2999]).toEqual(big[2999]);
  });

  // The reader takes 1 MiB chunks: the first byte of the next chunk falls on each byte of a run of
  // escapes (\" \\ \\ \" …) in turn, so a string's end is found wherever the chunk cuts it.
  it.each([0, 1, 2, 3, 4, 5, 6])('finds string ends when a chunk boundary cuts an escape run (byte %i of the run)', async (cut) => {
    const CHUNK = 1 << 20;
    const escapes = '\\"\\\\\\\\\\"]\\\\';
    const head = '[{"s":"a';
    // The pad string fills the first chunk up to the cut (its JSON form adds two quotes and a comma).
    const pad = 'x'.repeat(CHUNK - cut - head.length - 3);
    const text = `[${JSON.stringify(pad)},${head.slice(1)}${escapes}", "after": [1, 2]}]`;
    expect(text.indexOf(escapes)).toBe(CHUNK - cut);
    expect(await collect(file(`boundary${cut}.json`, text))).toEqual([pad, { s: `a${JSON.parse(`"${escapes}"`) as string}`, after: [1, 2] }]);
  });

  it.each([
    ['truncated', '[{"a": 1}, {"b": ', /truncated: the array is not closed \(read 1 complete elements\)/],
    ['not an array', '{"a": 1}', /not a JSON array/],
    ['garbage element', '[{"a": 1}, {b: 2}]', /element 1 is not valid JSON/],
    ['empty element', '[1,,2]', /empty element at index 1/],
    ['empty file', '', /empty file/],
    ['trailing data', '[1] [2]', /unexpected data after the closing/],
    ['binary', '\u0000\u0001\u0002', /not a JSON array/],
  ])('%s → a clear error naming the file', async (name, text, message) => {
    const path = file(`${name}.json`, text);
    await expect(collect(path)).rejects.toThrow(message);
    await expect(collect(path)).rejects.toThrow(path);
  });
});
