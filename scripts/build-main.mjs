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
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  packages: 'external',
});

// Wren require()s some packages at their first use (src-main/system/first-use-packages.ts). esbuild resolves a
// require() with a package's "require" export, its CommonJS build, where the packages that import the same
// one (imapflow, mailparser) get its "import" export: a worker would carry both copies (0.4 MB more in the
// sync worker). So require() calls from Wren's own code resolve as imports do.
const requireAsImport = {
  name: 'require-as-import',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== 'require-call' || !/[\\/]src-main[\\/]/.test(args.importer)) return undefined;
      return pluginBuild.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer });
    });
  },
};

// Worker threads are unpacked from the app's asar archive when packaged (a Worker cannot start a
// script inside it), and from app.asar.unpacked they could not reach the npm packages left inside:
// so they carry their packages, except the native better-sqlite3, which is unpacked beside them.
await build({
  ...common,
  entryPoints: {
    'parse-worker': 'src-main/mime/parse-worker.ts',
    'sync-worker': 'src-main/sync/sync-worker.ts',
    'header-store-worker': 'src-main/sync/header-store-worker.ts',
    'outbox-worker': 'src-main/outbox/outbox-worker.ts',
    'search-worker': 'src-main/search/search-worker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  external: ['better-sqlite3'],
  plugins: [requireAsImport],
});

await build({
  ...common,
  entryPoints: { preload: 'src-main/preload/preload.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

// A sandboxed preload that requires anything but electron fails at run time
// in the app, which cannot be started here: catch it at build time instead.
const { readFileSync } = await import('node:fs');
const preload = readFileSync('dist/preload/preload.cjs', 'utf8');
const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length) {
  console.error(`The preload requires ${foreign.join(', ')}; a sandboxed preload may require only electron.`);
  process.exit(1);
}
// The preload carries the channel names only (src-main/ipc/channel-names.ts), never zod or the contract's
// schemas: it was 759 KB when it did. test/unit/preload/preload-bundle.test.ts holds the same line.
const PRELOAD_MAX_BYTES = 16 * 1024;
if (preload.length > PRELOAD_MAX_BYTES || /node_modules[\\/]zod/.test(preload)) {
  console.error(`The preload bundle is ${preload.length} bytes${/node_modules[\\/]zod/.test(preload) ? ' and contains zod' : ''}; it should carry channel names only.`);
  process.exit(1);
}

// The sync worker and its header-store thread decode and store headers; they never validate requests. zod and
// the contract's request shapes (0.8 MB) slowed every sync's start when a runtime constant pulled them in: keep
// them out. test/unit/sync/sync-worker-bundle.test.ts holds the same line.
for (const bundle of ['sync-worker', 'header-store-worker']) {
  if (/node_modules[\\/]zod/.test(readFileSync(`dist/main/${bundle}.cjs`, 'utf8'))) {
    console.error(`The ${bundle} bundle contains zod: import only types from src-main/ipc/contract.ts there (constants: contract-constants.ts).`);
    process.exit(1);
  }
}

// One copy of each package Wren loads at its first use in every worker (see requireAsImport above): its
// CommonJS build beside its ES one is what a require() resolved on its own brought in.
const BUILDS_OF = {
  'html-to-text': /node_modules[\\/]html-to-text[\\/]lib[\\/]html-to-text\.(c|m)js/g,
  htmlparser2: /node_modules[\\/]htmlparser2[\\/]dist[\\/](commonjs|esm)[\\/]/g,
  nodemailer: /node_modules[\\/]nodemailer[\\/]dist[\\/](cjs|esm)[\\/]/g,
};
for (const bundle of ['parse-worker', 'sync-worker', 'header-store-worker', 'outbox-worker', 'search-worker']) {
  const text = readFileSync(`dist/main/${bundle}.cjs`, 'utf8');
  for (const [name, pattern] of Object.entries(BUILDS_OF)) {
    const builds = new Set([...text.matchAll(pattern)].map((m) => m[1]));
    if (builds.size > 1) {
      console.error(`The ${bundle} bundle carries two builds of ${name} (${[...builds].join(', ')}): a require() of it no longer resolves as its imports do.`);
      process.exit(1);
    }
  }
}
