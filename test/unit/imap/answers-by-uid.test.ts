import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { answersByUid } from '../../../src-main/imap/answers-by-uid';

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
