import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, EVENT_NAME_LIST } from '../../../src-main/ipc/channel-names';
import { requests } from '../../../src-main/ipc/contract';

const PRELOAD = path.resolve(__dirname, '../../../src-main/preload/preload.ts');
/** The same bound as the build's guard (scripts/build-main.mjs). */
const PRELOAD_MAX_BYTES = 16 * 1024;

/** Bundled as scripts/build-main.mjs bundles it: one CommonJS file, nothing external but electron. */
async function bundlePreload(): Promise<string> {
  const result = await build({
    entryPoints: [PRELOAD], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], write: false, logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

describe('the preload bundle', () => {
  it('stays small and carries no zod, only the channel names', async () => {
    const bundle = await bundlePreload();
    expect(bundle.length).toBeLessThan(PRELOAD_MAX_BYTES);
    expect(bundle).not.toMatch(/node_modules[\\/]zod|ZodError|safeParse/);
    for (const method of METHOD_NAMES) expect(bundle).toContain(`"${method}"`);
    for (const event of EVENT_NAME_LIST) expect(bundle).toContain(`"${event}"`);
  }, 30_000);

  it("names exactly the contract's requests", () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(requests).sort());
  });
});
