// Writes the small ONNX / QONNX models core's tests read (packages/core/test-fixtures/onnx/),
// each the twin of a Keras JSON + hls4ml config the tests build alongside. Hand-made here with
// protobufjs rather than exported from PyTorch: no Python in the test path, and every node known.
// Usage: npm run build && node scripts/make-onnx-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OnnxModelProto } from '@hlsest/core';

const out = resolve(import.meta.dirname, '../packages/core/test-fixtures/onnx');
mkdirSync(out, { recursive: true });

// Deterministic weights: a linear congruential sequence, every `zeroEvery`-th value zero.
function weights(count, seed, zeroEvery = 0) {
  let x = seed;
  return Array.from({ length: count }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    if (zeroEvery && i % zeroEvery === 0) return 0;
    return ((x / 2 ** 31) * 2 - 1) / 4;
  });
}
const FLOAT = 1;
const tensor = (name, dims, values) => ({ name, dims, dataType: FLOAT, floatData: values });
const scalar = (name, value) => tensor(name, [], [value]);
const value = (name, dims) => ({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
const node = (opType, name, input, output, attribute = [], domain) => ({ opType, name, input, output, attribute, ...(domain && { domain }) });
const ints = (name, values) => ({ name, type: 7, ints: values });
const int = (name, i) => ({ name, type: 2, i });
const write = (file, graph) => {
  const model = { irVersion: 8, producerName: 'hlsest fixtures', opsetImport: [{ domain: '', version: 13 }], graph };
  writeFileSync(resolve(out, file), OnnxModelProto.encode(OnnxModelProto.fromObject(model)).finish());
  console.log(`wrote ${file}`);
};

// 1. The 3-layer jet tagger (16 → 64 → 32 → 32 → 5) as PyTorch exports nn.Linear: Gemm with transB.
{
  const sizes = [16, 64, 32, 32, 5];
  const names = ['fc1', 'fc2', 'fc3', 'output'];
  const nodes = [];
  const inits = [];
  let x = 'input_1';
  names.forEach((n, i) => {
    const [nIn, nOut] = [sizes[i], sizes[i + 1]];
    inits.push(tensor(`${n}.weight`, [nOut, nIn], weights(nIn * nOut, i + 1)), tensor(`${n}.bias`, [nOut], weights(nOut, i + 11)));
    nodes.push(node('Gemm', n, [x, `${n}.weight`, `${n}.bias`], [`${n}:out`], [int('transB', 1)]));
    const act = i === names.length - 1 ? 'Softmax' : 'Relu';
    nodes.push(node(act, `${n}_${act === 'Softmax' ? 'softmax' : 'relu'}`, [`${n}:out`], [`${n}:act`], act === 'Softmax' ? [int('axis', -1)] : []));
    x = `${n}:act`;
  });
  write('jet-tagger.onnx', { name: 'jet_tagger', node: nodes, initializer: inits, input: [value('input_1', [1, 16])], output: [value(x, [1, 5])] });
}

// 2. A QONNX MLP (Brevitas style): quantized input, MatMul + Add with 6-bit weights (scale 2^-4),
// unsigned 6-bit activations (scale 2^-2), a quarter of fc1's weights pruned to zero.
{
  const nodes = [];
  const inits = [scalar('zero', 0), scalar('s_in', 2 ** -3), scalar('bw8', 8), scalar('s_w', 2 ** -4), scalar('bw6', 6), scalar('s_act', 2 ** -2)];
  const quant = (name, input, scale, bits, signed) => node('Quant', name, [input, scale, 'zero', bits], [`${name}:out`], [int('signed', signed), int('narrow', 0), { name: 'rounding_mode', type: 3, s: new TextEncoder().encode('ROUND') }], 'qonnx.custom_op.general');
  nodes.push(quant('q_in', 'global_in', 's_in', 'bw8', 1));
  let x = 'q_in:out';
  [[16, 32, 'fc1', 4], [32, 8, 'fc2', 0]].forEach(([nIn, nOut, n, zeroEvery], i) => {
    inits.push(tensor(`${n}.W`, [nIn, nOut], weights(nIn * nOut, i + 21, zeroEvery)), tensor(`${n}.b`, [nOut], weights(nOut, i + 31)));
    nodes.push(quant(`${n}_wq`, `${n}.W`, 's_w', 'bw6', 1), quant(`${n}_bq`, `${n}.b`, 's_w', 'bw6', 1));
    nodes.push(node('MatMul', n, [x, `${n}_wq:out`], [`${n}:mm`]), node('Add', `${n}_bias`, [`${n}:mm`, `${n}_bq:out`], [`${n}:out`]));
    nodes.push(node('Relu', `${n}_relu`, [`${n}:out`], [`${n}:relu`]), quant(`${n}_aq`, `${n}:relu`, 's_act', 'bw6', 0));
    x = `${n}_aq:out`;
  });
  write('qonnx-mlp.onnx', { name: 'qonnx_mlp', node: nodes, initializer: inits, input: [value('global_in', [1, 16])], output: [value(x, [1, 8])] });
}

// 3. A small CNN, channels-first: Conv 3×3 with pads 1 (Keras 'same'), ReLU, MaxPool 2×2,
// a depthwise 3×3 without padding, Flatten, Gemm.
{
  const inits = [
    tensor('conv1.weight', [8, 3, 3, 3], weights(8 * 3 * 9, 41)),
    tensor('conv1.bias', [8], weights(8, 42)),
    tensor('dw.weight', [8, 1, 3, 3], weights(8 * 9, 43)),
    tensor('dw.bias', [8], weights(8, 44)),
    tensor('dense.weight', [10, 8 * 6 * 6], weights(10 * 288, 45)),
    tensor('dense.bias', [10], weights(10, 46)),
  ];
  const nodes = [
    node('Conv', 'conv1', ['image', 'conv1.weight', 'conv1.bias'], ['c1'], [ints('kernel_shape', [3, 3]), ints('pads', [1, 1, 1, 1]), ints('strides', [1, 1])]),
    node('Relu', 'conv1_relu', ['c1'], ['r1']),
    node('MaxPool', 'pool1', ['r1'], ['p1'], [ints('kernel_shape', [2, 2]), ints('strides', [2, 2])]),
    node('Conv', 'dw', ['p1', 'dw.weight', 'dw.bias'], ['d1'], [ints('kernel_shape', [3, 3]), int('group', 8)]),
    node('Flatten', 'flatten', ['d1'], ['f1'], [int('axis', 1)]),
    node('Gemm', 'dense', ['f1', 'dense.weight', 'dense.bias'], ['logits'], [int('transB', 1)]),
  ];
  write('small-cnn.onnx', { name: 'small_cnn', node: nodes, initializer: inits, input: [value('image', [1, 3, 16, 16])], output: [value('logits', [1, 10])] });
}
