import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { webSession } from './web-session';

const SUBJECT = 'Draft with a remote image';
const DRAFT = [
  'From: Bob <bob@example.test>',
  'To: carol@example.test',
  `Subject: ${SUBJECT}`,
  'Date: Mon, 01 Dec 2025 10:00:00 +0000',
  'Message-ID: <draft-remote-image@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<html><body><p>Draft text</p><img src="https://tracker.test/draft.png"><img src="http://tracker.test/draft-http.png"></body></html>',
  '',
].join('\r\n');

/**
 * The composer's editor is part of Wren's own page, whose CSP allows https
 * images (for mail frames once the user allows remote content): a draft from
 * the server opened in it must not fetch its remote images, whatever sits in
 * Drafts (another client's draft, a received mail moved there).
 */
describe('web mode: a draft with remote images', () => {
  const web = webSession();
  const requested: string[] = [];

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'Drafts', [DRAFT]);
    web.context.on('request', (request) => {
      if (new URL(request.url()).hostname === 'tracker.test') requested.push(request.url());
    });
    await addLabAccount(web.page, web.app.url, web.lab, bob);
  });

  it('is edited without loading them', async () => {
    await web.page.getByTestId('folder-Drafts').getByRole('button').click();
    await web.page.getByTestId('message-row').filter({ hasText: SUBJECT }).click();
    // The reading pane blocks them, as for any mail.
    await web.page.getByTestId('remote-blocked').waitFor();
    await web.page.getByTestId('action-edit-draft').click();
    await web.page.getByTestId('compose-body').getByText('Draft text').waitFor();
    expect(await web.page.getByTestId('compose-body').locator('img').count()).toBe(0);
    // An image request would have started as the editor took the HTML; give a late one time to show.
    await web.page.waitForTimeout(1000);
    expect(requested).toEqual([]);
  });
});
