import { describe, expect, it } from 'vitest';
import { messageWindowHash, openedMessageOf } from '../../../src-main/ipc/message-window-hash';

describe('the address of a message window', () => {
  it('names the message and its account, and reads back the same', () => {
    for (const opened of [{ messageId: 12, accountId: 3 }, { messageId: 7, accountId: null }]) {
      expect(openedMessageOf(messageWindowHash(opened))).toEqual(opened);
    }
    expect(messageWindowHash({ messageId: 7, accountId: null })).toBe('#message=7');
  });

  it('is the main window for any other hash', () => {
    for (const hash of ['', '#', '#message=', '#message=0', '#message=-1', '#message=1x', '#message=1&account=0', '#message=1&account=x', '#other', '#message=1&account=2&more']) {
      expect(openedMessageOf(hash)).toBeNull();
    }
  });
});
