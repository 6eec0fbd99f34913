import { AccountUpdate, type AccountView, type ServerSettings } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { DEFAULT_PORTS, toPop3Policy, type Pop3Form, type ServerForm } from '../AccountForm/form-state';

export interface AccountEditForm {
  name: string;
  displayName: string;
  colour: string;
  incoming: ServerForm;
  /** The outgoing server; an empty host: none (the account only reads mail). */
  smtp: ServerForm;
  /** Empty: keep the saved password. */
  password: string;
  /** An OAuth2 account signed in with the browser again: its new tokens replace the old ones. */
  oauth2FlowId?: string | null;
  /** Stop trusting the incoming server's pinned certificate. */
  forgetPin?: boolean;
  /** Stop trusting the outgoing server's own pinned certificate. */
  forgetSmtpPin?: boolean;
  /** A POP3 account's policy: what happens on the server to mail once downloaded. */
  pop3?: Pop3Form;
}

export function serverForm(server: ServerSettings): ServerForm {
  return { host: server.host, port: String(server.port), security: server.security, user: server.user };
}

/** The account's outgoing server as form fields, or empty ones (STARTTLS on 587) when it has none. */
export function smtpForm(server: ServerSettings | null): ServerForm {
  return server ? serverForm(server) : { host: '', port: String(DEFAULT_PORTS.smtp.starttls), security: 'starttls', user: null };
}

function toServer(form: ServerForm, defaultUser: string): ServerSettings {
  return { host: form.host.trim(), port: Number(form.port.trim() || Number.NaN), security: form.security, user: (form.user ?? defaultUser).trim() };
}

/**
 * Only what the user changed: an unchanged server is not sent, so a plain
 * rename needs no login; a changed one (incoming or outgoing) is tested with one before it is saved. A changed server keeps the pinned certificate, which
 * the core checks against what the server now shows.
 */
export function accountEdits(account: AccountView, form: AccountEditForm): AccountUpdate {
  const edits: AccountUpdate = { accountId: account.id };
  if (form.name.trim() !== account.name) edits.name = form.name.trim();
  if (form.displayName.trim() !== account.displayName) edits.displayName = form.displayName.trim();
  if (form.colour !== account.colour) edits.colour = form.colour;
  const incoming = toServer(form.incoming, account.email);
  if (JSON.stringify(incoming) !== JSON.stringify(account.incoming)) edits.incoming = incoming;
  const smtp = form.smtp.host.trim() === '' ? null : toServer(form.smtp, incoming.user);
  if (JSON.stringify(smtp) !== JSON.stringify(account.smtp)) edits.smtp = smtp;
  if (form.password) edits.password = form.password;
  if (form.oauth2FlowId) edits.oauth2FlowId = form.oauth2FlowId;
  if (form.forgetPin && account.trustedCertSha256) edits.trustedCertSha256 = null;
  if (form.forgetSmtpPin && account.smtpTrustedCertSha256) edits.smtpTrustedCertSha256 = null;
  const pop3 = account.protocol === 'pop3' && form.pop3 ? toPop3Policy(form.pop3) : null;
  if (pop3 && JSON.stringify(pop3) !== JSON.stringify(account.pop3)) edits.pop3 = pop3;
  return edits;
}

/** Which label names each field of an edit the contract's schema may refuse (the incoming ones by protocol). */
function editLabels(protocol: AccountView['protocol']): Record<string, StringKey> {
  const incoming = protocol === 'pop3' ? { host: 'form.pop3Host', port: 'form.pop3Port' } as const : { host: 'form.imapHost', port: 'form.imapPort' } as const;
  return {
    name: 'form.accountName',
    displayName: 'form.displayName',
    password: 'accountDialog.newPassword',
    'incoming.host': incoming.host,
    'incoming.port': incoming.port,
    'incoming.user': 'form.user',
    'smtp.host': 'form.smtpHost',
    'smtp.port': 'form.smtpPort',
    'smtp.user': 'form.smtpUser',
    'pop3.deleteAfterDays': 'form.pop3Days',
    'pop3.maxMessageKb': 'form.pop3MaxKb',
  };
}

/**
 * The labels of the fields to fix before the edit can be sent (an emptied port, one out of range), checked with
 * the schema the core uses, so they are named in the user's language rather than in the schema's English.
 */
export function invalidEditLabels(account: AccountView, edits: AccountUpdate): StringKey[] {
  const parsed = AccountUpdate.safeParse(edits);
  if (parsed.success) return [];
  const labels = editLabels(account.protocol);
  // A problem with no field to point at is left for the core to report in its own words.
  return [...new Set(parsed.error.issues.flatMap((issue) => labels[issue.path.join('.')] ?? []))];
}
