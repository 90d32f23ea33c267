import { packageTestConfig } from '../../vitest.shared.js';

// The end-to-end tests start a browser and a build: give them room.
export default packageTestConfig(import.meta.dirname, { testTimeout: 120_000 });
