import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeImportsReachableFrom } from '../../../test/browser-safety.js';

describe('the predictor entry is browser-safe', () => {
  it('reaches no Node built-in from src/index.ts (Node helpers live in src/node.ts)', () => {
    expect(nodeImportsReachableFrom(fileURLToPath(new URL('./index.ts', import.meta.url)))).toEqual([]);
    expect(nodeImportsReachableFrom(fileURLToPath(new URL('./node.ts', import.meta.url))).length).toBeGreaterThan(0);
  });
});
