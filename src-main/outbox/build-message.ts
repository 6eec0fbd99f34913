import type { Readable } from 'node:stream';
import { convert } from 'html-to-text';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailComposerAttachment } from 'nodemailer/lib/mail-composer';
import type { ComposeAddress, ComposedMessage } from '../ipc/compose-shapes';
import type { AttachmentStaging } from './attachment-staging';

/** Who the message is from: the chosen identity. */
export interface SendingIdentity {
  name: string;
  address: string;
  replyTo: string | null;
}

/** The SMTP envelope: MAIL FROM and every RCPT TO (Bcc included, which the headers never name). */
export interface Envelope {
  from: string;
  to: string[];
}

export interface BuiltMessage {
  messageId: string;
  envelope: Envelope;
  /** The RFC 5322 message, streamed (attachments are read from their staged files as it flows). */
  stream(): Readable;
}

export interface BuildInput {
  composed: ComposedMessage;
  from: SendingIdentity;
  /** With its angle brackets. */
  messageId: string;
  date: Date;
  staging: AttachmentStaging;
}

/**
 * A composed message as MIME, by nodemailer's MailComposer: UTF-8 text in
 * quoted-printable or base64 (7-bit safe, long lines wrapped), non-ASCII
 * headers as RFC 2047 encoded words, file names per RFC 2231, HTML with a
 * generated plain-text alternative and its inline images (cid) in a
 * multipart/related. Bcc goes in the envelope only: MailComposer leaves the
 * Bcc header out unless asked to keep it, and Wren never asks.
 */
export function buildMessage(input: BuildInput): BuiltMessage {
  const { composed, from, messageId, date, staging } = input;
  const attachments = composed.attachments.map((attachment): MailComposerAttachment => {
    staging.require(attachment.stagedId);
    return {
      filename: attachment.filename,
      contentType: attachment.contentType,
      // Opened only when the message is streamed, so a 2 GB file is never read whole.
      path: staging.pathOf(attachment.stagedId),
      ...(attachment.contentId ? { cid: attachment.contentId, contentDisposition: 'inline' } : {}),
    };
  });
  const composer = new MailComposer({
    from: formatted(from),
    to: composed.to.map(formatted),
    cc: composed.cc.map(formatted),
    bcc: composed.bcc.map(formatted),
    replyTo: from.replyTo ?? undefined,
    subject: composed.subject,
    messageId,
    date,
    inReplyTo: composed.inReplyTo ?? undefined,
    references: composed.references.length > 0 ? composed.references : undefined,
    text: plainText(composed),
    html: composed.html ?? undefined,
    attachments,
    // Remote content is never fetched into a message Wren sends; files come from staging only.
    disableUrlAccess: true,
    headers: { 'X-Mailer': 'Wren' },
    // CRLF throughout, as SMTP carries it: the bytes stored (the Sent copy) are then the bytes the server got.
    newline: 'windows',
  });
  const root = composer.compile();
  root.keepBcc = false;
  const envelope = root.getEnvelope();
  return {
    messageId,
    envelope: { from: envelope.from || from.address, to: envelope.to },
    stream: () => composer.compile().createReadStream(),
  };
}

function formatted(address: ComposeAddress | SendingIdentity): { name: string; address: string } {
  return { name: address.name, address: address.address };
}

/** The composer's text, or for HTML mail without one, the HTML as readable plain text. */
function plainText(composed: ComposedMessage): string {
  if (composed.html === null || composed.text.trim() !== '') return composed.text;
  return convert(composed.html, { wordwrap: 76, selectors: [{ selector: 'img', format: 'skip' }] });
}
