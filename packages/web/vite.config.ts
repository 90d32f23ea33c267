import { defineConfig } from 'vite';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundleDir = fileURLToPath(new URL('../predictor/bundle/default', import.meta.url));

/**
 * A static build (relative asset paths, so any static server and any sub-path works) that
 * carries the shipped default bundle under `bundle/`; the browser fetches it from there.
 */
export default defineConfig({
  base: './',
  resolve: { conditions: ['@hlsest/source', 'browser', 'module', 'import', 'default'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  plugins: [
    {
      name: 'hlsest-default-bundle',
      configureServer(server) {
        server.middlewares.use('/bundle/', (req, res, next) => {
          const file = new URL(`../predictor/bundle/default${req.url ?? ''}`, import.meta.url);
          import('node:fs').then(({ readFile }) => readFile(file, (error, data) => (error ? next() : res.end(data))));
        });
      },
      closeBundle() {
        cpSync(bundleDir, fileURLToPath(new URL('./dist/bundle', import.meta.url)), { recursive: true });
      },
    },
  ],
});
