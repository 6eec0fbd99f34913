import { describe, expect, it } from 'vitest';
import { englishMail, subjectsFound, withUnopenedMail } from './search-lab';

describe('Search on server: the IMAP server finds words in mail whose text is not downloaded, which is then downloaded', () => {
  const mail = withUnopenedMail();
  const search = (query: string) => mail.wren.call('messages.search', { query });
  const onServer = (query: string) => mail.wren.call('messages.searchServer', { query });

  it('downloads only the message that holds the word, which the local search then finds', async () => {
    expect(await search('procurement')).toMatchObject({ total: 0, textless: 3 });
    // A minus-word alone gives the server nothing to look for: what it leaves out is the local search's to say.
    expect(await onServer('-budget')).toEqual({ asked: 0, found: 0, downloaded: 0, notAsked: 0 });
    expect(await onServer('procurement')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
    expect(await subjectsFound(mail.wren, 'procurement')).toEqual(['Quarterly budget review']);
    expect((await search('procurement')).textless).toBe(2);
  });

  it('finds a Chinese word in a GBK body (the server decodes it), and leaves the rest undownloaded', async () => {
    // 三楼会议室 is in the GBK message's body only.
    expect(await onServer('三楼')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
    expect(await subjectsFound(mail.wren, '三楼')).toEqual(['会议通知：明天下午三点开会']);
    expect((await search('三楼')).textless).toBe(1);
  });

  it('asks for every word (one in the subject, one in the body), and for either of an OR', async () => {
    expect(await onServer('时间 nothing-here')).toMatchObject({ asked: 1, found: 0, downloaded: 0 });
    expect(await onServer('时间 转告')).toMatchObject({ asked: 1, found: 1, downloaded: 1 });
    expect(await subjectsFound(mail.wren, '转告')).toEqual(['时间变更']);
    // Nothing is left without its text: no folder to ask.
    expect(await onServer('nothing-here OR 转告')).toEqual({ asked: 0, found: 0, downloaded: 0, notAsked: 0 });
  });

  it('finds either word of an OR', async () => {
    await mail.lab.seed(mail.lab.users[0]!.email, 'INBOX', [englishMail.replace('Message-ID: <english@example.test>', 'Message-ID: <english-2@example.test>')]);
    expect((await mail.wren.call('sync.run', { accountId: mail.accountId })).failures).toEqual([]);
    expect(await onServer('nothing-here OR spreadsheet')).toEqual({ asked: 1, found: 1, downloaded: 1, notAsked: 0 });
  });

  it('says Offline when the server cannot be reached', async () => {
    await mail.lab.seed(mail.lab.users[0]!.email, 'INBOX', [englishMail.replace('Message-ID: <english@example.test>', 'Message-ID: <english-3@example.test>')]);
    expect((await mail.wren.call('sync.run', { accountId: mail.accountId })).failures).toEqual([]);
    await mail.lab.stop();
    await expect(onServer('procurement')).rejects.toMatchObject({ code: 'Offline' });
  });
});
