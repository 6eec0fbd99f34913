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

describe('orRefusal with an answer the parser could not read', () => {
  // What imapflow's STORE logs and turns into `false` when the server's completion does not parse.
  const unreadable = () => Object.assign(new Error('Failed to parse the server response for this command'), {
    code: 'ParserError9',
    parserError: Object.assign(new Error('Unexpected end of input [E9]'), { code: 'ParserError9', parserContext: { input: '[PERMANENTFLAGS (' } }),
  });

  it('throws the parse error (the server broke IMAP), not "nothing to do", on a connection imapflow keeps usable', async () => {
    const client = { usable: true } as unknown as ImapFlow;
    const logger = refusalLogger(() => client);
    const store = orRefusal(client, ['UID STORE'], async () => {
      logger.warn({ err: unreadable() });
      return false;
    });
    await expect(store).rejects.toMatchObject({ code: 'ParserError9' });
  });

  it('forgets one logged before the command ran', async () => {
    const client = { usable: true } as unknown as ImapFlow;
    const logger = refusalLogger(() => client);
    logger.warn({ err: unreadable() });
    await expect(orRefusal(client, ['UID STORE'], async () => false)).resolves.toBe(false);
  });
});
