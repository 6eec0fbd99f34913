import { afterEach, describe, expect, it } from 'vitest';
import { LocalFolders } from '../../../src-main/folders/local-folders';
import { tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function localFolders(): LocalFolders {
  const t = tempStore();
  dispose = t.dispose;
  return new LocalFolders(t.store);
}

const paths = (local: LocalFolders) => local.list().map((folder) => folder.path).sort();

describe('LocalFolders: a name equal to a sibling’s but for case', () => {
  it('refuses to create it, at the top and under a parent, as it refuses the same name', () => {
    const local = localFolders();
    const box = local.create(null, 'Box');
    local.create(box.id, 'Été');
    expect(() => local.create(null, 'box')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    expect(() => local.create(null, 'BOX')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    expect(() => local.create(box.id, 'ÉTÉ')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    // "é" typed as "e" and a combining accent is the same name too.
    expect(() => local.create(box.id, 'e\u0301te\u0301')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    expect(paths(local)).toEqual(['Box', 'Box/Été']);
  });

  it('still creates a name that differs in more than case, and the same name under another parent', () => {
    const local = localFolders();
    const box = local.create(null, 'Box');
    local.create(null, 'Boxes');
    local.create(box.id, 'box');
    expect(paths(local)).toEqual(['Box', 'Box/box', 'Boxes']);
  });

  it('refuses to rename a folder to a sibling’s name in another case, but lets a folder change the case of its own', () => {
    const local = localFolders();
    local.create(null, 'Box');
    const other = local.create(null, 'Other');
    expect(() => local.rename(other.id, 'bOX')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    expect(local.rename(other.id, 'OTHER').path).toBe('OTHER');
    expect(paths(local)).toEqual(['Box', 'OTHER']);
  });

  it('refuses a path (the CLI’s) whose missing folder clashes with one there in another case', () => {
    const local = localFolders();
    local.createPath('Projects/2026');
    expect(() => local.createPath('projects/2027')).toThrow(expect.objectContaining({ code: 'FolderExists' }));
    expect(local.createPath('Projects/2027').path).toBe('Projects/2027');
    expect(paths(local)).toEqual(['Projects', 'Projects/2026', 'Projects/2027']);
  });
});

describe('LocalFolders: a name holding the separator', () => {
  it('is refused as FolderNameInvalid, saying the folder is a local one (the renderer words it without a server)', () => {
    const local = localFolders();
    const box = local.create(null, 'Box');
    const invalid = expect.objectContaining({ code: 'FolderNameInvalid', details: { name: 'a/b', delimiter: '/', local: true } });
    expect(() => local.create(null, 'a/b')).toThrow(invalid);
    expect(() => local.rename(box.id, 'a/b')).toThrow(invalid);
    expect(paths(local)).toEqual(['Box']);
  });
});
