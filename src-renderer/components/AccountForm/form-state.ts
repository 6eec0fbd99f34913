import type { AccountDraftInput, IncomingProtocol, Security } from '../../../src-main/ipc/contract';

export interface ServerForm {
  host: string;
  /** Kept as typed, so a half-typed port does not jump back to a number. */
  port: string;
  security: Security;
  /** null while it follows its default (the email address, or the IMAP user for SMTP). */
  user: string | null;
}

export type ServerKind = 'imap' | 'smtp';

export interface AccountFormState {
  email: string;
  displayName: string;
  /** null while it follows the email address. */
  name: string | null;
  imap: ServerForm;
  smtp: ServerForm;
  password: string;
  allowPlaintext: boolean;
  trustedCertSha256: string | null;
  /** How mail comes in, when set-up from the address chose it (IMAP otherwise). */
  protocol?: IncomingProtocol;
}

export const DEFAULT_PORTS: Record<ServerKind, Record<Security, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

export function initialFormState(): AccountFormState {
  return {
    email: '',
    displayName: '',
    name: null,
    imap: { host: '', port: String(DEFAULT_PORTS.imap.tls), security: 'tls', user: null },
    smtp: { host: '', port: String(DEFAULT_PORTS.smtp.starttls), security: 'starttls', user: null },
    password: '',
    allowPlaintext: false,
    trustedCertSha256: null,
  };
}

/** Switching security moves the port along, unless the user typed a port of their own. */
export function withSecurity(kind: ServerKind, server: ServerForm, security: Security): ServerForm {
  const defaults = Object.values(DEFAULT_PORTS[kind]).map(String);
  const portIsDefault = server.port.trim() === '' || defaults.includes(server.port.trim());
  return { ...server, security, port: portIsDefault ? String(DEFAULT_PORTS[kind][security]) : server.port };
}

export function effectiveUser(state: AccountFormState, kind: ServerKind): string {
  const imapUser = state.imap.user ?? state.email.trim();
  return kind === 'imap' ? imapUser : (state.smtp.user ?? imapUser);
}

export function usesSmtp(state: AccountFormState): boolean {
  return state.smtp.host.trim() !== '';
}

/** The checkbox is asked for only when some server would be spoken to without encryption. */
export function needsPlaintextConsent(state: AccountFormState): boolean {
  return state.imap.security === 'none' || (usesSmtp(state) && state.smtp.security === 'none');
}

export function toDraft(state: AccountFormState): AccountDraftInput {
  const server = (kind: ServerKind) => ({
    host: state[kind].host.trim(),
    port: Number(state[kind].port.trim() || Number.NaN),
    security: state[kind].security,
    user: effectiveUser(state, kind),
  });
  return {
    name: (state.name ?? state.email).trim(),
    email: state.email.trim(),
    displayName: state.displayName.trim(),
    protocol: state.protocol ?? 'imap',
    incoming: server('imap'),
    smtp: usesSmtp(state) ? server('smtp') : null,
    password: state.password,
    allowPlaintext: needsPlaintextConsent(state) && state.allowPlaintext,
    trustedCertSha256: state.trustedCertSha256,
  };
}

/** What a successful test vouches for; changing any of it calls for a new test before saving. */
export function connectionKey(draft: AccountDraftInput): string {
  const { protocol, incoming, smtp, password, allowPlaintext, trustedCertSha256 } = draft;
  return JSON.stringify({ protocol, incoming, smtp, password, allowPlaintext, trustedCertSha256 });
}
