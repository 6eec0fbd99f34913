/** Writing mail: the composer, identities, drafts and the outbox. */
import { z } from 'zod';
import { ComposeAddress, ComposedMessage, IdentityFields, type ComposeAttachment, type ContactList, type OutboxEntryView, type VcardImportResult } from '../compose-shapes';
import { type IdentityView, type AddressSuggestion, type Contact, type SavedContact, ComposeMode, MAX_CONTACTS_PAGE } from '../mail-shapes';
import { byAccount, empty, id, request } from './request-shape';

/** A selection quoted in an answer: a few pages of text, never a whole mailbox pasted through the contract. */
const MAX_QUOTED_SELECTION = 200_000;

export const composeRequests = {
  /**
   * A message to write, filled in: an answer (recipients, quoted text with an attribution in `language`,
   * threading headers, the identity it was sent to), a forward (the original's files staged, or the whole
   * original attached), a draft to continue or copy. `accountId` for a new message (default: the first).
   */
  'compose.start': request<z.output<typeof ComposedMessage>>()(
    z
      .object({
        mode: ComposeMode,
        messageId: id.optional(),
        accountId: id.optional(),
        language: z.enum(['en', 'zh']).default('en'),
        /** An answer's quote: the text the user selected in the message, quoted instead of its whole body (Thunderbird's default). */
        quote: z.string().max(MAX_QUOTED_SELECTION).optional(),
      })
      .strict(),
  ),
  'identities.list': request<IdentityView[]>()(byAccount),
  /** A From address for the account (its name, reply-to and signature); `isDefault` makes it the one new messages start from. */
  'identities.add': request<IdentityView>()(z.object({ accountId: id, identity: IdentityFields }).strict()),
  /** Replaces an identity's fields whole. An account always keeps one default: it cannot be unset, only given to another. */
  'identities.update': request<IdentityView>()(z.object({ identityId: id, identity: IdentityFields }).strict()),
  /** Removes an identity; the account's last one cannot go, and removing the default makes the oldest other one the default. */
  'identities.remove': request<{ removed: true }>()(z.object({ identityId: id }).strict()),
  /** Addresses seen in the store matching what was typed (address or name), most used first. */
  'addresses.suggest': request<AddressSuggestion[]>()(
    z.object({ query: z.string().max(320), limit: z.number().int().min(1).max(50).default(8) }).strict(),
  ),
  /**
   * Takes an address out of the suggestions (a typo, someone gone), as Outlook and Gmail let one: learnt again only
   * from mail stored later that names it. `forgotten` is false when it was not there.
   */
  'addresses.forget': request<{ forgotten: boolean }>()(z.object({ address: z.string().trim().min(1).max(320) }).strict()),
  /** The Address Book: every address collected from mail or saved by the user (or those holding `query`), by name. */
  'addresses.list': request<{ total: number; items: Contact[] }>()(
    z.object({ query: z.string().max(320).default(''), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(MAX_CONTACTS_PAGE).default(200) }).strict(),
  ),
  /** Adds an address to the Address Book, or names one there, as the user's: mail no longer renames it. */
  /** Adds an address, or names one already there (the result's previousName says which). */
  'addresses.save': request<SavedContact>()(ComposeAddress),
  /**
   * Saves every address of a vCard file (2.1, 3.0 or 4.0) with its card's name. The file goes as its bytes, in
   * base64 (the core finds its charset: a phone's 2.1 file is often GBK); one with no vCard in it is refused
   * (NotVcardFile).
   */
  'addresses.importVcard': request<VcardImportResult>()(z.object({ base64: z.string().max(14_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict()),
  /** The whole Address Book as a vCard 4.0 file. */
  'addresses.exportVcard': request<{ vcard: string; count: number }>()(empty),
  /** The Address Book's lists, by name, with their members. */
  'addresses.lists': request<ContactList[]>()(empty),
  /** Adds a list (no id) or replaces one's name and members; a name already taken (whatever its case) is refused. */
  'addresses.saveList': request<ContactList>()(
    z.object({ id: id.optional(), name: z.string().trim().min(1).max(200), members: z.array(ComposeAddress).min(1).max(1000) }).strict(),
  ),
  'addresses.removeList': request<{ removed: true }>()(z.object({ listId: id }).strict()),
  /** Stores a draft (replacing `draftMessageId`'s version): on the server's Drafts, queued offline, or local for POP3. */
  'drafts.save': request<{ draftMessageId: number; stored: 'server' | 'queued' | 'local' }>()(ComposedMessage),
  /**
   * Keeps the message as a template in Local Folders ▸ Templates (made on first use); the composer stays open.
   * From a composer opened with Edit Template (origin kind "template"), the new version replaces that template.
   */
  /** `inAccount`: kept in the account's own Templates folder (on its server), not in Local Folders ▸ Templates. */
  'templates.save': request<{ templateId: number; folderId: number; replaced: boolean; inAccount: boolean }>()(ComposedMessage),
  /** Moves the draft's newest version to Trash; `undoOperationId` (for `operations.undo`) takes it back, null when nothing can. */
  'drafts.discard': request<{ discarded: true; undoOperationId: number | null }>()(
    z.object({ draftMessageId: id.nullable(), draftKey: z.string().uuid().nullable().default(null), accountId: id.optional() }).strict(),
  ),
  /** Electron: the native open dialog, the chosen files staged in the core. The web mode uploads instead (web-server.ts). */
  'attachments.pick': request<ComposeAttachment[]>()(empty),
  /**
   * A staged inline image as a data: URL, for the composer to show it again (a draft reopened, a message taken back
   * from the outbox: their HTML names it only as `cid:`). Null for a type the page must not load as an image, or over 5 MB.
   */
  'attachments.preview': request<{ url: string | null }>()(
    z.object({ stagedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), contentType: z.string().max(200) }).strict(),
  ),
  /**
   * Builds the message (its Message-ID assigned now), stores it in the outbox and returns at once: it leaves
   * after `undoSeconds` (Undo = `outbox.cancel` meanwhile), or at `sendAt` (ms since the epoch), or when the
   * account is back online.
   */
  'outbox.send': request<OutboxEntryView>()(
    z
      .object({
        message: ComposedMessage,
        sendAt: z.number().int().positive().nullable().default(null),
        undoSeconds: z.number().int().min(0).max(30).default(10),
      })
      .strict(),
  ),
  /** A ready-made RFC 5322 message staged in the data folder (`wren send --raw`): recipients from its To/Cc/Bcc, Bcc removed. */
  'outbox.sendRaw': request<OutboxEntryView>()(
    z
      .object({
        accountId: id,
        stagedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
        sendAt: z.number().int().positive().nullable().default(null),
        undoSeconds: z.number().int().min(0).max(30).default(0),
      })
      .strict(),
  ),
  /**
   * Thunderbird's Redirect: the message as it is (source downloaded if need be), with Resent-* fields in front,
   * to `to`, from the identity it was sent to in its account (or `accountId`, which a Local Folders message
   * needs); it leaves at once through the outbox.
   */
  'outbox.redirect': request<OutboxEntryView>()(
    z.object({ messageId: id, to: z.array(ComposeAddress).min(1).max(100), accountId: id.optional() }).strict(),
  ),
  'outbox.list': request<OutboxEntryView[]>()(z.object({ accountId: id.optional() }).strict()),
  /**
   * Takes a message back before it leaves (Undo, or a queued/failed one); gives the composer its message again (null for a
   * raw one), and `scheduledFor`, the time it was scheduled for with Send later (scheduledTime; null if it was not), which
   * taking it back called off: the composer offers it again.
   */
  'outbox.cancel': request<{ message: ComposedMessage | null; scheduledFor: number | null }>()(z.object({ outboxId: id }).strict()),
  /** Sends a failed (or offline-queued) message again now. */
  'outbox.retry': request<OutboxEntryView>()(z.object({ outboxId: id }).strict()),
  /** Sends a message held back (scheduled, in its undo delay, or waiting out a retry's backoff) at once; refused once it began to leave. */
  'outbox.sendNow': request<OutboxEntryView>()(z.object({ outboxId: id }).strict()),
  /** The user's answer for a message whose send was cut before the server's reply (state `unknown`). */
  'outbox.resolve': request<{ resolved: true }>()(z.object({ outboxId: id, action: z.enum(['sendAnyway', 'discard']) }).strict()),
  /**
   * Waits until each message has been accepted by the server and its Sent copy filed, or has failed,
   * or stays queued (offline, later): for `wren send`. Gives each entry as it ended.
   */
  'outbox.wait': request<OutboxEntryView[]>()(z.object({ outboxIds: z.array(id).min(1).max(10_000) }).strict()),
  /** Works through every account's outbox now (what is due, and what waited for the network) and gives the outbox after. */
  'outbox.flush': request<OutboxEntryView[]>()(empty),
  /** The account's Sent copy on ('auto') or 'off': writes its `saveSentCopy` setting (settings.json), the one the outbox reads. */
  'outbox.setSentCopy': request<{ updated: true }>()(z.object({ accountId: id, sentCopy: z.enum(['auto', 'off']) }).strict()),
} as const;
