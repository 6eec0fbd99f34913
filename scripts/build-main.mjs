// Bundles the main-process entries (Electron, web mode, CLI, workers) and the
// preload with esbuild. npm packages stay external (installed beside the app),
// except in the preload: a sandboxed preload may require nothing but electron.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: {
    'electron-main': 'src-main/electron/electron-main.ts',
    'web-main': 'src-main/web/web-main.ts',
    'cli-main': 'src-main/cli/cli-main.ts',
    'parse-worker': 'src-main/mime/parse-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  packages: 'external',
});

await build({
  ...common,
  entryPoints: { preload: 'src-main/preload/preload.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});
