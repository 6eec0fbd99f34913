import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishMail, gbkMail } from '../integration/search/search-lab';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

describe('web mode: Save as file (.eml), Thunderbird\'s File ▸ Save As ▸ File', () => {
  const web = webSession();
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [englishMail, gbkMail]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row('Quarterly budget review').waitFor();
  });

  it('from the toolbar\'s More menu: the whole message, byte for byte, named after its subject', async () => {
    await row('Quarterly budget review').click();
    await web.page.getByText('Please bring the spreadsheet').waitFor();
    await web.page.getByTestId('action-more').click();
    await web.page.getByTestId('more-save-as').waitFor();
    await screenshot(web.page, 'save-as-menu-en');
    const [download] = await Promise.all([web.page.waitForEvent('download'), web.page.getByTestId('more-save-as').click()]);
    expect(download.suggestedFilename()).toBe('Quarterly budget review.eml');
    expect(readFileSync((await download.path())!)).toEqual(Buffer.from(englishMail));
  });

  it('with Ctrl+S on a GBK message: its Chinese subject names the file, and the bytes are the server\'s', async () => {
    await row('会议通知').click();
    await web.page.getByTestId('message-subject').filter({ hasText: '会议通知' }).waitFor();
    await web.page.getByTestId('message-list').focus();
    const [download] = await Promise.all([web.page.waitForEvent('download'), web.page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toBe('会议通知：明天下午三点开会.eml');
    expect(readFileSync((await download.path())!)).toEqual(gbkMail);
  });
});
