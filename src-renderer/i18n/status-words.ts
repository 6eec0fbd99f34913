import { LOCAL_FAULT_CODES, type ErrorShape } from '../../src-main/errors/error-codes';
import type { AccountState } from '../../src-main/ipc/contract';
import { formatTime } from '../format/format-date';
import type { StringKey } from './en';
import type { Translate } from './translate';

export interface TroubledStatus {
  state: AccountState;
  error: ErrorShape | null;
  retryAt: number | null;
}

/**
 * The first line of an account's banner: whose fault it is (the network, the
 * mail server, this computer) and, when Wren retries by itself, at what time.
 */
export function statusHeadline(t: Translate, locale: string, account: string, status: TroubledStatus): string {
  const headline = t(headlineKey(status), { account });
  if (status.retryAt === null) return headline;
  return t('status.retryingAt', { headline, time: formatTime(status.retryAt, locale) });
}

function headlineKey({ state, error }: TroubledStatus): StringKey {
  if (error?.code === 'WorkingOffline') return 'status.workingOffline';
  if (state === 'offline') return !error || error.code === 'Offline' ? 'status.offline' : 'status.unreachable';
  return error && LOCAL_FAULT_CODES.has(error.code) ? 'status.localFault' : 'status.error';
}
