import { describe, expect, it } from 'vitest';
import { unreleasedFunctions } from './unreleased-functions.js';

describe('unreleasedFunctions', () => {
  it('names the development-branch functions among module names, once each', () => {
    expect(
      unreleasedFunctions([
        'conv_2d_large_cl2_ap_fixed_ap_fixed_config2_s',
        'dense_large_stream_ap_fixed_ap_fixed_config16_s',
        'softmax_stream',
        'conv_2d_large_cl2_ap_fixed_ap_fixed_config7_s',
      ]),
    ).toEqual(['conv_2d_large_cl2', 'dense_large_stream', 'softmax_stream']);
  });

  it('finds nothing in a release build, including functions whose names start alike', () => {
    expect(unreleasedFunctions(['conv_2d_cl_array_array_ap_fixed_16u_config2_s', 'dense_large_ap_fixed_ap_fixed_config2_s', 'softmax_array_array_ap_fixed_8u_softmax_config17_s', 'leaky_relu_array_array_LeakyReLU_config5_253'])).toEqual([]);
  });
});
