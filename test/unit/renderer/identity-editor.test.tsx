// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../../src-main/ipc/contract';
import { App } from '../../../src-renderer/components/App';
import { FakeClient, failure, renderWithClient, type Handlers } from './fake-client';
import { ACCOUNT } from './mail-fixtures';
import { settingsCore } from './settings-core';

afterEach(cleanup);

/** The settings core plus an account's identities, kept as the core keeps them (one default). */
function identityCore(): { handlers: Handlers; identities: () => IdentityView[] } {
  let identities: IdentityView[] = [
    { id: 1, accountId: ACCOUNT.id, name: ACCOUNT.displayName, email: ACCOUNT.email, replyTo: null, signature: null, isDefault: true },
  ];
  let nextId = 2;
  const handlers: Handlers = {
    ...settingsCore().handlers,
    'identities.list': () => identities,
    'identities.add': ({ accountId, identity }) => {
      if (/[\r\n]/.test(identity.name)) failure({ code: 'BadRequest', message: 'no line breaks' });
      const added: IdentityView = { id: nextId++, accountId, name: identity.name, email: identity.email, replyTo: identity.replyTo ?? null, signature: identity.signature ?? null, isDefault: identity.isDefault ?? false };
      if (added.isDefault) identities = identities.map((other) => ({ ...other, isDefault: false }));
      identities = [...identities, added];
      return added;
    },
    'identities.update': ({ identityId, identity }) => {
      identities = identities.map((other) => (other.id === identityId ? { ...other, ...identity, replyTo: identity.replyTo ?? null, signature: identity.signature ?? null, isDefault: identity.isDefault ?? false } : other));
      return identities.find((other) => other.id === identityId)!;
    },
    'identities.remove': ({ identityId }) => {
      identities = identities.filter((other) => other.id !== identityId);
      return { removed: true };
    },
  };
  return { handlers, identities: () => identities };
}

async function accountIdentities() {
  fireEvent.click(await screen.findByTestId('open-settings'));
  return screen.findByTestId(`account-${ACCOUNT.id}-identities`);
}

describe('identities in the Settings screen', () => {
  it('adds an identity with a reply-to and a multi-line signature, made the default', async () => {
    const core = identityCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    const editor = await accountIdentities();
    await waitFor(() => expect(within(editor).getAllByTestId('identity-row')).toHaveLength(1));
    // The last identity cannot be removed.
    expect((within(editor).getByTestId('identity-remove') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(editor).getByTestId('identity-add'));
    fireEvent.change(within(editor).getByTestId('identity-name'), { target: { value: 'Support' } });
    fireEvent.change(within(editor).getByTestId('identity-email'), { target: { value: 'support@example.com' } });
    fireEvent.change(within(editor).getByTestId('identity-reply-to'), { target: { value: 'help@example.com' } });
    fireEvent.change(within(editor).getByTestId('identity-signature'), { target: { value: 'The support team\nExample Ltd' } });
    fireEvent.click(within(editor).getByTestId('identity-default'));
    fireEvent.click(within(editor).getByTestId('identity-save'));

    await waitFor(() => expect(within(editor).getAllByTestId('identity-row')).toHaveLength(2));
    expect(client.callsOf('identities.add')).toEqual([
      { accountId: ACCOUNT.id, identity: { name: 'Support', email: 'support@example.com', replyTo: 'help@example.com', signature: 'The support team\nExample Ltd', isDefault: true } },
    ]);
    expect(within(editor).getAllByTestId('identity-row')[1]!.textContent).toContain('Support <support@example.com>');
    expect(within(editor).queryByTestId('identity-form')).toBeNull();
  });

  it('will not save an address that is not one, edits and removes', async () => {
    const core = identityCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client, 'zh');
    const editor = await accountIdentities();
    fireEvent.click(within(editor).getByTestId('identity-add'));
    fireEvent.change(within(editor).getByTestId('identity-email'), { target: { value: 'not an address' } });
    expect((within(editor).getByTestId('identity-save') as HTMLButtonElement).disabled).toBe(true);
    expect(editor.textContent).toContain('请输入有效的电子邮件地址。');
    fireEvent.change(within(editor).getByTestId('identity-email'), { target: { value: 'second@example.com' } });
    fireEvent.click(within(editor).getByTestId('identity-save'));
    await waitFor(() => expect(within(editor).getAllByTestId('identity-row')).toHaveLength(2));

    fireEvent.click(within(editor).getAllByTestId('identity-edit')[1]!);
    fireEvent.change(within(editor).getByTestId('identity-signature'), { target: { value: '—— 第二' } });
    fireEvent.click(within(editor).getByTestId('identity-save'));
    await waitFor(() => expect(core.identities()[1]!.signature).toBe('—— 第二'));

    fireEvent.click(within(editor).getAllByTestId('identity-remove')[1]!);
    await waitFor(() => expect(within(editor).getAllByTestId('identity-row')).toHaveLength(1));
    expect(client.callsOf('identities.remove')).toEqual([{ identityId: 2 }]);
  });

  it('Escape in the form cancels the form alone: Settings stays open, nothing is saved, and the next Escape closes Settings', async () => {
    const core = identityCore();
    const client = new FakeClient(core.handlers);
    renderWithClient(<App />, client);
    const editor = await accountIdentities();
    fireEvent.click(within(editor).getByTestId('identity-add'));
    fireEvent.change(within(editor).getByTestId('identity-name'), { target: { value: 'Support' } });
    fireEvent.keyDown(within(editor).getByTestId('identity-name'), { key: 'Escape' });

    expect(within(editor).queryByTestId('identity-form')).toBeNull();
    expect(screen.getByTestId('settings')).toBeTruthy();
    expect(client.callsOf('identities.add')).toEqual([]);
    // The focus, in the form that went, is on Add again: inside Settings, where Escape still reaches it.
    expect(document.activeElement).toBe(within(editor).getByTestId('identity-add'));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByTestId('settings')).toBeNull();
  });

  it('leaves an Escape that ends an input method\'s composition to the input method', async () => {
    renderWithClient(<App />, new FakeClient(identityCore().handlers), 'zh');
    const editor = await accountIdentities();
    fireEvent.click(within(editor).getByTestId('identity-add'));
    fireEvent.keyDown(within(editor).getByTestId('identity-name'), { key: 'Escape', isComposing: true });
    expect(screen.getByTestId('settings')).toBeTruthy();
    expect(editor.isConnected).toBe(true);
    expect(within(editor).getByTestId('identity-form')).toBeTruthy();
  });

  it('shows the core\'s refusal in words', async () => {
    const core = identityCore();
    renderWithClient(<App />, new FakeClient(core.handlers));
    const editor = await accountIdentities();
    fireEvent.click(within(editor).getByTestId('identity-add'));
    fireEvent.change(within(editor).getByTestId('identity-name'), { target: { value: 'Eve' } });
    // What a paste could carry past the input (the form turns breaks in the name into spaces; the core refuses the rest).
    core.handlers['identities.add'] = () => failure({ code: 'BadRequest', message: 'no line breaks' });
    fireEvent.click(within(editor).getByTestId('identity-save'));
    expect(await within(editor).findByRole('alert')).toBeTruthy();
    expect(within(editor).getByTestId('identity-form')).toBeTruthy();
  });
});
