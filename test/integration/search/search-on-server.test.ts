import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { englishMail, gbkMail, subjectsFound, utf8ChineseMail } from './search-lab';

describe('Search on server: the IMAP server finds words in mail whose text is not downloaded, which is then downloaded', () => {
  let lab: Lab;
  let wren: TestCore;
  let accountId: number;

  beforeAll(async () => {
    lab = await startLab();
    await lab.seed(lab.users[0]!.email, 'INBOX', [englishMail, gbkMail, utf8ChineseMail]);
    wren = startCore({ searchWorkerPath: resolve('dist/main/search-worker.cjs') });
    accountId = (await wren.call('accounts.add', labDraft(lab, lab.users[0]!))).id;
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await wren?.dispose();
    await lab?.stop();
  });

  const search = (query: string) => wren.call('messages.search', { query });
  const onServer = (query: string) => wren.call('messages.searchServer', { query });

  it('downloads only the message that holds the word, which the local search then finds', async () => {
    expect(await search('procurement')).toMatchObject({ total: 0, textless: 3 });
    // A minus-word alone gives the server nothing to look for: what it leaves out is the local search's to say.
    expect(await onServer('-budget')).toEqual({ asked: 0, found: 0, downloaded: 0, notAsked: 0 });
    expect(await onServer('procurement')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
    expect(await subjectsFound(wren, 'procurement')).toEqual(['Quarterly budget review']);
    expect((await search('procurement')).textless).toBe(2);
  });

  it('finds a Chinese word in a GBK body (the server decodes it), and leaves the rest undownloaded', async () => {
    // 三楼会议室 is in the GBK message's body only.
    expect(await onServer('三楼')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
    expect(await subjectsFound(wren, '三楼')).toEqual(['会议通知：明天下午三点开会']);
    expect((await search('三楼')).textless).toBe(1);
  });

  it('asks for every word (one in the subject, one in the body), and for either of an OR', async () => {
    expect(await onServer('时间 nothing-here')).toMatchObject({ asked: 1, found: 0, downloaded: 0 });
    expect(await onServer('时间 转告')).toMatchObject({ asked: 1, found: 1, downloaded: 1 });
    expect(await subjectsFound(wren, '转告')).toEqual(['时间变更']);
    // Nothing is left without its text: no folder to ask.
    expect(await onServer('nothing-here OR 转告')).toEqual({ asked: 0, found: 0, downloaded: 0, notAsked: 0 });
  });

  it('finds either word of an OR', async () => {
    await lab.seed(lab.users[0]!.email, 'INBOX', [englishMail.replace('Message-ID: <english@example.test>', 'Message-ID: <english-2@example.test>')]);
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    expect(await onServer('nothing-here OR spreadsheet')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
  });

  it('says Offline when the server cannot be reached', async () => {
    await lab.seed(lab.users[0]!.email, 'INBOX', [englishMail.replace('Message-ID: <english@example.test>', 'Message-ID: <english-3@example.test>')]);
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
    await lab.stop();
    await expect(onServer('procurement')).rejects.toMatchObject({ code: 'Offline' });
  });
});
