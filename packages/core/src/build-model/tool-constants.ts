// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.6334,
        productBits: 0.004855,
        adderBits: 0.2299,
        accumulatorBits: 0,
        inputBits: 2.922,
        muxBits: 0.04912,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0,
        portBits: 2.535
      },
      folded: {
        perLayer: 629.6,
        lutProductBits: 0,
        productBits: 1,
        adderBits: 4,
        accumulatorBits: 4,
        inputBits: 2.011,
        muxBits: 0.5092,
        pipelineBits: 0,
        saturatingBits: 4,
        lutramBits: 0,
        portBits: 0.0246
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
        perLayer: 1.011,
        lutProductBits: 0.1681,
        productBits: 0,
        adderBits: 0.8528,
        accumulatorBits: 0.7865,
        inputBits: 0,
        muxBits: 0.5025,
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
        adderBits: 0.3754,
        accumulatorBits: 0,
        inputBits: 1.441,
        muxBits: 0,
        pipelineBits: 0.1542,
        saturatingBits: 1.251,
        lutramBits: 0.1208,
        portBits: 1.37
      },
      folded: {
        perLayer: 373,
        lutProductBits: 0,
        productBits: 0.649,
        adderBits: 1.66,
        accumulatorBits: 1.648,
        inputBits: 3.043,
        muxBits: 0.1399,
        pipelineBits: 0,
        saturatingBits: 0.8715,
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
        perLayer: 1.167,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0.9665,
        muxBits: 0.07784,
        pipelineBits: 0.03058,
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
        muxBits: 0.01092,
        pipelineBits: 0.09808,
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
        pipelineBits: 0.8129,
        saturatingBits: 0,
        lutramBits: 0.2459,
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
      ff: 776.3,
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
        accumulatorBits: 1.147,
        inputBits: 3.03,
        muxBits: 0.01702,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 2.87
      },
      folded: {
        perLayer: 108.2,
        lutProductBits: 0,
        productBits: 1,
        adderBits: 1.65,
        accumulatorBits: 4,
        inputBits: 3.577,
        muxBits: 0.2818,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 1.542
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
        adderBits: 0.9587,
        accumulatorBits: 1.805,
        inputBits: 0.8306,
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
        accumulatorBits: 3.285,
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
        lutramBits: 3.285,
        portBits: 0.2265
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
      tableCycles: 1,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 0,
      kernelCallCycles: 0
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
      lut: 0.9256,
      lutPerMovedRomBit: 0.02909,
      lutPerOutputBit: 1.16
    },
    synthTransferByYear: {
      2023: {
        ff: 1.086,
        lut: 0.9256
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
        perLayer: 1.807,
        lutProductBits: 0.2505,
        productBits: 0,
        adderBits: 0.2418,
        accumulatorBits: 0.238,
        inputBits: 4,
        muxBits: 0.3124,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4638,
        portBits: 4
      },
      folded: {
        perLayer: 724.6,
        lutProductBits: 0.3078,
        productBits: 0,
        adderBits: 0.767,
        accumulatorBits: 4,
        inputBits: 0.5576,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.214,
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
        perLayer: 3.262,
        lutProductBits: 0.3972,
        productBits: 0,
        adderBits: 0.781,
        accumulatorBits: 0.9068,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0.8909,
        lutProductBits: 0.04448,
        productBits: 0,
        adderBits: 1.628,
        accumulatorBits: 2.256,
        inputBits: 0.8735,
        muxBits: 0,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      top: {
        perLayer: 0.549,
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
        lutProductBits: 0.03063,
        productBits: 0,
        adderBits: 0.3891,
        accumulatorBits: 0,
        inputBits: 2.537,
        muxBits: 0.1467,
        pipelineBits: 0.7754,
        saturatingBits: 0,
        lutramBits: 0.1312,
        portBits: 0
      },
      folded: {
        perLayer: 1200,
        lutProductBits: 0,
        productBits: 1,
        adderBits: 1.101,
        accumulatorBits: 4,
        inputBits: 3.212,
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
        perLayer: 5.039,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.07205,
        inputBits: 0.9015,
        muxBits: 0.2159,
        pipelineBits: 0.2639,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0.008009,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 1.899,
        muxBits: 0.1174,
        pipelineBits: 0.4812,
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
        pipelineBits: 0.02515,
        saturatingBits: 0,
        lutramBits: 0,
        portBits: 0
      }
    },
    timing: {
      productNs: 4.5,
      adderLevelNs: 2.75,
      overheadCycles: -2,
      cyclesPerInput: 0.1,
      rolledInputsPerCycle: 4,
      sharedProductShare: 0.5,
      foldedFillCycles: 4,
      foldedStepOverhead: 7,
      activationNs: 3.5,
      tableCycles: 1,
      softmaxCycles: 4,
      softmaxLevelNs: 6.75,
      recurrentStepCycles: 24,
      dataflowCycles: -1,
      pipelineCyclesPerLayer: 1,
      kernelCallCycles: 0
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
      ff: 0.7758,
      lut: 0.6545,
      lutPerMovedRomBit: 0.0279,
      lutPerOutputBit: 0
    },
    synthTransferByYear: {
      2024: {
        ff: 0.7758,
        lut: 0.6545
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
