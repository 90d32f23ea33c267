import { readFileSync } from 'node:fs';
import yargs, { type Argv, type CommandModule } from 'yargs';
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

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Command = CommandModule<object, never>;

const COMMANDS: readonly ((output: Output) => unknown)[] = [ingestCommand, datasetCommand, trainCommand, evaluateCommand, predictCommand, sweepCommand, explainCommand, packCommand];

/**
 * The CLI's parser. `validateOnly` registers every command without its handler: yargs runs an
 * async handler before it reports unknown flags, so `runCli` parses once this way and only then
 * lets a command touch anything.
 */
export function buildCli(argv: readonly string[], output: Output = processOutput, validateOnly = false): Argv {
  let cli = yargs([...argv])
    .scriptName('hlsest')
    .usage('$0 <command> [options]\n\nPre-synthesis estimates of hls4ml resources (BRAM, DSP, FF, LUT) and latency.');
  for (const make of COMMANDS) {
    const command = make(output) as Command;
    cli = cli.command(validateOnly ? { ...command, handler: () => undefined } : command);
  }
  return cli
    .demandCommand(1, 'Name a command: see hlsest --help')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .alias('V', 'version')
    .wrap(Math.min(110, process.stdout.columns ?? 100));
}

/** Runs the CLI and returns the exit status; never calls process.exit, so it can be tested. */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  // 1. Every flag and value is checked before any command starts work.
  const checked = await parse(buildCli(argv, output, true), argv);
  if (checked.usageError) {
    output.err(`hlsest: ${checked.usageError}\nRun "hlsest --help" for usage.`);
    return 2;
  }
  if (checked.text !== undefined) {
    output.out(checked.text);
    return 0;
  }
  // 2. The real run. Commands report partial failure through process.exitCode; isolate it.
  const outer = process.exitCode;
  process.exitCode = undefined;
  const result = await parse(buildCli(argv, output), argv);
  const status = Number(process.exitCode ?? 0);
  process.exitCode = outer;
  if (result.usageError) {
    output.err(`hlsest: ${result.usageError}\nRun "hlsest --help" for usage.`);
    return 2;
  }
  if (result.failure !== undefined) {
    output.err(describeError(result.failure));
    return exitCodeFor(result.failure);
  }
  return status;
}

async function parse(cli: Argv, argv: readonly string[]): Promise<{ usageError?: string; failure?: unknown; text?: string }> {
  let usageError: string | undefined;
  let text: string | undefined;
  try {
    await cli
      .exitProcess(false)
      .fail((message, error) => {
        // yargs reports its own validation failures as a YError; anything else is ours.
        if (error instanceof Error && error.name !== 'YError') throw error;
        usageError = message ?? (error instanceof Error ? error.message : String(error));
      })
      // With a callback, yargs hands help and version text over instead of printing and exiting.
      .parseAsync([...argv], {}, (_error, _args, out) => {
        if (out && !usageError) text = out;
      });
  } catch (failure) {
    return { failure, ...(usageError !== undefined && { usageError }) };
  }
  return { ...(usageError !== undefined && { usageError }), ...(text !== undefined && { text }) };
}
