import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WrenError } from '../../../src-main/errors/wren-error';
import { openPop3 } from '../../../src-main/pop3/pop3-client';
import { Pop3Error } from '../../../src-main/pop3/pop3-error';
import { startLab, type Lab } from '../../lab/lab';
import { labMessage, pop3Options } from './pop3-lab';

let lab: Lab;

beforeAll(async () => {
  // Dovecot then holds the maildrop's lock for a whole POP3 session, as RFC 1939 servers do.
  lab = await startLab({ pop3LockSession: true });
});
afterAll(async () => {
  await lab?.stop();
});

describe('POP3 maildrop held by another session', () => {
  // Dovecot waits ~10 s for the lock (not configurable) before it answers [IN-USE].
  it('a second login is refused with Pop3InUse ([IN-USE]) until the first session ends', async () => {
    const alice = lab.users[0]!;
    await lab.seed(alice.email, 'INBOX', [labMessage(1)]);
    const holder = await openPop3(pop3Options(lab, alice));
    try {
      const error = (await openPop3(pop3Options(lab, alice)).catch((e: unknown) => e)) as WrenError;
      expect(error).toBeInstanceOf(Pop3Error);
      expect(error.code).toBe('Pop3InUse');
      expect(error.details).toMatchObject({ responseCode: 'IN-USE' });
      expect((await holder.stat()).count).toBe(1);
    } finally {
      await holder.quit();
    }
    const later = await openPop3(pop3Options(lab, alice));
    expect((await later.stat()).count).toBe(1);
    await later.quit();
  });
});
