import yargs, { type Argv } from 'yargs';
import { explainCommand } from './commands/explain.js';
import { ingestCommand } from './commands/ingest.js';
import { datasetCommand } from './commands/dataset.js';
import { describeError, exitCodeFor } from './exit-codes.js';
import { processOutput, type Output } from './output.js';

export function buildCli(argv: readonly string[], output: Output = processOutput): Argv {
  return yargs([...argv])
    .scriptName('hlsest')
    .usage('$0 <command> [options]\n\nPre-synthesis estimates of hls4ml resources (BRAM, DSP, FF, LUT) and latency.')
    .command(ingestCommand(output) as never)
    .command(datasetCommand(output) as never)
    .command(explainCommand(output) as never)
    .demandCommand(1, 'Name a command: see hlsest --help')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100));
}

/** Runs the CLI and returns the exit status; never calls process.exit, so it can be tested. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let failure: unknown;
  let usageError: string | undefined;
  try {
    await buildCli(argv, output)
      .fail((message, error) => {
        if (error) throw error;
        usageError = message;
      })
      .parseAsync();
  } catch (error) {
    failure = error;
  }
  if (usageError) {
    output.err(`hlsest: ${usageError}\nRun "hlsest --help" for usage.`);
    return 2;
  }
  if (failure !== undefined) {
    output.err(describeError(failure));
    return exitCodeFor(failure);
  }
  return Number(process.exitCode ?? 0);
}
