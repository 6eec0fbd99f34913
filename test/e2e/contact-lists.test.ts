import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: the Address Book\'s lists', () => {
  const web = webSession();
  const book = () => web.page.getByTestId('address-book');
  const editor = () => book().getByTestId('contact-list-editor');

  beforeAll(async () => {
    const bob = web.lab.users[1]!.email;
    await web.lab.seed(bob, 'INBOX', [simpleMessage(1, { subject: 'Hello', to: bob })]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[1]!);
    await web.page.getByTestId('message-row').first().waitFor();
  });

  it('a list made in the Address Book (a wrong address named, then mended); written in To, it brings its members', async () => {
    await web.page.keyboard.press('Control+Shift+B');
    await book().getByTestId('contact-list-new').click();
    await editor().getByTestId('contact-list-name').fill('Team');
    await editor().getByTestId('contact-list-members').fill('张伟 <zhang.wei@example.com>\nli.na@example\ncarol@example.test');
    await editor().getByTestId('contact-list-save').click();
    expect(await editor().getByTestId('contact-list-problem').textContent()).toBe('Not an email address: li.na@example');
    await editor().getByTestId('contact-list-members').fill('张伟 <zhang.wei@example.com>\nli.na@example.com, carol@example.test');
    await editor().getByTestId('contact-list-save').click();
    await editor().waitFor({ state: 'detached' });
    const row = book().getByTestId('contact-list');
    expect(await row.textContent()).toContain('👥 Team张伟, li.na@example.com, carol@example.test');
    await screenshot(web.page, 'contact-lists-en');
    await book().locator('.dialog__close').click();

    await web.page.keyboard.press('c');
    const to = web.page.getByTestId('compose-to');
    await to.getByRole('combobox').fill('tea');
    const suggestion = to.getByTestId('address-suggestions').getByRole('option', { name: '👥 Team (3 people)' });
    await suggestion.click();
    await expect.poll(() => to.getByTestId('address-chip').allTextContents()).toEqual(['张伟×', 'li.na@example.com×', 'carol@example.test×']);
    await screenshot(web.page, 'contact-list-compose-en');
  });

  it('in Chinese: edited (renamed, a member fewer), then removed after a confirmation', async () => {
    await web.page.getByTestId('composer').getByTestId('compose-discard').click().catch(() => undefined);
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.keyboard.press('Control+Shift+B');
    await book().getByTestId('contact-list-edit').click();
    await editor().getByTestId('contact-list-name').fill('项目组');
    await editor().getByTestId('contact-list-members').fill('张伟 <zhang.wei@example.com>\nli.na@example.com');
    await editor().getByTestId('contact-list-save').click();
    await expect.poll(() => book().getByTestId('contact-list').textContent()).toContain('👥 项目组张伟, li.na@example.com');
    await screenshot(web.page, 'contact-lists-zh');
    await book().locator('.dialog__close').click();

    // Typed in pinyin, by its initials, as Chinese users find people.
    await web.page.keyboard.press('c');
    const to = web.page.getByTestId('compose-to');
    await to.getByRole('combobox').fill('xmz');
    const suggestion = to.getByTestId('address-suggestions').getByRole('option', { name: '👥 项目组（2 人）' });
    await suggestion.waitFor();
    await screenshot(web.page, 'contact-list-compose-pinyin-zh');
    await suggestion.click();
    await expect.poll(() => to.getByTestId('address-chip').allTextContents()).toEqual(['张伟×', 'li.na@example.com×']);
    await web.page.getByTestId('composer').getByTestId('compose-discard').click();
    await web.page.keyboard.press('Control+Shift+B');
    await book().getByTestId('contact-list-remove').click();
    expect(await web.page.getByTestId('confirm-dialog').textContent()).toContain('只删除这个组：其成员仍保留在通讯录中。');
    await web.page.getByTestId('confirm-ok').click();
    await book().getByTestId('contact-list').waitFor({ state: 'detached' });
    await web.page.getByTestId('language').selectOption('en');
  });
});
