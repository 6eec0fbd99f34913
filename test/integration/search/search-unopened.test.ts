import { describe, expect, it } from 'vitest';
import { withUnopenedMail } from './search-lab';

describe('search over mail whose text is not downloaded yet (the default: a message is kept once opened)', () => {
  const mail = withUnopenedMail();
  const search = (query: string) => mail.wren.call('messages.search', { query });

  it('says how many messages were searched by their headers only, and finds a body word once its message was opened', async () => {
    expect(await search('procurement')).toMatchObject({ total: 0, textless: 3 });
    // Words only in headers say nothing of the text.
    expect(await search('from:ann')).toMatchObject({ total: 1, textless: 0 });
    const [english] = (await search('budget')).items;
    await mail.wren.call('messages.read', { messageId: english!.id });
    await expect.poll(async () => search('procurement'), { timeout: 10_000 }).toMatchObject({ total: 1, textless: 2 });
  });
});
