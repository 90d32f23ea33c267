// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0.4069,
        adderBits: 0.3894,
        accumulatorBits: 0,
        inputBits: 2.29,
        muxBits: 0.1145,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      folded: {
        perLayer: 673.4,
        lutProductBits: 0,
        productBits: 0.8356,
        adderBits: 2.671,
        accumulatorBits: 4,
        inputBits: 1.909,
        muxBits: 0.6951,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 505.5,
        lutProductBits: 0,
        productBits: 2.461,
        adderBits: 10.34,
        accumulatorBits: 9.404,
        inputBits: 2.213,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8273
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.612,
        accumulatorBits: 0.05144,
        inputBits: 0,
        muxBits: 0.3401,
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.96
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4162,
        accumulatorBits: 0,
        inputBits: 1.116,
        muxBits: 0.0058,
        pipelineBits: 0,
        saturatingBits: 1.243,
        lutramBits: 0.1644
      },
      folded: {
        perLayer: 414.1,
        lutProductBits: 0,
        productBits: 0.4894,
        adderBits: 0.7136,
        accumulatorBits: 1.547,
        inputBits: 2.915,
        muxBits: 0.2285,
        pipelineBits: 0,
        saturatingBits: 1.226,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 1108,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 4.021,
        accumulatorBits: 2.92,
        inputBits: 0.8904,
        muxBits: 0.1878,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.8727,
        accumulatorBits: 0,
        inputBits: 0.03422,
        muxBits: 0,
        pipelineBits: 0.009398,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.103
      }
    },
    timing: {
      productNs: 3,
      adderLevelNs: 1.75,
      overheadCycles: 1,
      cyclesPerInput: 0.45,
      rolledInputsPerCycle: 3,
      sharedProductShare: 0,
      foldedFillCycles: 6,
      foldedStepOverhead: 10,
      activationCycles: 0,
      tableCycles: 0,
      softmaxCycles: 4,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 20,
      dataflowCycles: -3,
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
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2020: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1728,
        productBits: 0,
        adderBits: 0.1988,
        accumulatorBits: 1.401,
        inputBits: 3.256,
        muxBits: 0.07836,
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6212,
        accumulatorBits: 4,
        inputBits: 0.2591,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 94.45,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 2.74
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1261,
        productBits: 0,
        adderBits: 0.3143,
        accumulatorBits: 0,
        inputBits: 2.19,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 10.7,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.001886,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.7346,
        saturatingBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 16.73,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8265
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
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2023: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1432,
        productBits: 0,
        adderBits: 0.2372,
        accumulatorBits: 0,
        inputBits: 3.925,
        muxBits: 0.8943,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.3055
      },
      folded: {
        perLayer: 1966,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.914,
        accumulatorBits: 4,
        inputBits: 1.292,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.377
      },
      recurrent: {
        perLayer: 150,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1,
        accumulatorBits: 5,
        inputBits: 2,
        muxBits: 0.1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.499,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0.563,
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.6241
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.00246,
        productBits: 0,
        adderBits: 0.4114,
        accumulatorBits: 0,
        inputBits: 2.1,
        muxBits: 0.5357,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.1864
      },
      folded: {
        perLayer: 1562,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.175,
        accumulatorBits: 1.426,
        inputBits: 2.872,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4192
      },
      recurrent: {
        perLayer: 100,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3,
        accumulatorBits: 3.5,
        inputBits: 4,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.374,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
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
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8759
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
      ff: 1.012,
      lut: 1.024
    },
    synthTransferByYear: {
      2023: {
        ff: 1.011,
        lut: 1.025
      },
      2024: {
        ff: 1.166,
        lut: 0.9178
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
