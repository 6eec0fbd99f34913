import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalLab, messageIdOf, onServer } from '../journal/journal-lab';
import { cachedSource, localFolder, localMessages, serverSources } from './local-lab';

/** Bodies that mboxrd must quote and unquote, CRLF and LF lines, 8-bit bytes, and a last line without a newline. */
const TRICKY = [
  'From: A <a@example.test>\r\nSubject: quoted lines\r\nMessage-ID: <q1@example.test>\r\nDate: Mon, 5 Jan 2026 07:08:09 +0000\r\nStatus: RO\r\n\r\nFrom the top\r\n>From once\r\n>>From twice\r\n\r\nFrom after a blank line\r\n',
  'From: B <b@example.test>\nSubject: =?UTF-8?B?5Lit5paH?=\nMessage-ID: <q2@example.test>\nContent-Type: text/plain; charset=gbk\n\n\xd6\xd0\xce\xc4\n\n\n',
  'From: C <c@example.test>\r\nSubject: no final newline\r\nMessage-ID: <q3@example.test>\r\n\r\nlast line',
].map((text) => Buffer.from(text, 'latin1'));

describe('mbox and .eml import and export', () => {
  const f = journalLab();
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wren-mailfiles-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  const sourcesOf = (folderId: number) =>
    localMessages(f.wren, folderId).sort((a, b) => a.id - b.id).map((m) => cachedSource(f.wren, m.id));

  it('imports .eml files with their header fields and Status flags, exports mbox, and imports it back byte for byte', async () => {
    const files = TRICKY.map((bytes, index) => {
      const file = join(dir, `m${index}.eml`);
      writeFileSync(file, bytes);
      return file;
    });
    const first = await localFolder(f.wren, 'Imported');
    expect(await f.wren.call('folders.import', { folderId: first, files })).toEqual({ imported: 3, skipped: 0, files: 3 });
    const rows = localMessages(f.wren, first);
    expect(rows.map((m) => m.subject).sort()).toEqual(['no final newline', 'quoted lines', '中文']);
    expect(rows.find((m) => m.subject === 'quoted lines')).toMatchObject({ seen: true, from: { name: 'A', address: 'a@example.test' } });
    expect(sourcesOf(first)).toEqual(TRICKY);

    const mbox = join(dir, 'out.mbox');
    expect(await f.wren.call('folders.export', { folderId: first, format: 'mbox', path: mbox })).toEqual({ savedTo: mbox, exported: 3 });
    const text = readFileSync(mbox, 'latin1');
    expect(text.match(/^From /gm)).toHaveLength(3);
    expect(text).toContain('\r\n>From the top\r\n>>From once\r\n>>>From twice\r\n');

    const second = await localFolder(f.wren, 'Reimported');
    expect(await f.wren.call('folders.import', { folderId: second, files: [mbox] })).toEqual({ imported: 3, skipped: 0, files: 1 });
    const back = sourcesOf(second);
    // mboxrd cannot say that a message lacked its final newline: that one comes back with one, all else is byte-equal.
    expect(back.slice(0, 2)).toEqual(TRICKY.slice(0, 2));
    expect(back[2]).toEqual(Buffer.concat([TRICKY[2]!, Buffer.from('\n')]));
  });

  it('exports a folder as .eml files and imports them back byte for byte', async () => {
    const first = (await f.wren.call('folders.list', { accountId: null })).find((folder) => folder.path === 'Imported')!.id;
    const out = join(dir, 'eml-out');
    expect(await f.wren.call('folders.export', { folderId: first, format: 'eml', path: out })).toEqual({ savedTo: out, exported: 3 });
    const files = readdirSync(out).sort().map((name) => join(out, name));
    expect(files).toHaveLength(3);
    const again = await localFolder(f.wren, 'EmlAgain');
    await f.wren.call('folders.import', { folderId: again, files });
    expect(sourcesOf(again).sort(Buffer.compare)).toEqual([...TRICKY].sort(Buffer.compare));
  });

  it('exports an IMAP folder (fetching the sources it lacks) and imports an mbox into an IMAP folder by APPEND', async () => {
    const seeded = await f.seed('Exported', 3);
    const mbox = join(dir, 'imap.mbox');
    expect((await f.wren.call('folders.export', { folderId: f.folderId('Exported'), path: mbox })).exported).toBe(3);
    await f.seed('ImportedHere', 1);
    expect(await f.wren.call('folders.import', { folderId: f.folderId('ImportedHere'), files: [mbox] })).toEqual({ imported: 3, skipped: 0, files: 1 });
    await f.settled();
    const original = await serverSources(f.lab, f.user, 'Exported');
    const server = await serverSources(f.lab, f.user, 'ImportedHere');
    for (const name of seeded.keys()) {
      const copies = server.filter((m) => m.messageId === messageIdOf(name));
      expect(copies).toHaveLength(1);
      expect(copies[0]!.source.equals(original.find((m) => m.messageId === messageIdOf(name))!.source)).toBe(true);
    }
    expect((await onServer(f.lab, f.user, 'ImportedHere')).length).toBe(4);

    // Imported again (after an import cut short, say): nothing is appended twice.
    expect(await f.wren.call('folders.import', { folderId: f.folderId('ImportedHere'), files: [mbox] })).toEqual({ imported: 0, skipped: 3, files: 1 });
    await f.settled();
    expect((await onServer(f.lab, f.user, 'ImportedHere')).length).toBe(4);
  });

  it('skips a message the folder holds already, byte for byte, so an import run again (or after one cut short) adds only what is missing', async () => {
    const files = TRICKY.map((bytes, index) => {
      const file = join(dir, `again${index}.eml`);
      writeFileSync(file, bytes);
      return file;
    });
    const folder = await localFolder(f.wren, 'ImportTwice');
    expect(await f.wren.call('folders.import', { folderId: folder, files: files.slice(0, 2) })).toEqual({ imported: 2, skipped: 0, files: 2 });
    expect(await f.wren.call('folders.import', { folderId: folder, files: [...files, files[0]!] })).toEqual({ imported: 1, skipped: 3, files: 4 });
    expect(sourcesOf(folder).sort(Buffer.compare)).toEqual([...TRICKY].sort(Buffer.compare));
    // The same message in another folder is no reason to skip it here.
    const other = await localFolder(f.wren, 'ImportElsewhere');
    expect(await f.wren.call('folders.import', { folderId: other, files })).toEqual({ imported: 3, skipped: 0, files: 3 });
  });
});
