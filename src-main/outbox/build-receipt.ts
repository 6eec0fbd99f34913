import type { ComposeLanguage } from '../compose/quote-original';
import { mimeNode } from '../system/first-use-packages';
import type { BuiltMessage, SendingIdentity } from './build-message';

export interface ReceiptInput {
  /** The identity the original was sent to: the recipient the receipt speaks for. */
  from: SendingIdentity;
  /** The address the sender asked the receipt at (Disposition-Notification-To). */
  to: string;
  original: { messageId: string | null; subject: string };
  /** The receipt's own, with angle brackets. */
  messageId: string;
  date: Date;
  /** The words a person reads in it (the report itself is for programs). */
  language: ComposeLanguage;
  /** Sent as the user's settings say, without asking ("automatic-action/MDN-sent-automatically"); else the user chose it. */
  automatic?: boolean;
}

const WORDS = {
  en: {
    subject: (subject: string) => `Return Receipt (displayed) - ${subject}`,
    text: (recipient: string) =>
      `This is a Return Receipt for the mail that you sent to ${recipient}.\r\n\r\n` +
      'Note: This Return Receipt only acknowledges that the message was displayed on the recipient\'s computer. ' +
      'There is no guarantee that the recipient has read or understood the message contents.\r\n',
  },
  zh: {
    subject: (subject: string) => `回执（已显示）- ${subject}`,
    text: (recipient: string) =>
      `这是您发送给 ${recipient} 的邮件的回执。\r\n\r\n注意：此回执仅表示该邮件已在收件人的电脑上显示，不保证收件人已阅读或理解邮件内容。\r\n`,
  },
} as const;

/** The receipt's subject: the original's, with what it is in front. */
export function receiptSubject(originalSubject: string, language: ComposeLanguage): string {
  return WORDS[language].subject(originalSubject);
}

/**
 * A return receipt (RFC 8098 MDN), sent because the user chose to: a multipart/report whose first part
 * says it in words and whose second, message/disposition-notification, says it for the sender's
 * program ("manual-action/MDN-sent-manually; displayed", or automatic-action when the settings sent it). It names the original by its Message-ID and
 * threads with it. Built with nodemailer's MIME tree: MailComposer has no multipart/report.
 */
export function buildReceipt(input: ReceiptInput): BuiltMessage {
  const { from, to, original, messageId, date } = input;
  const words = WORDS[input.language];
  const MimeNode = mimeNode();
  const root = new MimeNode('multipart/report; report-type=disposition-notification');
  root.date = date;
  root.setHeader({
    From: { name: from.name, address: from.address },
    To: to,
    Subject: receiptSubject(original.subject, input.language),
    'Message-ID': messageId,
    'X-Mailer': 'Wren',
  });
  if (original.messageId) root.setHeader({ 'In-Reply-To': original.messageId, References: original.messageId });
  root.createChild('text/plain; charset=utf-8').setContent(words.text(from.address));
  root.createChild('message/disposition-notification').setHeader('Content-Transfer-Encoding', '7bit').setContent(report(from.address, original.messageId, input.automatic ?? false));
  return {
    messageId,
    envelope: { from: from.address, to: [to] },
    stream: () => root.createReadStream(),
    sizeBound: 16 * 1024 + Buffer.byteLength(original.subject) * 3,
  };
}

/** The report's fields (RFC 8098 section 3.2), CRLF-ended; an original without a Message-ID is named by none. */
function report(recipient: string, originalMessageId: string | null, automatic: boolean): string {
  const fields = ['Reporting-UA: Wren', `Final-Recipient: rfc822;${recipient}`];
  if (originalMessageId) fields.push(`Original-Message-ID: ${originalMessageId}`);
  fields.push(`Disposition: ${automatic ? 'automatic-action/MDN-sent-automatically' : 'manual-action/MDN-sent-manually'}; displayed`);
  return `${fields.join('\r\n')}\r\n`;
}
