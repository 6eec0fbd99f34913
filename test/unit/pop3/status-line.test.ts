import { describe, expect, it } from 'vitest';
import { parseStatusLine } from '../../../src-main/pop3/status-line';

const parse = (text: string) => parseStatusLine(Buffer.from(text, 'latin1'));

describe('parseStatusLine', () => {
  it.each([
    ['+OK', { kind: 'ok', code: null, text: '' }],
    ['+OK Dovecot ready. <1.2@host>', { kind: 'ok', code: null, text: 'Dovecot ready. <1.2@host>' }],
    ['-ERR [IN-USE] Mailbox is locked', { kind: 'err', code: 'IN-USE', text: 'Mailbox is locked' }],
    ['-ERR [LOGIN-DELAY] Wait', { kind: 'err', code: 'LOGIN-DELAY', text: 'Wait' }],
    ['-ERR [sys/temp] Later', { kind: 'err', code: 'SYS/TEMP', text: 'Later' }],
    ['-ERR [AUTH] Authentication failed.', { kind: 'err', code: 'AUTH', text: 'Authentication failed.' }],
    ['-ERR no such message', { kind: 'err', code: null, text: 'no such message' }],
    ['-ERR', { kind: 'err', code: null, text: '' }],
    ['+ ', { kind: 'continue', code: null, text: '' }],
    ['+ aGVsbG8=', { kind: 'continue', code: null, text: 'aGVsbG8=' }],
  ])('%s', (line, expected) => {
    expect(parse(line)).toEqual(expected);
  });

  it.each(['+OKAY', '-ERROR x', 'hello', '', '* OK imap'])('%j is not a POP3 status', (line) => {
    expect(parse(line)).toBeNull();
  });
});
