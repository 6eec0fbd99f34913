import type { AccountQuota } from '../ipc/contract';

/**
 * An account's quota as its server states it, whatever the protocol (IMAP QUOTA; POP3 has none):
 * what the store dates and keeps as the account's AccountQuota.
 */
export type ServerQuota = Omit<AccountQuota, 'checkedAt'>;
