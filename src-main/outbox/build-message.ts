import type { Readable } from 'node:stream';
import type { MailComposerAttachment } from 'nodemailer/lib/mail-composer';
import type { ComposeAddress, ComposedMessage } from '../ipc/compose-shapes';
import type { AttachmentStaging } from './attachment-staging';
import { plainTextOf } from './plain-text';
import { listPriority } from '../mime/message-priority';
import { mailComposer } from '../system/first-use-packages';

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
  /** The RFC 5322 message, streamed (attachments are read from their staged files as it flows); read once. */
  stream(): Readable;
  /** At least the message's size in bytes, worked out before it is built (Infinity: cannot tell). */
  sizeBound: number;
}

export interface BuildInput {
  composed: ComposedMessage;
  from: SendingIdentity;
  /** With its angle brackets. */
  messageId: string;
  date: Date;
  staging: AttachmentStaging;
  /** A forward's original's Message-ID, written as X-Forwarded-Message-Id (forwardedHeader). */
  forwardedMessageId?: string | null;
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
  const { composed, from, messageId, date, staging, forwardedMessageId = null } = input;
  let attachedBytes = 0;
  const attachments = composed.attachments.map((attachment): MailComposerAttachment => {
    attachedBytes += staging.require(attachment.stagedId).size;
    return {
      filename: attachment.filename,
      contentType: attachment.contentType,
      // Opened only when the message is streamed, so a 2 GB file is never read whole.
      path: staging.pathOf(attachment.stagedId),
      // A file is an attachment unless the HTML shows it (cid); nodemailer would make a forwarded message inline.
      ...(attachment.contentId ? { cid: attachment.contentId, contentDisposition: 'inline' } : { contentDisposition: 'attachment' }),
    };
  });
  const text = plainText(composed);
  const Composer = mailComposer();
  const composer = new Composer({
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
    text: bodyText(text, attachments.length > 0),
    html: composed.html === null ? undefined : crlf(composed.html),
    attachments,
    // Remote content is never fetched into a message Wren sends; files come from staging only.
    disableUrlAccess: true,
    headers: {
      'X-Mailer': 'Wren', ...receiptHeader(composed, from.address), ...priorityHeaders(composed.priority), ...forwardedHeader(forwardedMessageId),
      ...(composed.autoSubmitted && { 'Auto-Submitted': 'auto-replied' }),
    },
    // CRLF throughout, as SMTP carries it: the bytes stored (the Sent copy) are then the bytes the server got.
    // nodemailer writes its headers and encodings with CRLF and the texts are given with CRLF, so only an
    // attachment it may carry as it is (a forwarded message, a text file) needs its newline pass over the
    // whole output (SMTP's dot-stuffing makes another pass anyway).
    ...(attachments.some(carriedAsIs) ? { newline: 'windows' } : {}),
  });
  // Compiled once: the same tree gives the envelope and the bytes.
  const root = composer.compile();
  root.keepBcc = false;
  const envelope = root.getEnvelope();
  return {
    messageId,
    envelope: { from: envelope.from || from.address, to: envelope.to },
    stream: () => root.createReadStream(),
    sizeBound: sizeBound(text, composed.html, attachedBytes),
  };
}

/**
 * Disposition-Notification-To at the sender's address when the composer asked for a return receipt. The
 * address alone: a name would need encoding, which nodemailer gives only the fields it knows as addresses.
 */
export function receiptHeader(composed: Pick<ComposedMessage, 'requestReceipt'>, address: string): Record<string, string> {
  return composed.requestReceipt ? { 'Disposition-Notification-To': `<${address}>` } : {};
}

/**
 * One Message-ID in its angle brackets, printable ASCII without spaces, CR or LF: nothing else goes in the header,
 * and its line (the header's name too) stays within 998 characters, as it cannot be folded.
 */
const SAFE_MESSAGE_ID = /^<[!-;=?-~]{1,970}>$/;

/**
 * X-Forwarded-Message-Id, as Thunderbird writes it in a forward and in its draft: the original's Message-ID, by
 * which a reopened draft finds the original to mark $Forwarded when it is sent. None for a value that is not a
 * single clean Message-ID (it comes from a received message).
 */
export function forwardedHeader(messageId: string | null): Record<string, string> {
  return messageId !== null && SAFE_MESSAGE_ID.test(messageId) ? { 'X-Forwarded-Message-Id': messageId } : {};
}

/**
 * The priority as nodemailer's transports write it (its `priority` option lives in the Mailer, above the
 * MailComposer used here): X-Priority for Thunderbird and Foxmail, X-MSMail-Priority and Importance for Outlook.
 */
export function priorityHeaders(priority: ComposedMessage['priority']): Record<string, string> {
  if (priority === 'normal') return {};
  // Thunderbird's words after the digit; Outlook knows two levels either side of normal.
  const xPriority = { highest: '1 (Highest)', high: '2 (High)', low: '4 (Low)', lowest: '5 (Lowest)' }[priority];
  const outlook = listPriority(priority) === 'high' ? 'High' : 'Low';
  return { 'X-Priority': xPriority, 'X-MSMail-Priority': outlook, Importance: outlook };
}

/** An attachment nodemailer may leave unencoded (7bit, 8bit), with whatever newlines its file has. */
function carriedAsIs(attachment: MailComposerAttachment): boolean {
  return !/^(application|image|audio|video|font)\//i.test(attachment.contentType ?? 'application/octet-stream');
}

/**
 * With files and no words (a message forwarded as an attachment, a lone file), an empty text part still comes
 * first, as Thunderbird writes it: nodemailer would otherwise make the one file the message itself (a bare
 * message/rfc822 or application/pdf root), which many clients show poorly or not as an attachment at all.
 */
function bodyText(text: string, hasFiles: boolean): string {
  // One line break: nodemailer writes no text part for an empty string.
  return text === '' && hasFiles ? '\r\n' : crlf(text);
}

function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

function formatted(address: ComposeAddress | SendingIdentity): { name: string; address: string } {
  return { name: address.name, address: address.address };
}

/** The composer's text, or for HTML mail without one, the HTML as readable plain text. */
function plainText(composed: ComposedMessage): string {
  if (composed.html === null || composed.text.trim() !== '') return composed.text;
  return plainTextOf(composed.html);
}

/**
 * An upper bound of the built size: quoted-printable at most triples a byte
 * (UTF-8 text counted at 3 bytes a character), base64 adds a third and its
 * line breaks; headers and boundaries fit in the margin.
 */
function sizeBound(text: string, html: string | null, attachedBytes: number): number {
  return (text.length + (html?.length ?? 0)) * 3 * 3 + Math.ceil(attachedBytes / 57) * 78 + 16 * 1024;
}
