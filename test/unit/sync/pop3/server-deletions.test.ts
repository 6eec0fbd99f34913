import { describe, expect, it } from 'vitest';
import type { Pop3Policy } from '../../../../src-main/ipc/contract';
import type { HeldUidl } from '../../../../src-main/store/pop3-uidls-repo';
import { messagesToDelete } from '../../../../src-main/sync/pop3/server-deletions';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-12-10T00:00:00Z');
const entries = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((uidl, i) => ({ number: i + 1, uidl, size: 100 }));
const held = new Map<string, HeldUidl>([
  ['a', { uidl: 'a', messageRowId: 1, downloadedAt: NOW - 10 * DAY, partial: false, inTrash: false, deletedWhileKept: false }],
  ['b', { uidl: 'b', messageRowId: null, downloadedAt: NOW - DAY, partial: false, inTrash: false, deletedWhileKept: false }],
  ['c', { uidl: 'c', messageRowId: 3, downloadedAt: NOW - 10 * DAY, partial: true, inTrash: false, deletedWhileKept: false }],
  ['d', { uidl: 'd', messageRowId: 4, downloadedAt: NOW, partial: false, inTrash: false, deletedWhileKept: false }],
  // 'e' is on the server but not stored: never deleted, whatever the policy.
  // In the Trash: deleted as far as the policy goes, unless only its beginning is here.
  ['f', { uidl: 'f', messageRowId: 6, downloadedAt: NOW, partial: false, inTrash: true, deletedWhileKept: false }],
  ['g', { uidl: 'g', messageRowId: 7, downloadedAt: NOW - 10 * DAY, partial: true, inTrash: true, deletedWhileKept: false }],
]);
const policy = (leave: Pop3Policy['leave'], deleteAfterDays: number | null = null): Pop3Policy => ({ leave, deleteAfterDays, maxMessageKb: null });

describe('messagesToDelete', () => {
  it('keep: nothing', () => {
    expect(messagesToDelete(policy('keep'), entries, held, NOW)).toEqual([]);
  });
  it('download and delete: every stored whole message, and one deleted locally even if partial; never one not stored', () => {
    expect(messagesToDelete(policy('delete'), entries, held, NOW)).toEqual([1, 2, 4, 6]);
  });
  it('delete when deleted locally: those deleted for good, and whole ones moved to a Trash', () => {
    expect(messagesToDelete(policy('deleteWhenDeleted'), entries, held, NOW)).toEqual([2, 6]);
  });
  it('a delete made while the policy was keep: left on the server by the policies that act on deletes here', () => {
    const deletedWhileKept = new Map<string, HeldUidl>([
      ['a', { uidl: 'a', messageRowId: null, downloadedAt: NOW - 10 * DAY, partial: false, inTrash: false, deletedWhileKept: true }],
      ['b', { uidl: 'b', messageRowId: 2, downloadedAt: NOW - 10 * DAY, partial: false, inTrash: true, deletedWhileKept: true }],
      ['c', { uidl: 'c', messageRowId: null, downloadedAt: NOW - 10 * DAY, partial: true, inTrash: false, deletedWhileKept: true }],
      ['d', { uidl: 'd', messageRowId: null, downloadedAt: NOW - 10 * DAY, partial: false, inTrash: false, deletedWhileKept: false }],
    ]);
    expect(messagesToDelete(policy('deleteWhenDeleted'), entries, deletedWhileKept, NOW)).toEqual([4]);
    // Those two delete whole messages whether deleted here or not; a partial one only once deleted here.
    expect(messagesToDelete(policy('deleteAfterDays', 5), entries, deletedWhileKept, NOW)).toEqual([1, 2, 4]);
    expect(messagesToDelete(policy('delete'), entries, deletedWhileKept, NOW)).toEqual([1, 2, 4]);
  });
  it('delete after N days: whole messages downloaded at least N days ago', () => {
    expect(messagesToDelete(policy('deleteAfterDays', 5), entries, held, NOW)).toEqual([1]);
    expect(messagesToDelete(policy('deleteAfterDays', 1), entries, held, NOW)).toEqual([1, 2]);
    expect(messagesToDelete(policy('deleteAfterDays', 0), entries, held, NOW)).toEqual([1, 2, 4, 6]);
  });
});
