import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { padded, simpleMessage } from '../lab/simple-message';
import { startTcpProxy, type RelayedLine, type TcpProxy } from '../lab/tcp-proxy';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const CUT_AFTER = 1_000_000;

/**
 * A big message whose download is cut off mid-way (that one connection; the account stays online): the
 * pane says the download was cut off and is tried again, not that the server cannot be reached, and the
 * text comes by itself (the QA report: it waited for a "back online" that never came).
 */
describe('web mode: a body download cut off mid-way', () => {
  const web = webSession();
  let proxy: TcpProxy;
  let armed = false;
  let cuts = 0;
  const received = new WeakMap<RelayedLine, number>();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    const alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [1, 2].map((n) => padded(simpleMessage(n, { subject: 'Huge', to: alice.email }), 3_000_000)));
    proxy = await startTcpProxy(web.lab.ports.imaps, web.lab.host, 0, {
      fromServer: (chunk, line) => {
        if (!armed) return [chunk];
        const count = (received.get(line) ?? 0) + chunk.length;
        received.set(line, count);
        if (count <= CUT_AFTER) return [chunk];
        armed = false;
        cuts += 1;
        line.cut();
        return [];
      },
    });
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, { ...web.lab, ports: { ...web.lab.ports, imaps: proxy.port } }, alice);
    await web.page.getByTestId('setup-save').click();
    await row('Huge 2').waitFor();
  });
  afterAll(async () => {
    await proxy?.close();
  });

  async function openCut(subject: string): Promise<string> {
    armed = true;
    await row(subject).click();
    const notice = web.page.getByTestId('body-unavailable');
    await notice.waitFor();
    return (await notice.textContent()) ?? '';
  }

  it('says the download was cut off and is being tried again, then shows the text by itself', async () => {
    const notice = await openCut('Huge 1');
    expect(cuts).toBe(1);
    expect(notice).toContain('The download of this message was cut off before it ended; trying again');
    expect(notice).not.toContain('cannot be reached');
    expect(await web.page.locator('[data-testid^="account-status-"]').count()).toBe(0);
    await screenshot(web.page, 'body-download-cut-retrying-en');
    await web.page.getByTestId('message-text').waitFor({ timeout: 20_000 });
    expect(await web.page.getByTestId('message-text').textContent()).toContain('x'.repeat(76));
    await screenshot(web.page, 'body-download-cut-arrived-en');
  });

  it('says so in Chinese', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    const notice = await openCut('Huge 2');
    expect(notice).toContain('这封邮件的下载在完成前被中断，正在重试');
    await screenshot(web.page, 'body-download-cut-retrying-zh');
    await web.page.getByTestId('message-text').waitFor({ timeout: 20_000 });
    await web.page.getByTestId('language').selectOption('en');
  });
});
