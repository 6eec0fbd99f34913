import { describe, expect, it } from 'vitest';
import { priorityOf } from '../../../src-main/mime/message-priority';
import { splitHeaderBlock } from '../../../src-main/mime/raw-headers';
import { fromImapEnvelope } from '../../../src-main/mime/envelope';
import { addAccount, addFolder, tempStore } from '../store/temp-store';

const priority = (block: string) => priorityOf(splitHeaderBlock(Buffer.from(`${block}\r\n\r\n`)));

describe('a message\'s priority', () => {
  it('reads X-Priority by its first digit, as Thunderbird, Foxmail and Outlook write it', () => {
    expect(priority('X-Priority: 1 (Highest)')).toBe('high');
    expect(priority('X-Priority: 2')).toBe('high');
    expect(priority('X-Priority: 3 (Normal)')).toBe('normal');
    expect(priority('X-Priority: 4')).toBe('low');
    expect(priority('X-Priority: 5 (Lowest)')).toBe('low');
  });

  it('else Importance, in any case; else normal', () => {
    expect(priority('Importance: high')).toBe('high');
    expect(priority('Importance: Low')).toBe('low');
    expect(priority('Subject: x')).toBe('normal');
    expect(priority('X-Priority: urgent\r\nImportance: High')).toBe('high');
    expect(priority('X-Priority: 3\r\nImportance: High')).toBe('normal');
  });
});

describe('the priority in the list', () => {
  it('is read with the header fields a sync fetches, and kept with the row: high and low marked, normal not', () => {
    const fetched = (uid: number, extra: string) => fromImapEnvelope({
      uid, flags: new Set<string>(), size: 10, headers: Buffer.from(`Subject: m${uid}\r\nFrom: a@x\r\n${extra}\r\n\r\n`),
    });
    const [high, low, normal] = [fetched(1, 'X-Priority: 2 (High)'), fetched(2, 'Importance: low'), fetched(3, 'X-Priority: 3 (Normal)')];
    expect([high.priority, low.priority, normal.priority]).toEqual(['high', 'low', 'normal']);
    const t = tempStore();
    try {
      const account = addAccount(t.store, 'work');
      const inbox = addFolder(t.store, account, 'INBOX', 'inbox');
      const ids = t.store.write(() => t.store.messages.insertHeaders(inbox, [high, low, normal]));
      const listed = t.store.messages.page(inbox, 0, 10).items;
      expect(listed.map((m) => [m.subject, m.priority])).toEqual([['m3', undefined], ['m2', 'low'], ['m1', 'high']]);
      const copy = t.store.write(() => t.store.messageChanges.copy(ids[0]!, addFolder(t.store, account, 'Kept', null)));
      expect(t.store.messages.get(copy)!.priority).toBe('high');
    } finally {
      t.dispose();
    }
  });
});
