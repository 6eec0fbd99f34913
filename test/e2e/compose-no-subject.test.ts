import { beforeAll, describe, expect, it } from 'vitest';
import { serverEventually, serverMatching, serverSourceEventually } from '../lab/server-subjects';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: Send without a subject? (Thunderbird\'s Subject Reminder)', () => {
  const web = webSession();
  const page = () => web.page;
  const composer = () => web.page.getByTestId('composer');
  const reminder = () => web.page.getByTestId('compose-subject-reminder');
  const bob = () => web.lab.users[1]!;

  /** A new message to Bob with this text and no subject. */
  async function writeSubjectless(text: string): Promise<void> {
    await page().getByTestId('action-compose').click();
    const to = page().getByTestId('compose-to').getByRole('combobox');
    await to.fill(bob().email);
    await to.press('Enter');
    await page().getByTestId('compose-body').fill(text);
  }

  beforeAll(async () => {
    await addLabAccount(page(), web.app.url, web.lab, web.lab.users[0]!, { smtp: true });
    await page().getByTestId('folder-INBOX').waitFor();
  });

  it('Ctrl+Enter asks, in either language; "Write a subject" goes back to it, and the message leaves with the subject written', async () => {
    await writeSubjectless('Notes from today, below.');
    await page().getByTestId('compose-body').press('Control+Enter');
    await reminder().waitFor();
    expect(await reminder().textContent()).toContain('Send without a subject?');
    await screenshot(page(), 'compose-no-subject-en');
    await page().getByTestId('language').selectOption('zh');
    await reminder().filter({ hasText: '不填写主题就发送吗？' }).waitFor();
    await screenshot(page(), 'compose-no-subject-zh');
    await page().getByTestId('language').selectOption('en');

    await page().getByTestId('compose-subject-reminder-write').click();
    await reminder().waitFor({ state: 'detached' });
    // The focus is back in Subject: typing fills it in.
    await page().keyboard.type('Minutes');
    expect(await page().getByTestId('compose-subject').inputValue()).toBe('Minutes');
    await page().getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    expect(await serverSourceEventually(web.lab, bob(), 'INBOX', 'Minutes')).toContain('Notes from today, below.');
  });

  it('"Send without subject" sends it as it is', async () => {
    await writeSubjectless('No subject needed: lunch at 12?');
    await page().getByTestId('compose-send').click();
    await page().getByTestId('compose-subject-reminder-send').click();
    await composer().waitFor({ state: 'detached' });
    await serverEventually(() => serverMatching(web.lab, bob(), 'INBOX', { body: 'lunch at 12' }), ['']);
  });
});
