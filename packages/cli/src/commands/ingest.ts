import { readFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { resolve } from 'node:path';
import { HlsestError, IO_TYPES, parsePrecision, STRATEGIES, type IoType, type Strategy } from '@hlsest/core';
import { INPUT_KINDS, ingest, readCsvMapping, type IngestProgress, type InputKind } from '@hlsest/ingest';
import { checks, formatOf, formatOptions, integerIn, nonEmpty, notSamePath, parses, type Check } from '../checks.js';
import type { Output } from '../output.js';
import { withInterrupt } from '../interrupt.js';

interface IngestArgs {
  inputs: string[];
  out: string;
  inputKind?: InputKind;
  mapping?: string;
  strict: boolean;
  json: boolean;
  format: 'table' | 'json';
  defaultIoType?: IoType;
  defaultStrategy?: Strategy;
  defaultPrecision?: string;
  defaultReuseFactor?: number;
}

export function ingestCommand(output: Output) {
  return {
    command: 'ingest <inputs..>',
    describe: 'Read synthesis results (project folders, .tar.gz, wa-hls4ml/rule4ml JSON, CSV) into a dataset',
    builder: (yargs: Argv) =>
      yargs
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files or folders to read' })
        .option('out', { type: 'string', demandOption: true, describe: 'dataset folder (created, or appended to)' })
        .option('input-kind', { choices: INPUT_KINDS, describe: 'what the inputs are, when detection guesses wrong' })
        .option('mapping', { type: 'string', describe: 'JSON column mapping for a CSV layout hlsest does not know' })
        .option('strict', { type: 'boolean', default: false, describe: 'stop at the first rejected input, leaving the dataset unchanged' })
        .options(formatOptions(['table', 'json'] as const))
        .option('default-io-type', { choices: IO_TYPES, describe: 'IOType of projects that ship no hls4ml_config.yml' })
        .option('default-strategy', { choices: STRATEGIES, describe: 'Strategy of projects that ship no hls4ml_config.yml' })
        .option('default-precision', { type: 'string', describe: 'precision of projects that ship no hls4ml_config.yml' })
        .option('default-reuse-factor', { type: 'number', describe: 'reuse factor of projects with none in their config or name' })
        .check(checks(nonEmpty('out'), parses('default-precision', parsePrecision), integerIn('default-reuse-factor', 1, 1_000_000), notSamePath('out', 'mapping'), outIsNoInput)),
    handler: (args: IngestArgs) =>
      withInterrupt(async (signal) => {
        const json = formatOf(args) === 'json';
        const mapping = args.mapping ? readCsvMapping(await readJson(args.mapping), args.mapping) : undefined;
        const progress = output.isTTY && !json ? progressLine(output) : undefined;
        const { summary, manifest } = await ingest(args.inputs, {
          out: args.out,
          strict: args.strict,
          signal,
          ...(args.inputKind && { format: args.inputKind }),
          ...(mapping && { mapping }),
          defaults: {
            ...(args.defaultIoType && { ioType: args.defaultIoType }),
            ...(args.defaultStrategy && { strategy: args.defaultStrategy }),
            ...(args.defaultPrecision && { precision: args.defaultPrecision }),
            ...(args.defaultReuseFactor && { reuseFactor: args.defaultReuseFactor }),
          },
          ...(progress && { onProgress: progress.update }),
          onWait: (holder) => output.err(`${args.out} is being written by ${holder}: waiting for it to finish…`),
        });
        progress?.done();
        if (json) output.out(JSON.stringify(summary));
        else {
          const rate = summary.recordsRead / Math.max(0.001, summary.elapsedMs / 1000);
          output.out(
            `${summary.recordsRead} records read from ${summary.inputs.length} input(s) in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
              `(${Math.round(rate)} records/s): ${summary.added} new, ${summary.duplicates} duplicates, ${summary.rejected.length} rejected. ` +
              `${args.out} now holds ${manifest.counts.records} records.`,
          );
          for (const rejection of summary.rejected.slice(0, 20)) {
            output.err(`rejected: ${rejection.file}${rejection.position ? ` (${rejection.position})` : ''}: ${rejection.reason}`);
          }
          if (summary.rejected.length > 20) output.err(`… and ${summary.rejected.length - 20} more: see ${args.out}/rejected.jsonl`);
        }
        if (summary.rejected.length > 0) process.exitCode = 1;
      }),
  };
}

/** The dataset must not be one of the inputs (reading a folder while appending to it). */
const outIsNoInput: Check = (args) => {
  const out = resolve(String(args['out']));
  const inputs = (args['inputs'] as string[] | undefined) ?? [];
  return inputs.some((i) => resolve(String(i)) === out) ? `--out ${String(args['out'])} is also an input: write the dataset to another folder` : undefined;
};

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new HlsestError('HLSEST_BAD_INPUT', `${path}: cannot read the mapping (${(error as Error).message})`, { file: path });
  }
}

function progressLine(output: Output) {
  let shown = false;
  return {
    update: (p: IngestProgress) => {
      const rate = p.recordsRead / Math.max(0.001, p.elapsedMs / 1000);
      process.stderr.write(`\r[${p.inputsDone + 1}/${p.inputsTotal}] ${p.recordsRead} records, ${Math.round(rate)}/s, ${p.rejected} rejected  `);
      shown = true;
    },
    done: () => {
      if (shown) output.err('');
    },
  };
}
