import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SYNC_WORKER = path.resolve(__dirname, '../../../src-main/sync/sync-worker.ts');
const HEADER_STORE_WORKER = path.resolve(__dirname, '../../../src-main/sync/header-store-worker.ts');

/** Bundled as scripts/build-main.mjs bundles it: one CommonJS file carrying its packages but better-sqlite3. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], write: false, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

describe('the bundle', () => {
  // Every sync starts by loading this bundle: zod and the request shapes cost it 0.8 MB and a slower start.
  it.each([['sync worker', SYNC_WORKER], ['header-store thread', HEADER_STORE_WORKER]])('of the %s carries no zod and none of the request shapes', async (_name, entry) => {
    const text = await bundle(entry);
    expect(text).not.toMatch(/node_modules[\\/]zod/);
    expect(text).not.toMatch(/src-main[\\/]ipc[\\/]requests[\\/]/);
  }, 30_000);
});
