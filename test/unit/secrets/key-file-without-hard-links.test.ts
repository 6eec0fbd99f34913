import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyFileSecretStore } from '../../../src-main/secrets/key-file-secret-store';

// A file system without hard links (FAT, exFAT, some FUSE mounts): link() fails with EPERM.
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  linkSync: () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  },
}));

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('KeyFileSecretStore on a file system without hard links', () => {
  it('still creates its key (written in place, owner only) and leaves no draft behind', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const keyFile = join(dir, 'keys', 'secret.key');
    const sealed = new KeyFileSecretStore(keyFile).seal('on a USB stick');
    expect(new KeyFileSecretStore(keyFile).open(sealed)).toBe('on a USB stick');
    expect(readFileSync(keyFile)).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'keys'))).toEqual(['secret.key']);
  });

  it('never replaces a key another process wrote first', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const keyFile = join(dir, 'keys', 'secret.key');
    const late = new KeyFileSecretStore(keyFile);
    const sealed = new KeyFileSecretStore(keyFile).seal('shared');
    const key = (late as unknown as { createKey(): Buffer }).createKey();
    expect(key.equals(readFileSync(keyFile))).toBe(true);
    expect(late.open(sealed)).toBe('shared');
  });
});
