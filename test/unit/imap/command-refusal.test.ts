import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { orRefusal, refusalLogger } from '../../../src-main/imap/command-refusal';

describe('refusalLogger', () => {
  it('tells imapflow that only warnings are read, so it builds no trace entries for FETCH responses', () => {
    const client: ImapFlow = new ImapFlow({ host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' }, logger: refusalLogger(() => client) });
    const levels = client as unknown as { isLogLevelEnabled(level: string): boolean };
    expect(levels.isLogLevelEnabled('trace')).toBe(false);
    expect(levels.isLogLevelEnabled('debug')).toBe(false);
    expect(levels.isLogLevelEnabled('warn')).toBe(true);
  });
});

describe('orRefusal with flags the folder does not keep', () => {
  const dropped = (flags: string[]) => ({ msg: 'Dropped flags the mailbox does not accept', dropped: flags });

  it('throws a READ-ONLY refusal when imapflow dropped every flag and one was a system flag', async () => {
    const client = { usable: true } as unknown as ImapFlow;
    const logger = refusalLogger(() => client);
    const store = orRefusal(client, ['UID STORE'], async () => {
      logger.warn(dropped(['\\Seen']));
      return false;
    });
    await expect(store).rejects.toMatchObject({ responseStatus: 'NO', serverResponseCode: 'READ-ONLY' });
  });

  it('keeps a keyword the server does not take only here: no refusal', async () => {
    const client = { usable: true } as unknown as ImapFlow;
    const logger = refusalLogger(() => client);
    const store = orRefusal(client, ['UID STORE'], async () => {
      logger.warn(dropped(['$Forwarded']));
      return false;
    });
    await expect(store).resolves.toBe(false);
  });
});
