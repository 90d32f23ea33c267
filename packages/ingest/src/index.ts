export { readKerasModelFile, readH5ModelConfig } from './node/read-model-file.js';
