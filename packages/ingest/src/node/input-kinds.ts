import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { HlsestError } from '@hlsest/core';

export const INPUT_KINDS = ['folder', 'tarball', 'records-json', 'csv', 'hls4ml-baseline-json'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Reads up to `bytes` from the start of a file, for sniffing. */
export async function head(path: string, bytes = 64 * 1024): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * What an input path is, from its name and first bytes: the user's `--format` wins. A Keras
 * model or a lone report is refused with the reason (they are not synthesis results by themselves).
 */
export async function detectInput(path: string, override?: InputKind): Promise<InputKind> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: ${error.code === 'ENOENT' ? 'no such file or folder' : `cannot read (${error.code})`}`, { file: path });
  });
  if (override) return override;
  if (info.isDirectory()) return 'folder';
  const lower = path.toLowerCase();
  if (/\.(tar\.gz|tgz|tar)$/.test(lower)) return 'tarball';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) {
    const kind = sniffJson(await head(path));
    if (kind === 'keras-model') {
      throw new HlsestError('HLSEST_BAD_INPUT', `${path}: a Keras model alone has no synthesis results; give the project folder, or use "hlsest predict"`, { file: path });
    }
    if (kind) return kind;
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: a JSON file hlsest cannot ingest (expected a wa-hls4ml/rule4ml list of records or an hls4ml baseline)`, { file: path });
  }
  if (/\.(xml|rpt|log|ya?ml)$/.test(lower)) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: a single report or config is not a design; give the project folder that holds it`, { file: path });
  }
  throw new HlsestError('HLSEST_BAD_INPUT', `${path}: unknown input (not a folder, .tar.gz, .json or .csv); use --format to say what it is`, { file: path });
}

export function sniffJson(start: string): InputKind | 'keras-model' | undefined {
  const text = start.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'records-json';
  if (text.startsWith('{') && text.includes('"CSynthesisReport"')) return 'hls4ml-baseline-json';
  if (text.startsWith('{') && /"class_name"/.test(text)) return 'keras-model';
  return undefined;
}

/** Every file below a folder, relative, with `/` separators; hidden folders and node_modules skipped. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

const CONTAINERS = new Set(['hls4ml-data', 'hls4ml-projects', 'projects', 'data', 'records', 'flat', 'baselines', 'datasets', '.', '']);

/** The collection a design belongs to: the first path segment that is not a generic container. */
export function subsetOf(inputRoot: string, relativePath: string): string {
  const segments = [basename(inputRoot), ...relativePath.split('/').slice(0, -1)];
  return segments.find((s) => !CONTAINERS.has(s.toLowerCase())) ?? basename(inputRoot);
}
