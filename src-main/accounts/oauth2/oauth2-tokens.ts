import { WrenError } from '../../errors/wren-error';
import type { PasswordVault } from '../../secrets/password-vault';
import type { AccountLeases, LeaseHolder } from '../../store/account-leases';
import type { AccountRecord } from '../../store/accounts-repo';
import { refreshTokens } from './token-endpoint';
import { parseTokenSet, refreshDue, sealable, type TokenSet } from './token-set';

/**
 * The access tokens of OAuth2 accounts, sealed in the vault like passwords.
 * A token is refreshed before use when it nears expiry, and once more when
 * a server refused it (revoked or expired early). Providers that rotate
 * refresh tokens accept each only once, so refreshes of one account never
 * overlap: within this process they share one request, and across processes
 * (the app and `wren`, sharing the data folder) the account's token lease is
 * taken first and the stored tokens read again under it, since the previous
 * holder may have refreshed them already.
 */
export class OAuth2Tokens {
  private readonly refreshing = new Map<number, Promise<TokenSet>>();

  constructor(
    private readonly vault: PasswordVault,
    private readonly leases: AccountLeases,
    private readonly now: () => number = Date.now,
    /** Told when another process is refreshing the account's token and this one waits for it. */
    private readonly onWait?: (accountId: number, holder: LeaseHolder) => void,
  ) {}

  /** Seals a new token set under the given secret id (a new one when absent). */
  save(tokens: TokenSet, secretId?: string): string {
    return this.vault.save(sealable(tokens), secretId);
  }

  /** A token to log in with now: the kept one, or a fresh one when it is due. */
  async accessToken(account: AccountRecord): Promise<string> {
    const tokens = this.open(account);
    if (!refreshDue(tokens, this.now())) return tokens.accessToken;
    return (await this.refresh(account, tokens.accessToken)).accessToken;
  }

  /**
   * A server refused the token: refresh once, whatever its expiry said.
   * False when there is nothing to refresh with (no refresh token).
   */
  async refreshAfterRejection(account: AccountRecord, rejected: string): Promise<boolean> {
    const tokens = this.open(account);
    if (!tokens.refreshToken) return false;
    // Another login refreshed meanwhile: its token is the one to try.
    if (tokens.accessToken !== rejected) return true;
    await this.refresh(account, rejected);
    return true;
  }

  private open(account: AccountRecord): TokenSet {
    try {
      return parseTokenSet(this.vault.open(account.passwordSecretId));
    } catch (error) {
      if (error instanceof WrenError) throw error;
      throw new WrenError('SecretUnavailable', `The saved sign-in of ${account.email} cannot be read. Sign in with the browser again.`, { accountId: account.id }, { cause: error });
    }
  }

  /** Renews the tokens of which `stale` is the access token, unless someone renewed them meanwhile. */
  private refresh(account: AccountRecord, stale: string): Promise<TokenSet> {
    const running = this.refreshing.get(account.id);
    if (running) return running;
    const refreshing = this.renewLeased(account, stale).finally(() => this.refreshing.delete(account.id));
    this.refreshing.set(account.id, refreshing);
    return refreshing;
  }

  private async renewLeased(account: AccountRecord, stale: string): Promise<TokenSet> {
    const lease = await this.leases.acquire(account.id, (holder) => this.onWait?.(account.id, holder));
    try {
      // Read under the lease: the refresh token read before it may be spent already.
      const tokens = this.open(account);
      if (tokens.accessToken !== stale) return tokens;
      return await this.renew(account, tokens);
    } finally {
      lease.release();
    }
  }

  private async renew(account: AccountRecord, tokens: TokenSet): Promise<TokenSet> {
    if (!account.oauth2Provider || !tokens.refreshToken) {
      throw new WrenError('OAuth2Rejected', `The sign-in of ${account.email} has expired and cannot be renewed. Sign in with the browser again.`, { accountId: account.id });
    }
    const fresh = await refreshTokens(account.oauth2Provider, tokens.refreshToken);
    this.save(fresh, account.passwordSecretId);
    return fresh;
  }
}
