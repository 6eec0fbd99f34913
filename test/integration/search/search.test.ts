import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { localFolder } from '../local/local-lab';
import { pop3Draft } from '../pop3-sync/pop3-sync-lab';
import { englishMail, gbkMail, subjectsFound, utf8ChineseMail } from './search-lab';

const run = promisify(execFile);

describe('search over synced, downloaded and local mail (lab)', () => {
  let lab: Lab;
  let wren: TestCore;
  let aliceId: number;
  const alice = () => lab.users[0]!;
  const bob = () => lab.users[1]!;
  const found = (query: string, scope: { accountId?: number | null } = {}) => subjectsFound(wren, query, scope);
  /** `wren` in another process, on the core's data. */
  const cli = async (args: string[]) =>
    run(process.execPath, ['bin/wren.cjs', '--data-dir', join(wren.dir, 'data'), ...args], { env: { ...process.env, XDG_CONFIG_HOME: join(wren.dir, 'config') } });

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(alice().email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    // Queries in the bundled search worker, as in the app (its own read-only connection).
    wren = startCore({ searchWorkerPath: resolve('dist/main/search-worker.cjs') });
    aliceId = (await wren.call('accounts.add', labDraft(lab, alice()))).id;
    const synced = await wren.call('sync.run', { accountId: aliceId, bodies: true });
    expect(synced.failures).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  it('finds each mail by a subject word and by a body word: English, GBK Chinese, UTF-8 Chinese', async () => {
    expect(await found('budget')).toEqual(['Quarterly budget review']);
    expect(await found('procurement')).toEqual(['Quarterly budget review']);
    expect(await found('subject:会议')).toEqual(['会议通知：明天下午三点开会']);
    expect(await found('三楼')).toEqual(['会议通知：明天下午三点开会']);
    expect(await found('from:张伟')).toEqual(['会议通知：明天下午三点开会']);
    expect(await found('时间变更')).toEqual(['时间变更']);
    expect(await found('改到下午')).toEqual(['时间变更']);
    expect(await found('会议')).toEqual(['会议通知：明天下午三点开会', '时间变更']);
    expect(await found('from:王小明 会议')).toEqual(['时间变更']);
    expect(await found('"budget review" from:ann@example.test')).toEqual(['Quarterly budget review']);
  });

  it('operators narrow by the day sent, the read state and the folder, alone, beside words, either of two or leaving them out, in the window and the CLI', async () => {
    expect(await found('before:2026-01-01')).toEqual(['会议通知：明天下午三点开会']);
    expect(await found('after:2026-11-15 会议')).toEqual(['时间变更']);
    expect((await found('is:unread')).sort()).toEqual(['Quarterly budget review', '会议通知：明天下午三点开会', '时间变更']);
    expect(await found('is:read')).toEqual([]);
    expect(await found('has:attachment')).toEqual([]);
    expect(await found('larger:1M')).toEqual([]);
    expect(await found('-会议 in:inbox')).toEqual(['Quarterly budget review']);
    expect(await found('in:收件箱 -from:张伟 -budget')).toEqual(['时间变更']);
    expect(await found('-in:inbox')).toEqual([]);
    expect(await found('budget OR 时间')).toEqual(['Quarterly budget review', '时间变更']);
    expect(await found('before:2026-01-01 OR after:2026-11-15 会议')).toEqual(['会议通知：明天下午三点开会', '时间变更']);
    expect(await found('is:read OR has:attachment')).toEqual([]);
    const { stdout } = await cli(['--json', 'search', 'is:unread before:2026-01-01']);
    expect((JSON.parse(stdout) as { messages: { subject: string }[] }).messages.map((m) => m.subject)).toEqual(['会议通知：明天下午三点开会']);
    // Operators alone are something to look for: a search saved from them is kept.
    const saved = await wren.call('searches.save', { name: 'Unread', query: 'is:unread' });
    await wren.call('searches.remove', { searchId: saved.id });
  });

  it('never shows an FTS5 syntax error for a malformed query', async () => {
    for (const query of ['"unbalanced', 'AND', 'NEAR(a b', 'budget OR', 'subject:"', '*', '(((', 'from:']) {
      await expect(wren.call('messages.search', { query, offset: 0, limit: 10 }), query).resolves.toMatchObject({ total: expect.any(Number) });
    }
    // FTS5's own operators are words like any other (all must match); brackets and stars are dropped as punctuation.
    expect(await found('budget) (review*')).toEqual(['Quarterly budget review']);
    expect(await found('budget AND nothing')).toEqual([]);
    // OR in capitals is the search's own (Gmail's), built into the expression by Wren, never passed through.
    expect(await found('budget OR nothing')).toEqual(['Quarterly budget review']);
  });

  it('finds a POP3-downloaded message and a message imported into a local folder', async () => {
    await lab.seed(bob().email, 'INBOX', [englishMail.replace('Quarterly budget review', 'Pop3 harvest festival').replace('english@', 'pop3@')]);
    const bobId = (await wren.call('accounts.add', pop3Draft(lab, bob()))).id;
    expect((await wren.call('sync.run', { accountId: bobId })).failures).toEqual([]);
    expect(await found('harvest')).toEqual(['Pop3 harvest festival']);
    expect(await found('procurement', { accountId: bobId })).toEqual(['Pop3 harvest festival']);

    const file = join(wren.dir, 'kept.eml');
    writeFileSync(file, englishMail.replace('Quarterly budget review', 'Kept locally').replace('procurement', 'lighthouse'));
    const folderId = await localFolder(wren, 'Keep');
    expect(await wren.call('folders.import', { folderId, files: [file] })).toEqual({ imported: 1, skipped: 0, files: 1 });
    expect(await found('lighthouse', { accountId: null })).toEqual(['Kept locally']);
    const hit = (await wren.call('messages.search', { query: 'lighthouse', offset: 0, limit: 10 })).items[0]!;
    expect(hit).toMatchObject({ accountId: null, folderPath: 'Keep', folderId });
  });

  it('follows a move into another folder and a delete for good', async () => {
    const [hit] = (await wren.call('messages.search', { query: 'budget', accountId: aliceId, offset: 0, limit: 10 })).items;
    const archive = await wren.call('folders.create', { accountId: aliceId, parentId: null, name: 'Projects' });
    await wren.call('messages.apply', { kind: 'move', messageIds: [hit!.id], folderId: archive.id });
    const moved = await wren.call('messages.search', { query: 'budget', accountId: aliceId, offset: 0, limit: 10 });
    expect(moved.items.map((m) => m.folderPath)).toEqual(['Projects']);
    expect((await wren.call('messages.search', { query: 'budget', folderId: archive.id, offset: 0, limit: 10 })).total).toBe(1);

    await wren.call('messages.apply', { kind: 'delete', messageIds: moved.items.map((m) => m.id), permanent: true });
    expect(await found('budget')).toEqual([]);
    // The server agrees, and a resync brings nothing back into the results.
    expect((await wren.call('sync.run', { accountId: aliceId })).failures).toEqual([]);
    expect(await found('budget')).toEqual([]);
    expect(await found('三楼')).toEqual(['会议通知：明天下午三点开会']);
  });

  it('wren search, on the same data, from another process', async () => {
    const { stdout } = await cli(['--json', 'search', '会议', '--account', alice().email]);
    const result = JSON.parse(stdout) as { total: number; messages: { subject: string; folder: string; account: string }[] };
    expect(result.total).toBe(2);
    expect(result.messages.map((m) => [m.subject, m.folder, m.account]).sort()).toEqual([
      ['会议通知：明天下午三点开会', 'INBOX', alice().email], ['时间变更', 'INBOX', alice().email],
    ]);
    const local = await cli(['search', 'lighthouse', '--account', 'local', '--folder', 'Keep']);
    expect(local.stdout).toMatch(/\tlocal\tKeep\tAnn Lee\tKept locally\n$/);
    const malformed = await cli(['search', '"NEAR(']);
    expect(malformed.stderr).toBe('');
  });

  it('saved searches: saved in the window, run from the CLI by name, renamed and removed there', async () => {
    const saved = await wren.call('searches.save', { name: 'Meetings', query: '会议' });
    await expect(wren.call('searches.save', { name: 'Nothing', query: '***' })).rejects.toMatchObject({ code: 'BadRequest' });
    const ran = JSON.parse((await cli(['--json', 'search', '--saved', 'meetings'])).stdout) as { total: number; messages: { subject: string }[] };
    expect(ran.messages.map((m) => m.subject).sort()).toEqual(['会议通知：明天下午三点开会', '时间变更']);
    expect((await cli(['searches', 'save', 'Budget', 'subject:budget'])).stdout).toMatch(/^Saved search \d+: Budget\n$/);
    expect((await cli(['searches', 'rename', String(saved.id), '会议'])).stdout).toBe(`Renamed saved search ${saved.id} to 会议\n`);
    expect((await cli(['searches', 'list'])).stdout.split('\n').filter(Boolean).map((line) => line.split('\t').slice(1))).toEqual([
      ['Budget', 'subject:budget'], ['会议', '会议'],
    ]);
    expect((await cli(['searches', 'remove', 'budget'])).stdout).toBe('Removed saved search Budget\n');
    expect((await wren.call('searches.list', {})).map((search) => search.name)).toEqual(['会议']);
    await expect(cli(['search', '--saved', 'Budget'])).rejects.toMatchObject({ stderr: expect.stringContaining('No saved search "Budget". Saved: 会议.') });
  });

  it('account: keeps a search, and a saved search, to some accounts or the Local Folders, in the window and the CLI', async () => {
    expect(await found(`会议 account:${alice().email}`)).toEqual(['会议通知：明天下午三点开会', '时间变更']);
    expect(await found(`会议 account:${bob().email}`)).toEqual([]);
    expect(await found(`会议 -account:${alice().email}`)).toEqual([]);
    expect(await found('lighthouse account:本地文件夹')).toEqual(['Kept locally']);
    const saved = await wren.call('searches.save', { name: 'From Bob\'s account', query: `account:${bob().email}` });
    const ran = JSON.parse((await cli(['--json', 'search', '--saved', 'From Bob\'s account'])).stdout) as { messages: { subject: string; account: string }[] };
    expect(ran.messages.map((m) => m.subject)).toEqual(['Pop3 harvest festival']);
    // By its name too, as the folder list shows it.
    const name = ran.messages[0]!.account;
    expect(name).toContain(bob().email);
    expect(await found(`account:"${name}"`)).toEqual(['Pop3 harvest festival']);
    const local = await cli(['search', 'account:local']);
    expect(local.stdout).toMatch(/\tlocal\tKeep\tAnn Lee\tKept locally\n$/);
    await wren.call('searches.remove', { searchId: saved.id });
  });

  it('still finds everything with the server gone', async () => {
    await lab.stop();
    expect(await found('三楼')).toEqual(['会议通知：明天下午三点开会']);
    expect(await found('改到下午')).toEqual(['时间变更']);
    expect(await found('harvest')).toEqual(['Pop3 harvest festival']);
  });
});
