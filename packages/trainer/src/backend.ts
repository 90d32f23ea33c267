import type * as TF from '@tensorflow/tfjs';
import { HlsestError } from '@hlsest/core';

export type Tf = typeof TF;

let ready: Promise<{ tf: Tf; backend: string }> | undefined;

/**
 * TensorFlow.js on the fastest backend this machine has: tfjs-node when the user installed it
 * (native TensorFlow), else the WebAssembly backend, single-threaded because this build of it
 * has no thread support here. `setBackend` returning false would silently leave the slow
 * pure-JS backend in place, so that is an error.
 */
export function loadTensorflow(): Promise<{ tf: Tf; backend: string }> {
  ready ??= (async () => {
    const nodeModule = '@tensorflow/tfjs-node';
    try {
      const tf = (await import(nodeModule)) as Tf;
      await tf.ready();
      return { tf, backend: tf.getBackend() };
    } catch {
      // Not installed: the usual case on machines that cannot fetch libtensorflow.
    }
    const tf = await import('@tensorflow/tfjs');
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await tf.setBackend('wasm'))) {
      throw new HlsestError('HLSEST_BAD_INPUT', 'the TensorFlow.js wasm backend failed to start; training on the pure-JS backend would be far too slow');
    }
    await tf.ready();
    return { tf, backend: 'wasm' };
  })();
  return ready;
}
