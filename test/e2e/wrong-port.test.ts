import { describe, expect, it } from 'vitest';
import { screenshot } from './web-app';
import { webSession } from './web-session';

// Read in the page (locator.evaluate); the e2e files are compiled without the DOM's types.
declare const window: { innerHeight: number };

/**
 * A user who types the POP3 port where the IMAP one goes: the POP3 server greets with "+OK", which
 * is no IMAP greeting. Wren says so as that line arrives, naming what the server sent, in the user's
 * language; it used to wait out imapflow's greeting timeout (15 s) first.
 */
describe('web mode: setting up an IMAP account on the POP3 port', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });

  const tryThePop3Port = async () => {
    const bob = web.lab.users[1]!;
    await web.page.getByTestId('setup-email').fill(bob.email);
    await web.page.getByTestId('setup-imap-host').fill(web.lab.host);
    await web.page.getByTestId('setup-imap-port').fill(String(web.lab.ports.pop3));
    await web.page.getByTestId('setup-imap-security').selectOption('starttls');
    await web.page.getByTestId('setup-user').fill(bob.email);
    await web.page.getByTestId('setup-password').fill(bob.password);
    await web.page.getByTestId('setup-test').click();
    const status = web.page.getByTestId('setup-status');
    // Well inside the greeting timeout the message used to wait for.
    await status.filter({ hasText: '+OK' }).waitFor({ timeout: 8_000 });
    await wholeInView(status);
    return status;
  };

  /**
   * The form is taller than the window: the app scrolls the outcome into view. (It scrolled smoothly, and the
   * answer now coming within milliseconds of "Testing…" cut that scroll short, leaving the outcome below the fold.)
   */
  const wholeInView = (status: ReturnType<typeof web.page.getByTestId>) =>
    expect.poll(() => status.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight + 1 && el.getBoundingClientRect().top >= 0), { timeout: 3_000 }).toBe(true);

  it('says at once that another kind of server answers there, with its first word, in English and Chinese', async () => {
    await web.page.goto(web.app.url);
    await web.page.getByTestId('setup-manual').click();
    const status = await tryThePop3Port();
    expect(await status.textContent()).toContain('another kind of server may be answering there');
    await screenshot(web.page, 'setup-imap-on-pop3-port');

    await web.page.getByTestId('language').selectOption('zh');
    await web.page.getByTestId('setup-test').click();
    await status.filter({ hasText: '该端口上可能是另一种服务器' }).waitFor({ timeout: 8_000 });
    await wholeInView(status);
    expect(await status.textContent()).toContain('+OK');
    await screenshot(web.page, 'setup-imap-on-pop3-port-zh');
  });

  it('SSL/TLS chosen for the plain IMAP port: says the port most likely wants the other security setting', async () => {
    await web.page.getByTestId('language').selectOption('en');
    await web.page.getByTestId('setup-imap-port').fill(String(web.lab.ports.imap));
    await web.page.getByTestId('setup-imap-security').selectOption('tls');
    await web.page.getByTestId('setup-test').click();
    const status = web.page.getByTestId('setup-status');
    await status.filter({ hasText: 'the port most likely wants the other security setting' }).waitFor({ timeout: 8_000 });
    await wholeInView(status);
    await screenshot(web.page, 'setup-tls-on-plain-port');
  });
});
