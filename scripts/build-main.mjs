// Bundles the main-process entries (Electron, web mode, CLI, workers) and the
// preload with esbuild. The main entries leave npm packages external (installed
// beside the app) but zod, which they carry; the workers carry their packages
// (see below); a sandboxed preload may require nothing but electron.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

// Without comments and needless whitespace the bundles are a third smaller and plain ASCII (see the check at the
// end), and every process and worker thread reads and compiles its bundle at each start: the sync worker's took
// 107 ms, 61 ms so (a `wren sync` waits for it). Identifiers stay, so a stack names its functions; the source maps
// beside the bundles lead back to the TypeScript.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minifyWhitespace: true, metafile: true, logLevel: 'warning' };

/** The packages bundled into the main entries: Node resolved and compiled zod's files one by one, 75 to 90 ms of every start. */
const BUNDLED_INTO_MAIN = new Set(['zod']);

const mainPackagesExternal = {
  name: 'main-packages-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (args.path.startsWith('node:') || BUNDLED_INTO_MAIN.has(name)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const mains = await build({
  ...common,
  entryPoints: {
    'electron-main': 'src-main/electron/electron-main.ts',
    'web-main': 'src-main/web/web-main.ts',
    'cli-main': 'src-main/cli/cli-main.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  plugins: [mainPackagesExternal],
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
// so they carry their packages, except the native better-sqlite3, which is unpacked beside them,
// and the packages of OWN_FILES, each in a file of its own beside them (unpacked too).
//
// OWN_FILES: pinyin-pro's dictionary (0.5 MB, and the only characters beyond ASCII in the workers' bundles, which made
// reading each one slower) is for people's names, which a worker reads only when a list is sorted by sender
// (the search worker). Every worker compiled it at every start; now the one that needs it loads it then.
const OWN_FILES = { 'pinyin-pro': 'pinyin-pro.cjs' };
const ownFiles = {
  name: 'own-files',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => (OWN_FILES[args.path] ? { path: `./${OWN_FILES[args.path]}`, external: true } : undefined));
  },
};
const workers = await build({
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
  plugins: [ownFiles, requireAsImport],
});
for (const [name, file] of Object.entries(OWN_FILES)) {
  await build({ ...common, stdin: { contents: `export * from '${name}';`, resolveDir: '.', sourcefile: `${name}-entry.js` }, outfile: `dist/main/${file}` });
}

const preloadBuild = await build({
  ...common,
  entryPoints: { preload: 'src-main/preload/preload.ts' },
  outdir: 'dist/preload',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});

// A sandboxed preload that requires anything but electron fails at run time
// in the app, which cannot be started here: catch it at build time instead.
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
const preloadHasZod = inputsOf(preloadBuild, 'preload').some((input) => /node_modules[\\/]zod[\\/]/.test(input));
if (preload.length > PRELOAD_MAX_BYTES || preloadHasZod) {
  console.error(`The preload bundle is ${preload.length} bytes${preloadHasZod ? ' and contains zod' : ''}; it should carry channel names only.`);
  process.exit(1);
}

/** The package folders (node_modules/NAME/...) of what went into a bundle, from esbuild's metafile. */
function inputsOf(result, bundle) {
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(`/${bundle}.cjs`));
  if (!output) throw new Error(`No ${bundle}.cjs among the outputs`);
  return Object.keys(output[1].inputs);
}

// The sync worker and its header-store thread decode and store headers; they never validate requests. zod and
// the contract's request shapes (0.8 MB) slowed every sync's start when a runtime constant pulled them in: keep
// them out. test/unit/sync/sync-worker-bundle.test.ts holds the same line.
for (const bundle of ['sync-worker', 'header-store-worker']) {
  if (inputsOf(workers, bundle).some((input) => /node_modules[\\/]zod[\\/]/.test(input))) {
    console.error(`The ${bundle} bundle contains zod: import only types from src-main/ipc/contract.ts there (constants: contract-constants.ts).`);
    process.exit(1);
  }
}

// One copy of each package Wren loads at its first use in every worker (see requireAsImport above): its
// CommonJS build beside its ES one is what a require() resolved on its own brought in.
const BUILDS_OF = {
  'html-to-text': /node_modules[\\/]html-to-text[\\/]lib[\\/]html-to-text\.(c|m)js/,
  htmlparser2: /node_modules[\\/]htmlparser2[\\/]dist[\\/](commonjs|esm)[\\/]/,
  nodemailer: /node_modules[\\/]nodemailer[\\/]dist[\\/](cjs|esm)[\\/]/,
};
for (const bundle of ['parse-worker', 'sync-worker', 'header-store-worker', 'outbox-worker', 'search-worker']) {
  const inputs = inputsOf(workers, bundle);
  for (const [name, pattern] of Object.entries(BUILDS_OF)) {
    const builds = new Set(inputs.map((input) => pattern.exec(input)?.[1]).filter(Boolean));
    if (builds.size > 1) {
      console.error(`The ${bundle} bundle carries two builds of ${name} (${[...builds].join(', ')}): a require() of it no longer resolves as its imports do.`);
      process.exit(1);
    }
  }
}

// Plain ASCII, or V8 reads the whole file as two-byte text, slower at every start (see `common`). esbuild escapes
// strings but not regular expression literals; a package that brings one with such characters shows up here.
for (const result of [mains, workers]) {
  for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.cjs'))) {
    const at = readFileSync(file).findIndex((byte) => byte > 0x7f);
    if (at >= 0) {
      console.error(`${file} is not plain ASCII (byte ${at}): every start reads it more slowly. Give the package that brings it a file of its own (OWN_FILES).`);
      process.exit(1);
    }
  }
}
