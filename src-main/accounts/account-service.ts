import { WrenError } from '../errors/wren-error';
import type { AccountDraft, AccountRemoved, AccountUpdate, AccountView, OAuth2Provider, Pop3Policy, ServerSettings } from '../ipc/contract';
import type { PasswordVault } from '../secrets/password-vault';
import type { AccountChanges, AccountRecord } from '../store/accounts-repo';
import { blobsOfAccount, deleteUnreferencedBlobs } from '../store/account-blobs';
import type { Store } from '../store/store';
import { returnUnsent } from '../sync/replay-append';
import { testConnection } from './connection-test';
import { keepAccountMail, prepareUnsent } from './keep-account-mail';
import { checkSmtpCertificate, testSmtpConnection } from './smtp-connection-test';
import type { AccountStatusBoard } from './account-status';
import type { OAuth2Flows, SignedIn } from './oauth2/oauth2-flows';
import type { OAuth2Tokens } from './oauth2/oauth2-tokens';

/** What an account logs in with: its password, or for OAuth2 a current access token. */
export interface Credential {
  password: string;
  accessToken?: string;
}

/** Adding, listing and removing accounts; the password goes to the vault, never to a row. */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly vault: PasswordVault,
    private readonly status: AccountStatusBoard,
    private readonly oauth2: { flows: OAuth2Flows; tokens: OAuth2Tokens },
  ) {}

  list(): AccountView[] {
    const quotas = this.store.quotas.all();
    return this.store.accounts.list().map((account) => this.view(account, quotas.get(account.id) ?? null));
  }

  require(id: number): AccountRecord {
    const account = this.store.accounts.get(id);
    if (!account) throw new WrenError('NotFound', `There is no account ${id}.`, { accountId: id });
    return account;
  }

  /** The incoming server, then the outgoing one when there is one ("Test connection" checks both). */
  async testConnection(draft: AccountDraft) {
    const signedIn = await this.signedIn(draft);
    const token = signedIn?.tokens.accessToken;
    const { pin, ...result } = await testConnection(draft, token);
    return { ...result, smtpChecked: (await testSmtpConnection(draft, pin, token)).checked };
  }

  /**
   * Tests the login first, so an account is only saved once it works (or its certificate is pinned).
   * An OAuth2 draft keeps the tokens of its finished browser sign-in, sealed like a password.
   */
  async add(draft: AccountDraft): Promise<AccountView> {
    const signedIn = await this.signedIn(draft);
    const { pin } = await testConnection(draft, signedIn?.tokens.accessToken);
    const smtpPin = await checkSmtpCertificate(draft, pin);
    const id = this.store.write(() => {
      const passwordSecretId = signedIn ? this.oauth2.tokens.save(signedIn.tokens) : this.vault.save(draft.password);
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
        auth: signedIn ? 'oauth2' : 'password',
        oauth2Provider: signedIn?.provider ?? null,
        trustedCertSha256: pin?.sha256 ?? null,
        trustedCertPem: pin?.pem ?? null,
        smtpTrustedCertSha256: smtpPin?.sha256 ?? null,
        smtpTrustedCertPem: smtpPin?.pem ?? null,
      });
    });
    if (draft.oauth2FlowId) this.oauth2.flows.forget(draft.oauth2FlowId);
    return this.view(this.require(id));
  }

  /**
   * Changes the given settings. New servers (the outgoing one too), a new password or a new trust
   * decision are tested with a login first (like add), so a saved account
   * always worked when saved; a trust withdrawn (a fingerprint set to null)
   * is not, as a self-signed server fails that test by design. Says whether
   * the connection settings changed (the caller then drops the account's
   * open connections).
   */
  async update(patch: AccountUpdate): Promise<{ view: AccountView; reconnect: boolean }> {
    const account = this.require(patch.accountId);
    const { accountId: _id, password, oauth2FlowId, pop3, ...fields } = patch;
    if (pop3 !== undefined && account.protocol !== 'pop3') {
      throw new WrenError('BadRequest', `${account.name} is an IMAP account; a POP3 policy is for POP3 accounts.`, { accountId: account.id });
    }
    if (password !== undefined && account.auth === 'oauth2') {
      throw new WrenError('BadRequest', `${account.name} signs in with the browser (OAuth2); it has no password to change.`, { accountId: account.id });
    }
    const signedIn = oauth2FlowId === undefined ? null : await this.signedInAgain(account, oauth2FlowId);
    const tested = [fields.incoming, fields.smtp, password, fields.allowPlaintext, fields.trustedCertSha256, fields.smtpTrustedCertSha256, signedIn].some((v) => v !== undefined && v !== null);
    // A certificate no longer trusted ("Stop trusting"): not tested (a self-signed server would fail the test
    // that says so), but the connections made with it go, so the next one shows the certificate again.
    const forgets = fields.trustedCertSha256 === null || fields.smtpTrustedCertSha256 === null;
    const changes: AccountChanges = { ...fields, ...(tested ? await this.testedTrust(account, patch, signedIn) : {}) };
    if (fields.trustedCertSha256 === null && !tested) Object.assign(changes, { trustedCertPem: null });
    // No outgoing server any more, or its certificate no longer trusted: nothing of it is kept.
    if (fields.smtp === null || fields.smtpTrustedCertSha256 === null) Object.assign(changes, { smtpTrustedCertSha256: null, smtpTrustedCertPem: null });
    this.store.write(() => {
      // Read again: the connection test took seconds, in which another edit may have sealed a new
      // secret or the account may have been removed (then NotFound, and nothing is written).
      const current = this.require(account.id);
      if (password !== undefined) changes.passwordSecretId = this.vault.save(password);
      // The same sealed secret takes the new tokens: nothing else points at them.
      if (signedIn) this.oauth2.tokens.save(signedIn.tokens, current.passwordSecretId);
      this.store.accounts.update(account.id, changes);
      if (pop3 !== undefined) this.setPop3Policy(current, pop3);
      if (fields.incoming && isAnotherMailbox(current.incoming, fields.incoming)) this.store.folders.forgetMailboxState(account.id);
      if (password !== undefined) this.vault.remove(current.passwordSecretId);
    });
    if (oauth2FlowId !== undefined) this.oauth2.flows.forget(oauth2FlowId);
    return { view: this.view(this.require(account.id)), reconnect: tested || forgets };
  }

  /**
   * A new POP3 policy acts on the deletes made from now on, as in Thunderbird: what was deleted here while mail
   * was left on the server stays there (and, its UIDL kept, is not downloaded again). Call inside a write.
   */
  private setPop3Policy(current: AccountRecord, policy: Pop3Policy): void {
    if (current.pop3.leave === 'keep' && policy.leave !== 'keep') this.store.pop3Uidls.keepDeletedOnServer(current.id);
    this.store.accounts.setPop3Policy(current.id, policy);
  }

  /**
   * The account as the patch leaves it, logged in to: the certificates it trusts then. A new outgoing
   * server, or its certificate trusted anew, is tried too: a slip in it would otherwise show only at
   * the next send.
   */
  private async testedTrust(account: AccountRecord, patch: AccountUpdate, signedIn: SignedIn | null): Promise<AccountChanges> {
    // A password account logs in with the draft's password: the saved one is not opened, so a password
    // entered again because the saved one cannot be opened (SecretUnavailable) is taken.
    const accessToken = signedIn ? signedIn.tokens.accessToken : account.auth === 'oauth2' ? (await this.credential(account)).accessToken : undefined;
    const draft = this.draftOf(account, patch);
    const { pin } = await testConnection(draft, accessToken);
    const trust: AccountChanges = { trustedCertSha256: pin?.sha256 ?? null, trustedCertPem: pin?.pem ?? null };
    if (!patch.smtp && !patch.smtpTrustedCertSha256) return trust;
    const smtp = await testSmtpConnection(draft, pin, accessToken);
    return { ...trust, smtpTrustedCertSha256: smtp.pin?.sha256 ?? null, smtpTrustedCertPem: smtp.pin?.pem ?? null };
  }

  reorder(ids: number[]): AccountView[] {
    ids.forEach((id) => this.require(id));
    this.store.write(() => this.store.accounts.reorder(ids));
    return this.list();
  }

  /**
   * Deletes the account's cached mail, folders, journal and password here (its rows cascade) and the blob
   * files only it named; nothing on the server. What exists nowhere else is kept first, in Local Folders
   * (keepAccountMail): a POP3 account's mail, the messages its Outbox had not sent. Local folders
   * (account_id NULL) are not the account's and stay. The caller stops the account's sync and sending first.
   */
  async remove(id: number): Promise<AccountRemoved['kept']> {
    const account = this.require(id);
    const unsent = await prepareUnsent(this.store, id);
    const blobs = blobsOfAccount(this.store, id);
    const kept = this.store.write(() => {
      // Messages moved in whose APPEND is not sent yet go back where they came from: from a local
      // folder their row is the only copy there is, and the server never got it.
      for (const entry of this.store.operations.unfinished(id)) if (entry.action === 'append') returnUnsent(this.store, entry);
      const keptMail = keepAccountMail(this.store, account, unsent);
      this.store.accounts.remove(id);
      this.vault.remove(account.passwordSecretId);
      return keptMail;
    });
    deleteUnreferencedBlobs(this.store, blobs);
    return kept;
  }

  password(account: AccountRecord): string {
    return this.vault.open(account.passwordSecretId);
  }

  /** The password, or for an OAuth2 account a token refreshed first when it is near its expiry. */
  async credential(account: AccountRecord): Promise<Credential> {
    if (account.auth !== 'oauth2') return { password: this.password(account) };
    return { password: '', accessToken: await this.oauth2.tokens.accessToken(account) };
  }

  /** A server refused an OAuth2 account's token: true when a refreshed one is there to try (once). */
  refreshAfterRejection(account: AccountRecord, rejected: string): Promise<boolean> {
    return this.oauth2.tokens.refreshAfterRejection(account, rejected);
  }

  /**
   * Where an OAuth2 account signs in again: its address, at the provider it was set up with (a
   * provider of the user's own is not in the bundled list, so looking the address up would fail).
   */
  signInAgainWith(accountId: number): { email: string; provider: OAuth2Provider | null } {
    const account = this.require(accountId);
    if (account.auth !== 'oauth2') throw new WrenError('BadRequest', `${account.name} signs in with a password, not with the browser.`, { accountId });
    return { email: account.email, provider: account.oauth2Provider };
  }

  /** A new browser sign-in for an OAuth2 account whose tokens were refused: for the same address. */
  private async signedInAgain(account: AccountRecord, flowId: string): Promise<SignedIn> {
    if (account.auth !== 'oauth2') throw new WrenError('BadRequest', `${account.name} signs in with a password, not with the browser.`, { accountId: account.id });
    const signedIn = await this.oauth2.flows.signedIn(flowId);
    if (signedIn.email.toLowerCase() !== account.email.toLowerCase()) {
      throw new WrenError('OAuth2WrongAccount', `The browser sign-in was for ${signedIn.email}, not ${account.email}.`, { flowId, signedInAs: signedIn.email, expected: account.email });
    }
    return signedIn;
  }

  private async signedIn(draft: AccountDraft): Promise<SignedIn | null> {
    if (draft.auth !== 'oauth2') return null;
    if (!draft.oauth2FlowId) throw new WrenError('BadRequest', 'Sign in with the browser first.');
    const signedIn = await this.oauth2.flows.signedIn(draft.oauth2FlowId);
    if (signedIn.email.toLowerCase() !== draft.email.toLowerCase()) {
      throw new WrenError('OAuth2WrongAccount', `The browser sign-in was for ${signedIn.email}, not ${draft.email}.`, {
        flowId: draft.oauth2FlowId, signedInAs: signedIn.email, expected: draft.email,
      });
    }
    return signedIn;
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
      password: patch.password ?? (account.auth === 'oauth2' ? '' : this.password(account)),
      auth: account.auth,
      oauth2FlowId: null,
      allowPlaintext: patch.allowPlaintext ?? account.allowPlaintext,
      trustedCertSha256: patch.trustedCertSha256 === undefined ? account.trustedCertSha256 : patch.trustedCertSha256,
      smtpTrustedCertSha256: patch.smtpTrustedCertSha256 === undefined ? keptSmtpPin(account, patch) : patch.smtpTrustedCertSha256,
    };
  }

  private view(account: AccountRecord, quota = this.store.quotas.get(account.id)): AccountView {
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
      smtpTrustedCertSha256: account.smtpTrustedCertSha256,
      auth: account.auth,
      colour: account.colour,
      state: status.state,
      lastError: status.error,
      retryAt: status.retryAt,
      quota,
    };
  }
}

/**
 * The outgoing server's trusted certificate outlives an edit of its port, security or user (the same
 * server), not a move to another host: that one is verified as any new server is (system CAs, the
 * incoming server's pin), and its own self-signed certificate offered for trust.
 */
function keptSmtpPin(account: AccountRecord, patch: AccountUpdate): string | null {
  if (patch.smtp === undefined) return account.smtpTrustedCertSha256;
  return patch.smtp && account.smtp && patch.smtp.host.toLowerCase() === account.smtp.host.toLowerCase() ? account.smtpTrustedCertSha256 : null;
}

/** Another user or another server is another mailbox; a new port or security reaches the same one. */
function isAnotherMailbox(before: ServerSettings, after: ServerSettings): boolean {
  return before.host.toLowerCase() !== after.host.toLowerCase() || before.user !== after.user;
}
