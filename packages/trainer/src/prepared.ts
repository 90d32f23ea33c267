import { extractFeatures, familyOf, findDevice, labelsTarget, layerFamily, TARGETS, targetValue, type DesignRecord, type HlsConfig, type Target } from '@hlsest/core';
import { ruleFacts, type FeatureRow } from '@hlsest/predictor';
import { groupsOf } from './splits.js';

/** Records with everything training and evaluation need computed once; the build itself is dropped (nothing after this reads it). */
export interface PreparedRecord extends FeatureRow {
  readonly record: DesignRecord;
  readonly config: HlsConfig;
  readonly truth: Readonly<Partial<Record<Target, number>>>;
  /** Architecture key: every configuration of one network lands on the same side of a split. */
  readonly group: string;
  readonly family: string;
  readonly subsets: Readonly<Record<SubsetKey, string>>;
}

export const SUBSET_KEYS = ['family', 'strategy', 'ioType', 'kind', 'board', 'source', 'subset'] as const;
export type SubsetKey = (typeof SUBSET_KEYS)[number];

export function prepare(records: readonly DesignRecord[]): PreparedRecord[] {
  const groups = groupsOf(records);
  return records.map((record, i) => {
    const { values, build } = extractFeatures({ layers: record.network.layers, config: record.config, toolchain: record.toolchain });
    const truth: Partial<Record<Target, number>> = {};
    for (const t of TARGETS) {
      const v = labelsTarget(record, t) ? targetValue(record, t) : undefined;
      if (v !== undefined) truth[t] = v;
    }
    return {
      record,
      config: record.config,
      features: values,
      ...ruleFacts(build, record.config, record.network.layers),
      truth,
      group: groups[i]!,
      family: familyOf(record),
      subsets: subsetsOf(record),
    };
  });
}

function subsetsOf(record: DesignRecord): Record<SubsetKey, string> {
  const families = new Set(record.network.layers.map((l) => layerFamily(l.kind)));
  const kind = families.has('conv2d') ? 'conv2d' : families.has('conv1d') ? 'conv1d' : families.has('recurrent') ? 'recurrent' : 'dense';
  return {
    family: familyOf(record),
    strategy: record.config.strategy,
    ioType: record.config.ioType,
    kind,
    board: findDevice(record.config.part)?.device ?? record.config.part,
    source: record.provenance.source,
    subset: record.provenance.subset ?? record.provenance.source,
  };
}
