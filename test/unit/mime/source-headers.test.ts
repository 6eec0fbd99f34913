import { describe, expect, it } from 'vitest';
import { headerRecordFromSource } from '../../../src-main/mime/source-headers';
import { importedHeaders } from '../../../src-main/mailfiles/imported-headers';

const source = Buffer.from([
  'From: Ann <ann@example.test>',
  'Subject: Re: Plan',
  'Message-ID: <c@example.test>',
  'In-Reply-To: <b@example.test>',
  'References: <a@example.test>',
  ' <b@example.test>',
  'Content-Type: multipart/mixed; boundary=x',
  '',
  '--x--',
  '',
].join('\r\n'));

/** POP3 and imported mail files are read from their sources: the same links as an IMAP header sync's. */
describe('header records read from a source', () => {
  it('a POP3 message keeps its Message-ID, In-Reply-To and thread root (the first of References)', () => {
    const record = headerRecordFromSource(source, { uidl: 'u1', size: source.length, arrivedAt: 1_000 });
    expect(record).toMatchObject({
      uidl: 'u1', subject: 'Re: Plan', messageId: '<c@example.test>', inReplyTo: '<b@example.test>', threadRoot: '<a@example.test>',
      hasAttachments: true, internalDate: 1_000,
    });
  });

  it('a message imported from an mbox or .eml file keeps them too', () => {
    expect(importedHeaders(source, source.length, 2_000)).toMatchObject({
      messageId: '<c@example.test>', inReplyTo: '<b@example.test>', threadRoot: '<a@example.test>', internalDate: 2_000,
    });
  });
});
