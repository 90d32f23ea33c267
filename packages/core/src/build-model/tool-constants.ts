// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.6218,
        productBits: 0.047,
        adderBits: 0.2803,
        accumulatorBits: 0,
        inputBits: 2.8,
        muxBits: 0.1294,
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
        adderBits: 1.339,
        accumulatorBits: 0.1212,
        inputBits: 0,
        muxBits: 0.4645,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 9.329,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.9788,
        accumulatorBits: 1.354,
        inputBits: 1.826,
        muxBits: 0.4757,
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
        lutramBits: 0.9433
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6007,
        accumulatorBits: 0,
        inputBits: 0.7663,
        muxBits: 0,
        pipelineBits: 0.2774,
        saturatingBits: 1.167,
        lutramBits: 0.1927
      },
      folded: {
        perLayer: 409.8,
        lutProductBits: 0,
        productBits: 0.4785,
        adderBits: 0.7043,
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
        inputBits: 0.02244,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 47.83,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.8219,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.03002,
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
        pipelineBits: 0.333,
        saturatingBits: 0,
        lutramBits: 0.2052
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
    sharedProductsOnDsp: true,
    sharedOperandsVariable: false,
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
        lutProductBits: 0.1585,
        productBits: 0,
        adderBits: 0.2339,
        accumulatorBits: 2.289,
        inputBits: 3.633,
        muxBits: 0.0923,
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
        adderBits: 0.6328,
        accumulatorBits: 4,
        inputBits: 0.2539,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.0007326,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6145,
        accumulatorBits: 4,
        inputBits: 0.259,
        muxBits: 0.1254,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 225.3,
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
        lutProductBits: 0.09271,
        productBits: 0,
        adderBits: 0.4022,
        accumulatorBits: 0.02203,
        inputBits: 2.558,
        muxBits: 0,
        pipelineBits: 0.2774,
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
        perLayer: 7.874,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.008406,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.7254,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 10.77,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.006744,
        accumulatorBits: 0.005918,
        inputBits: 0.004151,
        muxBits: 0.02187,
        pipelineBits: 0.822,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 20.44,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.8278,
        saturatingBits: 0,
        lutramBits: 2.115
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
    sharedProductsOnDsp: false,
    sharedOperandsVariable: false,
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
        lutProductBits: 0.1658,
        productBits: 0,
        adderBits: 0.3055,
        accumulatorBits: 0.2016,
        inputBits: 4,
        muxBits: 0.5373,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4616
      },
      folded: {
        perLayer: 1949,
        lutProductBits: 0.2005,
        productBits: 0.7794,
        adderBits: 0,
        accumulatorBits: 4,
        inputBits: 0.3386,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.116
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
        adderBits: 1.149,
        accumulatorBits: 0.244,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.6842,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 2.416,
        accumulatorBits: 1.663,
        inputBits: 0,
        muxBits: 0.0536,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 9.757,
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
        lutProductBits: 0.003914,
        productBits: 0,
        adderBits: 0.4967,
        accumulatorBits: 0,
        inputBits: 2.137,
        muxBits: 0.2107,
        pipelineBits: 0.8469,
        saturatingBits: 0,
        lutramBits: 0.1746
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
        lutramBits: 0.8425
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
        adderBits: 0.1094,
        accumulatorBits: 0,
        inputBits: 1.192,
        muxBits: 0,
        pipelineBits: 0.1094,
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
        lutramBits: 0.8175
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
    sharedProductsOnDsp: false,
    sharedOperandsVariable: true,
    streamOverlap: false,
    streamFifoPerElement: false,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0.8333,
      ff: 1.034,
      lut: 1.157
    },
    synthTransferByYear: {
      2023: {
        ff: 1.034,
        lut: 1.159
      },
      2024: {
        ff: 0.9423,
        lut: 0.7572
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
