import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeImportsReachableFrom } from '../../../test/browser-safety.js';

describe('core is browser-safe', () => {
  it('imports no Node built-in from its public entry', () => {
    expect(nodeImportsReachableFrom(fileURLToPath(new URL('./index.ts', import.meta.url)))).toEqual([]);
  });
});
