import type { AccountAuth, AccountDraftInput, IncomingProtocol, Pop3Leave, Pop3Policy, Security } from '../../../src-main/ipc/contract';
import { NO_OWN_PROVIDER, type OwnProviderForm } from './own-provider';

export interface ServerForm {
  host: string;
  /** Kept as typed, so a half-typed port does not jump back to a number. */
  port: string;
  security: Security;
  /** null while it follows its default (the email address, or the IMAP user for SMTP). */
  user: string | null;
}

export type ServerKind = 'imap' | 'pop3' | 'smtp';

export interface AccountFormState {
  email: string;
  displayName: string;
  /** null while it follows the email address. */
  name: string | null;
  /** How mail comes in; `imap` holds that server's fields whichever it is. */
  protocol: IncomingProtocol;
  imap: ServerForm;
  pop3: Pop3Form;
  smtp: ServerForm;
  password: string;
  /** 'oauth2': signs in with the browser instead of a password. */
  auth: AccountAuth;
  /** The finished browser sign-in whose tokens the account will keep. */
  oauth2FlowId: string | null;
  /** For a provider outside the bundled list: where to sign in (the account keeps it for renewals). */
  ownProvider: OwnProviderForm;
  allowPlaintext: boolean;
  trustedCertSha256: string | null;
  /** The outgoing server's own certificate, when it is not the incoming server's. */
  smtpTrustedCertSha256: string | null;
}

/** What a POP3 account does with mail on the server; numbers kept as typed, '' for none. */
export interface Pop3Form {
  leave: Pop3Leave;
  days: string;
  maxKb: string;
}

export const DEFAULT_PORTS: Record<ServerKind, Record<Security, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  pop3: { tls: 995, starttls: 110, none: 110 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

export function initialFormState(): AccountFormState {
  return {
    email: '',
    displayName: '',
    name: null,
    protocol: 'imap',
    imap: { host: '', port: String(DEFAULT_PORTS.imap.tls), security: 'tls', user: null },
    pop3: { leave: 'keep', days: '14', maxKb: '' },
    smtp: { host: '', port: String(DEFAULT_PORTS.smtp.starttls), security: 'starttls', user: null },
    password: '',
    auth: 'password',
    oauth2FlowId: null,
    ownProvider: NO_OWN_PROVIDER,
    allowPlaintext: false,
    trustedCertSha256: null,
    smtpTrustedCertSha256: null,
  };
}

function portIsDefault(kinds: ServerKind[], port: string): boolean {
  return port.trim() === '' || kinds.some((kind) => Object.values(DEFAULT_PORTS[kind]).map(String).includes(port.trim()));
}

/** Switching security moves the port along, unless the user typed a port of their own. */
export function withSecurity(kind: ServerKind, server: ServerForm, security: Security): ServerForm {
  return { ...server, security, port: portIsDefault([kind], server.port) ? String(DEFAULT_PORTS[kind][security]) : server.port };
}

/** Switching IMAP/POP3 moves the port to the protocol's (995/110 for POP3), unless the user typed their own. */
export function withProtocol(state: AccountFormState, protocol: IncomingProtocol): AccountFormState {
  const keep = !portIsDefault(['imap', 'pop3'], state.imap.port);
  return { ...state, protocol, imap: { ...state.imap, port: keep ? state.imap.port : String(DEFAULT_PORTS[protocol][state.imap.security]) } };
}

export function effectiveUser(state: AccountFormState, kind: ServerKind): string {
  const imapUser = state.imap.user ?? state.email.trim();
  return kind === 'smtp' ? (state.smtp.user ?? imapUser) : imapUser;
}

export function usesSmtp(state: AccountFormState): boolean {
  return state.smtp.host.trim() !== '';
}

/** The checkbox is asked for only when some server would be spoken to without encryption. */
export function needsPlaintextConsent(state: AccountFormState): boolean {
  return state.imap.security === 'none' || (usesSmtp(state) && state.smtp.security === 'none');
}

const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** The policy fields as the contract's Pop3Policy (the days only with "delete after"; empty fields: none). */
export function toPop3Policy(form: Pop3Form): Pop3Policy {
  return { leave: form.leave, deleteAfterDays: form.leave === 'deleteAfterDays' ? optionalNumber(form.days) : null, maxMessageKb: optionalNumber(form.maxKb) };
}

/** A saved policy as the fields show it (14 days offered when it has none). */
export function pop3Form(policy: Pop3Policy): Pop3Form {
  return { leave: policy.leave, days: String(policy.deleteAfterDays ?? 14), maxKb: policy.maxMessageKb === null ? '' : String(policy.maxMessageKb) };
}

export function toDraft(state: AccountFormState): AccountDraftInput {
  const server = (kind: 'imap' | 'smtp') => ({
    host: state[kind].host.trim(),
    port: Number(state[kind].port.trim() || Number.NaN),
    security: state[kind].security,
    user: effectiveUser(state, kind),
  });
  return {
    name: (state.name ?? state.email).trim(),
    email: state.email.trim(),
    displayName: state.displayName.trim(),
    protocol: state.protocol,
    incoming: server('imap'),
    ...(state.protocol === 'pop3' && {
      pop3: toPop3Policy(state.pop3),
    }),
    smtp: usesSmtp(state) ? server('smtp') : null,
    password: state.auth === 'password' ? state.password : '',
    auth: state.auth,
    oauth2FlowId: state.auth === 'oauth2' ? state.oauth2FlowId : null,
    allowPlaintext: needsPlaintextConsent(state) && state.allowPlaintext,
    trustedCertSha256: state.trustedCertSha256,
    smtpTrustedCertSha256: usesSmtp(state) ? state.smtpTrustedCertSha256 : null,
  };
}

/** What a successful test vouches for; changing any of it calls for a new test before saving. */
export function connectionKey(draft: AccountDraftInput): string {
  const { protocol, incoming, smtp, pop3, password, auth, oauth2FlowId, allowPlaintext, trustedCertSha256, smtpTrustedCertSha256 } = draft;
  return JSON.stringify({ protocol, incoming, smtp, pop3, password, auth, oauth2FlowId, allowPlaintext, trustedCertSha256, smtpTrustedCertSha256 });
}
