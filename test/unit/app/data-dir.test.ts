import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir, prepareDataDir } from '../../../src-main/app/data-dir';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('data folder', () => {
  it('defaults to $XDG_DATA_HOME/wren', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' })).toBe('/xdg/wren');
  });

  it('creates a missing folder, private to the user', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-dd-'));
    const created = prepareDataDir(join(dir, 'a', 'b'));
    expect(statSync(created).isDirectory()).toBe(true);
    expect(statSync(created).mode & 0o777).toBe(0o700);
  });

  it('says clearly when the folder cannot be used', () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-dd-'));
    writeFileSync(join(dir, 'file'), '');
    expect(() => prepareDataDir(join(dir, 'file', 'wren'))).toThrow(expect.objectContaining({ code: 'DataDirUnwritable', message: expect.stringMatching(/--data-dir/) }));
  });
});
