import { firstInput, last, mismatch, positive } from '../keras/shape-helpers.js';
import { bram18kForRom, estimateProduct } from '../build-model/operand-widths.js';
import { buildWeightLayer } from '../build-model/weight-layer.js';
import { priceOperators } from '../build-model/tool-profiles.js';
import type { Operators } from '../build-model/layer-build.js';
import type { LayerKindRule } from './layer-kind.js';

/**
 * SimpleRNN, LSTM and GRU and their QKeras forms (`parse_rnn_layer`, `init_lstm`/`init_gru`;
 * kernels `nnet_recurrent.h`): per timestep a kernel product (n_in × gates·units) and a state
 * product (units × gates·units, its own reuse factor), then the gates' sigmoid/tanh lookups and
 * the element-wise state update (3 products per unit for LSTM and GRU).
 */
export const recurrentRule: LayerKindRule = {
  family: 'recurrent',
  weighted: true,
  keras: {
    SimpleRNN: { quantized: false, op: 'simple_rnn' },
    QSimpleRNN: { quantized: true, op: 'simple_rnn', hls4ml: 'SimpleRNN' },
    LSTM: { quantized: false, op: 'lstm' },
    QLSTM: { quantized: true, op: 'lstm', hls4ml: 'LSTM' },
    GRU: { quantized: false, op: 'gru' },
    QGRU: { quantized: true, op: 'gru', hls4ml: 'GRU' },
  },
  inferShape(ctx) {
    const input = firstInput(ctx);
    if (input.length !== 2) throw mismatch(ctx, `expects [timesteps, features], got [${input.join(', ')}]`);
    const units = positive(ctx, 'units', ctx.config.units);
    const features = last(input);
    const gates = gatesOf(ctx.op);
    const recurrentBias = ctx.op === 'gru' && ctx.config.reset_after !== false ? 2 : 1;
    const params = gates * (units * (features + units) + recurrentBias * units);
    const outputShape = ctx.config.return_sequences ? [input[0]!, units] : [units];
    return { outputShape, params };
  },
  multSize(layer) {
    const units = layer.units ?? last(layer.outputShape);
    const gates = gatesOf(opOf(layer.className));
    const timesteps = layer.inputShape.length > 1 ? layer.inputShape[0]! : 1;
    return { nIn: last(layer.inputShape), nOut: gates * units, applications: timesteps, extra: [{ nIn: units, nOut: gates * units, ownReuseFactor: true }] };
  },
  build(layer, ctx) {
    const mult = this.multSize(layer)!;
    const op = opOf(layer.className);
    const units = layer.units ?? last(layer.outputShape);
    const t = ctx.tool.timing;
    // Per step, after the products: the gates' table lookups and the state update.
    const base = buildWeightLayer(layer, ctx, mult, 'recurrent', { steps: mult.applications, stepOverhead: t.recurrentStepCycles });
    const elementwise = op === 'simple_rnn' ? 0 : 3 * units;
    const p = estimateProduct(ctx.accum, ctx.accum, ctx.device);
    const lookups = op === 'lstm' ? 5 * units : op === 'gru' ? 3 * units : units;
    const tableBram = Math.ceil(lookups / 2) * bram18kForRom(ctx.table.width, layer.tableSize ?? 1024);
    const operators: Operators = {
      ...base.operators,
      dsp: base.operators.dsp + (p.kind === 'dsp' ? elementwise * p.dspPerMultiplier : 0),
      lutProductBits: base.operators.lutProductBits + (p.kind === 'lut' ? elementwise * ctx.accum.width ** 2 : 0),
      adderBits: base.operators.adderBits + lookups * ctx.accum.width,
      accumulatorBits: base.operators.accumulatorBits + 2 * units * ctx.accum.width,
      bram18k: base.operators.bram18k + tableBram,
    };
    return { ...base, expectedDsp: operators.dsp, operators, priceClass: 'recurrent', hls: priceOperators(operators, ctx.tool, 'recurrent') };
  },
};

function opOf(className: string): string {
  return recurrentRule.keras[className]?.op ?? 'simple_rnn';
}

function gatesOf(op: string | undefined): number {
  return op === 'lstm' ? 4 : op === 'gru' ? 3 : 1;
}
