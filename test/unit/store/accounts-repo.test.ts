import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_COLOURS } from '../../../src-main/store/accounts-repo';
import { addAccount, tempStore } from './temp-store';

let dispose: () => void = () => undefined;
afterEach(() => dispose());

function setUp() {
  const t = tempStore();
  dispose = t.dispose;
  return t.store;
}

describe('AccountsRepo: several accounts', () => {
  it('gives new accounts the least used colour and the next place in the order', () => {
    const store = setUp();
    const ids = ['a', 'b', 'c'].map((name) => addAccount(store, name));
    const accounts = store.accounts.list();
    expect(accounts.map((a) => a.id)).toEqual(ids);
    expect(accounts.map((a) => a.colour)).toEqual(ACCOUNT_COLOURS.slice(0, 3));
    expect(accounts.map((a) => a.sortOrder)).toEqual([1, 2, 3]);
  });

  it('reorders: the named accounts first, the rest after in their order', () => {
    const store = setUp();
    const [a, b, c] = ['a', 'b', 'c'].map((name) => addAccount(store, name));
    store.write(() => store.accounts.reorder([c!]));
    expect(store.accounts.list().map((x) => x.id)).toEqual([c, a, b]);
  });

  it('changes only what is given: a field present but undefined keeps its value', () => {
    const store = setUp();
    const id = addAccount(store, 'a');
    store.write(() => store.accounts.update(id, { name: 'Work', incoming: undefined, smtp: undefined, colour: '#000000' }));
    expect(store.accounts.get(id)).toMatchObject({ name: 'Work', colour: '#000000', incoming: { host: 'imap.example.test', port: 993 }, smtp: null });
  });
});

describe('AccountsRepo: the SMTP server\'s own certificate', () => {
  it('keeps it apart from the incoming server\'s, and an edit of one leaves the other as it was', () => {
    const store = setUp();
    const id = addAccount(store, 'a');
    expect(store.accounts.get(id)).toMatchObject({ trustedCertSha256: null, smtpTrustedCertSha256: null, smtpTrustedCertPem: null });
    store.write(() => store.accounts.update(id, { smtpTrustedCertSha256: 'AB:CD', smtpTrustedCertPem: 'smtp pem' }));
    store.write(() => store.accounts.update(id, { trustedCertSha256: '12:34', trustedCertPem: 'imap pem' }));
    expect(store.accounts.get(id)).toMatchObject({ trustedCertSha256: '12:34', trustedCertPem: 'imap pem', smtpTrustedCertSha256: 'AB:CD', smtpTrustedCertPem: 'smtp pem' });
    store.write(() => store.accounts.update(id, { smtpTrustedCertSha256: null, smtpTrustedCertPem: null }));
    expect(store.accounts.get(id)).toMatchObject({ trustedCertSha256: '12:34', smtpTrustedCertSha256: null, smtpTrustedCertPem: null });
  });
});
