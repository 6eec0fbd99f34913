import { afterEach, describe, expect, it } from 'vitest';
import { addIdentity, removeIdentity, updateIdentity } from '../../../src-main/compose/identity-editing';
import type { StoreChange } from '../../../src-main/ipc/contract';
import type { Store } from '../../../src-main/store/store';
import { addAccount, tempStore } from '../store/temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setUp(): { store: Store; accountId: number; firstId: number; seen: StoreChange[][] } {
  const t = tempStore();
  dispose = t.dispose;
  const accountId = addAccount(t.store, 'alice');
  t.store.write(() => t.store.accounts.update(accountId, { displayName: 'Alice' }));
  const seen: StoreChange[][] = [];
  t.store.feed.onChanges((changes) => seen.push(changes));
  return { store: t.store, accountId, firstId: t.store.identities.list(accountId)[0]!.id, seen };
}

const fields = (name: string, isDefault: boolean) => ({ name, email: 'alice@example.test', replyTo: null, signature: null, isDefault });
const yourName = (store: Store, accountId: number) => store.accounts.get(accountId)!.displayName;

describe('the account\'s "Your name" follows its default identity', () => {
  it('takes the default identity\'s new name, and says the account changed (Edit account reads it anew)', () => {
    const { store, accountId, firstId, seen } = setUp();
    updateIdentity(store, firstId, fields('Alice Liddell', true));
    expect(yourName(store, accountId)).toBe('Alice Liddell');
    expect(seen.flat()).toContainEqual({ entity: 'accounts', ids: [accountId] });
    // The other way, as before: Edit account's name renames the default identity.
    store.write(() => store.accounts.update(accountId, { displayName: 'A. Liddell' }));
    expect(store.identities.get(firstId)!.name).toBe('A. Liddell');
  });

  it('keeps its name when another identity, not the default, is added or renamed', () => {
    const { store, accountId, seen } = setUp();
    const support = addIdentity(store, accountId, fields('Support', false));
    updateIdentity(store, support.id!, fields('Help desk', false));
    expect(yourName(store, accountId)).toBe('Alice');
    expect(seen.flat().some((change) => change.entity === 'accounts')).toBe(false);
  });

  it('takes the name of the identity made the default, and of the one the default passes to when it is removed', () => {
    const { store, accountId, firstId } = setUp();
    const sales = addIdentity(store, accountId, fields('销售 Sales', true));
    expect(yourName(store, accountId)).toBe('销售 Sales');
    removeIdentity(store, sales.id!);
    expect(store.identities.get(firstId)!.isDefault).toBe(true);
    expect(yourName(store, accountId)).toBe('Alice');
  });
});
