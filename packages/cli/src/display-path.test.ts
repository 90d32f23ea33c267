import { describe, expect, it } from 'vitest';
import { displayPath } from './display-path.js';

describe('displayPath', () => {
  it('keeps paths inside the working directory relative and hides the rest of the machine', () => {
    expect(displayPath('/home/ada/repo/datasets/default', '/home/ada/repo')).toBe('datasets/default');
    expect(displayPath('/home/ada/repo', '/home/ada/repo')).toBe('.');
    expect(displayPath('/mnt/scratch/bundles/mine', '/home/ada/repo')).toBe('mine');
  });
});
