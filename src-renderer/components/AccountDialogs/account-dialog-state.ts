import type { AccountView } from '../../../src-main/ipc/contract';

/**
 * Which account dialog is open: edit its settings, or confirm its removal. `focus` 'password': opened to mend a
 * refused login, so the password field has the focus (Thunderbird asks for the password at once).
 */
export type AccountDialogState = { kind: 'edit'; account: AccountView; focus?: 'password' } | { kind: 'remove'; account: AccountView };
