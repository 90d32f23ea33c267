import type { Device } from '../boards.js';
import type { Precision } from '../precision.js';
import type { HlsConfig } from '../schema.js';
import type { Hls4mlRules } from './hls4ml-versions.js';
import type { ToolProfile } from './tool-profiles.js';

/** What a layer's build rule needs besides the layer: the design, the versions, and its types. */
export interface BuildContext {
  readonly config: HlsConfig;
  readonly device: Device | undefined;
  readonly hls4ml: Hls4mlRules;
  readonly tool: ToolProfile;
  /** Cycles an element-wise layer's logic adds at the design's clock (`elementwiseCycles`). */
  readonly elementwiseCycles: number;
  readonly stream: boolean;
  /** io_stream: stream elements of the layer's input tensor (after an in-place Flatten, its producer's). */
  readonly inputBeats: number;
  /** io_parallel: the layer reads the top function's input port, not another layer's output. */
  readonly readsPort: boolean;
  /** Type of the data entering the layer (its producer's result type). */
  readonly input: Precision;
  readonly result: Precision;
  readonly weight: Precision;
  readonly bias: Precision;
  readonly accum: Precision;
  /** Lookup-table entry type (activations), hls4ml's default `fixed<18,8>` when unset. */
  readonly table: Precision;
}
