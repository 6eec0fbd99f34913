// Loads a TypeScript module (and everything it imports) into a plain .mjs script by bundling it
// on the fly with esbuild. Used by `npm run lab` and `npm run bench`; packages stay external and
// resolve from the repo's node_modules.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `entry` is relative to the repo root, e.g. 'test/lab/lab.ts'. */
export async function importTs(entry) {
  // The bundle must sit inside the repo so its bare imports find node_modules.
  const outDir = await mkdtemp(path.join(root, 'node_modules', '.wren-ts-'));
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  try {
    await build({
      entryPoints: [path.join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      // Wren require()s some packages at their first use (src-main/system/first-use-packages.ts); an ES module
      // has no require of its own, so the bundle gets one that resolves from the repo, as imports do.
      banner: { js: "import { createRequire as __wrenCreateRequire } from 'node:module'; const require = __wrenCreateRequire(import.meta.url);" },
    });
    // Once imported, the module lives in memory; the file can go.
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
