import type { HlsConfig } from '../schema.js';
import type { LayerBuild } from './layer-build.js';

/**
 * hls4ml's default `MaximumSize` (`VivadoWriter.write_build_script` writes `set maximum_size 4096`;
 * `build_prj.tcl` runs `config_array_partition -maximum_size $maximum_size`): arrays larger than
 * this are not partitioned completely, so a fully unrolled kernel over them cannot read its
 * weights or inputs in parallel, and Vivado HLS stops unrolling ("XFORM 203-504").
 */
export const MAXIMUM_SIZE = 4096;

/**
 * What hls4ml and the HLS tool will not build as asked, or only badly, each with the reason and
 * what to change. Rules, not estimates: they read the build, never a learned number.
 */
export function feasibilityNotes(layers: readonly LayerBuild[], config: HlsConfig): string[] {
  const notes: string[] = [];
  for (const b of layers) {
    if (b.operators.dividers > 0) {
      notes.push(
        `${b.name}: ${b.operators.dividers.toLocaleString('en-US')} dividers, one per output: its windows overlap the padding and Vivado HLS divides each sum by its count of image pixels ` +
          `(about ${b.cycles} cycles and most of its FFs and LUTs); 'valid' padding, MaxPooling or Vitis HLS avoid them`,
      );
    }
    if (!b.mult) continue;
    const weights = b.mult.nIn * b.mult.nOut;
    if ((b.strategy === 'latency' || b.strategy === 'distributed_arithmetic') && weights > MAXIMUM_SIZE) {
      const rf = Math.ceil(weights / MAXIMUM_SIZE);
      notes.push(
        `${b.name}: ${weights.toLocaleString('en-US')} weights in one Latency kernel exceed hls4ml's MaximumSize ${MAXIMUM_SIZE.toLocaleString('en-US')} ` +
          `(config_array_partition): the tool will not unroll it fully and synthesis may stall or fail; use Strategy: Resource with a reuse factor of ${rf} or more, or split the layer`,
      );
    }
    if (config.ioType === 'io_parallel' && (b.kind === 'conv1d' || b.kind === 'conv2d' || b.kind === 'depthwise_conv1d' || b.kind === 'depthwise_conv2d')) {
      const values = b.mult.applications * b.mult.nOut;
      if (values > MAXIMUM_SIZE) {
        notes.push(`${b.name}: an io_parallel feature map of ${values.toLocaleString('en-US')} values exceeds MaximumSize ${MAXIMUM_SIZE.toLocaleString('en-US')}: hls4ml recommends io_stream for convolutions of this size`);
      }
    }
  }
  return notes;
}
