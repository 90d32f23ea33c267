// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.6349,
        productBits: 0.001121,
        adderBits: 0.2326,
        accumulatorBits: 0,
        inputBits: 2.923,
        muxBits: 0.04918,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      folded: {
        perLayer: 673.6,
        lutProductBits: 0,
        productBits: 0.8353,
        adderBits: 2.671,
        accumulatorBits: 4,
        inputBits: 1.909,
        muxBits: 0.6948,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0
      },
      recurrent: {
        perLayer: 459.1,
        lutProductBits: 0,
        productBits: 2.47,
        adderBits: 10.3,
        accumulatorBits: 9.509,
        inputBits: 2.11,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      passive: {
        perLayer: 0.6747,
        lutProductBits: 0.1682,
        productBits: 0,
        adderBits: 0.8542,
        accumulatorBits: 0.7863,
        inputBits: 0,
        muxBits: 0.4998,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 8.785,
        lutProductBits: 0.05699,
        productBits: 0,
        adderBits: 0.9902,
        accumulatorBits: 1.551,
        inputBits: 1.414,
        muxBits: 0.3384,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.1518
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
        lutramBits: 1.961
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3961,
        accumulatorBits: 0,
        inputBits: 1.422,
        muxBits: 0.006805,
        pipelineBits: 0.2732,
        saturatingBits: 1.241,
        lutramBits: 0.121
      },
      folded: {
        perLayer: 417.3,
        lutProductBits: 0,
        productBits: 0.5053,
        adderBits: 0.727,
        accumulatorBits: 1.563,
        inputBits: 2.907,
        muxBits: 0.2381,
        pipelineBits: 0,
        saturatingBits: 1.176,
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
        perLayer: 1.055,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0.9647,
        muxBits: 0.08161,
        pipelineBits: 0.01494,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 43.94,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4842,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0.01105,
        pipelineBits: 0.09111,
        saturatingBits: 0,
        lutramBits: 0.1605
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.8442,
        saturatingBits: 0,
        lutramBits: 0.2462
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
      activationNs: 0,
      tableCycles: 0,
      softmaxCycles: 5,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 20,
      dataflowCycles: -3,
      pipelineCyclesPerLayer: 0
    },
    sharedProductsOnDsp: true,
    sharedOperandsVariable: false,
    poolingDivision: {
      kind: "divider",
      cycles: 20,
      ff: 776.4,
      lut: 467.6
    },
    streamOverlap: true,
    streamFifoPerElement: true,
    streamOverheadCycles: 0,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1,
      lutPerMovedRomBit: 0
    },
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2020: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1643,
        productBits: 0,
        adderBits: 0.1861,
        accumulatorBits: 1.546,
        inputBits: 3.198,
        muxBits: 0.01709,
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
        adderBits: 1.125,
        accumulatorBits: 2.148,
        inputBits: 0.9295,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.001059,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6582,
        accumulatorBits: 4,
        inputBits: 0.2753,
        muxBits: 0.194,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 241.7,
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
        lutProductBits: 0.09285,
        productBits: 0,
        adderBits: 0.4008,
        accumulatorBits: 0.0634,
        inputBits: 2.56,
        muxBits: 0,
        pipelineBits: 0.2732,
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
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 2.36,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.3878,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 10.77,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.006468,
        accumulatorBits: 0.005757,
        inputBits: 0.00399,
        muxBits: 0.02082,
        pipelineBits: 0.8172,
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
        pipelineBits: 0.828,
        saturatingBits: 0,
        lutramBits: 2.113
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
      activationNs: 3.5,
      tableCycles: 7,
      softmaxCycles: 5,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 1
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: false,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    streamOverheadCycles: 4,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1,
      lutPerMovedRomBit: 0
    },
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2023: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1643,
        productBits: 0,
        adderBits: 0.1861,
        accumulatorBits: 1.206,
        inputBits: 2.736,
        muxBits: 0.01709,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      folded: {
        perLayer: 256.3,
        lutProductBits: 0,
        productBits: 4,
        adderBits: 3.586,
        accumulatorBits: 4,
        inputBits: 2.301,
        muxBits: 0.7847,
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
        adderBits: 0.9445,
        accumulatorBits: 1.904,
        inputBits: 0.8379,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.5338,
        accumulatorBits: 3.304,
        inputBits: 0.23,
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
        lutramBits: 3.304
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.09285,
        productBits: 0,
        adderBits: 0.4008,
        accumulatorBits: 0,
        inputBits: 2.065,
        muxBits: 0,
        pipelineBits: 0.2732,
        saturatingBits: 0,
        lutramBits: 0
      },
      folded: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 1.116,
        adderBits: 0,
        accumulatorBits: 3.55,
        inputBits: 1.528,
        muxBits: 0.5349,
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
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 1.792,
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
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.1736,
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
        pipelineBits: 0.4917,
        saturatingBits: 0,
        lutramBits: 1.843
      }
    },
    timing: {
      productNs: 4,
      adderLevelNs: 2.75,
      overheadCycles: -1,
      cyclesPerInput: 0,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.35,
      foldedFillCycles: 3,
      foldedStepOverhead: 10,
      activationNs: 3.5,
      tableCycles: 0,
      softmaxCycles: 5,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 1
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: true,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0,
      ff: 1.14,
      lut: 1.022,
      lutPerMovedRomBit: 0.0307
    },
    synthTransferByYear: {
      2023: {
        ff: 1.14,
        lut: 1.022
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12,
    weightCopies: {
      minOutscale: 8,
      maxOutscale: 9,
      keptAfterSynthesis: [
        {
          maxBits: 12,
          minCopies: 2
        },
        {
          maxBits: 14,
          minCopies: 4
        },
        {
          maxBits: 64,
          minCopies: 8
        }
      ]
    }
  },
  vitis_hls_2024: {
    lut: {
      unrolled: {
        perLayer: 1.829,
        lutProductBits: 0.1663,
        productBits: 0,
        adderBits: 0.2513,
        accumulatorBits: 0.3185,
        inputBits: 4,
        muxBits: 0.405,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4645
      },
      folded: {
        perLayer: 1410,
        lutProductBits: 0.4374,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 3.641,
        inputBits: 0.06868,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.277
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
        perLayer: 2.937,
        lutProductBits: 0.4143,
        productBits: 0,
        adderBits: 0.7988,
        accumulatorBits: 0.8554,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.9731,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.485,
        accumulatorBits: 2.494,
        inputBits: 0.8773,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 0.52,
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
        lutProductBits: 0.001328,
        productBits: 0,
        adderBits: 0.4551,
        accumulatorBits: 0,
        inputBits: 2.314,
        muxBits: 0.1494,
        pipelineBits: 0.8599,
        saturatingBits: 0,
        lutramBits: 0.1551
      },
      folded: {
        perLayer: 0.8069,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.185,
        accumulatorBits: 4,
        inputBits: 2.865,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.1603
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
        perLayer: 2.363,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.09033,
        accumulatorBits: 0.2261,
        inputBits: 0.7825,
        muxBits: 0.2368,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0.00792,
        productBits: 0,
        adderBits: 0.6059,
        accumulatorBits: 0,
        inputBits: 1.966,
        muxBits: 0,
        pipelineBits: 0.1736,
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
        pipelineBits: 0.6786,
        saturatingBits: 0,
        lutramBits: 0
      }
    },
    timing: {
      productNs: 4.5,
      adderLevelNs: 2.75,
      overheadCycles: -2,
      cyclesPerInput: 0.1,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.55,
      foldedFillCycles: 4,
      foldedStepOverhead: 7,
      activationNs: 3.5,
      tableCycles: 1,
      softmaxCycles: 5,
      softmaxCyclesPerLevel: 3,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 0
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: true,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0.8571,
      ff: 0.8079,
      lut: 0.7411,
      lutPerMovedRomBit: 0.07259
    },
    synthTransferByYear: {
      2024: {
        ff: 0.8079,
        lut: 0.7411
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
