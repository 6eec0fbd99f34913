import type { ComposeAddress, ComposedMessage } from '../ipc/compose-shapes';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import { forwardedHeader, priorityHeaders, receiptHeader } from '../outbox/build-message';
import type { Identity } from './reply-recipients';
import { mailComposer } from '../system/first-use-packages';

const formatted = (a: ComposeAddress) => ({ name: a.name, address: a.address });

/**
 * A draft as the message it would be, for the Drafts folder. Unlike a sent
 * message it keeps its Bcc header (reopening the draft must show them; a
 * draft is not sent from there) and carries the \Draft flag when stored.
 * Built in memory: IMAP APPEND sends it as one literal anyway. A forward's draft names its original
 * (`forwardedMessageId`, X-Forwarded-Message-Id), which it has no other header for.
 */
export function buildDraft(composed: ComposedMessage, from: Identity, messageId: string, staging: AttachmentStaging, forwardedMessageId: string | null = null): Promise<Buffer> {
  const Composer = mailComposer();
  const composer = new Composer({
    from: { name: from.name, address: from.email },
    to: composed.to.map(formatted),
    cc: composed.cc.map(formatted),
    bcc: composed.bcc.map(formatted),
    replyTo: from.replyTo ?? undefined,
    subject: composed.subject,
    messageId,
    date: new Date(),
    inReplyTo: composed.inReplyTo ?? undefined,
    references: composed.references.length > 0 ? composed.references : undefined,
    text: composed.text,
    html: composed.html ?? undefined,
    attachments: composed.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      path: staging.pathOf(attachment.stagedId),
      // A file is an attachment unless the HTML shows it (cid): nodemailer would make a forwarded message inline, and it would not come back.
      ...(attachment.contentId ? { cid: attachment.contentId, contentDisposition: 'inline' as const } : { contentDisposition: 'attachment' as const }),
    })),
    disableUrlAccess: true,
    // Kept in the draft, so the choices come back with it (and go with it when it is sent from another client).
    headers: { 'X-Mailer': 'Wren', ...receiptHeader(composed, from.email), ...priorityHeaders(composed.priority), ...forwardedHeader(forwardedMessageId) },
  });
  const root = composer.compile();
  root.keepBcc = true;
  return root.build();
}
