import { beforeAll, describe, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** z and Ctrl+Z did nothing, silently, once the Undo toast had gone (8 s); now the last action stays undoable, as in Thunderbird. */
describe('web mode: Undo after its toast has gone', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const toast = (text: string) => web.page.getByTestId('toast').filter({ hasText: text });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [simpleMessage(1, { subject: 'Keep me' }), simpleMessage(2, { subject: 'Archive me' })]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Archive me').waitFor();
  });

  it('z undoes the last action after its toast went, once; then says there is nothing to undo', async () => {
    await row('Archive me').click();
    await web.page.keyboard.press('e');
    await toast('archived').waitFor();
    await row('Archive me').waitFor({ state: 'detached' });
    // The toast's own time (8 s) runs out.
    await toast('archived').waitFor({ state: 'detached', timeout: 15_000 });
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('z');
    await toast('Undone.').waitFor();
    await row('Archive me').waitFor();
    await web.page.keyboard.press('z');
    await toast('Nothing to undo').waitFor();
    await screenshot(web.page, 'undo-nothing-en');
  });

  it('Ctrl+Z says so in Chinese', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('message-list').focus();
    await web.page.keyboard.press('Control+z');
    await toast('没有可撤销的操作').waitFor();
    await screenshot(web.page, 'undo-nothing-zh');
    await web.page.getByTestId('language').selectOption('en');
  });
});
