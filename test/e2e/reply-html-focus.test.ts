import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const HTML_ORIGINAL = [
  'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: Venue', 'Date: Wed, 02 Dec 2026 09:00:00 +0000',
  'Message-ID: <venue@example.test>', 'Content-Type: text/html; charset=utf-8', '', '<p>Room <b>4.2</b> or the roof?</p>', '',
].join('\r\n');

/** A 4×4 red PNG, shown by the original through cid: in a multipart/related body. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==';
const PICTURE_ORIGINAL = [
  'From: Bob <bob@example.test>', 'To: Alice <alice@example.test>', 'Subject: Floor plan', 'Date: Wed, 02 Dec 2026 10:00:00 +0000',
  'Message-ID: <floor-plan@example.test>', 'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="r1"', '',
  '--r1', 'Content-Type: text/html; charset=utf-8', '', '<p>The plan: <img src="cid:plan@example.test" width="4" height="4"></p>',
  '--r1', 'Content-Type: image/png; name="plan.png"', 'Content-ID: <plan@example.test>', 'Content-Disposition: inline; filename="plan.png"',
  'Content-Transfer-Encoding: base64', '', PNG, '--r1--', '',
].join('\r\n');

describe('web mode: an answer to an HTML message opens its formatted composer with the focus in the text', () => {
  const web = webSession();
  const page = () => web.page;
  const editor = () => web.page.locator('.rich-text [contenteditable]');
  const venueRow = () => web.page.getByTestId('message-row').filter({ hasText: 'Venue' });
  /** Whether the page's focused element is within `selector`. */
  const hasFocus = async (selector: string) => (await web.page.locator(`${selector}:focus, ${selector} :focus`).count()) === 1;

  /** Types at once, wherever the focus is: an "e" left to the list would archive the original (its key). */
  async function typeAnswer(words: string): Promise<string> {
    await editor().waitFor();
    await page().keyboard.type(words);
    return editor().innerText();
  }

  async function discard(): Promise<void> {
    await page().getByTestId('compose-discard').click();
    await page().getByTestId('composer').waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [HTML_ORIGINAL, PICTURE_ORIGINAL]);
    await addLabAccount(page(), web.app.url, web.lab, web.lab.users[0]!, { smtp: true });
    await venueRow().waitFor();
  });

  it('r on the message in the list: the caret on the line above the quote, typing goes there and leaves the list alone', async () => {
    await venueRow().click();
    await page().keyboard.press('r');
    const text = await typeAnswer('Either works; the roof if dry.');
    expect(text.startsWith('Either works; the roof if dry.')).toBe(true);
    expect(text.indexOf('Room 4.2 or the roof?')).toBeGreaterThan(text.indexOf('the roof if dry.'));
    expect(await hasFocus('.rich-text [contenteditable]')).toBe(true);
    await screenshot(page(), 'compose-reply-html-focus');
    await discard();
    expect(await venueRow().count()).toBe(1);
  });

  it('a, and the toolbar Reply: the same', async () => {
    await venueRow().click();
    await page().keyboard.press('a');
    expect((await typeAnswer('everyone: the roof')).startsWith('everyone: the roof')).toBe(true);
    await discard();
    await page().getByTestId('action-reply').click();
    expect((await typeAnswer('e-mail me the room plan')).startsWith('e-mail me the room plan')).toBe(true);
    await discard();
    expect(await venueRow().count()).toBe(1);
  });

  it('a forward has no recipient yet: To has the focus, as in the plain composer', async () => {
    await venueRow().click();
    await page().keyboard.press('f');
    await editor().waitFor();
    await page().locator('[data-testid="compose-to"] input:focus').waitFor();
    expect(await hasFocus('.rich-text [contenteditable]')).toBe(false);
    await discard();
  });

  it('a reply quotes the picture the original shows, drawn in the composer from its own part, not listed as a file', async () => {
    await web.page.getByTestId('message-row').filter({ hasText: 'Floor plan' }).click();
    await page().keyboard.press('r');
    const picture = editor().locator('blockquote img');
    await expect.poll(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBe(4);
    // Drawn from its staged part (a data: URL, as a pasted picture's preview) and marked with that part, which is what is sent.
    expect(await picture.getAttribute('data-cid')).toMatch(/@wren$/);
    expect(await page().getByTestId('composer').getByText('plan.png').count()).toBe(0);
    await screenshot(page(), 'compose-reply-quoted-picture');
    await discard();
  });
});

