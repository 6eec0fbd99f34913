import { beforeAll, describe, expect, it } from 'vitest';
import { serverSourceEventually } from '../lab/server-subjects';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const ORIGINAL = [
  'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: Release date', 'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <release@example.test>', 'Content-Type: text/plain; charset=utf-8', '', 'Can we ship on the 15th?', '',
].join('\r\n');

const HTML_ORIGINAL = [
  'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: Venue', 'Date: Wed, 02 Dec 2026 09:00:00 +0000',
  'Message-ID: <venue@example.test>', 'Content-Type: text/html; charset=utf-8', '', '<p>Room <b>4.2</b> or the roof?</p>', '',
].join('\r\n');

describe('web mode: replies below the quote (Thunderbird\'s "start my reply below the quote")', () => {
  const web = webSession();
  const body = () => web.page.getByTestId('compose-body');

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [ORIGINAL, HTML_ORIGINAL]);
    // With the lab's SMTP submission server, so the reply really goes out.
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, web.lab.users[0]!, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').filter({ hasText: 'Release date' }).waitFor();
  });

  it('set per account; the reply opens with the caret under the quote, and what is typed there is sent there', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('open-settings').click();
    const position = web.page.locator('select[data-testid^="account-"][data-testid$="-reply-position"]');
    await position.selectOption('below');
    await position.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'settings-reply-below-zh');
    await web.page.getByTestId('settings').locator('.dialog__close').click();
    await web.page.getByTestId('language').selectOption('en');

    await web.page.getByTestId('message-row').filter({ hasText: 'Release date' }).click();
    await web.page.getByText('Can we ship on the 15th?').waitFor();
    await web.page.getByTestId('action-reply').click();
    await body().waitFor();
    // Typed at once, wherever the caret was put: below the quote.
    await body().pressSequentially('Yes, the 15th works.');
    const text = await body().inputValue();
    expect(text).toMatch(/Bob <bob@example\.test> wrote:\n> Can we ship on the 15th\?\n\nYes, the 15th works\.$/);
    await screenshot(web.page, 'compose-reply-below');
    await web.page.getByTestId('compose-send').click();

    const sent = await serverSourceEventually(web.lab, web.lab.users[1]!, 'INBOX', 'Re: Release date');
    expect(sent.indexOf('> Can we ship on the 15th?')).toBeGreaterThan(-1);
    expect(sent.indexOf('Yes, the 15th works.')).toBeGreaterThan(sent.indexOf('> Can we ship on the 15th?'));
  });

  it('a formatted reply too: the caret starts on the line under the quoted original', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Venue' }).click();
    await web.page.getByTestId('action-reply').click();
    const editor = web.page.locator('.rich-text [contenteditable]');
    await editor.waitFor();
    await web.page.keyboard.type('The roof, weather permitting.');
    const text = await editor.innerText();
    expect(text.indexOf('The roof, weather permitting.')).toBeGreaterThan(text.indexOf('Room 4.2 or the roof?'));
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
  });
});
