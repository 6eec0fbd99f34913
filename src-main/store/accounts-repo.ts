import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import type { AccountAuth, OAuth2Provider, Pop3Leave, Pop3Policy, Security, ServerSettings } from '../ipc/contract';
import { DEFAULT_POP3_POLICY } from '../ipc/contract-constants';

/** An account as the core sees it: settings plus where its password is sealed. */
export interface AccountRecord {
  id: number;
  name: string;
  email: string;
  displayName: string;
  protocol: 'imap' | 'pop3';
  incoming: ServerSettings;
  smtp: ServerSettings | null;
  pop3: Pop3Policy;
  allowPlaintext: boolean;
  /** The sealed password, or for auth 'oauth2' the sealed token set. */
  passwordSecretId: string;
  auth: AccountAuth;
  /** auth 'oauth2': where the tokens are refreshed. */
  oauth2Provider: OAuth2Provider | null;
  /** The incoming server's trusted certificate (and SMTP's, when SMTP has none of its own). */
  trustedCertSha256: string | null;
  trustedCertPem: string | null;
  /** The outgoing server's own trusted certificate, when it shows another one than the incoming server. */
  smtpTrustedCertSha256: string | null;
  smtpTrustedCertPem: string | null;
  /** The user's order in the sidebar (lower first). */
  sortOrder: number;
  /** '#rrggbb': marks the account's messages in the unified views. */
  colour: string;
}

/** The POP3 policy may be left out (IMAP accounts): the default, keep on the server. */
export type NewAccount = Omit<AccountRecord, 'id' | 'pop3' | 'sortOrder' | 'colour' | 'auth' | 'oauth2Provider' | 'smtpTrustedCertSha256' | 'smtpTrustedCertPem'> & {
  pop3?: Pop3Policy;
  smtpTrustedCertSha256?: string | null;
  smtpTrustedCertPem?: string | null;
  colour?: string;
  auth?: AccountAuth;
  oauth2Provider?: OAuth2Provider | null;
};

/** The settings an edit may change (the password is sealed apart: passwordSecretId). */
export type AccountChanges = Partial<
  Pick<AccountRecord, 'name' | 'displayName' | 'incoming' | 'smtp' | 'allowPlaintext' | 'passwordSecretId' | 'trustedCertSha256' | 'trustedCertPem' | 'smtpTrustedCertSha256' | 'smtpTrustedCertPem' | 'colour'>
>;

/** Distinct on light and dark backgrounds; a new account takes the next one. */
export const ACCOUNT_COLOURS = ['#2f6fdf', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#0b7285', '#e67700', '#5f3dc4'] as const;

interface AccountRow {
  id: number;
  name: string;
  email: string;
  display_name: string;
  protocol: 'imap' | 'pop3';
  incoming_host: string;
  incoming_port: number;
  incoming_security: Security;
  incoming_user: string;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_security: Security | null;
  smtp_user: string | null;
  allow_plaintext: number;
  password_secret_id: string;
  trusted_cert_sha256: string | null;
  trusted_cert_pem: string | null;
  smtp_trusted_cert_sha256: string | null;
  smtp_trusted_cert_pem: string | null;
  pop3_leave: Pop3Leave;
  pop3_delete_after_days: number | null;
  pop3_max_kb: number | null;
  sort_order: number;
  colour: string | null;
  auth: AccountAuth;
  oauth2_provider: string | null;
}

function fromRow(row: AccountRow): AccountRecord {
  const smtp =
    row.smtp_host && row.smtp_port && row.smtp_security
      ? { host: row.smtp_host, port: row.smtp_port, security: row.smtp_security, user: row.smtp_user ?? row.incoming_user }
      : null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    displayName: row.display_name,
    protocol: row.protocol,
    incoming: { host: row.incoming_host, port: row.incoming_port, security: row.incoming_security, user: row.incoming_user },
    smtp,
    pop3: { leave: row.pop3_leave, deleteAfterDays: row.pop3_delete_after_days, maxMessageKb: row.pop3_max_kb },
    allowPlaintext: row.allow_plaintext === 1,
    passwordSecretId: row.password_secret_id,
    auth: row.auth,
    oauth2Provider: row.oauth2_provider ? (JSON.parse(row.oauth2_provider) as OAuth2Provider) : null,
    trustedCertSha256: row.trusted_cert_sha256,
    trustedCertPem: row.trusted_cert_pem,
    smtpTrustedCertSha256: row.smtp_trusted_cert_sha256,
    smtpTrustedCertPem: row.smtp_trusted_cert_pem,
    sortOrder: row.sort_order,
    colour: row.colour ?? ACCOUNT_COLOURS[(row.id - 1) % ACCOUNT_COLOURS.length]!,
  };
}

function pop3Columns(policy: Pop3Policy) {
  return { pop3Leave: policy.leave, pop3Days: policy.deleteAfterDays, pop3MaxKb: policy.maxMessageKb };
}

export class AccountsRepo {
  private readonly statements: PreparedStatements;

  constructor(db: Db, private readonly feed: ChangeFeed) {
    this.statements = new PreparedStatements(db);
  }

  list(): AccountRecord[] {
    return (this.statements.get('SELECT * FROM accounts ORDER BY sort_order, id').all() as AccountRow[]).map(fromRow);
  }

  get(id: number): AccountRecord | undefined {
    const row = this.statements.get('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  insert(account: NewAccount): number {
    const info = this.statements
      .get(
        `INSERT INTO accounts (name, email, display_name, protocol, incoming_host, incoming_port, incoming_security,
           incoming_user, smtp_host, smtp_port, smtp_security, smtp_user, allow_plaintext, password_secret_id,
           trusted_cert_sha256, trusted_cert_pem, smtp_trusted_cert_sha256, smtp_trusted_cert_pem, pop3_leave, pop3_delete_after_days, pop3_max_kb, created_at, sort_order, colour, auth, oauth2_provider)
         VALUES (@name, @email, @displayName, @protocol, @host, @port, @security, @user, @smtpHost, @smtpPort,
           @smtpSecurity, @smtpUser, @allowPlaintext, @passwordSecretId, @trustedCertSha256, @trustedCertPem,
           @smtpTrustedCertSha256, @smtpTrustedCertPem, @pop3Leave, @pop3Days, @pop3MaxKb, @now, (SELECT ifnull(max(sort_order), 0) + 1 FROM accounts), @colour, @auth, @oauth2Provider)`,
      )
      .run({
        name: account.name,
        email: account.email,
        displayName: account.displayName,
        protocol: account.protocol,
        ...account.incoming,
        smtpHost: account.smtp?.host ?? null,
        smtpPort: account.smtp?.port ?? null,
        smtpSecurity: account.smtp?.security ?? null,
        smtpUser: account.smtp?.user ?? null,
        allowPlaintext: account.allowPlaintext ? 1 : 0,
        passwordSecretId: account.passwordSecretId,
        trustedCertSha256: account.trustedCertSha256,
        trustedCertPem: account.trustedCertPem,
        smtpTrustedCertSha256: account.smtpTrustedCertSha256 ?? null,
        smtpTrustedCertPem: account.smtpTrustedCertPem ?? null,
        ...pop3Columns(account.pop3 ?? DEFAULT_POP3_POLICY),
        now: Date.now(),
        colour: account.colour ?? this.nextColour(),
        auth: account.auth ?? 'password',
        oauth2Provider: account.oauth2Provider ? JSON.stringify(account.oauth2Provider) : null,
      });
    const id = Number(info.lastInsertRowid);
    // Every account starts with one identity to send as, named as the user gave their name: without one, mail
    // goes from the bare address. The account's own name is a label in Wren's folder pane and never leaves it.
    this.statements
      .get('INSERT INTO identities (account_id, name, email, is_default) VALUES (?, ?, ?, 1)')
      .run(id, account.displayName, account.email);
    this.feed.note({ entity: 'accounts', ids: [id] });
    return id;
  }

  setPop3Policy(id: number, policy: Pop3Policy): void {
    this.statements
      .get('UPDATE accounts SET pop3_leave = @pop3Leave, pop3_delete_after_days = @pop3Days, pop3_max_kb = @pop3MaxKb WHERE id = @id')
      .run({ ...pop3Columns(policy), id });
    this.feed.note({ entity: 'accounts', ids: [id] });
  }

  /** Writes the given settings; the default identity follows the display name (not the account's name, a label). */
  update(id: number, changes: AccountChanges): void {
    const current = this.get(id);
    if (!current) return;
    // A key present but undefined (an optional field the caller did not set) changes nothing.
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as AccountChanges;
    const next = { ...current, ...given };
    this.statements
      .get(
        `UPDATE accounts SET name = @name, display_name = @displayName, incoming_host = @host, incoming_port = @port,
           incoming_security = @security, incoming_user = @user, smtp_host = @smtpHost, smtp_port = @smtpPort,
           smtp_security = @smtpSecurity, smtp_user = @smtpUser, allow_plaintext = @allowPlaintext,
           password_secret_id = @passwordSecretId, trusted_cert_sha256 = @trustedCertSha256,
           trusted_cert_pem = @trustedCertPem, smtp_trusted_cert_sha256 = @smtpTrustedCertSha256,
           smtp_trusted_cert_pem = @smtpTrustedCertPem, colour = @colour
         WHERE id = @id`,
      )
      .run({
        id,
        name: next.name,
        displayName: next.displayName,
        ...next.incoming,
        smtpHost: next.smtp?.host ?? null,
        smtpPort: next.smtp?.port ?? null,
        smtpSecurity: next.smtp?.security ?? null,
        smtpUser: next.smtp?.user ?? null,
        allowPlaintext: next.allowPlaintext ? 1 : 0,
        passwordSecretId: next.passwordSecretId,
        trustedCertSha256: next.trustedCertSha256,
        trustedCertPem: next.trustedCertPem,
        smtpTrustedCertSha256: next.smtpTrustedCertSha256,
        smtpTrustedCertPem: next.smtpTrustedCertPem,
        colour: next.colour,
      });
    if (given.displayName !== undefined) {
      this.statements
        .get('UPDATE identities SET name = ? WHERE account_id = ? AND is_default = 1')
        .run(next.displayName, id);
    }
    this.feed.note({ entity: 'accounts', ids: [id] });
  }

  /**
   * Sets "Your name" alone, as it follows the default identity's name (Settings ▸ Identities): the identity is
   * already so named, unlike update(), which passes a new display name on to it.
   */
  setDisplayName(id: number, displayName: string): void {
    this.statements.get('UPDATE accounts SET display_name = ? WHERE id = ?').run(displayName, id);
    this.feed.note({ entity: 'accounts', ids: [id] });
  }

  /** Puts the named accounts first, in this order; any not named keep their order after them. */
  reorder(ids: number[]): void {
    const named = new Set(ids);
    const order = [...ids, ...this.list().map((a) => a.id).filter((id) => !named.has(id))];
    const set = this.statements.get('UPDATE accounts SET sort_order = ? WHERE id = ?');
    order.forEach((id, index) => set.run(index + 1, id));
    this.feed.note({ entity: 'accounts', ids: order });
  }

  remove(id: number): void {
    this.statements.get('DELETE FROM accounts WHERE id = ?').run(id);
    this.feed.note({ entity: 'accounts', ids: [id] });
  }

  /** The colour least used by the accounts there are, first in palette order among equals. */
  private nextColour(): string {
    const used = this.statements.pluck('SELECT colour FROM accounts').all() as (string | null)[];
    const uses = (colour: string) => used.filter((c) => c === colour).length;
    return [...ACCOUNT_COLOURS].sort((a, b) => uses(a) - uses(b))[0]!;
  }
}
