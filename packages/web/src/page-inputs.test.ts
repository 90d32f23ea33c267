import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPageFiles } from './page-inputs.js';

const REPO_ROOT = join(import.meta.dirname, '../../..');

describe('readPageFiles', () => {
  it("reads a dropped .keras archive's architecture, and says its weights are the CLI's to read", () => {
    const config = readFileSync(join(REPO_ROOT, 'examples/jet-tagger.json'));
    const archive = zipSync({ 'config.json': new Uint8Array(config), 'metadata.json': strToU8('{"keras_version": "3.3.3"}') });
    const inputs = readPageFiles([{ name: 'jets.keras', bytes: archive }]);
    expect(inputs.errors).toEqual([]);
    expect(inputs.model?.network.layers.filter((l) => l.kind === 'dense')).toHaveLength(4);
    expect(inputs.model?.network.notes?.join(' ')).toMatch(/not its weights/);
  });
});
