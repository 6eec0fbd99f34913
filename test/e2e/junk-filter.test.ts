import { beforeAll, describe, expect, it } from 'vitest';
import { corpusSource, trainingGood, trainingJunk, unseenGood, unseenJunk, type CorpusMessage } from '../lab/junk-corpus';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: the adaptive junk filter learns from Junk and Not Junk, and marks new junk', () => {
  const web = webSession();
  const row = (message: CorpusMessage) => web.page.getByTestId('message-row').filter({ hasText: message.subject });
  const pane = () => web.page.getByTestId('reading-pane');

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [...trainingJunk, ...trainingGood].map((message, n) => corpusSource(message, n)));
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, bob);
    await web.page.getByTestId('setup-save').click();
    await row(trainingGood[0]!).waitFor();
  });

  it('each message is read, then marked: junk with "!", good with the menu\'s Not junk; Settings say what it learnt', async () => {
    for (const message of trainingJunk) {
      await row(message).click();
      await pane().getByText(message.text.slice(0, 12)).waitFor();
      await web.page.keyboard.press('!');
      await row(message).waitFor({ state: 'detached' });
    }
    for (const message of trainingGood) {
      await row(message).click();
      await pane().getByText(message.text.slice(0, 12)).waitFor();
      await row(message).click({ button: 'right' });
      await web.page.getByTestId('menu-not-junk').click();
    }
    await web.page.getByTestId('open-settings').click();
    const status = web.page.getByTestId('settings-junk-status');
    await expect.poll(() => status.textContent()).toContain(`${trainingJunk.length} messages marked as junk, ${trainingGood.length} as not junk`);
    expect(await web.page.getByTestId('settings-junk-filter').inputValue()).toBe('mark');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
  });

  it('new mail: the junk gets the Junk mark in the list and the bar over it, the good does not; Not Junk takes it off', async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [corpusSource(unseenJunk, 100), corpusSource(unseenGood, 101)]);
    await web.page.getByTestId('sync-now').click();
    await row(unseenJunk).getByTestId('junk-mark').waitFor();
    await row(unseenGood).waitFor();
    expect(await row(unseenGood).getByTestId('junk-mark').count()).toBe(0);
    await row(unseenJunk).click();
    expect(await web.page.getByTestId('junk-bar').textContent()).toBe('This message is marked as junk mail.Not junk');
    await screenshot(web.page, 'junk-marked-en');
    await web.page.getByTestId('junk-bar-not-junk').click();
    await web.page.getByTestId('junk-bar').waitFor({ state: 'detached' });
    await row(unseenJunk).getByTestId('junk-mark').waitFor({ state: 'detached' });
  });

  it('in Chinese: Run junk mail controls on the Inbox, the Junk settings, and Reset training data after a confirmation', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('folder-INBOX').click({ button: 'right' });
    await web.page.getByTestId('folder-menu-run-junk').click();
    // Every message there now carries the user's verdict ($NotJunk) or is good: none is junk.
    await web.page.getByText(/垃圾邮件过滤器检查了“收件箱”中的 \d+ 封邮件，其中 0 封是垃圾邮件。/).waitFor();
    await web.page.getByTestId('open-settings').click();
    const status = web.page.getByTestId('settings-junk-status');
    expect(await status.textContent()).toContain(`已标记 ${trainingJunk.length} 封垃圾邮件、${trainingGood.length + 1} 封非垃圾邮件`);
    await web.page.getByTestId('settings-junk-status').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'junk-settings-zh');
    await web.page.getByTestId('settings-junk-reset').click();
    await web.page.getByTestId('confirm-ok').click();
    await expect.poll(() => status.textContent()).toContain('已标记 0 封垃圾邮件、0 封非垃圾邮件');
    // Two Chinese sentences run on, without the space an English one would put after its full stop.
    expect(await status.textContent()).toMatch(/非垃圾邮件。[^ ]*两类邮件各至少有一封后开始过滤。$/);
    expect(await web.page.getByTestId('settings-junk-reset').isDisabled()).toBe(true);
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('language').selectOption('en');
  });
});
