import yargs, { type Argv } from 'yargs';
import { explainCommand } from './commands/explain.js';
import { ingestCommand } from './commands/ingest.js';
import { datasetCommand } from './commands/dataset.js';
import { trainCommand } from './commands/train.js';
import { evaluateCommand } from './commands/evaluate.js';
import { predictCommand } from './commands/predict.js';
import { sweepCommand } from './commands/sweep.js';
import { packCommand } from './commands/pack.js';
import { describeError, exitCodeFor } from './exit-codes.js';
import { processOutput, type Output } from './output.js';

export function buildCli(argv: readonly string[], output: Output = processOutput): Argv {
  return yargs([...argv])
    .scriptName('hlsest')
    .usage('$0 <command> [options]\n\nPre-synthesis estimates of hls4ml resources (BRAM, DSP, FF, LUT) and latency.')
    .command(ingestCommand(output) as never)
    .command(datasetCommand(output) as never)
    .command(trainCommand(output) as never)
    .command(evaluateCommand(output) as never)
    .command(predictCommand(output) as never)
    .command(sweepCommand(output) as never)
    .command(explainCommand(output) as never)
    .command(packCommand(output) as never)
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
  // Commands report partial failure through process.exitCode; isolate it to this run.
  const outer = process.exitCode;
  process.exitCode = undefined;
  let failure: unknown;
  let usageError: string | undefined;
  try {
    await buildCli(argv, output)
      .exitProcess(false)
      .fail((message, error) => {
        // yargs reports its own validation failures as a YError; anything else is ours.
        if (error instanceof Error && error.name !== 'YError') throw error;
        usageError = message ?? (error instanceof Error ? error.message : String(error));
      })
      // With a callback, yargs hands help text over instead of printing it and exiting.
      .parseAsync([...argv], {}, (_error, _args, text) => {
        if (text && !usageError) output.out(text);
      });
  } catch (error) {
    failure = error;
  }
  const status = Number(process.exitCode ?? 0);
  process.exitCode = outer;
  if (usageError) {
    output.err(`hlsest: ${usageError}\nRun "hlsest --help" for usage.`);
    return 2;
  }
  if (failure !== undefined) {
    output.err(describeError(failure));
    return exitCodeFor(failure);
  }
  return status;
}
