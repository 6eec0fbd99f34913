import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SentMarks } from '../../../src-main/outbox/sent-marks';
import { addAccount, tempStore } from '../store/temp-store';
import { queuedRow } from './outbox-rows';

let temp: ReturnType<typeof tempStore>;
let accountId: number;
beforeEach(() => {
  temp = tempStore();
  accountId = addAccount(temp.store, 'a');
});
afterEach(() => temp.dispose());

function sendingRow(n: number): number {
  const id = queuedRow(temp.store, accountId, n);
  temp.store.db.prepare("UPDATE outbox SET state = 'sending', claim_token = 't' WHERE id = ?").run(id);
  return id;
}

const stateOf = (id: number) => temp.store.outbox.get(id)?.state;
const X_REFUSED = { address: 'x@example.test', reply: '550 5.1.1 <x@example.test>: User unknown' };

describe('SentMarks: "sent" recorded in grouped commits', () => {
  it('marks gathered before the next turn are committed with that turn\'s writes, and their callers hear back then', async () => {
    const [a, b, next] = [sendingRow(1), sendingRow(2), sendingRow(3)];
    const marks = new SentMarks(temp.store.db, temp.store.outbox);
    let heard = 0;
    const both = Promise.all([marks.mark(a, [], 'skipped'), marks.mark(b, [X_REFUSED], 'pending')]).then(() => (heard += 1));
    expect(stateOf(a)).toBe('sending');
    // The next message's turn: its write and the gathered marks in one commit, at once (no wait for the timer).
    expect(marks.withMarks(() => temp.store.outbox.markBegan(next, 't'))).toBe(true);
    expect([stateOf(a), stateOf(b)]).toEqual(['sent', 'sent']);
    expect(temp.store.db.prepare('SELECT began_at FROM outbox WHERE id = ?').pluck().get(next)).toEqual(expect.any(Number));
    await both;
    expect(heard).toBe(1);
    expect([stateOf(a), stateOf(b)]).toEqual(['sent', 'sent']);
    expect(temp.store.outbox.get(b)?.refused).toEqual([X_REFUSED]);
  });

  it('a turn whose writes fail does not take the marks with it: they are committed on their own', async () => {
    const a = sendingRow(1);
    const marks = new SentMarks(temp.store.db, temp.store.outbox);
    const marked = marks.mark(a, [], 'skipped');
    expect(() => marks.withMarks(() => { throw new Error('SQLITE_BUSY: database is locked'); })).toThrow('locked');
    expect(stateOf(a)).toBe('sending');
    await marked;
    expect(stateOf(a)).toBe('sent');
  });

  it('without a next turn, the gathered marks are committed after a few ms', async () => {
    const [a, b] = [sendingRow(1), sendingRow(2)];
    const marks = new SentMarks(temp.store.db, temp.store.outbox);
    await Promise.all([marks.mark(a, [], 'skipped'), marks.mark(b, [], 'skipped')]);
    expect([stateOf(a), stateOf(b)]).toEqual(['sent', 'sent']);
  });
});
