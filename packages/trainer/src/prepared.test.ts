import { describe, expect, it } from 'vitest';
import type { DesignRecord } from '@hlsest/core';
import { inputRecords } from '@hlsest/ingest';
import { dataPath } from '../../../test/data-root.js';
import { prepare } from './prepared.js';

async function records(path: string): Promise<DesignRecord[]> {
  const out: DesignRecord[] = [];
  for await (const record of inputRecords(path, { defaults: { ioType: 'io_stream' } })) out.push(record);
  return out;
}

describe('prepare', () => {
  it('takes no labels from a design whose reuse factor or strategy was a default standing in for a missing config', async () => {
    // Keb-L ships no configs: its names give a reuse factor (`model4_rf2_core`) or a strategy
    // (`model8_latency`), never both.
    const kebl = prepare(await records(dataPath('hls4ml-projects', 'kebl-cnn')));
    expect(kebl.length).toBe(26);
    for (const d of kebl) {
      expect(d.record.provenance.assumed?.some((a) => a === 'reuseFactor' || a === 'strategy'), d.record.provenance.file).toBe(true);
      expect(d.truth).toEqual({});
    }
    const rfNamed = kebl.find((d) => d.record.provenance.file.endsWith('core/model4'))!;
    expect(rfNamed.record.provenance.assumed).toEqual(['strategy', 'precision']);
    // A project with its config keeps its labels.
    const har = prepare(await records(dataPath('hls4ml-projects', 'argykokk-mlp', 'HAR', 'DSP_reuse1')));
    expect(har[0]!.record.provenance.assumed).toBeUndefined();
    expect(har[0]!.truth.hls_dsp).toBe(413);
  });
});
