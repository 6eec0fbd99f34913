import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const HUGE = 'Huge single-line body 超长单行';
const SMALL = 'Small note';

/** The QA mail: 4.6 MB of text/plain written as one line of 3.6 million characters, its last word ENDMARKER. */
function hugeOneLineMessage(): string {
  return [
    'From: QA <qa@example.test>',
    'To: bob@example.test',
    `Subject: =?UTF-8?B?${Buffer.from(HUGE).toString('base64')}?=`,
    'Date: Mon, 02 Jun 2025 09:30:00 +0000',
    'Message-ID: <huge-one-line@example.test>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `${'ABCDEFGHIJ中文'.repeat(300_000)}ENDMARKER`,
    '',
  ].join('\r\n');
}

/** A generous guard, not a timing target: the page runs a script within 10 s (it took 274 s when the text was drawn whole). */
async function expectAnswering(page: Page): Promise<void> {
  const answer = page.evaluate(() => 1);
  const late = new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 10 s'), 10_000));
  expect(await Promise.race([answer, late])).toBe(1);
}

interface Rect {
  top: number;
  bottom: number;
  height: number;
}
type PageWindow = { innerHeight: number; CSS: { highlights: Map<string, Set<{ getBoundingClientRect(): Rect }>> } };

/** In the page: the current find match (FindBar's wren-find-current highlight) lies within the window. */
function currentMatchInView(): boolean {
  const page = globalThis as unknown as PageWindow;
  const [range] = [...(page.CSS.highlights.get('wren-find-current') ?? [])];
  if (!range) return false;
  const rect = range.getBoundingClientRect();
  return rect.height > 0 && rect.top >= 0 && rect.bottom <= page.innerHeight;
}

describe('web mode: a 4.6 MB plain-text mail written as one line', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });
  const text = () => web.page.getByTestId('message-text');
  const open = async (subject: string) => {
    await web.page.getByTestId('message-row').filter({ hasText: subject }).click();
    await web.page.getByTestId('message-subject').filter({ hasText: subject }).waitFor();
  };

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [simpleMessage(1, { subject: SMALL }), hugeOneLineMessage()]);
    await addLabAccount(web.page, web.app.url, web.lab, bob);
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('shows the first part at once, with a notice and Show the rest, and the window answers', async () => {
    await open(HUGE);
    await text().waitFor();
    await expectAnswering(web.page);
    expect(await web.page.getByTestId('text-partial').textContent()).toMatch(/showing its first 341 KB of 4\.6 MB/);
    const shown = (await text().textContent()) ?? '';
    expect(shown.startsWith('ABCDEFGHIJ中文ABCDEFGHIJ')).toBe(true);
    expect(shown).not.toContain('ENDMARKER');
    await screenshot(web.page, 'huge-text-first-part');
  });

  it('finds in the shown part with Ctrl+F, still answering', async () => {
    await web.page.keyboard.press('Control+f');
    await web.page.getByTestId('find-input').fill('中文ABC');
    await expect.poll(() => web.page.getByTestId('find-count').textContent()).toBe('1 of 1000+');
    await expectAnswering(web.page);
    await web.page.getByTestId('find-input').press('Escape');
  });

  it('shows the rest when asked, part by part, answering a click on another message meanwhile', async () => {
    await web.page.getByTestId('show-rest').click();
    await expectAnswering(web.page);
    await open(SMALL);
    expect(await text().textContent()).toContain('Body 1');
    await open(HUGE);
    await web.page.getByTestId('show-rest').click();
    await web.page.getByTestId('text-partial').waitFor({ state: 'detached', timeout: 60_000 });
    await expectAnswering(web.page);
    expect(((await text().textContent()) ?? '').trimEnd().endsWith('ENDMARKER')).toBe(true);
    await web.page.keyboard.press('Control+f');
    await web.page.getByTestId('find-input').fill('ENDMARKER');
    await expect.poll(() => web.page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await expectAnswering(web.page);
    // Scrolled to the word itself, not only to the block of hundreds of lines that holds it.
    expect(await web.page.evaluate(currentMatchInView)).toBe(true);
    await screenshot(web.page, 'huge-text-whole-found-end');
    await web.page.getByTestId('find-input').press('Escape');
  });

  it('searches for its last word and for its first, and opens it from the results (the search that hung)', async () => {
    await open(SMALL);
    const rows = web.page.getByTestId('message-row');
    // The local index reads the first 100,000 characters of a body (MAX_INDEXED_BODY_CHARS): the last word is past them.
    await web.page.getByTestId('search-box').fill('ENDMARKER');
    await web.page.getByTestId('search-box').press('Enter');
    await expect.poll(() => rows.count()).toBe(0);
    await expectAnswering(web.page);
    await web.page.getByTestId('search-box').fill('ABCDEFGHIJ');
    await web.page.getByTestId('search-box').press('Enter');
    await rows.filter({ hasText: HUGE }).waitFor();
    await open(HUGE);
    await web.page.getByTestId('text-partial').waitFor();
    await expectAnswering(web.page);
    await screenshot(web.page, 'huge-text-search-result');
  });

  it('answers it without freezing, quoting its beginning, and the answer saves as a draft', async () => {
    await web.page.getByTestId('action-reply').click();
    await web.page.getByTestId('compose-body').waitFor();
    await expectAnswering(web.page);
    const body = web.page.getByTestId('compose-body');
    expect(await body.inputValue()).toMatch(/\n> \[… the rest \(4\.\d MB\) is not quoted\]\n/);
    await body.press('Control+Home');
    await web.page.keyboard.type('Thanks');
    await expectAnswering(web.page);
    // Quoted whole, the draft was over the web mode's 1 MB socket message: "Could not save the draft", connection lost.
    await expect.poll(() => web.page.getByTestId('compose-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('saved');
    await screenshot(web.page, 'huge-text-reply');
  });
});
