// Writes a large wa-hls4ml-style JSON file by repeating the real records in ../shared/hls4ml-data
// with fresh uuids (streamed, so the generator itself stays small). Usage: node make-wa-json.mjs OUT MB
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';

const [out, megabytes = '200'] = process.argv.slice(2);
const data = resolve(import.meta.dirname, '..', process.env.HLSEST_DATA ?? '../shared/hls4ml-data', 'wa-hls4ml', 'records');
const records = readdirSync(data).flatMap((f) => JSON.parse(readFileSync(join(data, f), 'utf8'))).filter((r) => Object.keys(r.latency_report ?? {}).length > 0);
const stream = createWriteStream(out);
const target = Number(megabytes) * 1024 * 1024;
let written = 0;
let count = 0;
stream.write('[');
while (written < target) {
  const base = records[count % records.length];
  const text = JSON.stringify({ ...base, meta_data: { ...base.meta_data, uuid: randomUUID() } });
  if (!stream.write(count ? `,\n${text}` : text)) await new Promise((r) => stream.once('drain', r));
  written += text.length + 2;
  count++;
}
stream.end(']\n');
await new Promise((r) => stream.once('finish', r));
console.log(JSON.stringify({ file: out, records: count, bytes: written }));
