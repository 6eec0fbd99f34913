import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimSender } from '../lab/dkim-sender';
import { startDnsServer, type TestDnsServer } from '../lab/dns-server';
import { startOneClickServer, type OneClickServer } from '../lab/one-click-server';
import { addLabAccount } from './add-lab-account';
import { addressChips, screenshot } from './web-app';
import { webSession } from './web-session';

const listMessage = (subject: string, unsubscribe: string, more: string[] = []) => [
  'From: 每周新闻 <news@lists.example.org>',
  'To: alice@example.test',
  `Subject: ${subject}`,
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  `Message-ID: <${Buffer.from(subject).toString('hex')}@lists.example.org>`,
  `List-Unsubscribe: ${unsubscribe}`,
  ...more,
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  '本周要闻。',
  '',
].join('\r\n');

describe('web mode: Unsubscribe and Reply to List on a mailing list\'s message (Thunderbird\'s), in Chinese', () => {
  // The list's one-click server and the DNS server publishing its DKIM key, started first: the web mode
  // trusts the server's certificate as it would a public one, and asks that DNS server for the key.
  let certDir: string;
  let list: OneClickServer;
  let dns: TestDnsServer;
  const signer = dkimSender('lists.example.org');
  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'wren-e2e-one-click-'));
    list = await startOneClickServer(certDir);
    dns = await startDnsServer({ txt: { [signer.record.name]: [signer.record.text] } });
  });
  afterAll(async () => {
    await list?.close();
    await dns?.close();
    await rm(certDir, { recursive: true, force: true });
  });
  const web = webSession(() => ({ page: { locale: 'zh-CN' }, env: { NODE_EXTRA_CA_CERTS: list.cert.certPath, WREN_TEST_DNS: dns.server } }));
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    const user = web.lab.users[0]!;
    await web.lab.seed(user.email, 'INBOX', [
      listMessage('每周要闻', '<https://lists.example.org/unsubscribe?list=weekly>, <mailto:leave@lists.example.org>'),
      listMessage('讨论组', '<mailto:leave-talk@lists.example.org?subject=unsubscribe>', ['List-Post: <mailto:talk@lists.example.org>']),
      await signer.sign(listMessage('一键退订', `<${list.base}/unsubscribe?member=alice>`, ['List-Unsubscribe-Post: List-Unsubscribe=One-Click'])),
      // Asks for one click but is not signed: Unsubscribe opens the page instead.
      listMessage('未签名', `<${list.base}/page?member=alice>`, ['List-Unsubscribe-Post: List-Unsubscribe=One-Click']),
      ['From: Bob <bob@example.test>', 'To: alice@example.test', 'Subject: Lunch', 'Date: Tue, 01 Dec 2026 10:00:00 +0000', '', 'Noon?', ''].join('\r\n'),
    ]);
    await addLabAccount(web.page, web.app.url, web.lab, user);
    await row('Lunch').waitFor();
  });

  it('opens the list\'s page for one with a web address, and offers nothing on a message that is on no list', async () => {
    await row('每周要闻').click();
    const button = web.page.getByTestId('list-unsubscribe');
    await button.waitFor();
    expect(await button.textContent()).toBe('退订');
    expect(await button.getAttribute('title')).toBe('退出此邮件列表：打开 lists.example.org 上的退订页面');
    await screenshot(web.page, 'list-unsubscribe-zh');
    // This machine has no internet: the list's page is answered here, so the tab shows where it went.
    await web.context.route('https://lists.example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>Unsubscribed.</p>' }));
    const [popup] = await Promise.all([web.page.waitForEvent('popup'), button.click()]);
    await popup.getByText('Unsubscribed.').waitFor();
    expect(popup.url()).toBe('https://lists.example.org/unsubscribe?list=weekly');
    await popup.close();
    await row('Lunch').click();
    await web.page.getByText('Noon?').waitFor();
    expect(await web.page.getByTestId('list-unsubscribe').count()).toBe(0);
  });

  it('writes to the list\'s address for one with only a mailto:, in the composer, for the user to send', async () => {
    await row('讨论组').click();
    await web.page.getByTestId('list-unsubscribe').click();
    await web.page.getByTestId('composer').waitFor();
    await expect.poll(() => addressChips(web.page)).toEqual(['leave-talk@lists.example.org']);
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('unsubscribe');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });

  it('asks first, then leaves a list offering one click (RFC 8058) without opening a page, and says so', async () => {
    await row('一键退订').click();
    const button = web.page.getByTestId('list-unsubscribe');
    await button.waitFor();
    expect(await button.getAttribute('title')).toBe(`退出此邮件列表：由 Wren 直接通知 ${new URL(list.base).host} 将您移除`);
    await button.click();
    const dialog = web.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('一键退订');
    await screenshot(web.page, 'list-unsubscribe-one-click-zh');
    // Cancel sends nothing.
    await web.page.getByTestId('confirm-cancel').click();
    expect(list.received).toHaveLength(0);
    await button.click();
    await web.page.getByTestId('confirm-ok').click();
    await web.page.getByTestId('toast').filter({ hasText: '已退订' }).waitFor();
    expect(list.received.map((request) => [request.method, request.path, request.body])).toEqual([['POST', '/unsubscribe?member=alice', 'List-Unsubscribe=One-Click']]);
    // The list's server refusing is said in words, not as a bug.
    list.status = 500;
    await button.click();
    await web.page.getByTestId('confirm-ok').click();
    await web.page.getByTestId('toast-error').filter({ hasText: '邮件列表的服务器拒绝了退订请求' }).waitFor();
    await screenshot(web.page, 'list-unsubscribe-refused-zh');
    list.status = 200;
    // Unsigned, it offers the list's page, and nothing is posted.
    await row('未签名').click();
    await web.page.getByText('本周要闻。').waitFor();
    await expect.poll(() => button.getAttribute('title')).toBe(`退出此邮件列表：打开 ${new URL(list.base).host} 上的退订页面`);
    expect(list.received).toHaveLength(2);
  });

  it('Reply to List writes to the list\'s posting address alone, and Ctrl+Shift+L does the same', async () => {
    await row('讨论组').click();
    const button = web.page.getByTestId('reply-list');
    await button.waitFor();
    expect(await button.textContent()).toBe('回复列表');
    await button.click();
    await web.page.getByTestId('composer').waitFor();
    await expect.poll(() => addressChips(web.page)).toEqual(['talk@lists.example.org']);
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Re: 讨论组');
    await screenshot(web.page, 'reply-to-list-zh');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    await row('讨论组').click();
    await web.page.keyboard.press('Control+Shift+L');
    await web.page.getByTestId('composer').waitFor();
    await expect.poll(() => addressChips(web.page)).toEqual(['talk@lists.example.org']);
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    // A message on no list offers no Reply to List.
    await row('Lunch').click();
    await web.page.getByText('Noon?').waitFor();
    expect(await web.page.getByTestId('reply-list').count()).toBe(0);
  });
});
