import type { FetchMessageObject, MailboxObject } from 'imapflow';
import { parser } from 'imapflow/lib/handler/imap-handler.js';
import { formatMessageResponse } from 'imapflow/lib/tools.js';
import { describe, expect, it } from 'vitest';
import { readFetchAnswer } from '../../../src-main/imap/fetch-answer';

/** An untagged FETCH line as imapflow's tokenizer hands it on: literals ({n}) come apart from the line, as its stream splits them. */
function parse(line: string, literals: string[] = []): ReturnType<typeof parser> {
  return parser(line, { literals: literals.map((text) => Buffer.from(text, 'latin1')) });
}

/** What imapflow's own fetch() makes of the same answer, limited to the items Wren reads. */
async function imapflowReads(line: string, literals: string[] = []): Promise<Partial<FetchMessageObject>> {
  const mailbox = { path: 'INBOX', uidValidity: 7n } as unknown as MailboxObject;
  const row = await formatMessageResponse(await parse(line, literals), mailbox);
  const { seq, uid, flags, size, internalDate, modseq, bodyStructure } = row;
  // imapflow gives `false` for a NIL section; Wren reads it as no headers (fetch-headers.ts leaves such a row out)
  const headers = (row.headers as Buffer | false | undefined) || undefined;
  return withoutUndefined({ seq, uid, flags, size, internalDate, modseq, bodyStructure, headers });
}

function withoutUndefined<T extends object>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const HEADER = 'Subject: =?GBK?B?1tDOxA==?=\r\nFrom: =?utf-8?Q?Zo=C3=AB?= <zoe@example.org>\r\nX-Raw: \xd6\xd0\r\n\r\n';
const MIXED_STRUCTURE = '(("TEXT" "PLAIN" ("CHARSET" "gbk") NIL NIL "BASE64" 120 2 NIL NIL NIL NIL)'
  + '("APPLICATION" "PDF" ("NAME" "=?UTF-8?B?5oql5ZGKLnBkZg==?=") NIL NIL "BASE64" 4000 NIL ("ATTACHMENT" ("FILENAME*" "utf-8\'\'%E6%8A%A5%E5%91%8A.pdf")) NIL NIL)'
  + ' "MIXED" ("BOUNDARY" "b1") NIL NIL NIL)';

describe('readFetchAnswer', () => {
  it('reads a header sync\'s answer as imapflow\'s fetch() does: flags, size, dates, MODSEQ, the part tree with decoded names, the raw header bytes', async () => {
    const line = `* 12 FETCH (UID 34 FLAGS (\\Seen $Label1 \\Flagged) RFC822.SIZE 4567 INTERNALDATE "05-Dec-2026 10:11:12 +0800" MODSEQ (99123456789) `
      + `BODYSTRUCTURE ${MIXED_STRUCTURE} BODY[HEADER.FIELDS (SUBJECT FROM X-RAW)] {${HEADER.length}}\r\n)`;
    const row = readFetchAnswer(await parse(line, [HEADER]));
    expect(withoutUndefined(row)).toEqual(await imapflowReads(line, [HEADER]));
    expect(row).toMatchObject({ seq: 12, uid: 34, size: 4567, modseq: 99123456789n, flags: new Set(['\\Seen', '$Label1', '\\Flagged']) });
    expect(row.headers!.equals(Buffer.from(HEADER, 'latin1'))).toBe(true); // the GBK byte pair kept as sent
    expect(row.bodyStructure!.childNodes![1]!.dispositionParameters).toEqual({ filename: '报告.pdf' });
  });

  it('reads items by name whatever their order and case, and leaves out what a header sync never reads (EMAILID, labels)', async () => {
    const line = '* 3 FETCH (body[HEADER.FIELDS (SUBJECT)] "Subject: hi\r\n\r\n" emailid (M6d99ac3275bb4e) uid 8 rfc822.size 20 flags ())';
    const row = readFetchAnswer(await parse(line));
    expect(withoutUndefined(row)).toEqual(await imapflowReads(line));
    expect(row).toEqual({ seq: 3, uid: 8, size: 20, flags: new Set(), headers: Buffer.from('Subject: hi\r\n\r\n') });
  });

  it('drops malformed values as imapflow does: NIL part tree and header section, a UID that is no number, an unreadable date kept as text', async () => {
    const line = '* 4 FETCH (UID 12abc RFC822.SIZE -5 INTERNALDATE "yesterday-ish" BODYSTRUCTURE NIL BODY[HEADER.FIELDS (SUBJECT)] NIL MODSEQ (x))';
    const row = readFetchAnswer(await parse(line));
    expect(withoutUndefined(row)).toEqual(await imapflowReads(line));
    expect(withoutUndefined(row)).toEqual({ seq: 4, size: 0, internalDate: 'yesterday-ish' });
  });

  it('keeps an unsolicited flag change (another session\'s, without UID) as a row for the caller to tell apart', async () => {
    const line = '* 412 FETCH (FLAGS (\\Seen) MODSEQ (9))';
    const row = readFetchAnswer(await parse(line));
    expect(withoutUndefined(row)).toEqual(await imapflowReads(line));
    expect(row.uid).toBeUndefined();
  });

  it('reads a whole header section (BODY[HEADER]) as the headers, and a body part not at all', async () => {
    const line = '* 1 FETCH (UID 2 BODY[HEADER] "Subject: a\r\n\r\n" BODY[1] "text")';
    const row = readFetchAnswer(await parse(line));
    expect(row.headers!.toString()).toBe('Subject: a\r\n\r\n');
    expect(row).not.toHaveProperty('bodyParts');
  });
});
