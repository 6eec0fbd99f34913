/** Accounts: set-up, tests, edits, order. */
import { z } from 'zod';
import { AccountDraft, AccountUpdate, type AccountView, type DiscoveryResult, type TestConnectionResult } from '../account-shapes';
import { byAccount, empty, id, request } from './request-shape';

export const accountRequests = {
  'accounts.list': request<AccountView[]>()(empty),
  'accounts.testConnection': request<TestConnectionResult>()(AccountDraft),
  'accounts.add': request<AccountView>()(AccountDraft),
  'accounts.remove': request<{ removed: true }>()(byAccount),
  'accounts.update': request<AccountView>()(AccountUpdate),
  /** Finds server settings from the address alone (bundled list, autoconfig, SRV, a guess); nothing is saved. */
  'accounts.discover': request<DiscoveryResult>()(z.object({ email: z.string().trim().email().max(320) }).strict()),
  /** The accounts in the order the user wants them; accounts not named keep their order after these. */
  'accounts.reorder': request<AccountView[]>()(z.object({ accountIds: z.array(id).min(1).max(1000) }).strict()),
} as const;
