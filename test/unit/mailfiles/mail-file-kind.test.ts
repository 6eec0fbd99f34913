import { describe, expect, it } from 'vitest';
import { looksLikeMbox, looksLikeMessage } from '../../../src-main/mailfiles/mbox-reader';

describe('telling mail files from other files', () => {
  it('takes a file starting with a header field (after blank lines, CRLF or LF) for one message', () => {
    expect(looksLikeMessage(Buffer.from('Return-Path: <a@example.com>\r\nFrom: a@example.com\r\n'))).toBe(true);
    expect(looksLikeMessage(Buffer.from('\n\nSubject: hi\n'))).toBe(true);
    expect(looksLikeMessage(Buffer.from('X-Mozilla-Status : 0001\n'))).toBe(true);
  });

  it('refuses pictures, documents and text that does not start like a message', () => {
    expect(looksLikeMessage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    expect(looksLikeMessage(Buffer.from('%PDF-1.7\n'))).toBe(false);
    expect(looksLikeMessage(Buffer.from('Dear friend: hello\n'))).toBe(false);
    expect(looksLikeMessage(Buffer.from(''))).toBe(false);
  });

  it('still tells an mbox by its From line', () => {
    expect(looksLikeMbox(Buffer.from('From a@example.com Mon Jan  5 10:00:00 2026\n'))).toBe(true);
    expect(looksLikeMbox(Buffer.from('From: a@example.com\n'))).toBe(false);
  });
});
