import iconv from 'iconv-lite';

/**
 * Messages whose body is more than one part, as QA met them (test/lab, unit
 * and e2e tests share them): a mailing-list footer as a second text/plain
 * part with no Content-Disposition, and a forwarded message attached inline
 * as message/rfc822 whose subject and body are GBK and whose own attachment
 * has an RFC 2231 name.
 */

const crlf = (lines: Array<string | Buffer>): Buffer => Buffer.concat(lines.flatMap((line) => [Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\r\n')]));
const gbk = (text: string) => iconv.encode(text, 'gbk');
const gbkWord = (text: string) => `=?GBK?B?${gbk(text).toString('base64')}?=`;

export const FOOTER_WORD = 'unsubscribelistfooter';
export const INNER_SUBJECT = '内层邮件主题';
export const INNER_BODY = '这是被转发的原始邮件正文。';
export const INNER_FILE = '内层.txt';

/** multipart/mixed: the body, then the list's footer as a second text/plain part without a disposition. */
export function footerMessage(subject: string): Buffer {
  return crlf([
    'From: List Member <member@example.test>', 'To: list@example.test', `Subject: ${subject}`, 'Date: Mon, 02 Jun 2025 09:30:00 +0000',
    `Message-ID: <footer-${subject.replace(/\W/g, '')}@qa>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="LIST"', '',
    '--LIST', 'Content-Type: text/plain; charset=utf-8', '', 'The meeting moved to Thursday.', '',
    '--LIST', 'Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit', '', '_______________', `To leave the list: ${FOOTER_WORD}`, '',
    '--LIST', 'Content-Type: text/plain; charset=utf-8', 'Content-Disposition: attachment; filename="notes.txt"', '', 'kept as a file', '',
    '--LIST--',
  ]);
}

/** The forwarded message itself: GBK subject and text, and an attachment named by RFC 2231. */
export function innerMessage(): Buffer {
  return crlf([
    `From: =?UTF-8?B?${Buffer.from('内层发件人').toString('base64')}?= <inner@example.test>`, 'To: x@example.test', 'Date: Sun, 01 Jun 2025 08:00:00 +0800',
    `Subject: ${gbkWord(INNER_SUBJECT)}`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="IN"', '',
    '--IN', 'Content-Type: text/plain; charset=gbk', 'Content-Transfer-Encoding: 8bit', '', gbk(INNER_BODY),
    '--IN', 'Content-Type: text/plain; name="inner.txt"', "Content-Disposition: attachment; filename*=UTF-8''%E5%86%85%E5%B1%82.txt", '', 'inner attachment',
    '--IN--',
  ]);
}

/** A forward with the original attached inline as message/rfc822. */
export function forwardedMessage(subject: string): Buffer {
  return Buffer.concat([
    crlf([
      'From: QA <qa@example.test>', 'To: alice@example.test', `Subject: ${subject}`, 'Date: Mon, 02 Jun 2025 09:30:00 +0000',
      `Message-ID: <fwd-${subject.replace(/\W/g, '')}@qa>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="OUT"', '',
      '--OUT', 'Content-Type: text/plain; charset=utf-8', '', 'Forwarded below.',
      '--OUT', 'Content-Type: message/rfc822', 'Content-Disposition: inline', '',
    ]),
    innerMessage(),
    crlf(['', '--OUT--']),
  ]);
}

/** An HTML message with a plain list footer and the forwarded message after it: both shown in the HTML view. */
export function htmlForwardedMessage(subject: string): Buffer {
  return Buffer.concat([
    crlf([
      'From: QA <qa@example.test>', 'To: alice@example.test', `Subject: ${subject}`, 'Date: Mon, 02 Jun 2025 09:40:00 +0000',
      `Message-ID: <htmlfwd-${subject.replace(/\W/g, '')}@qa>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="OUT"', '',
      '--OUT', 'Content-Type: text/html; charset=utf-8', '', '<p>See the <b>original</b> below.</p>',
      '--OUT', 'Content-Type: text/plain; charset=us-ascii', '', `<footer> ${FOOTER_WORD}`,
      '--OUT', 'Content-Type: message/rfc822', 'Content-Disposition: inline', '',
    ]),
    innerMessage(),
    crlf(['', '--OUT--']),
  ]);
}
