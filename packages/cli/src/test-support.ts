import { runCli } from './cli.js';
import type { Output } from './output.js';

/** Runs the CLI in-process and captures what it printed. */
export async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: Output = { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`), isTTY: false };
  const code = await runCli(argv, output);
  return { code, stdout, stderr };
}
