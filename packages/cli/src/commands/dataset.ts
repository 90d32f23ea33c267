import type { Argv } from 'yargs';
import { HlsestError } from '@hlsest/core';
import { readManifest, verifyDataset } from '@hlsest/ingest';
import { formatOf, formatOptions } from '../checks.js';
import type { Output } from '../output.js';
import { renderTable } from '../table.js';

export function datasetCommand(output: Output) {
  return {
    command: 'dataset <action> <dir>',
    describe: 'Inspect a dataset made by "hlsest ingest" (action: stats)',
    builder: (yargs: Argv) =>
      yargs
        .positional('action', { choices: ['stats'] as const, demandOption: true })
        .positional('dir', { type: 'string', demandOption: true, describe: 'dataset folder' })
        .options(formatOptions(['table', 'json'] as const))
        .option('verify', { type: 'boolean', default: false, describe: 'read every record and check every part against its sha256 (exit 4 on any problem)' }),
    handler: async (args: { dir: string; json: boolean; format: 'table' | 'json'; verify: boolean }) => {
      const manifest = await readManifest(args.dir);
      if (!manifest) throw new HlsestError('HLSEST_BAD_DATASET', `${args.dir} is not a dataset (no manifest.json)`, { dir: args.dir });
      const verified = args.verify ? await verifyDataset(args.dir) : undefined;
      if (verified?.problems.length) {
        for (const problem of verified.problems.slice(0, 20)) output.err(`problem: ${problem}`);
        throw new HlsestError('HLSEST_BAD_DATASET', `${args.dir}: ${verified.problems.length} problem(s) found; the dataset cannot be trusted as it is`, { dir: args.dir });
      }
      if (formatOf(args) === 'json') {
        output.out(JSON.stringify(verified ? { ...manifest, verified: { records: verified.records } } : manifest, null, 2));
        return;
      }
      const c = manifest.counts;
      const sections: [string, Record<string, number>][] = [
        ['source', c.bySource],
        ['subset', c.bySubset],
        ['format', c.byFormat],
        ['label kind', c.byLabelKind],
        ['layer family', c.byLayerFamily],
        ['strategy', c.byStrategy],
        ['io type', c.byIoType],
        ['part', c.byPart],
        ['hls4ml', c.toolVersions.hls4ml],
        ['HLS tool', c.toolVersions.hlsTool],
        ['Vivado', c.toolVersions.vivado],
      ];
      const rows = sections.flatMap(([name, table]) => Object.entries(table).sort((a, b) => b[1] - a[1]).map(([key, n]) => [name, key, n] as const));
      output.out(
        [
          `${manifest.name}: ${c.records} records in ${manifest.parts.length} part(s), ${manifest.rejectedCount} rejected inputs, updated ${manifest.updatedAt}${verified ? ` — verified: ${verified.records} records read, every part matches its sha256` : ''}`,
          '',
          renderTable(['by', 'value', 'records'], rows),
        ].join('\n'),
      );
    },
  };
}
