import type { AccountUpdate, AccountView, ServerSettings } from '../../../src-main/ipc/contract';
import type { ServerForm } from '../AccountForm/form-state';

export interface AccountEditForm {
  name: string;
  displayName: string;
  colour: string;
  incoming: ServerForm;
  /** Empty: keep the saved password. */
  password: string;
  /** An OAuth2 account signed in with the browser again: its new tokens replace the old ones. */
  oauth2FlowId?: string | null;
}

export function serverForm(server: ServerSettings): ServerForm {
  return { host: server.host, port: String(server.port), security: server.security, user: server.user };
}

/**
 * Only what the user changed: an unchanged server is not sent, so a plain
 * rename needs no login. A changed server keeps the pinned certificate, which
 * the core checks against what the server now shows.
 */
export function accountEdits(account: AccountView, form: AccountEditForm): AccountUpdate {
  const edits: AccountUpdate = { accountId: account.id };
  if (form.name.trim() !== account.name) edits.name = form.name.trim();
  if (form.displayName.trim() !== account.displayName) edits.displayName = form.displayName.trim();
  if (form.colour !== account.colour) edits.colour = form.colour;
  const incoming: ServerSettings = {
    host: form.incoming.host.trim(),
    port: Number(form.incoming.port.trim() || Number.NaN),
    security: form.incoming.security,
    user: (form.incoming.user ?? account.email).trim(),
  };
  if (JSON.stringify(incoming) !== JSON.stringify(account.incoming)) edits.incoming = incoming;
  if (form.password) edits.password = form.password;
  if (form.oauth2FlowId) edits.oauth2FlowId = form.oauth2FlowId;
  return edits;
}
