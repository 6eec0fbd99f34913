import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newsletterMessage } from '../lab/newsletter-message';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const NEWSLETTER = newsletterMessage('Newsletter with pictures', 'newsletter@shop.example');

/**
 * Web mode against the lab: identities and signatures edited in Settings reach
 * the composer; the mark-read delay is a setting in settings.json; a toast on
 * screen follows a live language switch; the remote-content allow list is
 * built from the reading pane and trimmed in Settings.
 */
describe('web mode: identities, mark read, toasts, allow list', () => {
  const web = webSession({ page: { colorScheme: 'light', viewport: { width: 1400, height: 850 } } });
  const saved = () => JSON.parse(readFileSync(join(web.app.dataDir, 'settings.json'), 'utf8')) as { app: Record<string, unknown> };
  /** With the dialog's close button, as a mouse user does. */
  const closeSettings = async () => {
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('settings').waitFor({ state: 'detached' });
  };
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    const alice = web.lab.users[0]!;
    await web.lab.seed(alice.email, 'INBOX', [...[1, 2].map((n) => simpleMessage(n, { subject: 'Identity test', to: alice.email })), NEWSLETTER]);
    await addLabAccount(web.page, web.app.url, web.lab, alice);
    await row('Identity test 1').waitFor();
  });

  it('adds an identity with a signature in Settings; the composer starts with that signature', async () => {
    expect(await web.page.getByRole('banner').getByTestId('mark-read-mode').count()).toBe(0);
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-identities"]');
    await editor.getByTestId('identity-row').first().waitFor();
    await editor.getByTestId('identity-add').click();
    await editor.getByTestId('identity-name').fill('Alice 销售部');
    await editor.getByTestId('identity-reply-to').fill('orders@example.test');
    await editor.getByTestId('identity-signature').fill('Alice Liddell\n销售部 · Sales');
    await editor.getByTestId('identity-default').check();
    await editor.getByTestId('identity-form').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'settings-identity-form');
    await editor.getByTestId('identity-save').click();
    await expect.poll(() => editor.getByTestId('identity-row').count()).toBe(2);
    await editor.getByTestId('identity-row').nth(0).filter({ hasText: 'Alice 销售部' }).waitFor();
    await editor.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'settings-identities');
    await closeSettings();

    await web.page.getByTestId('action-compose').click();
    const body = web.page.getByTestId('compose-body');
    await expect.poll(() => body.inputValue()).toBe('\n\n-- \nAlice Liddell\n销售部 · Sales');
    await screenshot(web.page, 'composer-signature');
    // The other identity has no signature: choosing it takes the signature away, choosing back puts it again.
    const from = web.page.getByTestId('compose-from');
    // The From list shows "…" until the identities have loaded (a request of its own, after the composer opens).
    await expect.poll(() => from.textContent(), { timeout: 10_000 }).toContain('销售部');
    const options = await from.locator('option').allTextContents();
    await from.selectOption({ label: options.find((label) => !label.includes('销售部'))! });
    await expect.poll(() => body.inputValue()).toBe('');
    await from.selectOption({ label: options.find((label) => label.includes('销售部'))! });
    await expect.poll(() => body.inputValue()).toBe('\n\n-- \nAlice Liddell\n销售部 · Sales');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });

  it('Escape in the identity form cancels the form alone; the default identity renamed is "Your name" in Edit account', async () => {
    await web.page.getByTestId('open-settings').click();
    const editor = web.page.locator('[data-testid$="-identities"]');
    // The default is listed first.
    const editDefault = async () => {
      await editor.getByTestId('identity-row').first().getByTestId('identity-edit').click();
      await editor.getByTestId('identity-name').fill('Alice L. 销售部');
    };
    await editDefault();
    await web.page.keyboard.press('Escape');
    await editor.getByTestId('identity-form').waitFor({ state: 'detached' });
    expect(await web.page.getByTestId('settings').isVisible()).toBe(true);
    expect(await editor.getByTestId('identity-row').first().textContent()).toContain('Alice 销售部 <');

    await editDefault();
    await editor.getByTestId('identity-save').click();
    await editor.getByTestId('identity-row').first().filter({ hasText: 'Alice L. 销售部' }).waitFor();
    // The focus went back to Add, inside Settings: Escape there closes Settings.
    await web.page.keyboard.press('Escape');
    await web.page.getByTestId('settings').waitFor({ state: 'detached' });

    await web.page.getByTestId('account-heading').first().click({ button: 'right' });
    await web.page.getByTestId('account-menu-edit').click();
    const dialog = web.page.getByTestId('edit-account-dialog');
    expect(await dialog.getByTestId('edit-display-name').inputValue()).toBe('Alice L. 销售部');
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('changes the mark-read delay in Settings, saved in settings.json', async () => {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('mark-read-delay').fill('5');
    await expect.poll(() => saved().app.markRead).toEqual({ mode: 'delay', delaySeconds: 5 });
    await web.page.getByTestId('mark-read-mode').selectOption('never');
    await expect.poll(() => saved().app.markRead).toEqual({ mode: 'never', delaySeconds: 5 });
    await closeSettings();
  });

  it('a toast on screen is worded again in Chinese when the language is switched', async () => {
    await row('Identity test 2').click();
    await web.page.getByTestId('action-delete').click();
    await web.page.getByTestId('toast').filter({ hasText: 'Message moved to Trash.' }).waitFor();
    await web.page.getByRole('banner').getByTestId('language').selectOption('zh');
    await web.page.getByTestId('toast').filter({ hasText: '邮件已移到“已删除”。' }).waitFor();
    await web.page.getByTestId('toast-undo').filter({ hasText: '撤销' }).waitFor();
    await screenshot(web.page, 'toast-zh');
    await web.page.getByRole('banner').getByTestId('language').selectOption('en');
  });

  it('in Chinese in a 1000×700 window, the remote-content bar keeps each button on one line', async () => {
    const viewport = web.page.viewportSize()!;
    await web.page.setViewportSize({ width: 1000, height: 700 });
    await web.page.getByRole('banner').getByTestId('language').selectOption('zh');
    await row('Newsletter with pictures').click();
    await web.page.getByTestId('remote-blocked').waitFor();
    const oneLine = (await web.page.getByTestId('action-compose').boundingBox())!.height;
    for (const button of ['load-remote', 'load-remote-always']) {
      const box = (await web.page.getByTestId(button).boundingBox())!;
      expect(box.height, button).toBeLessThanOrEqual(oneLine + 4);
    }
    await screenshot(web.page, 'remote-bar-narrow-zh');
    await web.page.getByRole('banner').getByTestId('language').selectOption('en');
    await web.page.setViewportSize(viewport);
  });

  it('"Always load from" in the reading pane puts the sender on the allow list; Settings lists and removes it', async () => {
    await row('Newsletter with pictures').click();
    await web.page.getByTestId('remote-blocked').waitFor();
    await web.page.getByTestId('load-remote-always').click();
    await expect.poll(() => saved().app.remoteContentSenders).toEqual(['news@shop.example']);
    await web.page.getByTestId('remote-blocked').waitFor({ state: 'detached' });
    await web.page.getByTestId('open-settings').click();
    const senders = web.page.getByTestId('settings-senders');
    await senders.filter({ hasText: 'news@shop.example' }).waitFor();
    await senders.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'settings-allow-list');
    await senders.getByRole('button').click();
    await expect.poll(() => saved().app.remoteContentSenders).toEqual([]);
  });
});
