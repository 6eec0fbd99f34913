import { describe, expect, it } from 'vitest';
import { syncWarningLines } from '../../../src-main/cli/sync-warning-lines';

const summary = { accountId: 4, folders: 1, newMessages: 1, removedMessages: 0, flagUpdates: 0, bodiesFetched: 0 };

describe('wren sync: warnings on stderr', () => {
  it('one line per coded warning: the account, the code, then words', () => {
    expect(syncWarningLines({ ...summary, warnings: ['wren:Pop3UidlsChanged', 'wren:Pop3UidlsDuplicated'] })).toEqual([
      'wren: account 4: warning (Pop3UidlsChanged): the POP3 server changed the UIDLs of messages already downloaded; they were recognised and not downloaded again',
      'wren: account 4: warning (Pop3UidlsDuplicated): the POP3 server gives the same UIDL to more than one message; those messages stay on the server and are not downloaded',
    ]);
  });

  it('no warnings: no lines', () => {
    expect(syncWarningLines(summary)).toEqual([]);
  });
});
