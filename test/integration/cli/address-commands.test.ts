import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { conversationMessage } from '../../lab/conversation-messages';
import { cliAccount } from './cli-account';

/** `wren addresses suggest|forget`: the built CLI, on addresses learnt from a real sync with Dovecot. */
describe('wren addresses', () => {
  const { wren } = cliAccount(async (lab) => {
    const alice = lab.users[0]!.email;
    await lab.seed(alice, 'INBOX', [
      conversationMessage({ id: 'a1', from: '张三 <zhang@example.test>', to: alice, subject: '你好', date: 'Tue, 1 Dec 2026 09:00:00 +0000', body: '你好！' }),
      conversationMessage({ id: 'a2', from: 'Zhang Typo <zhnag@example.test>', to: alice, subject: 'Hi', date: 'Tue, 1 Dec 2026 10:00:00 +0000', body: 'Hi.' }),
    ]);
  });

  it('suggests as the composer does, forgets one (whatever its case), and a sync of the same mail does not bring it back', async () => {
    const suggested = async () => JSON.parse((await wren(['--json', 'addresses', 'suggest', 'zh'])).stdout) as Array<{ address: string }>;
    expect((await suggested()).map((each) => each.address).sort()).toEqual(['zhang@example.test', 'zhnag@example.test']);
    const forgot = await wren(['addresses', 'forget', 'ZHNAG@example.test']);
    expect(forgot.code, forgot.stderr).toBe(0);
    expect(forgot.stdout).toContain('will no longer be suggested');
    expect((await suggested()).map((each) => each.address)).toEqual(['zhang@example.test']);
    expect((await wren(['sync'])).code).toBe(0);
    expect((await suggested()).map((each) => each.address)).toEqual(['zhang@example.test']);
    expect((await wren(['addresses', 'forget', 'zhnag@example.test'])).stdout).toContain('was not among the suggestions');
    expect((await wren(['addresses', 'suggest'])).code).toBe(2);
  });

  it('finds 张三 by his pinyin, whole or as initials, as the composer does', async () => {
    const suggested = async (text: string) => JSON.parse((await wren(['--json', 'addresses', 'suggest', text])).stdout) as Array<{ name: string }>;
    expect((await suggested('zhangs')).map((each) => each.name)).toEqual(['张三']);
    expect((await suggested('zs')).map((each) => each.name)).toEqual(['张三']);
    expect((await wren(['addresses', 'list', 'san'])).stdout).toContain('张三');
  });

  it('lists the Address Book, adds and names an entry, and moves it through vCard files', async () => {
    const added = await wren(['addresses', 'add', 'zhang@example.test', '--name', '张老师']);
    expect(added.code, added.stderr).toBe(0);
    // Collected from synced mail before, as 张三: the user's name for it is kept, and the output says what it replaced.
    expect(added.stdout).toBe('Saved 张老师 <zhang@example.test> (it was already there, named 张三).\n');
    expect((await wren(['addresses', 'add', 'zhang@example.test', '--name', '张老师'])).stdout).toBe('Saved 张老师 <zhang@example.test> (it was already there).\n');
    expect((await wren(['addresses', 'add', 'new@example.test'])).stdout).toBe('Saved new@example.test.\n');
    expect((await wren(['sync'])).code).toBe(0);
    const listed = await wren(['addresses', 'list', 'zhang']);
    expect(listed.stdout).toBe('zhang@example.test\t张老师\t1\tsaved\n');

    const file = join(tmpdir(), `wren-contacts-${process.pid}.vcf`);
    expect((await wren(['addresses', 'export', file])).stdout).toMatch(/^Wrote \d+ addresses to /);
    expect(readFileSync(file, 'utf8')).toContain('FN:张老师\r\nEMAIL:zhang@example.test\r\n');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wang Fang\r\nEMAIL:fang@example.test\r\nEND:VCARD\r\n');
    expect((await wren(['addresses', 'import', file])).stdout).toBe('Imported 1 new addresses; 0 were already there (named as the file names them).\n');
    expect(JSON.parse((await wren(['--json', 'addresses', 'list', 'fang'])).stdout)).toMatchObject({ total: 1, items: [{ address: 'fang@example.test', name: 'Wang Fang', saved: true }] });
    // A Chinese phone's 2.1 export, in GBK with bare parameters: its card with an address is read, the other counted.
    const phone = 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:王芳\r\nEMAIL;INTERNET;PREF:fang@example.test\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nFN:李四\r\nTEL;CELL:13800000000\r\nEND:VCARD\r\n';
    writeFileSync(file, iconv.encode(phone, 'gbk'));
    expect((await wren(['addresses', 'import', file])).stdout).toBe('Imported 0 new addresses; 1 were already there (named as the file names them).\n1 card skipped (no email address).\n');
    expect(JSON.parse((await wren(['--json', 'addresses', 'list', 'fang'])).stdout)).toMatchObject({ items: [{ address: 'fang@example.test', name: '王芳' }] });
    writeFileSync(file, 'Name: Wang Fang\r\nEmail: fang@example.test\r\n');
    const refused = await wren(['addresses', 'import', file]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('not a vCard file');
    expect((await wren(['addresses', 'add'])).code).toBe(2);
  });

  it('keeps lists: saved with names and addresses, saved again to change them, listed and removed; a bad address is refused', async () => {
    const saved = await wren(['addresses', 'list-save', 'Team', '张三 <zhang@example.test>', 'li@example.test']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toBe('Saved the list Team: 2 members.\n');
    expect((await wren(['addresses', 'list-save', 'team', 'wang@example.test'])).stdout).toBe('Saved the list team: 1 member.\n');
    const lists = JSON.parse((await wren(['--json', 'addresses', 'lists'])).stdout) as Array<{ name: string; members: unknown[] }>;
    expect(lists).toEqual([{ id: expect.any(Number), name: 'team', members: [{ name: '', address: 'wang@example.test' }] }]);
    expect((await wren(['addresses', 'list-save', 'Bad', 'not-an-address'])).code).toBe(2);
    expect((await wren(['addresses', 'list-remove', 'TEAM'])).stdout).toBe('Removed the list team.\n');
    expect((await wren(['addresses', 'lists'])).stdout.trim()).toBe('');
    expect((await wren(['addresses', 'list-remove', 'Team'])).code).toBe(1);
  });
});
