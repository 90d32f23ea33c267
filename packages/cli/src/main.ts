import { runCli } from './cli.js';

export async function main(argv: readonly string[]): Promise<void> {
  // `hlsest predict --records … | head`: the reader left; stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runCli(argv);
}
