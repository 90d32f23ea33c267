/** The Node-only half of the standalone runtime: bundles read from disk. */
export { fileBundleSource } from './node.js';
