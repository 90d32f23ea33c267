// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.6334,
        productBits: 0.004837,
        adderBits: 0.2299,
        accumulatorBits: 0,
        inputBits: 2.923,
        muxBits: 0.04912,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0,
        portBits: 2.529
      },
      folded: {
        perLayer: 676.7,
        lutProductBits: 0,
        productBits: 0.847,
        adderBits: 2.694,
        accumulatorBits: 4,
        inputBits: 1.894,
        muxBits: 0.6935,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0,
        portBits: 0.02128
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 1.013,
        lutProductBits: 0.168,
        productBits: 0,
        adderBits: 0.8525,
        accumulatorBits: 0.787,
        inputBits: 0,
        muxBits: 0.5031,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 8.784,
        lutProductBits: 0.05699,
        productBits: 0,
        adderBits: 0.9902,
        accumulatorBits: 1.55,
        inputBits: 1.414,
        muxBits: 0.3383,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.1518,
        portBits: 0
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
        lutramBits: 1.955,
        portBits: 0
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3769,
        accumulatorBits: 0,
        inputBits: 1.436,
        muxBits: 0,
        pipelineBits: 0.1542,
        saturatingBits: 1.25,
        lutramBits: 0.1214,
        portBits: 1.347
      },
      folded: {
        perLayer: 381.7,
        lutProductBits: 0,
        productBits: 0.5494,
        adderBits: 0.7643,
        accumulatorBits: 1.677,
        inputBits: 2.953,
        muxBits: 0.2368,
        pipelineBits: 0,
        saturatingBits: 1.1,
        lutramBits: 0,
        portBits: 0
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 1.2,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0.9645,
        muxBits: 0.08224,
        pipelineBits: 0.03187,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 43.93,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4844,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0.01095,
        pipelineBits: 0.09809,
        saturatingBits: 0,
        lutramBits: 0.1605,
        portBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.8012,
        saturatingBits: 0,
        lutramBits: 0.246,
        portBits: 0
      }
    },
    timing: {
      productNs: 3,
      adderLevelNs: 1.75,
      overheadCycles: 1,
      cyclesPerInput: 0.45,
      rolledInputsPerCycle: 3,
      sharedProductShare: 0.01,
      foldedFillCycles: 6,
      foldedStepOverhead: 10,
      activationNs: 0,
      tableCycles: 0,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 20,
      dataflowCycles: -3,
      pipelineCyclesPerLayer: 0,
      kernelCallCycles: 0
    },
    sharedProductsOnDsp: true,
    sharedOperandsVariable: false,
    poolingDivision: {
      kind: "divider",
      cycles: 20,
      ff: 776.4,
      lut: 467.7
    },
    streamOverlap: true,
    streamFifoPerElement: true,
    lutramFifoDepth: 0,
    streamOverheadCycles: 0,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1,
      lutPerMovedRomBit: 0,
      lutPerOutputBit: 0
    },
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2020: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1645,
        productBits: 0,
        adderBits: 0.1858,
        accumulatorBits: 1.507,
        inputBits: 3.294,
        muxBits: 0.01702,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 3.112
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
        lutramBits: 0,
        portBits: 0
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.18,
        accumulatorBits: 2.076,
        inputBits: 0.9383,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0.001057,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.6579,
        accumulatorBits: 4,
        inputBits: 0.2752,
        muxBits: 0.1936,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 241.5,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 4,
        portBits: 0
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.0969,
        productBits: 0,
        adderBits: 0.3825,
        accumulatorBits: 0.121,
        inputBits: 3.403,
        muxBits: 0,
        pipelineBits: 0.1542,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 1.959
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
        lutramBits: 0,
        portBits: 0
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.004055,
        inputBits: 0.7408,
        muxBits: 0,
        pipelineBits: 0.6769,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 10.94,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.07213,
        accumulatorBits: 0.04619,
        inputBits: 0.04428,
        muxBits: 0.2359,
        pipelineBits: 1.172,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 21.01,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.8133,
        saturatingBits: 0,
        lutramBits: 2.498,
        portBits: 0
      }
    },
    timing: {
      productNs: 4,
      adderLevelNs: 2.75,
      overheadCycles: 0,
      cyclesPerInput: 0,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.5,
      foldedFillCycles: 3,
      foldedStepOverhead: 10,
      activationNs: 3.5,
      tableCycles: 3,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 1,
      kernelCallCycles: 1
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: false,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    lutramFifoDepth: 0,
    streamOverheadCycles: 6,
    synthTransfer: {
      bram18k: 1,
      ff: 1,
      lut: 1,
      lutPerMovedRomBit: 0,
      lutPerOutputBit: 0
    },
    synthTransferByYear: {},
    bramMinBits: 1024,
    bramRemainderBits: 12
  },
  vitis_hls_2023: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.1645,
        productBits: 0,
        adderBits: 0.1858,
        accumulatorBits: 1.148,
        inputBits: 3.03,
        muxBits: 0.01702,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 2.871
      },
      folded: {
        perLayer: 63.42,
        lutProductBits: 0,
        productBits: 4,
        adderBits: 1.185,
        accumulatorBits: 4,
        inputBits: 3.588,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 1.584
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.96,
        accumulatorBits: 1.806,
        inputBits: 0.8313,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.5301,
        accumulatorBits: 3.284,
        inputBits: 0.2287,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
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
        lutramBits: 3.284,
        portBits: 0.2141
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.0969,
        productBits: 0,
        adderBits: 0.3825,
        accumulatorBits: 0.00513,
        inputBits: 2.903,
        muxBits: 0,
        pipelineBits: 0.1542,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 1.781
      },
      folded: {
        perLayer: 92.72,
        lutProductBits: 0.0002538,
        productBits: 0,
        adderBits: 0.2144,
        accumulatorBits: 2.174,
        inputBits: 4,
        muxBits: 0.0723,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 1.88
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0.6178,
        muxBits: 0,
        pipelineBits: 0.3344,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.4417,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.5463,
        saturatingBits: 0,
        lutramBits: 1.867,
        portBits: 0
      }
    },
    timing: {
      productNs: 4,
      adderLevelNs: 2.75,
      overheadCycles: -1,
      cyclesPerInput: 0,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.5,
      foldedFillCycles: 3,
      foldedStepOverhead: 10,
      activationNs: 3.5,
      tableCycles: 0,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 0,
      kernelCallCycles: 1
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: true,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    lutramFifoDepth: 0,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0,
      ff: 1.086,
      lut: 0.9318,
      lutPerMovedRomBit: 0.0277,
      lutPerOutputBit: 1.169
    },
    synthTransferByYear: {
      2023: {
        ff: 1.086,
        lut: 0.9318
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
        perLayer: 1.773,
        lutProductBits: 0.2505,
        productBits: 0,
        adderBits: 0.2418,
        accumulatorBits: 0.2362,
        inputBits: 4,
        muxBits: 0.3123,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4638,
        portBits: 4
      },
      folded: {
        perLayer: 594,
        lutProductBits: 0.1504,
        productBits: 0,
        adderBits: 1.831,
        accumulatorBits: 4,
        inputBits: 0.5775,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.223,
        portBits: 4
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 3.268,
        lutProductBits: 0.3985,
        productBits: 0,
        adderBits: 0.7817,
        accumulatorBits: 0.9057,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0.9603,
        lutProductBits: 0.03782,
        productBits: 0,
        adderBits: 1.624,
        accumulatorBits: 2.282,
        inputBits: 0.8797,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 0.6819,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.02706,
        productBits: 0,
        adderBits: 0.3932,
        accumulatorBits: 0,
        inputBits: 2.505,
        muxBits: 0.01843,
        pipelineBits: 0.7803,
        saturatingBits: 0,
        lutramBits: 0.1352,
        portBits: 0
      },
      folded: {
        perLayer: 1195,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.102,
        accumulatorBits: 4,
        inputBits: 3.213,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 4
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
        lutramBits: 0,
        portBits: 0
      },
      passive: {
        perLayer: 5.014,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.07807,
        accumulatorBits: 0.22,
        inputBits: 0.7875,
        muxBits: 0.2515,
        pipelineBits: 0.3344,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0.006431,
        productBits: 0,
        adderBits: 0.1068,
        accumulatorBits: 0,
        inputBits: 1.909,
        muxBits: 0.1847,
        pipelineBits: 0.4417,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.6475,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      }
    },
    timing: {
      productNs: 4.5,
      adderLevelNs: 2.5,
      overheadCycles: -1,
      cyclesPerInput: 0.1,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.55,
      foldedFillCycles: 4,
      foldedStepOverhead: 7,
      activationNs: 3.5,
      tableCycles: 1,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 0,
      kernelCallCycles: 1
    },
    sharedProductsOnDsp: false,
    sharedOperandsVariable: true,
    poolingDivision: {
      kind: "folded"
    },
    streamOverlap: false,
    streamFifoPerElement: false,
    lutramFifoDepth: 64,
    streamOverheadCycles: 1,
    synthTransfer: {
      bram18k: 0.8571,
      ff: 0.7779,
      lut: 0.6648,
      lutPerMovedRomBit: 0.02533,
      lutPerOutputBit: 0
    },
    synthTransferByYear: {
      2024: {
        ff: 0.7779,
        lut: 0.6648
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
