import { beforeAll, describe, expect, it } from 'vitest';
import { FOOTER_WORD, INNER_BODY, INNER_SUBJECT, footerMessage, forwardedMessage, htmlForwardedMessage } from '../lab/inline-parts-messages';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const FOOTER = 'List footer as a second part';
const FORWARDED = 'Fwd: nested message 转发';
const HTML_FORWARDED = 'HTML with footer and forward';

/** QA's two messages in the reading pane (zh): a list footer as a second text part, and a forwarded GBK message shown in place. */
describe('web mode: a message whose body is several parts', () => {
  const web = webSession({ page: { locale: 'zh-CN' } });
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });
  const text = () => web.page.getByTestId('message-text');
  const names = async () => (await web.page.getByTestId('attachment-name').allTextContents()).map((name) => name.replace(/^📎\s*/u, ''));

  beforeAll(async () => {
    await web.lab.seed(web.lab.users[0]!.email, 'INBOX', [footerMessage(FOOTER), forwardedMessage(FORWARDED), htmlForwardedMessage(HTML_FORWARDED)]);
    await addLabAccount(web.page, web.app.url, web.lab, web.lab.users[0]!);
    await row(FOOTER).waitFor();
  });

  it('shows the list footer after the body, with only notes.txt listed', async () => {
    await row(FOOTER).click();
    await expect.poll(() => text().textContent()).toContain(`To leave the list: ${FOOTER_WORD}`);
    expect(await text().textContent()).toMatch(/^The meeting moved to Thursday\.\n[\s\S]*unsubscribelistfooter/);
    expect(await names()).toEqual(['notes.txt']);
    await screenshot(web.page, 'inline-parts-footer-zh');
  });

  it('shows the forwarded GBK message in place, its headers and text, listed as 内层邮件主题.eml', async () => {
    await row(FORWARDED).click();
    await expect.poll(() => text().textContent()).toContain(INNER_BODY);
    const shown = await text().textContent();
    expect(shown).toContain('From: 内层发件人 <inner@example.test>');
    expect(shown).toContain(`Subject: ${INNER_SUBJECT}`);
    expect(shown).toContain('Attachments: 内层.txt');
    expect(await names()).toEqual([`${INNER_SUBJECT}.eml`]);
    await screenshot(web.page, 'inline-parts-forwarded-zh');
  });

  it('shows a plain footer and the forwarded message after an HTML body, in its frame', async () => {
    await row(HTML_FORWARDED).click();
    const frame = web.page.frameLocator('iframe').first();
    await frame.getByText(INNER_BODY).waitFor();
    expect(await frame.locator('pre.wren-inline-text').textContent()).toBe(`<footer> ${FOOTER_WORD}`);
    expect(await frame.locator('.wren-forwarded').textContent()).toContain(`Subject:${INNER_SUBJECT}`);
    await screenshot(web.page, 'inline-parts-html-forwarded-zh');
  });

  it('finds the forwarded message by its text and the footer by its word', async () => {
    const box = web.page.getByTestId('search-box');
    await box.fill('原始邮件正文');
    await row(FORWARDED).waitFor();
    await expect.poll(() => web.page.getByTestId('message-row').count()).toBe(2);
    await box.fill(FOOTER_WORD);
    await row(FOOTER).waitFor();
    await screenshot(web.page, 'inline-parts-search-zh');
  });
});
