import { WrenError } from '../errors/wren-error';
import type { AccountDraft, AccountView } from '../ipc/contract';
import type { PasswordVault } from '../secrets/password-vault';
import type { AccountRecord } from '../store/accounts-repo';
import type { Store } from '../store/store';
import { testImapConnection, testSmtpConnection } from './connection-test';
import type { AccountStatusBoard } from './account-status';

/** Adding, listing and removing accounts; the password goes to the vault, never to a row. */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly vault: PasswordVault,
    private readonly status: AccountStatusBoard,
  ) {}

  list(): AccountView[] {
    return this.store.accounts.list().map((account) => this.view(account));
  }

  require(id: number): AccountRecord {
    const account = this.store.accounts.get(id);
    if (!account) throw new WrenError('NotFound', `There is no account ${id}.`, { accountId: id });
    return account;
  }

  /** The incoming server, then the outgoing one when there is one ("Test connection" checks both). */
  async testConnection(draft: AccountDraft) {
    const { pin, ...result } = await testImapConnection(draft);
    return { ...result, smtpChecked: await testSmtpConnection(draft, pin) };
  }

  /** Tests the login first, so an account is only saved once it works (or its certificate is pinned). */
  async add(draft: AccountDraft): Promise<AccountView> {
    const { pin } = await testImapConnection(draft);
    const id = this.store.write(() => {
      const passwordSecretId = this.vault.save(draft.password);
      return this.store.accounts.insert({
        name: draft.name,
        email: draft.email,
        displayName: draft.displayName,
        protocol: draft.protocol,
        incoming: draft.incoming,
        smtp: draft.smtp,
        allowPlaintext: draft.allowPlaintext,
        passwordSecretId,
        trustedCertSha256: pin?.sha256 ?? null,
        trustedCertPem: pin?.pem ?? null,
      });
    });
    return this.view(this.require(id));
  }

  remove(id: number): void {
    const account = this.require(id);
    this.store.write(() => {
      this.store.accounts.remove(id);
      this.vault.remove(account.passwordSecretId);
    });
  }

  password(account: AccountRecord): string {
    return this.vault.open(account.passwordSecretId);
  }

  private view(account: AccountRecord): AccountView {
    const status = this.status.get(account.id);
    return {
      id: account.id,
      name: account.name,
      email: account.email,
      displayName: account.displayName,
      protocol: account.protocol,
      incoming: account.incoming,
      smtp: account.smtp,
      allowPlaintext: account.allowPlaintext,
      trustedCertSha256: account.trustedCertSha256,
      state: status.state,
      lastError: status.error,
      retryAt: status.retryAt,
    };
  }
}
