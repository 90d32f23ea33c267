import { HlsestError, layerRule, type HlsConfig, type Layer } from '@hlsest/core';

/** ap_fixed/ap_int wider than this need AP_INT_MAX_W raised, which hls4ml's projects never do. */
const MAX_WIDTH = 1024;
/** Products in one design beyond any FPGA's reach by orders of magnitude. */
const MAX_PRODUCTS = 1e11;

/**
 * Designs hls4ml cannot build, or that are too absurd to estimate, are refused with the reason
 * instead of getting a many-digit number: types wider than the HLS libraries allow, clocks no
 * FPGA design runs at, products beyond any device.
 */
export function checkDesign(layers: readonly Layer[], config: HlsConfig): void {
  const widths = [config.precision, ...layers.flatMap((l) => [l.precision?.weight, l.precision?.bias, l.precision?.result, l.precision?.accum, l.precision?.table])];
  const wide = widths.find((p) => p !== undefined && p.width > MAX_WIDTH);
  if (wide) {
    throw new HlsestError('HLSEST_BAD_PRECISION', `a ${wide.width}-bit type: ap_fixed and ap_int above ${MAX_WIDTH} bits need AP_INT_MAX_W raised, which hls4ml's projects do not do`, { width: wide.width });
  }
  const clock = config.clockPeriodNs;
  if (!(clock >= 0.5 && clock <= 1000)) {
    throw new HlsestError('HLSEST_BAD_CONFIG', `clock period ${clock} ns is outside 0.5–1000 ns (2 GHz to 1 MHz), where no HLS design for an FPGA runs`, { clockPeriodNs: clock });
  }
  let products = 0;
  for (const layer of layers) {
    const mult = layerRule(layer.kind).multSize(layer);
    if (mult) products += (mult.products ?? mult.nIn * mult.nOut) * mult.applications;
  }
  if (products > MAX_PRODUCTS) {
    throw new HlsestError('HLSEST_BAD_MODEL', `${products.toExponential(1)} multiplications per inference: far beyond any FPGA (the largest hold ~10⁴ DSPs); check the model's shapes`, { products });
  }
}
