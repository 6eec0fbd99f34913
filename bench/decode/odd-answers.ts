// Header blocks the generator never writes but real servers send: raw 8-bit bytes, broken or
// unterminated encoded words, comments, groups, escapes, repeated fields, LF line ends, odd
// spacing and dates. Mixed into the bench's answers (--odd) so a differential check of a
// faster decoder also covers the paths its fast paths skip.
import iconv from 'iconv-lite';
import type { EnvelopeFetch } from '../../src-main/mime/envelope';

const b64 = (text: string, charset = 'utf-8') => iconv.encode(text, charset).toString('base64');

/** Each entry is a header block as latin1 text (raw bytes are added per entry below) with CRLF line ends. */
const BLOCKS: Array<string | Buffer> = [
  'Subject: plain ascii subject\r\nFrom: Bob <BOB@Example.COM>\r\nTo: undisclosed-recipients:;\r\n\r\n',
  'From: "Smith, John (Sales)" <john@example.com>\r\nTo: "A \\"quoted\\" name" <a@x.test>, b@x.test, <c@x.test>\r\nSubject:   spaced   \r\n\r\n',
  'From: john@example.com (John Smith)\r\nTo: Team: ann@x.test, "Bo" <bo@x.test>;, carl@x.test\r\nCc: =?utf-8?B?' + b64('张三') + '?= <zs@x.cn>, =?utf-8?Q?Ren=C3=A9e?= <r@x.fr>\r\n\r\n',
  'Subject: =?utf-8?B?' + b64('一个很长的中文主题') + '?=\r\n =?utf-8?B?' + b64('第二段') + '?= tail\r\nDate: Tue, 14 May 2024 09:12:33 +0800 (CST)\r\n\r\n',
  'Subject: =?gb2312?B?' + b64('中文邮件', 'gbk') + '?=\r\nFrom: =?GBK?B?' + b64('李四', 'gbk') + '?= <ls@163.test>\r\n\r\n',
  'Subject: =?utf-8?B?broken*base64?= and =?utf-8?B?abc\r\nFrom: x@y.test\r\n\r\n',
  'Subject: =?utf-8?Q?bad_escape_=ZZ_here?=\r\nFrom: <only@angle.test>\r\n\r\n',
  'Subject: =?iso-8859-1?Q?=E4=BD=A0=E5=A5=BD?=\r\nFrom: =?iso-8859-1?Q?J=F6rg?= <j@x.de>\r\n\r\n',
  'subject: lower case names\r\nFROM: UPPER <up@x.test>\r\nTO: one@x.test\r\nto: two@x.test\r\nCC:\r\n\r\n',
  'Subject: first\r\nSubject: second\r\nSender: Sender Only <sender@x.test>\r\nMessage-ID: bare-id@host\r\nIn-Reply-To: <a@b> <c@d>\r\n\r\n',
  'Subject: lf only\nFrom: Lf <lf@x.test>\nTo: a@x.test,\n b@x.test\nDate: not a date at all\n\n',
  'Subject:no space\r\nFrom:NoSpace<ns@x.test>\r\nTo:\ta@x.test ,\tb@x.test\r\nDate: 14 May 2024 09:12:33 GMT\r\n\r\n',
  'Subject: \r\nFrom: \r\nTo: ,,\r\nMessage-ID: \r\nIn-Reply-To: <x@y>\r\n\r\n',
  'Subject: =?utf-8?B?' + b64('Grüße') + '?==?utf-8?B?' + b64(' aus Köln') + '?=\r\nFrom: "=?utf-8?B?' + b64('Zoë, Q.') + '?=" <z@x.test>\r\n\r\n',
  'From: "Name with @ sign" <at@x.test>\r\nTo: Name@With.At <w@x.test>\r\nSubject: =?unknown-charset?B?aGVsbG8=?=\r\n\r\n',
  'From: <>\r\nTo: "" <empty@x.test>, "same@x.test" <same@x.test>\r\nSubject: =?utf-7?B?' + b64('+ADw-') + '?=\r\n\r\n',
  'Date: Mon, 1 Jan 2024 10:00:00 +0000\r\nFrom: A <a@x.test>',
  'Subject: before blank\r\n\r\nFrom: After <after@x.test>\r\n\r\n',
  'From: =?ISO-2022-JP?B?' + iconv.encode('', 'utf-8').toString('base64') + 'GyRCJUYlOSVIGyhC?= <jp@x.jp>\r\nSubject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=\r\n\r\n',
  'To: a@x.test\r\n (comment line)\r\nFrom: x\r\n\r\n',
  'X-Junk line without colon\r\nSubject: after junk\r\n: empty name\r\nFrom: ok@x.test\r\n\r\n',
];

/** Raw 8-bit blocks: UTF-8, GBK and Shift_JIS bytes straight in the header, as some mailers send them. */
function rawBlocks(): Buffer[] {
  const latin = (text: string) => Buffer.from(text, 'latin1');
  return [
    Buffer.concat([latin('Subject: '), Buffer.from('会议通知 UTF-8 raw'), latin('\r\nFrom: '), Buffer.from('王五'), latin(' <ww@x.cn>\r\n\r\n')]),
    Buffer.concat([latin('Subject: '), iconv.encode('关于明天的会议', 'gbk'), latin('\r\nFrom: "'), iconv.encode('赵六', 'gbk'), latin('" <zl@x.cn>\r\nTo: '), iconv.encode('钱七', 'gbk'), latin(' <qq@x.cn>\r\n\r\n')]),
    Buffer.concat([latin('Subject: '), iconv.encode('会議のお知らせ', 'shift_jis'), latin('\r\nFrom: jp@x.jp\r\n\r\n')]),
    Buffer.concat([latin('Subject: caf'), Buffer.from([0xe9]), latin(' cr'), Buffer.from([0xe8, 0x6d, 0x65]), latin('\r\n\r\n')]),
  ];
}

/** Every fifth answer gets one of the odd header blocks (and some lose their BODYSTRUCTURE or headers). */
export function withOddities(answers: EnvelopeFetch[]): EnvelopeFetch[] {
  const blocks = [...BLOCKS.map((b) => (typeof b === 'string' ? Buffer.from(b, 'latin1') : b)), ...rawBlocks()];
  return answers.map((answer, i) => {
    if (i % 5 !== 0) return answer;
    const odd = (i / 5) % (blocks.length + 2);
    if (odd === blocks.length) return { ...answer, headers: Buffer.alloc(0) };
    if (odd === blocks.length + 1) return { ...answer, bodyStructure: undefined, modseq: undefined };
    return { ...answer, headers: blocks[odd]! };
  });
}
