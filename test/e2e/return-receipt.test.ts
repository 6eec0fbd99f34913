import { beforeAll, describe, expect, it } from 'vitest';
import { connectImap } from '../lab/imap-util';
import { fillAccountForm } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

/** From Alice to Bob, asking for a return receipt (RFC 8098) at `receiptTo`. */
function asking(n: number, subject: string, receiptTo: string): string {
  return [
    'From: Alice <alice@example.test>',
    'To: Bob <bob@example.test>',
    `Subject: ${subject}`,
    `Date: Tue, 01 Dec 2026 0${n}:00:00 +0000`,
    `Message-ID: <ask-${n}@example.test>`,
    `Disposition-Notification-To: ${receiptTo}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Did you see this?',
    '',
  ].join('\r\n');
}

/** The subjects in a lab user's Inbox, as another device sees them. */
async function inboxSubjects(lab: Parameters<typeof connectImap>[0], user: string): Promise<string[]> {
  const client = await connectImap(lab, user);
  try {
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    if (mailbox.exists === 0) return [];
    return (await client.fetchAll('1:*', { envelope: true })).map((m) => m.envelope?.subject ?? '');
  } finally {
    await client.logout();
  }
}

describe('web mode: a sender asks for a return receipt', () => {
  const web = webSession();
  const bar = () => web.page.getByTestId('receipt-request');
  const open = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject }).click();

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [asking(1, 'Contract draft', 'Alice <alice@example.test>'), asking(2, '合同草稿', 'track@elsewhere.test')]);
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, bob, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').nth(1).waitFor();
  });

  it('the bar asks; Send Receipt sends it to the sender (another device sees it arrive) and the bar does not come back', async () => {
    await open('Contract draft');
    expect(await bar().textContent()).toBe('The sender of this message asked to be notified when you read it.Send ReceiptIgnore Request');
    await screenshot(web.page, 'return-receipt-en');
    await web.page.getByTestId('receipt-send').click();
    await web.page.getByText('Return receipt to alice@example.test is in the Outbox').waitFor();
    await bar().waitFor({ state: 'detached' });
    const alice = web.lab.users[0]!.email;
    await expect.poll(() => inboxSubjects(web.lab, alice), { timeout: 20_000 }).toContain('Return Receipt (displayed) - Contract draft');
    await web.page.reload();
    await open('Contract draft');
    await web.page.getByTestId('reading-pane').getByText('Did you see this?').waitFor();
    expect(await bar().count()).toBe(0);
  });

  it('in Chinese, a receipt that would go elsewhere says where; Ignore Request sends nothing', async () => {
    await web.page.getByTestId('language').selectOption('zh');
    await open('合同草稿');
    expect(await bar().textContent()).toContain('回执将发往 track@elsewhere.test，而不是这封邮件的发件地址。');
    await screenshot(web.page, 'return-receipt-elsewhere-zh');
    await web.page.getByTestId('receipt-ignore').click();
    await bar().waitFor({ state: 'detached' });
    await web.page.getByTestId('language').selectOption('en');
  });

  it('writing, Return receipt asks one of the recipient; the setting "never" stops the bar asking', async () => {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-undo-send').fill('0');
    await web.page.getByTestId('settings-receipts').selectOption('never');
    await screenshot(web.page, 'return-receipt-setting-en');
    await web.page.getByTestId('settings').locator('.dialog__close').click();

    await web.page.keyboard.press('c');
    await web.page.getByTestId('compose-to').getByRole('combobox').fill('alice@example.test,');
    await web.page.getByTestId('compose-subject').fill('Signed contract');
    await web.page.getByTestId('compose-body').fill('Signed and returned, as agreed.');
    await web.page.getByTestId('compose-receipt').check();
    await screenshot(web.page, 'compose-return-receipt-en');
    await web.page.getByTestId('compose-send').click();
    await web.page.getByTestId('composer').waitFor({ state: 'detached' });
    const alice = web.lab.users[0]!.email;
    await expect.poll(() => inboxSubjects(web.lab, alice), { timeout: 20_000 }).toContain('Signed contract');
    expect(await headerOf(web.lab, alice, 'Signed contract', 'Disposition-Notification-To')).toBe('<bob@example.test>');

    // A new request, with the setting at "never": nothing is asked.
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [asking(3, 'Never asked', 'alice@example.test')]);
    await web.page.getByTestId('sync-now').click();
    await open('Never asked');
    await web.page.getByTestId('reading-pane').getByText('Did you see this?').waitFor();
    expect(await bar().count()).toBe(0);
  });

  it('"Allow return receipts for some messages": a case set to "Always send" sends one as the message opens, and says so', async () => {
    await web.page.getByTestId('open-settings').click();
    await web.page.getByTestId('settings-receipts').selectOption('ask');
    const cases = web.page.getByTestId('settings-receipt-cases');
    await cases.getByTestId('settings-receipt-otherCases').selectOption('always');
    await cases.scrollIntoViewIfNeeded();
    await screenshot(web.page, 'return-receipt-cases-en');
    await web.page.getByTestId('language').selectOption('zh');
    await cases.getByText('其他所有情况').waitFor();
    await screenshot(web.page, 'return-receipt-cases-zh');
    await web.page.getByTestId('language').selectOption('en');
    await web.page.getByTestId('settings').locator('.dialog__close').click();

    // From alice@example.test to bob@example.test: Bob is in To, the sender in his domain, so "all other cases".
    await web.lab.seed(web.lab.users[1]!.email, 'INBOX', [asking(5, 'Weekly numbers', 'alice@example.test')]);
    await web.page.getByTestId('sync-now').click();
    await open('Weekly numbers');
    await web.page.getByText('A return receipt went to alice@example.test, as your settings say for this kind of message.').waitFor();
    expect(await bar().count()).toBe(0);
    const alice = web.lab.users[0]!.email;
    await expect.poll(() => inboxSubjects(web.lab, alice), { timeout: 20_000 }).toContain('Return Receipt (displayed) - Weekly numbers');
    expect(await headerOf(web.lab, alice, 'Return Receipt (displayed) - Weekly numbers', 'Content-Type')).toMatch(/^multipart\/report/);
  });
});

describe('web mode: Redirect (Thunderbird\'s Message ▸ Redirect)', () => {
  const web = webSession();

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [asking(4, 'Minutes of Monday', 'alice@example.test')]);
    await web.page.goto(web.app.url);
    await fillAccountForm(web.page, web.lab, bob, { smtp: true });
    await web.page.getByTestId('setup-save').click();
    await web.page.getByTestId('message-row').first().click();
  });

  it('sends the open message on as it is to the address typed, through the Outbox', async () => {
    await web.page.getByTestId('action-more').click();
    await web.page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: 'Redirect…' }).click();
    const dialog = web.page.getByTestId('redirect-dialog');
    await dialog.getByTestId('redirect-send').click();
    expect(await dialog.getByTestId('redirect-problem').textContent()).toBe('Add at least one recipient.');
    await dialog.getByTestId('redirect-to').getByRole('combobox').fill('carol@example.test,');
    await screenshot(web.page, 'redirect-dialog-en');
    // Clicked with the address still typed, not yet a chip: the click ends the typing and sends.
    await dialog.getByTestId('redirect-send').click();
    await dialog.waitFor({ state: 'detached' });
    await web.page.getByText('Redirected to carol@example.test: it leaves through the Outbox.').waitFor();
    const carol = web.lab.users[2]!.email;
    await expect.poll(() => inboxSubjects(web.lab, carol), { timeout: 20_000 }).toContain('Minutes of Monday');
    expect(await headerOf(web.lab, carol, 'Minutes of Monday', 'Resent-To')).toBe('carol@example.test');
  });
});

/** One header field of the message with this subject in a lab user's Inbox, as another device reads it. */
async function headerOf(lab: Parameters<typeof connectImap>[0], user: string, subject: string, field: string): Promise<string | null> {
  const client = await connectImap(lab, user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    for await (const message of client.fetch('1:*', { envelope: true, headers: [field] })) {
      if (message.envelope?.subject !== subject) continue;
      const line = message.headers?.toString().trim() ?? '';
      return line.slice(line.indexOf(':') + 1).trim();
    }
    return null;
  } finally {
    await client.logout();
  }
}
