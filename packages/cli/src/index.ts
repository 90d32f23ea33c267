export { buildCli, runCli } from './cli.js';
export type { Output } from './output.js';
