import type { MemberWeights } from './forward.js';

/** The columns of a batch that vary from row to row, and the others. */
export interface ColumnSplit {
  readonly varying: Int32Array;
  readonly constant: Int32Array;
}

/**
 * Splits a batch (`rows × width`, row-major) into varying and constant columns, or returns
 * undefined when folding would not pay: a sweep of one model changes a few dozen of the
 * features from one configuration to the next, a set of unrelated records changes most of them.
 */
export function splitConstantColumns(x: ArrayLike<number>, rows: number, width: number): ColumnSplit | undefined {
  if (rows < 8) return undefined;
  const varying: number[] = [];
  const constant: number[] = [];
  for (let j = 0; j < width; j++) {
    const first = x[j]!;
    let same = true;
    for (let at = width + j; at < rows * width; at += width) {
      if (x[at] !== first) {
        same = false;
        break;
      }
    }
    (same ? constant : varying).push(j);
  }
  if (constant.length < width / 4) return undefined;
  // A batch of identical rows still needs one input column for the forward pass.
  if (varying.length === 0) varying.push(constant.shift()!);
  return { varying: Int32Array.from(varying), constant: Int32Array.from(constant) };
}

/**
 * The same member for inputs restricted to the varying columns: the constant columns' share of
 * the first deep layer and of the wide path is added to their biases once (summed in float64),
 * so each row no longer multiplies inputs that every row shares. `values` are the constant
 * columns' inputs, in the order of `split.constant`. Results differ from the full pass only by
 * float rounding.
 */
export function foldConstantInputs(member: MemberWeights, split: ColumnSplit, values: Float32Array): MemberWeights {
  const [first, ...rest] = member.layers;
  if (!first) throw new Error('member has no deep layers');
  return { ...member, layers: [foldLayer(first, split, values), ...rest], wide: foldLayer(member.wide, split, values) };
}

function foldLayer(layer: MemberWeights['wide'], split: ColumnSplit, values: Float32Array): MemberWeights['wide'] {
  const { outputs } = layer;
  const bias = Float64Array.from(layer.bias);
  for (let c = 0; c < split.constant.length; c++) {
    const value = values[c]!;
    if (value === 0) continue;
    const row = split.constant[c]! * outputs;
    for (let o = 0; o < outputs; o++) bias[o]! += value * layer.kernel[row + o]!;
  }
  const kernel = new Float32Array(split.varying.length * outputs);
  for (let i = 0; i < split.varying.length; i++) {
    const row = split.varying[i]! * outputs;
    for (let o = 0; o < outputs; o++) kernel[i * outputs + o] = layer.kernel[row + o]!;
  }
  return { kernel, bias: Float32Array.from(bias), inputs: split.varying.length, outputs };
}
