import { beforeAll, describe, expect, it } from 'vitest';
import { simpleMessage } from '../lab/simple-message';
import { addLabAccount } from './add-lab-account';
import { bigHtmlMessage } from './big-html-message';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const BIG = 'Big newsletter';
const SMALL = 'Small note';

/** The window must keep answering while a 5 MB HTML mail is open (timings live in the bench: --big-html). */
describe('web mode: a 5 MB HTML mail', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });
  const mailFrame = () => web.page.frameLocator('[data-testid="html-body"]');
  const open = async (subject: string) => {
    await web.page.getByTestId('message-row').filter({ hasText: subject }).click();
    await web.page.getByTestId('message-subject').filter({ hasText: subject }).waitFor();
  };

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [simpleMessage(1, { subject: SMALL }), bigHtmlMessage({ bytes: 5 * 1024 * 1024, subject: BIG, imageHost: 'img.example.com' })]);
    await addLabAccount(web.page, web.app.url, web.lab, bob);
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('shows the first part of the body at once, with a control for the rest', async () => {
    await open(BIG);
    await mailFrame().locator('h2').first().waitFor();
    expect(await mailFrame().locator('h2').first().textContent()).toContain('Article 1:');
    expect(await mailFrame().locator('[data-last-row]').count()).toBe(0);
    expect(await web.page.getByTestId('html-partial').textContent()).toMatch(/showing its first 256 KB of 5\.\d MB/);
    await web.page.getByTestId('show-rest').waitFor();
    await screenshot(web.page, 'big-html-first-slice');
  });

  it('still handles a click on another message', async () => {
    await open(SMALL);
    expect(await web.page.getByTestId('message-text').textContent()).toContain('Body 1');
    await open(BIG);
    await web.page.getByTestId('show-rest').waitFor();
  });

  it('loads remote content for the shown part, and still handles a click on another message', async () => {
    await web.page.getByTestId('load-remote').click();
    await mailFrame().locator('img[src^="https://img.example.com/"]').first().waitFor({ state: 'attached' });
    await screenshot(web.page, 'big-html-remote-allowed');
    await open(SMALL);
    await open(BIG);
    // The headers show from the list at once; the body (and its remote-content bar) follows.
    await web.page.getByTestId('remote-blocked').waitFor();
    await expect.poll(() => web.page.getByTestId('remote-blocked').count()).toBe(1);
  });

  it('answers a click on another message while preparing the rest', async () => {
    await web.page.getByTestId('show-rest').click();
    await open(SMALL);
    expect(await web.page.getByTestId('message-text').textContent()).toContain('Body 1');
    await open(BIG);
  });

  it('shows the rest when asked, prepared slice by slice, to the last row', async () => {
    await web.page.getByTestId('show-rest').click();
    await mailFrame().locator('[data-last-row]').waitFor({ state: 'attached', timeout: 110_000 });
    expect(await web.page.getByTestId('html-partial').count()).toBe(0);
    expect(await mailFrame().locator('h2').count()).toBeGreaterThan(5000);
    await mailFrame().locator('[data-last-row]').scrollIntoViewIfNeeded();
    await screenshot(web.page, 'big-html-rest-shown');
    await open(SMALL);
  });
});
