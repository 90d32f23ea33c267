import type { DesignBuild } from './build-model/build-design.js';
import type { Target } from './targets.js';

/**
 * The build model's own number for a target, before any learning: hls4ml's rules priced by the
 * HLS tool's fitted profile. The C-synthesis targets are the design's operator account; the
 * post-synthesis ones start from it (Vivado keeps the DSPs of non-constant products and
 * optimises LUTs, FFs and memories further, which the calibration and the learned correction
 * take up); latency and II are the schedule's.
 */
export function ruleEstimate(target: Target, build: DesignBuild): number {
  switch (target) {
    // Post-implementation numbers start from the post-synthesis account too; what a block design
    // adds (processor system, DMA, interconnect) is the calibration's offset.
    case 'bram':
    case 'impl_bram':
      return build.synth.bram18k;
    case 'dsp':
    case 'impl_dsp':
      return build.synth.dsp;
    case 'ff':
    case 'impl_ff':
      return build.synth.ff;
    case 'lut':
    case 'impl_lut':
      return build.synth.lut;
    case 'hls_bram':
      return build.hls.bram18k;
    case 'hls_dsp':
      return build.hls.dsp;
    case 'hls_ff':
      return build.hls.ff;
    case 'hls_lut':
      return build.hls.lut;
    case 'cycles':
      return build.cycles;
    case 'interval':
      return build.interval;
  }
}
