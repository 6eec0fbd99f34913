import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus';
import { CliContext } from '../../../src-main/cli/cli-context';
import { findAccount } from '../../../src-main/cli/find-by-name';
import type { Handlers } from '../../../src-main/ipc/dispatch';
import type { AccountView } from '../../../src-main/ipc/contract';

const account = (id: number, name: string, email: string) => ({ id, name, email }) as AccountView;

/** A CliContext whose only request is accounts.list, answering these accounts in the user's order. */
function contextWith(accounts: AccountView[]): CliContext {
  return new CliContext({ 'accounts.list': () => accounts } as unknown as Handlers, new EventBus(), false);
}

/**
 * `wren account remove|edit ACCOUNT` acts on the account named: with two that answer to the same
 * words it must not pick one by the list's order (`remove --yes` deleted whichever came first).
 */
describe('findAccount: which account the CLI means', () => {
  // The same address on two servers (an old host and the new one), both named after it by default.
  const sameAddress = [account(3, 'me@example.com', 'me@example.com'), account(4, 'me@example.com', 'Me@Example.com'), account(7, 'Home', 'home@example.com')];

  it('refuses a name or address that two accounts share, naming their ids', async () => {
    const found = findAccount(contextWith(sameAddress), 'me@example.com');
    await expect(found).rejects.toMatchObject({ code: 'BadRequest' });
    await expect(found).rejects.toThrow(/\b3\b.*\b4\b/);
  });

  it('an id is the account with that id, even when another account (listed first) is named like it', async () => {
    const accounts = [account(5, '2', 'five@example.com'), account(2, 'Work', 'work@example.com')];
    expect((await findAccount(contextWith(accounts), '2')).id).toBe(2);
    expect((await findAccount(contextWith(accounts), 'five@example.com')).id).toBe(5);
  });

  it('an exact name wins over an address that another account has', async () => {
    const accounts = [account(8, 'Other', 'work@example.com'), account(9, 'work@example.com', 'me@corp.example')];
    expect((await findAccount(contextWith(accounts), 'work@example.com')).id).toBe(9);
  });

  it('a unique name or address (in any case) finds its account; an unknown one is NotFound', async () => {
    expect((await findAccount(contextWith(sameAddress), 'Home')).id).toBe(7);
    expect((await findAccount(contextWith(sameAddress), 'HOME@example.com')).id).toBe(7);
    await expect(findAccount(contextWith(sameAddress), 'nobody')).rejects.toMatchObject({ code: 'NotFound' });
  });
});
