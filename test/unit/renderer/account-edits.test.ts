import { describe, expect, it } from 'vitest';
import { accountEdits, invalidEditLabels, serverForm, smtpForm } from '../../../src-renderer/components/AccountDialogs/account-edits';
import { pop3Form } from '../../../src-renderer/components/AccountForm/form-state';
import { ACCOUNT } from './mail-fixtures';

const unchanged = () => ({ name: ACCOUNT.name, displayName: ACCOUNT.displayName, colour: ACCOUNT.colour, incoming: serverForm(ACCOUNT.incoming), smtp: smtpForm(ACCOUNT.smtp), password: '' });

describe('accountEdits', () => {
  it('sends nothing but the account when nothing changed (no login needed)', () => {
    expect(accountEdits(ACCOUNT, unchanged())).toEqual({ accountId: ACCOUNT.id });
  });

  it('sends a rename and a colour without the server, so no login is asked for', () => {
    expect(accountEdits(ACCOUNT, { ...unchanged(), name: ' Home ', colour: '#000000' })).toEqual({ accountId: 1, name: 'Home', colour: '#000000' });
  });

  it('sends the whole incoming server once any of its fields changed, and a new password only when typed', () => {
    const form = { ...unchanged(), incoming: { ...serverForm(ACCOUNT.incoming), port: '143', security: 'starttls' as const }, password: 'new' };
    expect(accountEdits(ACCOUNT, form)).toEqual({
      accountId: 1,
      incoming: { host: 'mail.example.test', port: 143, security: 'starttls', user: 'alice' },
      password: 'new',
    });
  });

  it('sends an outgoing server once one is filled in (its user following the incoming one), and null once its host is emptied', () => {
    const smtp = { ...smtpForm(null), host: ' smtp.example.test ', port: '465', security: 'tls' as const };
    const added = accountEdits(ACCOUNT, { ...unchanged(), smtp });
    expect(added).toEqual({ accountId: 1, smtp: { host: 'smtp.example.test', port: 465, security: 'tls', user: 'alice' } });
    const withSmtp = { ...ACCOUNT, smtp: added.smtp! };
    expect(accountEdits(withSmtp, { ...unchanged(), smtp: smtpForm(withSmtp.smtp) })).toEqual({ accountId: 1 });
    expect(accountEdits(withSmtp, { ...unchanged(), smtp: { ...smtpForm(withSmtp.smtp), host: ' ' } })).toEqual({ accountId: 1, smtp: null });
  });

  it('"stop trusting" sends the pinned fingerprint as null, the incoming server’s and the outgoing one’s apart, and only when one is pinned', () => {
    const pinned = { ...ACCOUNT, trustedCertSha256: 'AB:CD', smtpTrustedCertSha256: 'EF:01' };
    expect(accountEdits(pinned, { ...unchanged(), forgetPin: true })).toEqual({ accountId: 1, trustedCertSha256: null });
    expect(accountEdits(pinned, { ...unchanged(), forgetSmtpPin: true })).toEqual({ accountId: 1, smtpTrustedCertSha256: null });
    expect(accountEdits({ ...ACCOUNT, trustedCertSha256: null, smtpTrustedCertSha256: null }, { ...unchanged(), forgetPin: true, forgetSmtpPin: true })).toEqual({ accountId: 1 });
  });

  it('names the fields an edit cannot be sent with by their labels, the incoming ones by the account’s protocol', () => {
    const form = { ...unchanged(), incoming: { ...serverForm(ACCOUNT.incoming), port: '' }, smtp: { ...smtpForm(null), host: 'smtp.example.test', port: '70000' } };
    expect(invalidEditLabels(ACCOUNT, accountEdits(ACCOUNT, form))).toEqual(['form.imapPort', 'form.smtpPort']);
    const pop3 = { ...ACCOUNT, protocol: 'pop3' as const };
    expect(invalidEditLabels(pop3, accountEdits(pop3, form))).toEqual(['form.pop3Port', 'form.smtpPort']);
    expect(invalidEditLabels(ACCOUNT, accountEdits(ACCOUNT, unchanged()))).toEqual([]);
  });

  it("a POP3 account's policy goes only when changed, with the days only for \"delete after\"; bad numbers are named", () => {
    const pop3 = { ...ACCOUNT, protocol: 'pop3' as const, pop3: { leave: 'keep' as const, deleteAfterDays: null, maxMessageKb: null } };
    const form = { ...unchanged(), pop3: pop3Form(pop3.pop3) };
    expect(accountEdits(pop3, form)).toEqual({ accountId: 1 });
    expect(accountEdits(pop3, { ...form, pop3: { leave: 'deleteAfterDays', days: '7', maxKb: '' } })).toEqual({
      accountId: 1, pop3: { leave: 'deleteAfterDays', deleteAfterDays: 7, maxMessageKb: null },
    });
    expect(accountEdits(pop3, { ...form, pop3: { leave: 'delete', days: '7', maxKb: '2048' } })).toEqual({
      accountId: 1, pop3: { leave: 'delete', deleteAfterDays: null, maxMessageKb: 2048 },
    });
    const bad = accountEdits(pop3, { ...form, pop3: { leave: 'deleteAfterDays', days: '', maxKb: '-1' } });
    expect(invalidEditLabels(pop3, bad)).toEqual(expect.arrayContaining(['form.pop3MaxKb']));
    // An IMAP account's form carries no policy, and none is sent.
    expect(accountEdits(ACCOUNT, { ...unchanged(), pop3: pop3Form(pop3.pop3) })).toEqual({ accountId: 1 });
  });
});
