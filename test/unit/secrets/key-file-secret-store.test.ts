import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFileSecretStore, defaultKeyFile } from '../../../src-main/secrets/key-file-secret-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('KeyFileSecretStore', () => {
  it('round-trips a password and never stores it in the clear', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const store = new KeyFileSecretStore(join(dir, 'keys', 'secret.key'));
    const sealed = store.seal('hunter2-密码');
    expect(sealed.includes(Buffer.from('hunter2'))).toBe(false);
    expect(store.open(sealed)).toBe('hunter2-密码');
    expect(new KeyFileSecretStore(join(dir, 'keys', 'secret.key')).open(sealed)).toBe('hunter2-密码');
  });

  it('takes the key another process created first (both found no key file; the second to create it uses the first one\'s)', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const keyFile = join(dir, 'keys', 'secret.key');
    const late = new KeyFileSecretStore(keyFile);
    const first = new KeyFileSecretStore(keyFile);
    const sealed = first.seal('shared');
    // `late` found no file a moment ago and now creates one, as a process starting at the same time would.
    const key = (late as unknown as { createKey(): Buffer }).createKey();
    expect(key.equals(readFileSync(keyFile))).toBe(true);
    expect(late.open(sealed)).toBe('shared');
    expect(readdirSync(join(dir, 'keys'))).toEqual(['secret.key']);
  });

  it('creates the key file readable by the owner only', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const file = join(dir, 'keys', 'secret.key');
    new KeyFileSecretStore(file).seal('x');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(readFileSync(file)).toHaveLength(32);
  });

  it('fails with SecretUnavailable when the key changed, instead of returning garbage', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-key-'));
    const sealed = new KeyFileSecretStore(join(dir, 'a.key')).seal('pw');
    expect(() => new KeyFileSecretStore(join(dir, 'b.key')).open(sealed)).toThrow(expect.objectContaining({ code: 'SecretUnavailable' }));
  });

  it('keeps the key outside the data folder by default', () => {
    expect(defaultKeyFile({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/wren/secret.key');
    expect(defaultKeyFile({ WREN_KEY_FILE: '/k' })).toBe('/k');
  });
});
