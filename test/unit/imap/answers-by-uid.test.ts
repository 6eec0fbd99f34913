import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { answersByUid, answersInRange } from '../../../src-main/imap/answers-by-uid';

async function* rows(...list: Array<Partial<FetchMessageObject>>): AsyncGenerator<FetchMessageObject> {
  for (const row of list) yield row as FetchMessageObject;
}

describe('answersByUid', () => {
  it('drops unsolicited rows: without UID, or for a UID not asked for', async () => {
    const envelope = { subject: 'Hi' };
    const answers = await answersByUid(rows(
      { seq: 1, uid: 10, envelope, flags: new Set<string>() },
      { seq: 7, flags: new Set(['\\Seen']), modseq: 9n }, // another session's change, as Dovecot reports it
      { seq: 8, uid: 99, flags: new Set(['\\Seen']) },
      { seq: 2, uid: 11, envelope, flags: new Set<string>() },
    ), [10, 11, 12]);
    expect([...answers.keys()]).toEqual([10, 11]);
    expect(answers.get(10)!.envelope).toBe(envelope);
  });

  it('merges the rows of one UID, the later row\'s values winning', async () => {
    const answers = await answersByUid(rows(
      { seq: 1, uid: 10, envelope: { subject: 'Hi' }, flags: new Set<string>() },
      { seq: 1, uid: 10, flags: new Set(['\\Seen']), envelope: undefined },
    ), [10]);
    expect(answers.get(10)).toMatchObject({ uid: 10, envelope: { subject: 'Hi' }, flags: new Set(['\\Seen']) });
  });
});

describe('answersInRange', () => {
  it('keeps the rows of the sequence range that carry a UID, merged by UID', async () => {
    const headers = Buffer.from('Subject: Hi\r\n\r\n');
    const answers = await answersInRange(rows(
      { seq: 5, uid: 50, headers, flags: new Set<string>() },
      { seq: 3, flags: new Set(['\\Seen']), modseq: 9n }, // another session's change, without UID (Dovecot)
      { seq: 9, uid: 90, flags: new Set(['\\Seen']) }, // outside the range asked for
      { seq: 4, uid: 40, headers, flags: new Set<string>() },
      { seq: 5, uid: 50, flags: new Set(['\\Flagged']) }, // a later row of the same message (QRESYNC carries the UID)
    ), 4, 6);
    expect([...answers.keys()]).toEqual([50, 40]);
    expect(answers.get(50)).toMatchObject({ headers, flags: new Set(['\\Flagged']) });
  });
});
