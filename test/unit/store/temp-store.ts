import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../src-main/store/store';

/** A store in a fresh temporary folder, removed by `dispose`. */
export function tempStore(): { store: Store; dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wren-store-'));
  const store = new Store(dir);
  return { store, dir, dispose: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
