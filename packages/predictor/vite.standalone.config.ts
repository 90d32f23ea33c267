import { defineConfig } from 'vite';

/**
 * The standalone runtime `hlsest pack` copies into predictor packages: predictor, core and their
 * dependencies (zod, js-yaml) in ES modules with no imports but Node's own, so a packed
 * predictor installs offline. Built after tsc (`npm run build`), into dist/standalone.
 */
export default defineConfig({
  resolve: { conditions: ['@hlsest/source', 'module', 'import', 'default'] },
  build: {
    outDir: 'dist/standalone',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    lib: {
      entry: { runtime: 'src/standalone.ts', 'runtime-node': 'src/standalone-node.ts' },
      formats: ['es'],
    },
    rolldownOptions: { external: [/^node:/] },
  },
});
