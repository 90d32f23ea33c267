/**
 * Firmware functions a C-synthesis report can name that no hls4ml release's Vivado or Vitis
 * templates define: a design whose report names one was built by a development branch, whose
 * layers hls4ml's released rules do not describe. Checked with `git grep` over every release tag
 * of fastmachinelearning/hls4ml (v0.1.0–v1.3.0, `templates/vivado*` and `templates/vitis`):
 * none defines them (`softmax_stream` and `leaky_relu_stream` exist only in the oneAPI backend,
 * from v1.0, whose reports are not csynth's). Seen in the Keb-L line-buffer and kernel-window
 * comparisons (`dense_large_stream`, `conv_2d_large_cl2`) and its "phil" streaming branch.
 */
const UNRELEASED = ['dense_large_stream', 'conv_2d_large_cl2', 'softmax_stream', 'leaky_relu_stream'] as const;

/** The unreleased functions among a report's module names (`dense_large_stream_ap_fixed_…_config16_s` → `dense_large_stream`). */
export function unreleasedFunctions(modules: readonly string[]): string[] {
  const found = new Set<string>();
  for (const module of modules) {
    const name = module.toLowerCase();
    for (const fn of UNRELEASED) if (name === fn || name.startsWith(`${fn}_`)) found.add(fn);
  }
  return [...found].sort();
}
