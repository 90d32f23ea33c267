import { runCli } from './cli.js';

export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await runCli(argv);
}
