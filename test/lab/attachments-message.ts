import iconv from 'iconv-lite';
import MailComposer from 'nodemailer/lib/mail-composer';

/** A 1×1 PNG: the smallest image a browser shows as one. */
const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** What the text attachment says, stored in GBK as Chinese providers send it. */
export const GBK_NOTE = '会议纪要：周五下午两点，三楼会议室。';

/**
 * A message carrying one attachment of each kind "Open" treats differently: a plain-text note in
 * GBK and an image (shown by a browser tab), an HTML page (never shown: it could carry script), and
 * a Windows program (never opened, only saved).
 */
export async function attachmentsMessage(subject: string): Promise<Buffer> {
  const mail = new MailComposer({
    from: 'Carol <carol@example.test>',
    to: 'bob@example.test',
    subject,
    date: new Date('2026-12-01T09:00:00Z'),
    messageId: `<${subject.replace(/\W+/g, '-')}@example.test>`,
    text: 'Four files attached.',
    attachments: [
      { filename: '纪要.txt', content: iconv.encode(GBK_NOTE, 'gbk'), contentType: 'text/plain; charset=gbk' },
      { filename: 'pixel.png', content: PNG_BYTES, contentType: 'image/png' },
      { filename: 'page.html', content: '<script>alert(1)</script>', contentType: 'text/html' },
      { filename: 'setup.exe', content: Buffer.from('MZ\x90\x00not really a program'), contentType: 'application/octet-stream' },
    ],
  });
  return mail.compile().build();
}
