import { beforeAll, describe, expect, it } from 'vitest';
import { fillAccountForm } from './add-lab-account';
import { addressChips, screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: templates (Save as template, New message from template)', () => {
  const web = webSession();
  const composer = () => web.page.getByTestId('composer');

  beforeAll(async () => {
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[1]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('folder-INBOX').waitFor();
  });

  it('keeps what the composer holds as a template; opening it starts a new message with all of it', async () => {
    await web.page.keyboard.press('c');
    await composer().waitFor();
    await web.page.getByTestId('compose-to').getByRole('combobox').fill('team@example.test,');
    await web.page.getByTestId('compose-subject').fill('Weekly report');
    await web.page.getByTestId('compose-body').fill('Done this week:\n\nNext week:\n');
    await web.page.getByTestId('compose-save-template').click();
    await web.page.getByText('Saved as a template in Local Folders ▸ Templates.').waitFor();
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });

    await web.page.getByTestId('local-folders').getByTestId('folder-Templates').click();
    const row = web.page.getByTestId('message-row').filter({ hasText: 'Weekly report' });
    await row.click();
    await web.page.getByTestId('action-use-template').waitFor();
    await screenshot(web.page, 'templates-folder-en');
    await row.dblclick();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Weekly report');
    expect(await web.page.getByTestId('compose-body').inputValue()).toBe('Done this week:\n\nNext week:\n');
    await expect.poll(() => addressChips(web.page)).toEqual(['team@example.test']);
    await web.page.getByTestId('compose-discard').click();
    // The template stays for next week.
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(1);
  });

  it('Edit template opens the template itself; Save template replaces it and closes the composer', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Weekly report' }).click();
    await web.page.getByTestId('action-edit-template').click();
    await composer().waitFor();
    expect(await composer().getByRole('heading').first().textContent()).toBe('Template: Weekly report');
    await web.page.getByTestId('compose-subject').fill('Weekly report (team)');
    await web.page.getByTestId('compose-body').fill('Done this week:\n\nNext week:\n\nBlocked by:\n');
    expect(await web.page.getByTestId('compose-save-template').textContent()).toBe('Save template');
    await screenshot(web.page, 'template-edit-en');
    await web.page.getByTestId('compose-save-template').click();
    await composer().waitFor({ state: 'detached' });
    await web.page.getByText('Template saved: it replaces the one you edited.').waitFor();
    await expect.poll(() => web.page.getByTestId('message-row').allInnerTexts()).toEqual([expect.stringContaining('Weekly report (team)')]);
  });

  it('an account\'s own Templates folder on its server (Thunderbird\'s): its templates start messages, and Save as template files there', async () => {
    const bob = web.lab.users[1]!.email;
    await web.lab.seed(bob, 'Templates', [[
      `From: ${bob}`, 'To: team@example.test', 'Subject: =?UTF-8?B?5pyI5bqm5oql5ZGK?= Monthly report', 'Message-ID: <tb-template@example.test>',
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', '', 'Figures for the month:', '',
    ].join('\r\n')], { flags: ['\\Seen'] });
    await web.page.getByTestId('sync-now').click();
    const serverTemplates = web.page.locator('section[data-testid^="account-"]').getByTestId('folder-Templates');
    await serverTemplates.click();
    const row = web.page.getByTestId('message-row').filter({ hasText: 'Monthly report' });
    // The row names whom the template writes to, as in Drafts (the sender is always the user).
    expect(await row.textContent()).toContain('team@example.test');
    await row.click();
    await web.page.getByTestId('action-use-template').waitFor();
    await web.page.getByText('Figures for the month:').waitFor();
    await screenshot(web.page, 'templates-server-folder-en');
    await row.dblclick();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('月度报告 Monthly report');
    await expect.poll(() => addressChips(web.page)).toEqual(['team@example.test']);
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });

    await web.page.keyboard.press('c');
    await composer().waitFor();
    await web.page.getByTestId('compose-subject').fill('Out of office');
    await web.page.getByTestId('compose-body').fill('Back on Monday.\n');
    await web.page.getByTestId('compose-save-template').click();
    await web.page.getByText('Saved as a template in this account\'s Templates folder.').waitFor();
    await web.page.getByTestId('compose-discard').click();
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(2);

    await web.page.getByTestId('language').selectOption('zh');
    await expect.poll(() => serverTemplates.textContent()).toContain('模板');
    await screenshot(web.page, 'templates-server-folder-zh');
    await web.page.getByTestId('language').selectOption('en');
  });
});
