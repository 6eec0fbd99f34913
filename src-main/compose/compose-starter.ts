import { randomUUID } from 'node:crypto';
import { WrenError } from '../errors/wren-error';
import type { ComposeAddress, ComposeAttachment, ComposedMessage } from '../ipc/compose-shapes';
import type { ComposeMode } from '../ipc/mail-shapes';
import { loadMailingList } from '../messages/mailing-list';
import type { AccountService } from '../accounts/account-service';
import type { MessageReader } from '../messages/message-reader';
import type { AttachmentStaging } from '../outbox/attachment-staging';
import type { MessageRecord } from '../store/messages-repo';
import type { Store } from '../store/store';
import { chosenIdentity, identitiesOf, signatureBlock } from './identities';
import { loadParentHeaders, type ParentHeaders } from './parent-headers';
import { escapeHtml } from '../mime/escape-html';
import { forwardBody, replyBelowBody, replyBody, type ComposeLanguage } from './quote-original';
import { boundedQuote } from './quote-bound';
import { replyReferences } from './references';
import { signatureHtml, withSignatureHtml } from './signature-html';
import type { ReplyPosition } from '../settings/settings-schema';
import { identityForReply, replyRecipients, type Identity } from './reply-recipients';
import { stageAttachmentsFromSource, stageAttachmentsOf, stageSourceOf } from './stage-parts';
import { forwardSubject, replySubject } from './subject-prefix';
import { readableText } from '../mime/readable-text';
import { LOCAL_TEMPLATES } from '../ipc/contract-constants';
import { isTemplate } from './templates';
import { originalByMessageId } from './original-message';
import { quotableHtml } from './quotable-html';
import { stageQuotedPictures } from './quoted-pictures';


export interface ComposeStartRequest {
  mode: ComposeMode;
  messageId?: number;
  accountId?: number;
  language: ComposeLanguage;
  /** An answer quotes this (the user's selection in the message) instead of the whole body. */
  quote?: string;
}

interface Original {
  record: MessageRecord;
  text: string;
  html: string | null;
  /** An answer quotes the text alone (the user's selection), not the HTML. */
  quoteTextOnly: boolean;
}

function blank(accountId: number, identity: Identity): ComposedMessage {
  return {
    accountId, identityId: identity.id, to: [], cc: [], bcc: [], subject: '', text: signatureBlock(identity), html: null,
    attachments: [], inReplyTo: null, references: [], origin: null, draftMessageId: null, draftKey: randomUUID(), requestReceipt: false, writeAt: null, priority: 'normal',
  };
}

/**
 * What the composer opens with: a new message, an answer to a stored one
 * (recipients, subject, quoted text, threading headers, the identity it was
 * sent to), a forward (inline with the original's attachments staged, or the
 * whole original attached), or a stored draft to continue or copy.
 */
export class ComposeStarter {
  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly reader: MessageReader,
    private readonly staging: AttachmentStaging,
    /** Where an account's replies start (its settings); above the quote unless said. */
    private readonly replyPositionOf: (accountId: number) => ReplyPosition = () => 'above',
  ) {}

  async start(request: ComposeStartRequest): Promise<ComposedMessage> {
    if (request.mode === 'new') return this.newMessage(request.accountId);
    if (request.messageId === undefined) throw new WrenError('BadRequest', `Composing "${request.mode}" needs the message it starts from.`);
    const original = await this.original(request.messageId);
    // A local message (a template, a kept draft) is written from the account asked for, else the one it is from.
    const accountId = original.record.accountId ?? request.accountId ?? this.accountSending(original.record.from.address);
    if (accountId === undefined) throw new WrenError('BadRequest', 'A message in a local folder needs the account to write from.');
    const account = this.accounts.require(accountId);
    const identities = identitiesOf(this.store, account);
    switch (request.mode) {
      case 'reply':
      case 'replyAll':
      case 'replyList':
        return this.answer(withQuote(original, request.quote), identities, request.mode, request.language);
      case 'forward':
      case 'forwardAttachment':
        return this.forward(original, identities, request.mode, request.language);
      case 'editTemplate':
        return this.editTemplate(original, identities);
      default:
        return this.fromDraft(original, identities, request.mode === 'editDraft');
    }
  }

  /** The account with an identity at this address, if any. */
  private accountSending(address: string): number | undefined {
    const wanted = address.trim().toLowerCase();
    return this.store.accounts.list().find((account) => identitiesOf(this.store, account).some((identity) => identity.email.toLowerCase() === wanted))?.id;
  }

  private newMessage(accountId: number | undefined): ComposedMessage {
    const account = accountId !== undefined ? this.accounts.require(accountId) : this.store.accounts.list()[0];
    if (!account) throw new WrenError('NotFound', 'There is no account to write from.');
    return blank(account.id, chosenIdentity(identitiesOf(this.store, account), null));
  }

  private async original(messageId: number): Promise<Original> {
    const view = await this.reader.read(messageId, { markSeen: false });
    // Read as the pane's plain-text view reads it: headings in their own case, a table's cells on lines of their own.
    const text = view.text ?? (view.html ? readableText(view.html) : '');
    return { record: this.reader.requireMessage(messageId), text, html: view.html, quoteTextOnly: false };
  }

  private async answer(original: Original, identities: Identity[], mode: 'reply' | 'replyAll' | 'replyList', language: ComposeLanguage): Promise<ComposedMessage> {
    const { record } = original;
    const parent = await loadParentHeaders(this.store, record, this.reader.imapFor(record));
    const identity = identityForReply(identities, record) ?? identities[0]!;
    const own = identities.map((i) => i.email);
    const recipients = mode === 'replyList'
      ? await this.listRecipients(record)
      : replyRecipients({ from: record.from, replyTo: parent.replyTo, to: record.to, cc: record.cc }, own, mode === 'replyAll');
    const accountId = record.accountId ?? identity.accountId;
    const quote = await this.answerQuote(original);
    return {
      ...blank(accountId, identity),
      ...recipients,
      subject: replySubject(record.subject),
      ...this.replyText(original, quote.html, identity, language, this.replyPositionOf(accountId)),
      attachments: quote.attachments,
      inReplyTo: record.messageId,
      references: replyReferences({ messageId: record.messageId, references: parent.references, inReplyTo: parent.inReplyTo }),
      origin: { messageId: record.id, kind: mode === 'replyAll' ? 'replyAll' : 'reply' },
    };
  }

  /** The reply's text and HTML, the signature after the user's words: above the quote, or below it (with where writing starts). */
  private replyText(original: Original, html: string | null, identity: Identity, language: ComposeLanguage, position: ReplyPosition): Pick<ComposedMessage, 'text' | 'html' | 'writeAt'> {
    const { record } = original;
    const quoted = { from: record.from, date: record.date, text: boundedQuote(original.text, language), isHtml: original.html !== null, html };
    if (position === 'below') return replyBelowBody(quoted, language, { text: signatureBlock(identity), html: signatureHtml(identity.signature) });
    const body = replyBody(quoted, language);
    return { text: `${signatureBlock(identity)}${body.text}`, html: body.html && withSignatureHtml(body.html, identity.signature), writeAt: null };
  }

  /**
   * An answer's quote of an HTML mail: its simple formatting, with the pictures it shows as parts of the answer
   * (null for a plain-text mail or a quoted selection). A forward reduces the source's own HTML instead (forwardedParts).
   */
  private async answerQuote(original: Original): Promise<{ html: string | null; attachments: ComposeAttachment[] }> {
    if (original.html === null || original.quoteTextOnly) return { html: null, attachments: [] };
    const pictures = await stageQuotedPictures(original.html, this.staging);
    const html = quotableHtml(original.html, new Set(), pictures.contentIds);
    // A picture inside what the quote drops (a script, a form…) is not sent either.
    const attachments = pictures.attachments.filter((a) => html.includes(`cid:${escapeHtml(a.contentId!)}"`));
    return { html: html || null, attachments };
  }

  /** Reply to List: the list's posting address alone (List-Post), as Thunderbird's. */
  private async listRecipients(record: MessageRecord): Promise<{ to: ComposeAddress[]; cc: ComposeAddress[] }> {
    const list = await loadMailingList(this.store, record, this.reader.imapFor(record));
    if (!list?.post) throw new WrenError('NoListAddress', `Message ${record.id} names no mailing list address to reply to (List-Post).`);
    return { to: [{ name: '', address: list.post }], cc: [] };
  }

  private async forward(original: Original, identities: Identity[], mode: 'forward' | 'forwardAttachment', language: ComposeLanguage): Promise<ComposedMessage> {
    const { record } = original;
    // From the identity it was sent to, as a reply is, with that identity's signature (Thunderbird's choice too).
    const identity = identityForReply(identities, record) ?? identities[0]!;
    const base = { ...blank(identity.accountId, identity), subject: forwardSubject(record.subject), origin: { messageId: record.id, kind: mode } };
    if (mode === 'forwardAttachment') {
      return { ...base, attachments: [await stageSourceOf(this.reader, this.staging, record.id, record.subject)] };
    }
    const { html, attachments } = await this.forwardedParts(original);
    const body = forwardBody({ ...record, text: original.text, isHtml: original.html !== null, html }, language);
    return { ...base, text: `${signatureBlock(identity)}${body.text}`, html: body.html && withSignatureHtml(body.html, identity.signature), attachments };
  }

  /**
   * A forward's files, and for HTML mail its quote with the inline images it shows: read from the source, whose
   * HTML names them by cid: (the cached body has them as data: URLs), staged with their Content-IDs so they go
   * along in place. An inline part the quote does not show goes as a file.
   */
  private async forwardedParts(original: Original): Promise<{ html: string | null; attachments: ComposeAttachment[] }> {
    const { record } = original;
    if (original.html === null) return { html: null, attachments: await stageAttachmentsOf(this.store, this.reader, this.staging, record.id, { keepContentIds: false }) };
    const source = await stageAttachmentsFromSource(this.reader, this.staging, record.id);
    const html = quotableHtml(source.html ?? original.html, new Set(source.attachments.flatMap((a) => (a.contentId ? [a.contentId] : []))));
    const attachments = source.attachments.map((a) => (a.contentId && html.includes(`cid:${escapeHtml(a.contentId)}"`) ? a : { ...a, contentId: null }));
    return { html: html || null, attachments };
  }

  /** Thunderbird's Edit Template: the template as written, which saving as a template again replaces (Templates.save). */
  private async editTemplate(original: Original, identities: Identity[]): Promise<ComposedMessage> {
    if (!isTemplate(this.store, original.record.folderId)) {
      throw new WrenError('BadRequest', `Message ${original.record.id} is not in a Templates folder (Local Folders ▸ ${LOCAL_TEMPLATES}, or an account's own).`, { messageId: original.record.id });
    }
    return { ...(await this.fromDraft(original, identities, false)), origin: { messageId: original.record.id, kind: 'template' } };
  }

  private async fromDraft(original: Original, identities: Identity[], continuing: boolean): Promise<ComposedMessage> {
    const { record } = original;
    const parent = await loadParentHeaders(this.store, record, this.reader.imapFor(record));
    const identity = identities.find((i) => i.email.toLowerCase() === record.from.address.toLowerCase()) ?? chosenIdentity(identities, null);
    const source = await stageAttachmentsFromSource(this.reader, this.staging, record.id);
    return {
      ...blank(identity.accountId, identity),
      to: record.to, cc: record.cc, bcc: parent.bcc,
      subject: record.subject, text: original.text, html: original.html === null ? null : (source.html ?? original.html), attachments: source.attachments,
      inReplyTo: continuing ? parent.inReplyTo : null,
      references: continuing ? parent.references : [],
      origin: continuing ? continuedOrigin(this.store, identity.accountId, parent, source.attachments) : { messageId: record.id, kind: 'editAsNew' },
      draftMessageId: continuing ? record.id : null,
      requestReceipt: parent.receiptAsked,
      priority: parent.priority,
    };
  }
}

/**
 * A draft continued: the original it forwards (X-Forwarded-Message-Id) or answers (In-Reply-To), found among its
 * account's messages, is marked $Forwarded or \Answered once it is sent, as it is when sent at once. The forward
 * first: Thunderbird's forward names its original in In-Reply-To too. One that carries a message is a forward as
 * an attachment (both mark the same).
 */
function continuedOrigin(store: Store, accountId: number, parent: ParentHeaders, attachments: ComposeAttachment[]): ComposedMessage['origin'] {
  const forwarded = originalByMessageId(store, accountId, parent.forwardedMessageId);
  if (forwarded !== null) {
    return { messageId: forwarded, kind: attachments.some((a) => a.contentType === 'message/rfc822') ? 'forwardAttachment' : 'forward' };
  }
  const answered = originalByMessageId(store, accountId, parent.inReplyTo);
  return answered === null ? null : { messageId: answered, kind: 'reply' };
}

/** Thunderbird's "quote only the selection": an answer to part of a message quotes that part (a blank selection, the whole). */
function withQuote(original: Original, quote: string | undefined): Original {
  return quote?.trim() ? { ...original, text: quote.replace(/\r\n?/g, '\n'), quoteTextOnly: true } : original;
}
