/**
 * Everything a packed predictor package (`hlsest pack`) needs at run time, bundled with its
 * dependencies into one file so the package installs with no registry at all: the predictor,
 * the parts of core that read a model and a config, and the board catalogue.
 */
export * from './index.js';
export { parseKerasModel, parseHls4mlConfigText, configureNetwork, resolveDevice, BOARDS, listDevices, parsePrecision, formatPrecision, HlsestError, isHlsestError, TARGETS, TARGET_INFO } from '@hlsest/core';
