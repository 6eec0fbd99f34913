import iconv from 'iconv-lite';

/**
 * A message as Chinese (and Taiwanese, Japanese) webmail sends it: a text
 * part in `charset` and an attachment whose Content-Type name and
 * Content-Disposition filename are raw 8-bit bytes in that charset, neither
 * RFC 2047 nor RFC 2231 encoded. `single` makes the attachment the whole
 * message (its name then in the message header).
 */
export function rawNameMessage(subject: string, fileName: string, charset: 'gbk' | 'big5' | 'shift_jis', single = false): Buffer {
  const name = (prefix: string) => Buffer.concat([Buffer.from(prefix), iconv.encode(fileName, charset), Buffer.from('"')]);
  const head = [`From: sender@example.test`, 'To: bob@example.test', `Subject: ${subject}`, 'Date: Thu, 03 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0'];
  const attachment = [name('Content-Type: application/pdf; name="'), 'Content-Transfer-Encoding: base64', name('Content-Disposition: attachment; filename="'), '', 'JVBERi0xLjQK'];
  const lines: Array<string | Buffer> = single
    ? [...head, ...attachment]
    : [...head, 'Content-Type: multipart/mixed; boundary="raw"', '', '--raw', `Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '',
      'See attached.', '--raw', ...attachment, '--raw--'];
  return Buffer.concat(lines.flatMap((line) => [Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\r\n')]));
}
