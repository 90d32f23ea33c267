/**
 * BRAM is the one resource whose unit changes between tools: C-synthesis counts 18 Kb blocks
 * (`BRAM_18K`), Vivado `report_utilization` counts 36 Kb tiles ("Block RAM Tile", 0.5 = one
 * 18 Kb block). hlsest stores and predicts 18 Kb blocks only; convert at the edge.
 */
export type Bram36Tiles = number & { readonly __unit: 'bram36' };
export type Bram18Blocks = number;

export function bram36ToBram18(tiles: number): Bram18Blocks {
  return tiles * 2;
}

export function bram18ToBram36(blocks: Bram18Blocks): number {
  return blocks / 2;
}
