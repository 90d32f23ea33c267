// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0.4258,
        adderBits: 0.3903,
        accumulatorBits: 0,
        inputBits: 2.247,
        muxBits: 0.1146,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      folded: {
        perLayer: 673.5,
        lutProductBits: 0,
        productBits: 0.8357,
        adderBits: 2.671,
        accumulatorBits: 4,
        inputBits: 1.909,
        muxBits: 0.6952,
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
        adderBits: 1.417,
        accumulatorBits: 0.008647,
        inputBits: 0,
        muxBits: 0.4427,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 9.003,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.9834,
        accumulatorBits: 1.345,
        inputBits: 1.836,
        muxBits: 0.4615,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8165
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.5176,
        accumulatorBits: 0,
        inputBits: 0.8075,
        muxBits: 0,
        pipelineBits: 0.06674,
        saturatingBits: 1.205,
        lutramBits: 0.1974
      },
      folded: {
        perLayer: 409.8,
        lutProductBits: 0,
        productBits: 0.4785,
        adderBits: 0.7044,
        accumulatorBits: 1.541,
        inputBits: 2.923,
        muxBits: 0.2216,
        pipelineBits: 0,
        saturatingBits: 1.261,
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
        adderBits: 1.117,
        accumulatorBits: 0,
        inputBits: 0.02184,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 47.79,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.8219,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.03005,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.319,
        saturatingBits: 0,
        lutramBits: 0.2045
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
      streamed: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6208,
        accumulatorBits: 4,
        inputBits: 0.2591,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
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
        lutProductBits: 0.12,
        productBits: 0,
        adderBits: 0.3334,
        accumulatorBits: 0,
        inputBits: 2.047,
        muxBits: 0,
        pipelineBits: 0.06674,
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
        perLayer: 5.619,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.01362,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.718,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 10.75,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.0009023,
        accumulatorBits: 0.002311,
        inputBits: 0.0005553,
        muxBits: 0.002915,
        pipelineBits: 0.7462,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 20.39,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.8271,
        saturatingBits: 0,
        lutramBits: 2.081
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
        lutProductBits: 0.1249,
        productBits: 0,
        adderBits: 0.2379,
        accumulatorBits: 0,
        inputBits: 3.957,
        muxBits: 0.8507,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.3249
      },
      folded: {
        perLayer: 1961,
        lutProductBits: 0.3657,
        productBits: 0.3454,
        adderBits: 0,
        accumulatorBits: 4,
        inputBits: 0.3658,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.115
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
        adderBits: 1.285,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.543,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.571,
        accumulatorBits: 1.294,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4082,
        accumulatorBits: 0,
        inputBits: 2.25,
        muxBits: 0.243,
        pipelineBits: 0.8349,
        saturatingBits: 0,
        lutramBits: 0.1698
      },
      folded: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.226,
        accumulatorBits: 4,
        inputBits: 1.424,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8412
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
        adderBits: 1.469,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.1602,
        accumulatorBits: 0,
        inputBits: 1.203,
        muxBits: 0,
        pipelineBits: 0.09677,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8082
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
      ff: 1.034,
      lut: 1.152
    },
    synthTransferByYear: {
      2023: {
        ff: 1.034,
        lut: 1.153
      },
      2024: {
        ff: 0.9715,
        lut: 0.7633
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
