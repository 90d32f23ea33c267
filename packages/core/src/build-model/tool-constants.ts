// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0.4317,
        adderBits: 0.3894,
        accumulatorBits: 0,
        inputBits: 2.236,
        muxBits: 0.1146,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      folded: {
        perLayer: 673.6,
        lutProductBits: 0,
        productBits: 0.8357,
        adderBits: 2.671,
        accumulatorBits: 4,
        inputBits: 1.909,
        muxBits: 0.6953,
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
        adderBits: 1.442,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0.4148,
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
        lutramBits: 3.909
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4222,
        accumulatorBits: 0,
        inputBits: 1.112,
        muxBits: 0.005801,
        pipelineBits: 0.02195,
        saturatingBits: 1.24,
        lutramBits: 0.1641
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
        inputBits: 0.03427,
        muxBits: 0,
        pipelineBits: 0.009455,
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
        lutramBits: 0.206
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
    streamFifoPerElement: true,
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
        perLayer: 236.3,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 4
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1239,
        productBits: 0,
        adderBits: 0.3197,
        accumulatorBits: 0,
        inputBits: 2.19,
        muxBits: 0,
        pipelineBits: 0.02195,
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
        perLayer: 10.75,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.001753,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.7348,
        saturatingBits: 0,
        lutramBits: 0
      },
      stream: {
        perLayer: 20.38,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 2.076
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
    streamFifoPerElement: false,
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
        lutProductBits: 0.1359,
        productBits: 0,
        adderBits: 0.2467,
        accumulatorBits: 0,
        inputBits: 3.782,
        muxBits: 0.7707,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.3308
      },
      folded: {
        perLayer: 2011,
        lutProductBits: 0.2303,
        productBits: 0.7587,
        adderBits: 0,
        accumulatorBits: 4,
        inputBits: 0.1752,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.223
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
        adderBits: 1.297,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0.8354,
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
        lutramBits: 0.5864
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4082,
        accumulatorBits: 0,
        inputBits: 2.184,
        muxBits: 0.249,
        pipelineBits: 0.8257,
        saturatingBits: 0,
        lutramBits: 0.1789
      },
      folded: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.23,
        accumulatorBits: 4,
        inputBits: 1.264,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8849
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
        adderBits: 1.394,
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
        lutramBits: 1.544
      }
    },
    timing: {
      productNs: 4.5,
      adderLevelNs: 2.75,
      overheadCycles: -2,
      cyclesPerInput: 0.1,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.55,
      foldedFillCycles: 3,
      foldedStepOverhead: 7,
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
    streamFifoPerElement: false,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0.8333,
      ff: 1.06,
      lut: 1.171
    },
    synthTransferByYear: {
      2023: {
        ff: 1.06,
        lut: 1.172
      },
      2024: {
        ff: 0.9825,
        lut: 0.7783
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
