// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 103.3,
        lutProductBits: 0,
        productBits: 0.2629,
        adderBits: 4,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 1,
        lutramBits: 0
      },
      folded: {
        perLayer: 786.9,
        lutProductBits: 0,
        productBits: 2.714,
        adderBits: 1.348,
        accumulatorBits: 4,
        inputBits: 2.093,
        muxBits: 1,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 863.5,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 15.33,
        accumulatorBits: 6.779,
        inputBits: 1.859,
        muxBits: 0,
        lutramBits: 1.151
      },
      passive: {
        perLayer: 52.6,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.404,
        accumulatorBits: 0.3217,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 2.235
      }
    },
    ff: {
      unrolled: {
        perLayer: 17.8,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.94,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      folded: {
        perLayer: 604.1,
        lutProductBits: 0,
        productBits: 1.017,
        adderBits: 0.5241,
        accumulatorBits: 1.174,
        inputBits: 2.611,
        muxBits: 0.4415,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 1410,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 3.973,
        accumulatorBits: 2.871,
        inputBits: 0.4937,
        muxBits: 0.2018,
        lutramBits: 0
      },
      passive: {
        perLayer: 22.17,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.556,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0.1759
      }
    },
    timing: {
      productNs: 3,
      adderLevelNs: 1.75,
      overheadCycles: 1,
      cyclesPerInput: 0.45,
      rolledInputsPerCycle: 3,
      sharedProductShare: 0,
      foldedFillCycles: 15,
      foldedStepOverhead: 10,
      activationCycles: 0,
      tableCycles: 0,
      softmaxCycles: 0,
      softmaxCyclesPerLevel: 2,
      recurrentStepCycles: 20,
      dataflowCycles: -4,
      pipelineCyclesPerLayer: 0
    },
    constantProductDspShare: {
      narrow: 0.1503,
      wide: 0.6211
    },
    sharedProductsOnDsp: true,
    streamOverlap: true,
    streamOverheadCycles: 0,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2020: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1707,
        productBits: 0,
        adderBits: 0.194,
        accumulatorBits: 1.896,
        inputBits: 3.26,
        muxBits: 0.06968,
        lutramBits: 0
      },
      folded: {
        perLayer: 150,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1,
        accumulatorBits: 4,
        inputBits: 2,
        muxBits: 0.1,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 150,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1,
        accumulatorBits: 5,
        inputBits: 2,
        muxBits: 0.1,
        lutramBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 3.55,
        accumulatorBits: 0.2262,
        inputBits: 0.6908,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 116,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 4
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1231,
        productBits: 0,
        adderBits: 0.3054,
        accumulatorBits: 0.398,
        inputBits: 2.396,
        muxBits: 0,
        lutramBits: 0
      },
      folded: {
        perLayer: 100,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3,
        accumulatorBits: 3.5,
        inputBits: 4,
        muxBits: 0,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 100,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3,
        accumulatorBits: 3.5,
        inputBits: 4,
        muxBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 32.29,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 18.32,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 2.773
      }
    },
    timing: {
      productNs: 4,
      adderLevelNs: 2.75,
      overheadCycles: 0,
      cyclesPerInput: 0,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.35,
      foldedFillCycles: 3,
      foldedStepOverhead: 10,
      activationCycles: 0,
      tableCycles: 7,
      softmaxCycles: 4,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 2
    },
    constantProductDspShare: {
      narrow: 0.1503,
      wide: 0.6211
    },
    sharedProductsOnDsp: false,
    streamOverlap: false,
    streamOverheadCycles: 4,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2023: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1368,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 4,
        muxBits: 1,
        lutramBits: 0.4633
      },
      folded: {
        perLayer: 2487,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.899,
        accumulatorBits: 4,
        inputBits: 1.027,
        muxBits: 1,
        lutramBits: 1.386
      },
      recurrent: {
        perLayer: 2183,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.891,
        accumulatorBits: 3.79,
        inputBits: 0.5677,
        muxBits: 3.436,
        lutramBits: 1.571
      },
      passive: {
        perLayer: 109.9,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.464,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 2.409,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0.7854
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.002154,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 2.79,
        muxBits: 0.5484,
        lutramBits: 0.1522
      },
      folded: {
        perLayer: 1561,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.176,
        accumulatorBits: 1.479,
        inputBits: 2.794,
        muxBits: 1,
        lutramBits: 0.4323
      },
      recurrent: {
        perLayer: 1772,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.186,
        accumulatorBits: 0.4943,
        inputBits: 2.658,
        muxBits: 3.022,
        lutramBits: 0.3869
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.538,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        lutramBits: 1.15
      }
    },
    timing: {
      productNs: 4,
      adderLevelNs: 2.75,
      overheadCycles: -1,
      cyclesPerInput: 0.1,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.55,
      foldedFillCycles: 3,
      foldedStepOverhead: 6,
      activationCycles: 0,
      tableCycles: 1,
      softmaxCycles: 4,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 0
    },
    constantProductDspShare: {
      narrow: 0.1503,
      wide: 0.6211
    },
    sharedProductsOnDsp: false,
    streamOverlap: false,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0.8333,
      ff: 1.013,
      lut: 0.9899
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
