import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: tags', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const rowTags = (subject: string) => row(subject).getByTestId('message-tags').locator('.tag-chip').allInnerTexts();

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [1, 2].map((n) => simpleMessage(n, { subject: 'Tagged' })));
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await row('Tagged 2').waitFor();
  });

  it('1 to 5 tag the selection, again untags, and the open message shows its tags too', async () => {
    await row('Tagged 2').click();
    await web.page.getByTestId('message-text').filter({ hasText: 'Body 2' }).waitFor();
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('1');
    await web.page.keyboard.press('4');
    await expect.poll(() => rowTags('Tagged 2')).toEqual(['重要', '待办']);
    await expect.poll(() => web.page.getByTestId('reading-pane').getByTestId('message-tags').innerText()).toContain('待办');
    expect(await web.page.getByTestId('message-text').innerText()).toContain('Body 2');
    await screenshot(web.page, 'tags-zh');
    await web.page.keyboard.press('1');
    await expect.poll(() => rowTags('Tagged 2')).toEqual(['待办']);
  });

  it('keeps them through a reload, and the message menu ticks them and removes them all', async () => {
    await web.page.reload();
    await row('Tagged 2').waitFor();
    await expect.poll(() => rowTags('Tagged 2')).toEqual(['待办']);
    await row('Tagged 2').click({ button: 'right' });
    expect(await web.page.getByTestId('menu-tag-4').innerText()).toContain('✓');
    await web.page.getByTestId('menu-untag').click();
    await expect.poll(() => row('Tagged 2').getByTestId('message-tags').count()).toBe(0);
  });
});
