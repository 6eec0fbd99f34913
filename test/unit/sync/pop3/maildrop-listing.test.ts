import { describe, expect, it } from 'vitest';
import type { Pop3Client } from '../../../../src-main/pop3/pop3-client';
import { listMaildrop } from '../../../../src-main/sync/pop3/maildrop-listing';

function fakeClient(uidls: string[], sizes: number[]): Pop3Client {
  return {
    uidl: async () => uidls.map((uidl, i) => ({ number: i + 1, uidl })),
    list: async () => sizes.map((size, i) => ({ number: i + 1, size })),
  } as Partial<Pop3Client> as Pop3Client;
}

describe('listMaildrop', () => {
  it('sets aside UIDLs given to more than one message, and keeps them on the server list', async () => {
    const listing = await listMaildrop(fakeClient(['a', 'dup', 'b', 'dup'], [10, 20, 30, 40]));
    expect(listing.entries).toEqual([{ number: 1, uidl: 'a', size: 10 }, { number: 3, uidl: 'b', size: 30 }]);
    expect(listing.duplicated).toEqual(['dup']);
    expect([...listing.onServer].sort()).toEqual(['a', 'b', 'dup']);
  });

  it('a message LIST leaves out still counts, with size 0 (what RETR delivers is what is stored)', async () => {
    const listing = await listMaildrop(fakeClient(['a', 'b'], [10]));
    expect(listing.entries).toEqual([{ number: 1, uidl: 'a', size: 10 }, { number: 2, uidl: 'b', size: 0 }]);
  });
});
