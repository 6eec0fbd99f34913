// What each test/fixtures/*.eml contains once decoded, so tests can assert against it.
// Mirrors test/fixtures/README.md; fixtures.test.ts checks both against a real MIME parser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

export interface FixtureAttachment {
  filename: string;
  contentType: string;
  size: number;
  disposition: 'attachment' | 'inline';
  contentId?: string;
}

export interface FixtureExpectation {
  /** Decoded Subject. For malformed headers: what a lenient client should show. */
  subject: string;
  fromName: string;
  fromAddress: string;
  /** Date header as ISO string; null when the message has none. */
  date: string | null;
  /** Decoded text/plain body with LF line ends (trailing newline included when present). */
  text: string;
  /** Substring the raw HTML part contains, if there is one. */
  htmlContains?: string;
  attachments: FixtureAttachment[];
  malformed: boolean;
}

const DATE = '2025-06-02T09:30:00.000Z';
const ALICE = { fromName: 'Alice Example', fromAddress: 'alice@example.test', date: DATE };

const FIXTURE_DATA = {
  'plain-ascii.eml': {
    ...ALICE,
    subject: 'Plain ASCII fixture',
    text: 'Hello Bob,\n\nThis is a plain ASCII message.\n.A line that starts with a dot (SMTP/POP3 dot-stuffing).\n\n-- \nAlice\n',
    attachments: [],
    malformed: false,
  },
  'html-with-inline-image.eml': {
    ...ALICE,
    subject: 'HTML with inline image',
    text: 'Our logo is shown below.',
    htmlContains: '<img src="cid:logo@example.test" alt="logo">',
    attachments: [
      { filename: 'logo.png', contentType: 'image/png', size: 70, disposition: 'inline', contentId: 'logo@example.test' },
    ],
    malformed: false,
  },
  'attachment-pdf.eml': {
    ...ALICE,
    subject: 'Quarterly report (PDF attached)',
    text: 'Please find the report attached.',
    attachments: [{ filename: '报告.pdf', contentType: 'application/pdf', size: 329, disposition: 'attachment' }],
    malformed: false,
  },
  'gbk-subject-body.eml': {
    ...ALICE,
    subject: '会议通知：明天下午三点开会',
    fromName: '张伟',
    fromAddress: 'zhangwei@example.test',
    text: '各位同事：\n\n会议通知：明天下午三点开会，地点在三楼会议室。\n请准时参加。\n\n张伟\n',
    attachments: [],
    malformed: false,
  },
  'gb18030.eml': {
    ...ALICE,
    subject: 'GB18030 测试：𠮷野家与㐀',
    text: '这封邮件使用 GB18030 编码，包含 GBK 以外的字符：𠮷（U+20BB7）和 㐀（U+3400）。\n',
    attachments: [],
    malformed: false,
  },
  'big5.eml': {
    ...ALICE,
    subject: '訂單出貨通知',
    text: '親愛的客戶您好：\n\n您的訂單已經出貨，預計三天內送達。\n謝謝您的惠顧！\n',
    attachments: [],
    malformed: false,
  },
  'iso-2022-jp.eml': {
    ...ALICE,
    subject: '会議のお知らせ',
    fromName: '佐藤花子',
    fromAddress: 'sato@example.test',
    text: '山田様\n\n明日の会議は午後三時からです。\nよろしくお願いいたします。\n\n佐藤\n',
    attachments: [],
    malformed: false,
  },
  'rfc2231-continuation.eml': {
    ...ALICE,
    subject: 'RFC 2231 continuation',
    text: 'The attachment name is split over three RFC 2231 continuation segments.',
    attachments: [
      { filename: '2024年度财务报告（最终版）.txt', contentType: 'text/plain', size: 15, disposition: 'attachment' },
    ],
    malformed: false,
  },
  'no-date.eml': {
    ...ALICE,
    subject: 'Message without a Date header',
    date: null,
    text: 'This message has no Date header.\n',
    attachments: [],
    malformed: true,
  },
  'broken-encoded-word.eml': {
    ...ALICE,
    // Both words are invalid, so a lenient client shows them as literal text.
    subject: '=?UTF-8?B?not-base64!!?= and =?utf-8?q?abc',
    fromName: 'Broken =ZZ Name',
    fromAddress: 'broken@example.test',
    text: 'The Subject has an invalid B-word and an unterminated Q-word.\n',
    attachments: [],
    malformed: true,
  },
  'unterminated-multipart.eml': {
    ...ALICE,
    subject: 'Unterminated multipart',
    text: 'This part is complete.',
    // The last part runs to the end of the message.
    attachments: [{ filename: 'notes.txt', contentType: 'text/plain', size: 53, disposition: 'attachment' }],
    malformed: true,
  },
  'invalid-base64.eml': {
    ...ALICE,
    subject: 'Invalid base64 body',
    // Decoded text starts with 'Hello, world!\n' and ends with 'The end.\n'; what lies between
    // depends on how the decoder treats the garbage line, so assert on those two ends.
    text: 'Hello, world!\n',
    attachments: [],
    malformed: true,
  },
  'eight-bit-header.eml': {
    ...ALICE,
    subject: '原始 UTF-8 主题 without encoding',
    text: '正文是 UTF-8。\n',
    attachments: [],
    malformed: true,
  },
  'eight-bit-header-gbk.eml': {
    ...ALICE,
    // Raw GBK bytes in the header; recoverable only by falling back to the body charset (GBK).
    subject: '原始GBK主题',
    text: '正文是 GBK 编码。\n',
    attachments: [],
    malformed: true,
  },
} satisfies Record<string, FixtureExpectation>;

export type FixtureName = keyof typeof FIXTURE_DATA;
/** A fixture name without its '.eml', e.g. 'gbk-subject-body'. */
export type FixtureBaseName = FixtureName extends `${infer Base}.eml` ? Base : never;
export const FIXTURES: Record<FixtureName, FixtureExpectation> = FIXTURE_DATA;

/** The raw bytes of a fixture; the '.eml' suffix is optional. */
export function readFixture(name: FixtureName | FixtureBaseName): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, name.endsWith('.eml') ? name : `${name}.eml`));
}
