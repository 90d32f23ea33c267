import type { Latency, Resources, Toolchain } from '@hlsest/core';

/** What a C-synthesis report says about the top function: the HLS estimate and latency. */
export interface HlsReport {
  readonly format: 'csynth-xml' | 'csynth-rpt';
  readonly tool?: NonNullable<Toolchain['hlsTool']>;
  readonly toolVersion?: string;
  readonly part?: string;
  readonly topModule?: string;
  readonly latency: Latency;
  /** HLS estimate, BRAM in 18 Kb blocks (as C-synthesis counts them). */
  readonly resources: Resources;
  readonly available?: Resources;
}

/** What Vivado `report_utilization` says after logic synthesis; BRAM already converted to 18 Kb blocks. */
export interface SynthReport {
  readonly toolVersion?: string;
  readonly device?: string;
  readonly resources: Resources;
}
