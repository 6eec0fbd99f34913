import type { ChangeFeed } from './change-feed';
import type { Db } from './open-database';
import { PreparedStatements } from './prepared-statements';
import { DEFAULT_POP3_POLICY, type Pop3Leave, type Pop3Policy, type Security, type ServerSettings } from '../ipc/contract';

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
  passwordSecretId: string;
  trustedCertSha256: string | null;
  trustedCertPem: string | null;
}

/** The POP3 policy may be left out (IMAP accounts): the default, keep on the server. */
export type NewAccount = Omit<AccountRecord, 'id' | 'pop3'> & { pop3?: Pop3Policy };

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
  pop3_leave: Pop3Leave;
  pop3_delete_after_days: number | null;
  pop3_max_kb: number | null;
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
    trustedCertSha256: row.trusted_cert_sha256,
    trustedCertPem: row.trusted_cert_pem,
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
    return (this.statements.get('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(fromRow);
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
           trusted_cert_sha256, trusted_cert_pem, pop3_leave, pop3_delete_after_days, pop3_max_kb, created_at)
         VALUES (@name, @email, @displayName, @protocol, @host, @port, @security, @user, @smtpHost, @smtpPort,
           @smtpSecurity, @smtpUser, @allowPlaintext, @passwordSecretId, @trustedCertSha256, @trustedCertPem,
           @pop3Leave, @pop3Days, @pop3MaxKb, @now)`,
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
        ...pop3Columns(account.pop3 ?? DEFAULT_POP3_POLICY),
        now: Date.now(),
      });
    const id = Number(info.lastInsertRowid);
    // Every account starts with one identity to send as; more come with the compose work.
    this.statements
      .get('INSERT INTO identities (account_id, name, email, is_default) VALUES (?, ?, ?, 1)')
      .run(id, account.displayName || account.name, account.email);
    this.feed.note({ entity: 'accounts', ids: [id] });
    return id;
  }

  setPop3Policy(id: number, policy: Pop3Policy): void {
    this.statements
      .get('UPDATE accounts SET pop3_leave = @pop3Leave, pop3_delete_after_days = @pop3Days, pop3_max_kb = @pop3MaxKb WHERE id = @id')
      .run({ ...pop3Columns(policy), id });
    this.feed.note({ entity: 'accounts', ids: [id] });
  }

  remove(id: number): void {
    this.statements.get('DELETE FROM accounts WHERE id = ?').run(id);
    this.feed.note({ entity: 'accounts', ids: [id] });
  }
}
