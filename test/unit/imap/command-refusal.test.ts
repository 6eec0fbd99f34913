import { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { refusalLogger } from '../../../src-main/imap/command-refusal';

describe('refusalLogger', () => {
  it('tells imapflow that only warnings are read, so it builds no trace entries for FETCH responses', () => {
    const client: ImapFlow = new ImapFlow({ host: '127.0.0.1', port: 1, auth: { user: 'u', pass: 'p' }, logger: refusalLogger(() => client) });
    const levels = client as unknown as { isLogLevelEnabled(level: string): boolean };
    expect(levels.isLogLevelEnabled('trace')).toBe(false);
    expect(levels.isLogLevelEnabled('debug')).toBe(false);
    expect(levels.isLogLevelEnabled('warn')).toBe(true);
  });
});
