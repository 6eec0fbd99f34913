import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const SYNC_WORKER = path.resolve(__dirname, '../../../src-main/sync/sync-worker.ts');

/** Bundled as scripts/build-main.mjs bundles it: one CommonJS file carrying its packages but better-sqlite3. */
async function bundleSyncWorker(): Promise<string> {
  const result = await build({
    entryPoints: [SYNC_WORKER], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['better-sqlite3'], write: false, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

describe('the sync worker bundle', () => {
  // Every sync starts by loading this bundle: zod and the request shapes cost it 0.8 MB and a slower start.
  it('carries no zod and none of the request shapes', async () => {
    const bundle = await bundleSyncWorker();
    expect(bundle).not.toMatch(/node_modules[\\/]zod/);
    expect(bundle).not.toMatch(/src-main[\\/]ipc[\\/]requests[\\/]/);
  }, 30_000);
});
