/** Accounts: set-up, tests, edits, order. */
import { z } from 'zod';
import { AccountDraft, AccountUpdate, OAuth2Provider, type AccountRemoved, type AccountView, type DiscoveryResult, type OAuth2Finished, type OAuth2Start, type TestConnectionResult } from '../account-shapes';
import { byAccount, empty, id, request } from './request-shape';

export const accountRequests = {
  'accounts.list': request<AccountView[]>()(empty),
  'accounts.testConnection': request<TestConnectionResult>()(AccountDraft),
  'accounts.add': request<AccountView>()(AccountDraft),
  'accounts.remove': request<AccountRemoved>()(byAccount),
  'accounts.update': request<AccountView>()(AccountUpdate),
  /** Finds server settings from the address alone (bundled list, autoconfig, SRV, a guess); nothing is saved. */
  'accounts.discover': request<DiscoveryResult>()(z.object({ email: z.string().trim().email().max(320) }).strict()),
  /** The accounts in the order the user wants them; accounts not named keep their order after these. */
  'accounts.reorder': request<AccountView[]>()(z.object({ accountIds: z.array(id).min(1).max(1000) }).strict()),
  /**
   * Begins a browser sign-in (OAuth2, authorization code with PKCE): the UI opens `authUrl` in the
   * system browser. `provider` for a server not in the bundled list (a self-hosted one, the lab).
   * `accountId` signs an existing OAuth2 account in again, with the provider it was set up with (its
   * own one included); `email` and `provider` are then the account's, whatever is sent.
   */
  'accounts.oauthStart': request<OAuth2Start>()(
    z.object({ email: z.string().trim().email().max(320), provider: OAuth2Provider.nullable().default(null), accountId: id.optional() }).strict(),
  ),
  /** Waits for the browser to come back and the tokens; then add the account with `auth: 'oauth2', oauth2FlowId`. */
  'accounts.oauthFinish': request<OAuth2Finished>()(z.object({ flowId: z.string().min(1).max(100) }).strict()),
  /** Gives up a sign-in; a waiting oauthFinish fails with OAuth2Cancelled. */
  'accounts.oauthCancel': request<{ cancelled: true }>()(z.object({ flowId: z.string().min(1).max(100) }).strict()),
} as const;
