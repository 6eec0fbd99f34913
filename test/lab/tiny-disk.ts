import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small file system (tmpfs) for tests of a full disk or a read-only
 * folder. Needs root, like the lab; as root, chmod cannot make a folder
 * unwritable, so read-only means a read-only remount.
 */
export interface TinyDisk {
  path: string;
  /** Remount with other options, e.g. 'ro', 'rw', 'size=64m'. */
  remount(options: string): void;
  unmount(): void;
}

/** Mounts a tmpfs of `bytes` on `at` (an existing folder) or on a new temp folder. */
export function mountTinyDisk(bytes: number, at?: string): TinyDisk {
  const path = at ?? mkdtempSync(join(tmpdir(), 'wren-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', path]);
  let mounted = true;
  return {
    path,
    remount: (options) => void execFileSync('mount', ['-o', `remount,${options}`, path]),
    unmount: () => {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [path]);
      if (!at) rmdirSync(path);
    },
  };
}
