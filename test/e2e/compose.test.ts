import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectImap } from '../lab/imap-util';
import type { Lab, LabUser } from '../lab/lab';
import { addLabAccount } from './add-lab-account';
import { fillComposer } from './fill-composer';
import { addressChips, screenshot } from './web-app';
import { webSession } from './web-session';

interface ServerMessage {
  subject: string;
  source: string;
  flags: string[];
}

/** A folder as another device sees it (a second IMAP session). */
async function serverMessages(lab: Lab, user: LabUser, folder: string): Promise<ServerMessage[]> {
  const client = await connectImap(lab, user.email);
  try {
    const mailbox = await client.mailboxOpen(folder, { readOnly: true });
    if (mailbox.exists === 0) return [];
    const found: ServerMessage[] = [];
    for await (const message of client.fetch('1:*', { envelope: true, source: true, flags: true })) {
      found.push({ subject: message.envelope?.subject ?? '', source: message.source?.toString() ?? '', flags: [...(message.flags ?? [])] });
    }
    return found;
  } finally {
    await client.logout();
  }
}

/** Waits until the folder holds a message with this subject (sending and filing run in the background). */
async function eventually(lab: Lab, user: LabUser, folder: string, subject: string): Promise<ServerMessage[]> {
  for (let attempt = 0; attempt < 160; attempt++) {
    const found = (await serverMessages(lab, user, folder)).filter((m) => m.subject === subject);
    if (found.length) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${subject} never reached ${user.email}'s ${folder}`);
}

const ORIGINAL = [
  'From: Bob <bob@example.test>',
  'To: Alice <alice@example.test>',
  'Cc: carol@example.test',
  'Subject: Lunch on Friday?',
  'Date: Tue, 01 Dec 2026 09:00:00 +0000',
  'Message-ID: <lunch@example.test>',
  'References: <plans@example.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Shall we meet at noon?',
  '',
].join('\r\n');

const WITH_MAILTO_LINK = [
  'From: Dan <dan@example.test>',
  'To: Alice <alice@example.test>',
  'Subject: Concert tickets',
  'Date: Tue, 01 Dec 2026 10:00:00 +0000',
  'Message-ID: <tickets@example.test>',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Write to the box office: <a href="mailto:bob@example.test?cc=carol@example.test&amp;subject=Tickets%20%E7%A5%A8&amp;body=Two%20seats%2C%20please.&amp;attach=%2Fetc%2Fpasswd&amp;bcc=spy@example.test">book now</a></p>',
  '',
].join('\r\n');

describe('web mode: writing mail (compose, attach, send, undo, reply, drafts)', () => {
  const web = webSession({ page: { viewport: { width: 1400, height: 900 } } });
  let alice: LabUser;
  let bob: LabUser;
  const composer = () => web.page.getByTestId('composer');
  const row = (subject: string) => web.page.getByTestId('message-row').filter({ hasText: subject });

  beforeAll(async () => {
    [alice, bob] = [web.lab.users[0]!, web.lab.users[1]!];
    await web.lab.seed(alice.email, 'INBOX', [ORIGINAL, WITH_MAILTO_LINK]);
    await addLabAccount(web.page, web.app.url, web.lab, alice, { smtp: true });
    await row('Lunch on Friday?').waitFor();
  });

  it('composes with an attachment, sends, undoes (the message comes back), sends again, and finds it in Sent', async () => {
    const file = join(web.app.dataDir, '..', 'agenda.txt');
    writeFileSync(file, 'Agenda: 1. lunch\n'.repeat(200));
    await web.page.keyboard.press('c');
    await composer().waitFor();
    const to = web.page.getByTestId('compose-to').getByRole('combobox');
    await to.fill('bob@example.test, not-an-address');
    await to.press('Enter');
    await expect.poll(() => web.page.getByTestId('address-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-valid')))).toEqual(['true', 'false']);
    await web.page.getByTestId('compose-subject').fill('Agenda for Friday');
    // Tab from the subject goes on to the text, as in Thunderbird, past the format options between them.
    await web.page.getByTestId('compose-subject').press('Tab');
    expect(await web.page.getByTestId('compose-body').evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await web.page.getByTestId('compose-body').fill('Here is the agenda.');
    await web.page.getByTestId('compose-file-input').setInputFiles(file);
    await web.page.getByTestId('compose-attachment').filter({ hasText: 'agenda.txt' }).filter({ hasText: '3 KB' }).waitFor();
    await web.page.getByTestId('compose-send').click();
    // The invalid address stops the send, and says which.
    await expect.poll(() => web.page.getByTestId('compose-problem').textContent()).toContain('not-an-address');
    await screenshot(web.page, 'compose-invalid-address');
    await web.page.getByTestId('address-chip').filter({ hasText: 'not-an-address' }).getByRole('button').click();

    await web.page.getByTestId('compose-body').press('Control+Enter');
    await composer().waitFor({ state: 'detached' });
    await web.page.getByTestId('toast').filter({ hasText: 'Sending…' }).waitFor();
    await screenshot(web.page, 'compose-sent-undo-toast');
    await web.page.getByTestId('toast-undo').click();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Agenda for Friday');
    expect(await web.page.getByTestId('compose-attachment').textContent()).toContain('agenda.txt');
    await screenshot(web.page, 'compose-after-undo');

    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    const received = await eventually(web.lab, bob, 'INBOX', 'Agenda for Friday');
    expect(received).toHaveLength(1);
    expect(received[0]!.source).toMatch(/filename="?agenda\.txt/);
    const sent = await eventually(web.lab, alice, 'Sent', 'Agenda for Friday');
    expect(sent).toHaveLength(1);

    // No "Sync now": the app syncs the account once the copy is filed, so Sent shows it by itself.
    await web.page.getByTestId('folder-Sent').getByRole('button').click();
    await row('Agenda for Friday').waitFor({ timeout: 30_000 });
    // Sent names whom it went to, not the sender (alice herself), as Thunderbird does.
    expect(await row('Agenda for Friday').getByTestId('message-person').textContent()).toBe('To: bob@example.test');
    await screenshot(web.page, 'compose-in-sent');

    // Sent again as a new message: Edit as new (in More ▾ when the line is short) brings recipients, subject and file.
    await row('Agenda for Friday').click();
    const fromToolbar = async (id: string) => {
      const button = web.page.getByTestId(`action-${id}`);
      if (await button.count()) return button.click();
      await web.page.getByTestId('action-more').click();
      await web.page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: id === 'edit-as-new' ? 'Edit as new' : 'Forward as attachment' }).click();
    };
    await fromToolbar('edit-as-new');
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Agenda for Friday');
    await expect.poll(() => addressChips(web.page)).toEqual(['bob@example.test']);
    expect(await web.page.getByTestId('compose-attachment').textContent()).toContain('agenda.txt');
    await screenshot(web.page, 'compose-edit-as-new');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });

    // Forward as attachment: the whole message as one .eml file, subject with Fwd:.
    await fromToolbar('forward-attachment');
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Fwd: Agenda for Friday');
    expect(await web.page.getByTestId('compose-attachment').textContent()).toContain('Agenda for Friday.eml');
    // Sent, the forwarded message is marked $Forwarded through the journal: the server learns it, and its row shows the arrow.
    await web.page.getByTestId('compose-to').getByRole('combobox').fill(bob.email);
    await web.page.getByTestId('compose-to').getByRole('combobox').press('Enter');
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    expect(await eventually(web.lab, bob, 'INBOX', 'Fwd: Agenda for Friday')).toHaveLength(1);
    const forwarded = web.page.getByTestId('message-row').filter({ has: web.page.getByText('Agenda for Friday', { exact: true }) });
    await forwarded.getByRole('img', { name: 'Forwarded' }).waitFor({ timeout: 20_000 });
    expect(await forwarded.getByTestId('replied-mark').count()).toBe(0);
    const original = async () => (await serverMessages(web.lab, alice, 'Sent')).find((m) => m.subject === 'Agenda for Friday');
    await expect.poll(async () => (await original())?.flags, { timeout: 20_000 }).toContain('$Forwarded');
    await screenshot(web.page, 'list-forwarded-mark-en');
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
  });

  it('replies from the toolbar: Re:, the quote, In-Reply-To and References', async () => {
    await row('Lunch on Friday?').click();
    await web.page.getByTestId('action-reply-all').click();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Re: Lunch on Friday?');
    const chips = await web.page.getByTestId('address-chip').allTextContents();
    expect(chips.map((c) => c.replace('×', ''))).toEqual(['Bob', 'carol@example.test']);
    const body = await web.page.getByTestId('compose-body').inputValue();
    expect(body).toMatch(/Bob <bob@example\.test> wrote:\n> Shall we meet at noon\?/);
    await web.page.getByTestId('compose-body').press('Control+Home');
    await web.page.getByTestId('compose-body').pressSequentially('Noon works.');
    await screenshot(web.page, 'compose-reply');
    await web.page.getByTestId('compose-send').click();
    const [reply] = await eventually(web.lab, bob, 'INBOX', 'Re: Lunch on Friday?');
    expect(reply!.source).toMatch(/^In-Reply-To: <lunch@example\.test>/m);
    expect(reply!.source).toMatch(/^References: <plans@example\.test> <lunch@example\.test>/m);
    expect(reply!.source).toContain('Noon works.');

    // Sent, the original is marked \Answered through the journal: the server learns it, and its row shows the replied arrow by itself.
    await row('Lunch on Friday?').getByRole('img', { name: 'Replied' }).waitFor({ timeout: 20_000 });
    expect(await row('Lunch on Friday?').getByTestId('replied-mark').getAttribute('title')).toBe('Replied');
    expect(await row('Lunch on Friday?').getByTestId('forwarded-mark').count()).toBe(0);
    const original = async () => (await serverMessages(web.lab, alice, 'INBOX')).find((m) => m.subject === 'Lunch on Friday?');
    await expect.poll(async () => (await original())?.flags, { timeout: 20_000 }).toContain('\\Answered');
    await screenshot(web.page, 'list-replied-mark-en');
  });

  it('keeps a draft across a reload: saved to Drafts on the server, and the composer comes back', async () => {
    await web.page.getByTestId('action-compose').click();
    await composer().waitFor();
    await web.page.getByTestId('compose-to').getByRole('combobox').fill('carol@example.test,');
    await web.page.getByTestId('compose-subject').fill('Draft: 周五的安排');
    await web.page.getByTestId('compose-body').fill('Half-written thoughts');
    await web.page.locator('[data-testid="compose-status"][data-status="saved"]').waitFor({ timeout: 20_000 });
    const drafts = await eventually(web.lab, alice, 'Drafts', 'Draft: 周五的安排');
    expect(drafts).toHaveLength(1);
    // Typed after the last save, then the page goes away: localStorage keeps it.
    await web.page.getByTestId('compose-body').press('End');
    await web.page.getByTestId('compose-body').pressSequentially(' and more');
    await web.page.reload();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Draft: 周五的安排');
    expect(await web.page.getByTestId('compose-body').inputValue()).toBe('Half-written thoughts and more');
    await screenshot(web.page, 'compose-draft-after-reload');
    // Saving again replaces the server's version rather than adding one.
    await web.page.getByTestId('compose-save').click();
    await web.page.locator('[data-testid="compose-status"][data-status="saved"]').waitFor();
    await expect.poll(async () => (await serverMessages(web.lab, alice, 'Drafts')).filter((m) => m.subject === 'Draft: 周五的安排').map((m) => m.source.includes('and more')), { timeout: 20_000 }).toEqual([true]);
    // In Drafts too the row names the recipients (the composer stays open for the next test).
    await web.page.getByTestId('folder-Drafts').getByRole('button').click();
    await expect.poll(() => row('Draft: 周五的安排').getByTestId('message-person').textContent(), { timeout: 30_000 }).toBe('To: carol@example.test');
    // Closed, the draft stays; a double click on it opens it again to go on writing, as in Thunderbird, and so does Enter.
    await web.page.getByTestId('compose-close').click();
    await composer().waitFor({ state: 'detached' });
    await row('Draft: 周五的安排').dblclick();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Draft: 周五的安排');
    expect(await web.page.getByTestId('compose-body').inputValue()).toContain('Half-written thoughts and more');
    await web.page.getByTestId('compose-close').click();
    await composer().waitFor({ state: 'detached' });
    await expect.poll(() => row('Draft: 周五的安排').count(), { timeout: 20_000 }).toBe(1);
    await row('Draft: 周五的安排').click();
    await web.page.keyboard.press('Enter');
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Draft: 周五的安排');
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
  });

  it('speaks Chinese: the composer, the attribution of a reply, and a discarded draft leaves nothing behind', async () => {
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
    await expect.poll(async () => (await serverMessages(web.lab, alice, 'Drafts')).length, { timeout: 20_000 }).toBe(0);
    await web.page.getByTestId('language').selectOption('zh');
    await row('Lunch on Friday?').getByRole('img', { name: '已回复' }).waitFor();
    await row('Lunch on Friday?').click();
    await screenshot(web.page, 'list-replied-mark-zh');
    await web.page.keyboard.press('r');
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-to').textContent()).toContain('收件人');
    expect(await web.page.getByTestId('compose-body').inputValue()).toMatch(/Bob <bob@example\.test> 写道：\n> Shall we meet at noon\?/);
    await screenshot(web.page, 'compose-reply-zh');
    await web.page.getByTestId('compose-discard').click();
    await web.page.getByTestId('language').selectOption('en');
  });

  it('asks before sending mail that mentions an attachment but has none (Thunderbird\'s reminder), in Chinese; a file added, it sends', async () => {
    const write = async (subject: string, body: string) => {
      await web.page.getByTestId('action-compose').click();
      await composer().waitFor();
      await fillComposer(web.page, { to: bob.email, subject, body });
      await web.page.getByTestId('compose-send').click();
    };
    const reminder = web.page.getByTestId('compose-attachment-reminder');
    await web.page.getByTestId('language').selectOption('zh');
    await write('报价单', '王经理：\n\n报价单见附件，请查收。');
    await reminder.waitFor();
    expect(await reminder.textContent()).toBe('是否忘了添加附件？ 邮件中提到了“附件”，但没有附加任何文件。哎呀，忘了仍然发送');
    await screenshot(web.page, 'compose-attachment-reminder-zh');
    await web.page.getByTestId('compose-reminder-forgot').click();
    await reminder.waitFor({ state: 'detached' });
    expect(await composer().isVisible()).toBe(true);
    const file = join(web.app.dataDir, '..', '报价单.txt');
    writeFileSync(file, '单价：100\n');
    await web.page.getByTestId('compose-file-input').setInputFiles(file);
    await web.page.getByTestId('compose-attachment').filter({ hasText: '报价单.txt' }).waitFor();
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    expect(await eventually(web.lab, bob, 'INBOX', '报价单')).toHaveLength(1);

    // "Send anyway" sends it as it is.
    await web.page.getByTestId('language').selectOption('en');
    await write('Shopping list', 'The list is attached below:\n- bread');
    await reminder.waitFor();
    expect(await reminder.textContent()).toContain('“attached”');
    await web.page.getByTestId('compose-reminder-send').click();
    await composer().waitFor({ state: 'detached' });
    expect(await eventually(web.lab, bob, 'INBOX', 'Shopping list')).toHaveLength(1);
  });

  it('a mailto: link clicked in a message opens Wren’s composer filled from it: to, cc, subject, body, and no attachment', async () => {
    await web.page.getByTestId('folder-INBOX').getByRole('button').click();
    await row('Concert tickets').click();
    await web.page.frameLocator('[data-testid="html-body"]').getByText('book now').click();
    await composer().waitFor();
    const chips = web.page.getByTestId('address-chip');
    await expect.poll(() => chips.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('bob@example.test'), expect.stringContaining('carol@example.test')]));
    expect((await chips.allTextContents()).join(' ')).not.toContain('spy@example.test');
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('Tickets 票');
    // A textarea in plain mode, an editable element in formatted mode.
    const body = await web.page.getByTestId('compose-body').evaluate((el) => ('value' in el ? String(el.value) : el.textContent));
    expect(body).toContain('Two seats, please.');
    expect(await web.page.getByTestId('compose-attachment').count()).toBe(0);
    // The message stays in its frame: the link opened nothing in its place.
    await web.page.frameLocator('[data-testid="html-body"]').getByText('book now').waitFor();
    await screenshot(web.page, 'compose-from-mailto-link');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });

  it('a toast shown while a composer is open stays clear of its buttons (it goes bottom left, beside the composer)', async () => {
    for (const viewport of [{ width: 1400, height: 900 }, { width: 1000, height: 700 }]) {
      await web.page.setViewportSize(viewport);
      await web.page.getByTestId('action-compose').click();
      await web.page.getByTestId('compose-discard').click();
      await composer().waitFor({ state: 'detached' });
      const toast = web.page.getByTestId('toast').filter({ hasText: 'Draft discarded.' });
      await toast.waitFor();
      await web.page.getByTestId('action-compose').click();
      await composer().waitFor();
      const toastBox = (await toast.boundingBox())!;
      for (const button of ['compose-send', 'compose-save', 'compose-discard']) {
        const box = (await web.page.getByTestId(button).boundingBox())!;
        const overlaps = toastBox.x < box.x + box.width && box.x < toastBox.x + toastBox.width && toastBox.y < box.y + box.height && box.y < toastBox.y + toastBox.height;
        expect(overlaps, `${button} at ${viewport.width}px`).toBe(false);
      }
      await screenshot(web.page, `compose-toast-beside-composer-${viewport.width}`);
      await web.page.getByTestId('compose-discard').click();
      await composer().waitFor({ state: 'detached' });
    }
    await web.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('a message the server refuses is said in an error toast with its words, and Undo brings it back to correct', async () => {
    await web.page.getByTestId('action-compose').click();
    await fillComposer(web.page, { to: 'nobody@example.test', subject: 'To nobody', body: 'Nobody reads this.' });
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    // After the undo delay the server refuses the only recipient.
    const failed = web.page.getByTestId('toast-error').filter({ hasText: '“To nobody” could not be sent.' });
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('User unknown');
    await screenshot(web.page, 'compose-send-refused');
    await failed.getByTestId('toast-undo').click();
    await composer().waitFor();
    expect(await web.page.getByTestId('compose-subject').inputValue()).toBe('To nobody');
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });

  it('a POP3 account sends, and its copy shows in the account’s local Sent folder', async () => {
    const carol = web.lab.users[2]!;
    await web.page.getByTestId('add-account').click();
    const dialog = web.page.getByTestId('add-account-dialog');
    await dialog.getByTestId('setup-manual').click();
    await dialog.getByTestId('setup-email').fill(carol.email);
    await dialog.getByTestId('setup-protocol').selectOption('pop3');
    await dialog.getByTestId('setup-pop3-host').fill(web.lab.host);
    await dialog.getByTestId('setup-pop3-port').fill(String(web.lab.ports.pop3s));
    await dialog.getByTestId('setup-smtp-host').fill(web.lab.host);
    await dialog.getByTestId('setup-smtp-port').fill(String(web.lab.ports.submission));
    await dialog.getByTestId('setup-user').fill(carol.email);
    await dialog.getByTestId('setup-password').fill(carol.password);
    await dialog.getByTestId('setup-test').click();
    await dialog.getByTestId('setup-trust-cert').click();
    await dialog.getByTestId('setup-save').and(web.page.locator(':enabled')).click();
    await dialog.waitFor({ state: 'detached' });
    const carols = web.page.locator('section.folder-tree__account').filter({ hasText: carol.email });
    await carols.getByTestId('folder-INBOX').getByRole('button').click();

    await web.page.getByTestId('action-compose').click();
    await composer().waitFor();
    // The From list shows "…" until the account's identities have loaded.
    await expect.poll(() => web.page.getByTestId('compose-from').textContent()).toContain(carol.email);
    await fillComposer(web.page, { to: bob.email, subject: 'From the POP3 account', body: 'Sent over SMTP, kept here.' });
    await web.page.getByTestId('compose-send').click();
    await composer().waitFor({ state: 'detached' });
    expect(await eventually(web.lab, bob, 'INBOX', 'From the POP3 account')).toHaveLength(1);

    await carols.getByTestId('folder-Sent').getByRole('button').click({ timeout: 60_000 });
    await row('From the POP3 account').waitFor({ timeout: 30_000 });
    await expect.poll(() => row('From the POP3 account').count()).toBe(1);
    expect(await row('From the POP3 account').getByTestId('message-person').textContent()).toBe('To: bob@example.test');
    await screenshot(web.page, 'compose-pop3-local-sent');
  });

  it('a suggestion\'s × takes the address out of the suggestions, as Outlook\'s does; typing again does not offer it', async () => {
    await web.page.getByTestId('action-compose').click();
    await composer().waitFor();
    const to = web.page.getByTestId('compose-to').getByRole('combobox');
    // Dan wrote once and nothing new names him: Carol's POP3 account (above) keeps teaching her address again.
    await to.fill('dan');
    const suggestions = web.page.getByTestId('address-suggestions');
    await suggestions.getByRole('option').filter({ hasText: 'dan@example.test' }).waitFor();
    await to.press('ArrowDown'); // the highlighted row shows its ×, as the row under the pointer does
    await to.press('ArrowUp');
    await screenshot(web.page, 'compose-suggestion-forget');
    await suggestions.getByRole('option').filter({ hasText: 'dan@example.test' }).getByTestId('address-suggestion-forget').click();
    await expect.poll(() => suggestions.getByRole('option').filter({ hasText: 'dan@example.test' }).count()).toBe(0);
    await to.fill('');
    await to.fill('dan');
    await new Promise((resolve) => setTimeout(resolve, 500)); // past the suggestions' typing delay
    expect(await web.page.getByRole('option').filter({ hasText: 'dan@example.test' }).count()).toBe(0);
    expect(await web.page.getByTestId('address-chip').count()).toBe(0);
    await web.page.getByTestId('compose-discard').click();
    await composer().waitFor({ state: 'detached' });
  });
});
