import type { DesignBuild } from './build-model/build-design.js';
import { TARGET_INFO, type Target } from './targets.js';

/**
 * The build model's own number for a target, before any learning: hls4ml's rules priced by the
 * HLS tool's fitted profile. The C-synthesis targets are the design's operator account; the
 * post-synthesis ones start from it (Vivado keeps the DSPs of non-constant products and
 * optimises LUTs, FFs and memories further, which the calibration and the learned correction
 * take up); latency and II are the schedule's.
 */
export function ruleEstimate(target: Target, build: DesignBuild): number {
  const info = TARGET_INFO[target];
  if (info.kind === 'latency') return build[info.quantity];
  // Post-implementation numbers start from the post-synthesis account too; what a block design
  // adds (processor system, DMA, interconnect) is the calibration's offset.
  return (info.kind === 'hls' ? build.hls : build.synth)[info.quantity];
}
