import { beforeAll, describe, expect, it } from 'vitest';
import { useLabAccount } from './lab-account';

/**
 * A saved password that cannot be opened here (sealed by the desktop app's keychain, or under a key
 * file since replaced): the account says "enter the password again", and entering it again in the
 * account's settings must work, without the old one ever being opened.
 */
describe('a saved password that cannot be opened', () => {
  const fixture = useLabAccount();
  beforeAll(() => {
    // As if the desktop app (the OS keychain) had sealed it: this process has no way to open it.
    fixture.wren.core.store.db.prepare("UPDATE secrets SET scheme = 'electron-safe-storage'").run();
  });

  it('stops the sync with SecretUnavailable, asking for the password again', async () => {
    const { wren, accountId } = fixture;
    const { failures } = await wren.call('sync.run', { accountId });
    expect(failures[0]?.error).toMatchObject({ code: 'SecretUnavailable' });
    expect(failures[0]?.error.message).toMatch(/Enter the password again/);
  });

  it('takes the password entered again, tested with a login, and syncs with it', async () => {
    const { lab, wren, accountId } = fixture;
    const edited = await wren.call('accounts.update', { accountId, password: lab.users[0]!.password });
    expect(edited.id).toBe(accountId);
    expect((await wren.call('sync.run', { accountId })).failures).toEqual([]);
  });

  it('a wrong password entered again is refused by the server, not by the unreadable old one', async () => {
    const { wren, accountId } = fixture;
    wren.core.store.db.prepare("UPDATE secrets SET scheme = 'electron-safe-storage'").run();
    await expect(wren.call('accounts.update', { accountId, password: 'not-it' })).rejects.toMatchObject({ code: 'AuthFailed' });
  });
});
