import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';
import { englishMail, gbkMail, utf8ChineseMail } from './search-lab';

describe('search over mail whose text is not downloaded yet (the default: a message is kept once opened)', () => {
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

  it('says how many messages were searched by their headers only, and finds a body word once its message was opened', async () => {
    expect(await search('procurement')).toMatchObject({ total: 0, textless: 3 });
    // Words only in headers say nothing of the text.
    expect(await search('from:ann')).toMatchObject({ total: 1, textless: 0 });
    const [english] = (await search('budget')).items;
    await wren.call('messages.read', { messageId: english!.id });
    await expect.poll(async () => search('procurement'), { timeout: 10_000 }).toMatchObject({ total: 1, textless: 2 });
  });
});
