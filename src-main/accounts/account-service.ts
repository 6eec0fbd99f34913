import { WrenError } from '../errors/wren-error';
import type { AccountDraft, AccountUpdate, AccountView } from '../ipc/contract';
import type { PasswordVault } from '../secrets/password-vault';
import type { AccountChanges, AccountRecord } from '../store/accounts-repo';
import { blobsOfAccount, deleteUnreferencedBlobs } from '../store/account-blobs';
import type { Store } from '../store/store';
import { testConnection, testSmtpConnection } from './connection-test';
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
    const { pin, ...result } = await testConnection(draft);
    return { ...result, smtpChecked: await testSmtpConnection(draft, pin) };
  }

  /** Tests the login first, so an account is only saved once it works (or its certificate is pinned). */
  async add(draft: AccountDraft): Promise<AccountView> {
    const { pin } = await testConnection(draft);
    const id = this.store.write(() => {
      const passwordSecretId = this.vault.save(draft.password);
      return this.store.accounts.insert({
        name: draft.name,
        email: draft.email,
        displayName: draft.displayName,
        protocol: draft.protocol,
        incoming: draft.incoming,
        smtp: draft.smtp,
        pop3: draft.pop3,
        allowPlaintext: draft.allowPlaintext,
        passwordSecretId,
        trustedCertSha256: pin?.sha256 ?? null,
        trustedCertPem: pin?.pem ?? null,
      });
    });
    return this.view(this.require(id));
  }

  /**
   * Changes the given settings. New servers, a new password or a new trust
   * decision are tested with a login first (like add), so a saved account
   * always worked when saved. Says whether the connection settings changed
   * (the caller then drops the account's open connections).
   */
  async update(patch: AccountUpdate): Promise<{ view: AccountView; reconnect: boolean }> {
    const account = this.require(patch.accountId);
    const { accountId: _id, password, ...fields } = patch;
    const reconnect = [fields.incoming, fields.smtp, password, fields.allowPlaintext, fields.trustedCertSha256].some((v) => v !== undefined);
    const changes: AccountChanges = { ...fields };
    if (reconnect) {
      const { pin } = await testConnection(this.draftOf(account, patch));
      changes.trustedCertSha256 = pin?.sha256 ?? null;
      changes.trustedCertPem = pin?.pem ?? null;
    }
    this.store.write(() => {
      if (password !== undefined) changes.passwordSecretId = this.vault.save(password);
      this.store.accounts.update(account.id, changes);
      if (password !== undefined) this.vault.remove(account.passwordSecretId);
    });
    return { view: this.view(this.require(account.id)), reconnect };
  }

  reorder(ids: number[]): AccountView[] {
    ids.forEach((id) => this.require(id));
    this.store.write(() => this.store.accounts.reorder(ids));
    return this.list();
  }

  /**
   * Deletes the account's cached mail, folders, journal and password here (its
   * rows cascade) and the blob files only it named; nothing on the server.
   * Local folders (account_id NULL) are not the account's and stay. The
   * caller stops the account's sync first.
   */
  remove(id: number): void {
    const account = this.require(id);
    const blobs = blobsOfAccount(this.store, id);
    this.store.write(() => {
      this.store.accounts.remove(id);
      this.vault.remove(account.passwordSecretId);
    });
    deleteUnreferencedBlobs(this.store, blobs);
  }

  password(account: AccountRecord): string {
    return this.vault.open(account.passwordSecretId);
  }

  /** The account as it would be after the patch, to test its login. */
  private draftOf(account: AccountRecord, patch: AccountUpdate): AccountDraft {
    return {
      name: patch.name ?? account.name,
      email: account.email,
      displayName: patch.displayName ?? account.displayName,
      protocol: account.protocol,
      incoming: patch.incoming ?? account.incoming,
      pop3: account.pop3,
      smtp: patch.smtp === undefined ? account.smtp : patch.smtp,
      password: patch.password ?? this.password(account),
      allowPlaintext: patch.allowPlaintext ?? account.allowPlaintext,
      trustedCertSha256: patch.trustedCertSha256 === undefined ? account.trustedCertSha256 : patch.trustedCertSha256,
    };
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
      pop3: account.pop3,
      allowPlaintext: account.allowPlaintext,
      trustedCertSha256: account.trustedCertSha256,
      colour: account.colour,
      state: status.state,
      lastError: status.error,
      retryAt: status.retryAt,
    };
  }
}
