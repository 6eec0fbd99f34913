import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** GBK text labelled ISO-8859-1, as some Chinese mailers send it: read as labelled it is "ÄãºÃ…"; the sender's name too. */
const MISLABELLED = Buffer.concat([
  Buffer.from(
    [`From: =?iso-8859-1?B?${iconv.encode('李明', 'gbk').toString('base64')}?= <li@example.cn>`, 'To: Alice <alice@example.test>', 'Subject: Meeting tomorrow', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
      'Message-ID: <gbk-as-latin1@example.cn>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', ''].join('\r\n'),
    'latin1',
  ),
  iconv.encode('你好，明天上午十点开会。\r\n', 'gbk'),
]);

/** Thunderbird's View ▸ Text Encoding, from the reading pane, for a message whose mailer named the wrong charset. */
describe('web mode: reading a message as another text encoding', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [MISLABELLED]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Meeting tomorrow').waitFor();
  });

  it('shows GBK sent as ISO-8859-1 in Chinese once 简体中文 is chosen, the sender\'s encoded name too, and as labelled again on the way back', async () => {
    await row('Meeting tomorrow').click();
    const text = web.page.getByTestId('message-text');
    const headers = web.page.locator('.message-headers');
    await expect.poll(() => text.textContent()).toContain('ÄãºÃ');
    expect(await headers.textContent()).not.toContain('李明');
    const encoding = web.page.getByTestId('text-encoding');
    expect(await encoding.getAttribute('aria-label')).toBe('文字编码');
    await encoding.selectOption('gbk');
    await expect.poll(() => text.textContent()).toContain('你好，明天上午十点开会。');
    expect(await headers.textContent()).toContain('李明 <li@example.cn>');
    await screenshot(web.page, 'text-encoding-gbk-zh');
    await encoding.selectOption('');
    await expect.poll(() => text.textContent()).toContain('ÄãºÃ');
    expect(await headers.textContent()).not.toContain('李明');
  });
});
