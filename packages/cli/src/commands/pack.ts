import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Argv } from 'yargs';
import { HlsestError } from '@hlsest/core';
import { loadPredictor } from '@hlsest/predictor/node';
import type { Output } from '../output.js';

const run = promisify(execFile);

interface PackArgs {
  bundle: string;
  name: string;
  version: string;
  out: string;
  predictorVersion: string;
}

/**
 * Wraps a trained bundle as an npm package that depends on @hlsest/predictor: `npm publish`
 * the tarball and anyone can `import { loadPredictor } from '@org/my-predictor'`.
 */
export function packCommand(output: Output) {
  return {
    command: 'pack <bundle>',
    describe: 'Write an npm package tarball that carries a bundle, ready for npm publish',
    builder: (yargs: Argv) =>
      yargs
        .positional('bundle', { type: 'string', demandOption: true, describe: 'bundle folder made by hlsest train' })
        .option('name', { type: 'string', demandOption: true, describe: 'package name, e.g. @org/my-predictor' })
        .option('version', { type: 'string', default: '0.1.0', describe: 'package version' })
        .option('out', { type: 'string', default: '.', describe: 'folder to write the .tgz into' })
        .option('predictor-version', { type: 'string', default: '^0.1.0', describe: 'semver range of @hlsest/predictor to depend on' }),
    handler: async (args: PackArgs) => {
      if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(args.name)) throw new HlsestError('HLSEST_BAD_CONFIG', `--name "${args.name}" is not a valid npm package name`);
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(args.version)) throw new HlsestError('HLSEST_BAD_CONFIG', `--version "${args.version}" is not a semver version`);
      // Loading verifies the bundle (format, checksums) before anything is packed.
      const predictor = await loadPredictor(args.bundle);
      const dir = await mkdtemp(join(tmpdir(), 'hlsest-pack-'));
      try {
        await cp(args.bundle, join(dir, 'bundle'), { recursive: true });
        await writeFile(join(dir, 'package.json'), `${JSON.stringify(packageJson(args), null, 2)}\n`);
        await writeFile(join(dir, 'index.js'), INDEX_JS);
        await writeFile(join(dir, 'index.d.ts'), INDEX_D_TS);
        await writeFile(join(dir, 'README.md'), readme(args, predictor.targets));
        const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', resolve(args.out)], { cwd: dir });
        const [info] = JSON.parse(stdout) as { filename: string }[];
        output.out(`wrote ${join(resolve(args.out), info!.filename)}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

function packageJson(args: PackArgs) {
  return {
    name: args.name,
    version: args.version,
    description: 'An hlsest predictor bundle (hls4ml resource and latency estimates)',
    type: 'module',
    main: './index.js',
    types: './index.d.ts',
    exports: { '.': { types: './index.d.ts', default: './index.js' }, './bundle/*': './bundle/*' },
    files: ['index.js', 'index.d.ts', 'bundle', 'README.md'],
    dependencies: { '@hlsest/predictor': args.predictorVersion },
    keywords: ['hlsest', 'hls4ml', 'fpga'],
  };
}

const INDEX_JS = `import { Predictor, urlBundleSource } from '@hlsest/predictor';

const bundleUrl = new URL('./bundle/', import.meta.url);

/** Loads the bundle this package carries (Node: from disk; browser: from the served package). */
export async function loadPredictor() {
  if (bundleUrl.protocol === 'file:') {
    const { fileBundleSource } = await import('@hlsest/predictor/node');
    const { fileURLToPath } = await import('node:url');
    return Predictor.load(fileBundleSource(fileURLToPath(bundleUrl)));
  }
  return Predictor.load(urlBundleSource(bundleUrl));
}
`;

const INDEX_D_TS = `import type { Predictor } from '@hlsest/predictor';
export declare function loadPredictor(): Promise<Predictor>;
`;

function readme(args: PackArgs, targets: readonly string[]): string {
  return `# ${args.name}\n\nAn [hlsest](https://www.npmjs.com/package/@hlsest/predictor) predictor bundle. Targets: ${targets.join(', ')}.\n\n\`\`\`js\nimport { loadPredictor } from '${args.name}';\nconst predictor = await loadPredictor();\n\`\`\`\n`;
}

