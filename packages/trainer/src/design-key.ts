import type { Layer } from '@hlsest/core';

/** The architecture alone (layer kinds, shapes, widths), without reuse factors or precisions. */
export function canonicalArchitecture(layers: readonly Layer[]): string {
  return layers
    .map((l) => [l.kind, l.inputShape.join('x'), l.outputShape.join('x'), l.units ?? '', l.filters ?? '', (l.kernelSize ?? []).join('x'), (l.strides ?? []).join('x'), l.activation ?? ''].join(':'))
    .join('|');
}
