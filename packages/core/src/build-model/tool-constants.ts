// Written by scripts/fit-tool-constants.mjs from the C-synthesis reports in ../shared/hls4ml-data;
// edit the script, not this file. Refit with: npm run build && node scripts/fit-tool-constants.mjs
import type { ToolConstants, ToolGroup } from './tool-profiles.js';

export const TOOL_CONSTANTS: Readonly<Record<ToolGroup, ToolConstants>> = {
  vivado_hls: {
    lut: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0.6351,
        productBits: 0.001036,
        adderBits: 0.2331,
        accumulatorBits: 0,
        inputBits: 2.921,
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
        perLayer: 0.6762,
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
        perLayer: 8.68,
        lutProductBits: 0.00991,
        productBits: 0,
        adderBits: 1.029,
        accumulatorBits: 1.307,
        inputBits: 1.854,
        muxBits: 0.3569,
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
        lutramBits: 1.671
      }
    },
    ff: {
      unrolled: {
        perLayer: 0,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.4115,
        accumulatorBits: 0,
        inputBits: 1.375,
        muxBits: 0.006833,
        pipelineBits: 0.2732,
        saturatingBits: 1.236,
        lutramBits: 0.1261
      },
      folded: {
        perLayer: 417.3,
        lutProductBits: 0,
        productBits: 0.5052,
        adderBits: 0.727,
        accumulatorBits: 1.563,
        inputBits: 2.907,
        muxBits: 0.238,
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
        perLayer: 1.129,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0,
        inputBits: 0.9646,
        muxBits: 0.0819,
        pipelineBits: 0.01577,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 47.21,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.8211,
        accumulatorBits: 0,
        inputBits: 0,
        muxBits: 0,
        pipelineBits: 0.02832,
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
        pipelineBits: 0.8443,
        saturatingBits: 0,
        lutramBits: 0.196
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
        adderBits: 0.006443,
        accumulatorBits: 0.005738,
        inputBits: 0.003971,
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
        lutProductBits: 0.167,
        productBits: 0,
        adderBits: 0.252,
        accumulatorBits: 0.3263,
        inputBits: 4,
        muxBits: 0.4033,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.4647
      },
      folded: {
        perLayer: 1955,
        lutProductBits: 0.4326,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 4,
        inputBits: 0.2452,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 1.13
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
        lutProductBits: 0.3696,
        productBits: 0,
        adderBits: 0.7685,
        accumulatorBits: 0.8797,
        inputBits: 0,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0.8048,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0.3898,
        accumulatorBits: 2.46,
        inputBits: 0.8277,
        muxBits: 0.3724,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      top: {
        perLayer: 7.303,
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
        lutProductBits: 0.005116,
        productBits: 0,
        adderBits: 0.4912,
        accumulatorBits: 0,
        inputBits: 2.151,
        muxBits: 0.1951,
        pipelineBits: 0.8467,
        saturatingBits: 0,
        lutramBits: 0.1734
      },
      folded: {
        perLayer: 9.638,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 1.227,
        accumulatorBits: 4,
        inputBits: 1.445,
        muxBits: 1,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0.8311
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
        perLayer: 0.4708,
        lutProductBits: 0,
        productBits: 0,
        adderBits: 0,
        accumulatorBits: 0.05063,
        inputBits: 0.9194,
        muxBits: 0.1852,
        pipelineBits: 0,
        saturatingBits: 0,
        lutramBits: 0
      },
      streamed: {
        perLayer: 0,
        lutProductBits: 0.00626,
        productBits: 0,
        adderBits: 0.103,
        accumulatorBits: 0,
        inputBits: 1.205,
        muxBits: 0,
        pipelineBits: 0.112,
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
        pipelineBits: 0.1935,
        saturatingBits: 0,
        lutramBits: 0.7948
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
      bram18k: 0.8333,
      ff: 1.029,
      lut: 1.174
    },
    synthTransferByYear: {
      2023: {
        ff: 1.029,
        lut: 1.175
      },
      2024: {
        ff: 0.9412,
        lut: 0.7287
      }
    },
    bramMinBits: 1024,
    bramRemainderBits: 12
  }
};
