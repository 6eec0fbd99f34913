import type { AccountView } from '../../../src-main/ipc/contract';

/** Which account dialog is open: edit its settings, or confirm its removal. */
export type AccountDialogState = { kind: 'edit'; account: AccountView } | { kind: 'remove'; account: AccountView };
