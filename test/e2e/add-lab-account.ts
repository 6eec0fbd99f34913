import type { Page } from 'playwright-core';
import type { Lab, LabUser } from '../lab/lab';

/** Adds a lab user's IMAP account (with the lab's SMTP server: `smtp`) through the first-run form (trusting the lab's certificate) and waits for the mail view. */
export async function addLabAccount(page: Page, url: string, lab: Lab, user: LabUser, options: { smtp?: boolean } = {}): Promise<void> {
  await page.goto(url);
  await fillAccountForm(page, lab, user, options);
  await page.getByTestId('setup-save').click();
  await page.getByTestId('mail-view').waitFor();
}

/** Fills the account form, tests it and trusts the lab's self-signed certificate, up to an enabled Save. */
export async function fillAccountForm(page: Page, lab: Lab, user: LabUser, options: { smtp?: boolean } = {}): Promise<void> {
  // Past the address step (set-up from the address) to the full form.
  await page.getByTestId('setup-manual').click();
  if (options.smtp) {
    await page.getByTestId('setup-smtp-host').fill(lab.host);
    await page.getByTestId('setup-smtp-port').fill(String(lab.ports.submission));
  }
  await page.getByTestId('setup-email').fill(user.email);
  await page.getByTestId('setup-imap-host').fill(lab.host);
  await page.getByTestId('setup-imap-port').fill(String(lab.ports.imaps));
  await page.getByTestId('setup-user').fill(user.email);
  await page.getByTestId('setup-password').fill(user.password);
  await page.getByTestId('setup-test').click();
  await page.getByTestId('setup-trust-cert').click();
  await page.getByTestId('setup-save').and(page.locator(':enabled')).waitFor();
}
