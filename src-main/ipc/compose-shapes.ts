/**
 * The shapes of writing mail (issue 8): what the composer hands the core, and
 * what the outbox shows back. Part of the contract (contract.ts imports it);
 * like it, shared with the renderer, so only zod here.
 *
 * Header injection is refused at this boundary: no CR or LF may reach a
 * header through a subject, a display name or an address.
 */
import { z } from 'zod';
import { SEND_PRIORITIES } from './contract-constants';
import { MAX_UNDO_SEND_SECONDS } from '../settings/settings-schema';
import type { ErrorShape } from '../errors/error-codes';

const id = z.number().int().positive();
const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'no line breaks in a header');

export const ComposeAddress = z.object({
  name: oneLine(200).default(''),
  address: oneLine(320).pipe(z.string().trim().email()),
});

/**
 * A file the composer attached. The bytes never pass through the renderer:
 * `stagedId` names a copy the core keeps in its data folder (Electron's file
 * picker and the web mode's upload both put it there), so a 2 GB file is
 * streamed from disk into the message.
 */
/**
 * The Content-ID a `cid:` URL names (RFC 2392: URL-encoded, which senders do and do not do), else null. One
 * reading for the composer's pictures and the core's quote of a forward, which must agree on which part is shown.
 */
export function contentIdOf(src: string | null | undefined): string | null {
  const reference = /^cid:(.+)$/i.exec(src?.trim() ?? '')?.[1];
  if (!reference) return null;
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}

export const ComposeAttachment = z.object({
  stagedId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  filename: oneLine(255).pipe(z.string().min(1)),
  contentType: z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$/),
  size: z.number().int().min(0),
  /** Shown inside the HTML body as `cid:<contentId>` rather than listed. */
  contentId: oneLine(200).nullable().default(null),
});

/** Why this message is written: marks the original \Answered or $Forwarded (through the journal) once it is sent. */
export const ComposeOrigin = z.object({
  messageId: id,
  /** template: the composer edits that template (Edit Template); saving it as a template replaces it. */
  kind: z.enum(['reply', 'replyAll', 'forward', 'forwardAttachment', 'draft', 'editAsNew', 'template']),
});

/** Everything the composer knows about one message being written. */
export const ComposedMessage = z.object({
  accountId: id,
  /** The From identity; null means the account's default. */
  identityId: id.nullable().default(null),
  to: z.array(ComposeAddress).max(1000).default([]),
  cc: z.array(ComposeAddress).max(1000).default([]),
  bcc: z.array(ComposeAddress).max(1000).default([]),
  subject: oneLine(998).default(''),
  text: z.string().max(20_000_000).default(''),
  /** Formatted text; the plain-text alternative is generated from it. Null for plain mail. */
  html: z.string().max(20_000_000).nullable().default(null),
  attachments: z.array(ComposeAttachment).max(500).default([]),
  /** Message-IDs with their angle brackets, e.g. `<abc@host>`. */
  inReplyTo: oneLine(998).nullable().default(null),
  references: z.array(oneLine(998)).max(500).default([]),
  origin: ComposeOrigin.nullable().default(null),
  /** Ask for a return receipt (RFC 8098 Disposition-Notification-To, at the From address): Thunderbird's Options ▸ Return Receipt. */
  requestReceipt: z.boolean().default(false),
  /** Thunderbird's Options ▸ Priority, five levels: all but normal write X-Priority (1 to 5), X-MSMail-Priority and Importance. */
  priority: z.enum(SEND_PRIORITIES).default('normal'),
  /** Written by a filter's Reply with Template, not by a person: `Auto-Submitted: auto-replied` (RFC 3834), so other responders stay quiet. */
  autoSubmitted: z.literal(true).optional(),
  /**
   * Where the user starts writing in `text`, when not at its top: a reply below the quote starts after it. Only for
   * opening the composer: a draft saved from it keeps none (the text has moved on).
   */
  writeAt: z.number().int().min(0).nullable().default(null),
  /** The stored draft this message continues; it is replaced on save and removed once sent. */
  draftMessageId: id.nullable().default(null),
  /**
   * Names one composing session across page reloads. A reload while a save
   * runs brings the composer back with the draft id it knew before that save
   * (whose answer went to the page that is gone); the key lets the core
   * replace, send or discard the newest version all the same.
   */
  draftKey: z.string().uuid().nullable().default(null),
});

export type ComposeAddress = z.infer<typeof ComposeAddress>;
export type ComposeAttachment = z.infer<typeof ComposeAttachment>;
export type ComposeOrigin = z.infer<typeof ComposeOrigin>;
export type ComposedMessage = z.infer<typeof ComposedMessage>;
export type ComposedMessageInput = z.input<typeof ComposedMessage>;

export const OutboxState = z.enum(['waiting', 'queued', 'sending', 'unknown', 'failed', 'sent']);
export type OutboxState = z.infer<typeof OutboxState>;

/** A recipient the server refused while it took the message for the others, with its reply ("550 5.1.1 … User unknown"). */
export interface RefusedRecipient {
  address: string;
  /** Empty for a message sent before Wren kept the reply. */
  reply: string;
}

/**
 * One message in the outbox. `waiting`: inside its undo delay or held for a
 * later time (`sendAt`); `unknown`: a send was cut before the server's final
 * reply and Wren could not tell whether it went (the user decides).
 */
export interface OutboxEntryView {
  id: number;
  accountId: number;
  messageId: string;
  subject: string;
  to: string[];
  state: OutboxState;
  sendAt: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  error: ErrorShape | null;
  /** Recipients the server refused when it accepted the others. */
  refused: RefusedRecipient[];
  createdAt: number;
  /** Whether the composer can take it back (`outbox.cancel` returns its message); false for a raw message (`wren send --raw`). */
  editable: boolean;
}

/**
 * The time the user chose with Send later for an outbox message, or null. A message held only for its
 * undo delay (never longer than MAX_UNDO_SEND_SECONDS after it was queued) was not scheduled, and one
 * made due (Send now) no longer is. The Outbox says it ("Scheduled for …"), and `outbox.cancel` gives it
 * back with the message, so the composer can offer the same time again.
 */
export function scheduledTime(entry: Pick<OutboxEntryView, 'state' | 'sendAt' | 'createdAt'>): number | null {
  if (entry.state !== 'waiting' || entry.sendAt === null) return null;
  return entry.sendAt - entry.createdAt > MAX_UNDO_SEND_SECONDS * 1000 ? entry.sendAt : null;
}

/**
 * An identity as the user edits it (identities.add / identities.update): the
 * name, address and reply-to go into headers, so no line breaks; the
 * signature may have several lines (it goes into the body).
 */
export const IdentityFields = z
  .object({
    name: oneLine(200).pipe(z.string().trim()),
    email: oneLine(320).pipe(z.string().trim().email()),
    replyTo: oneLine(320).pipe(z.string().trim().email()).nullable().default(null),
    signature: z.string().max(10_000).nullable().default(null),
    isDefault: z.boolean().default(false),
  })
  .strict();
export type IdentityFieldsInput = z.input<typeof IdentityFields>;

/** An Address Book list: a name standing for its members, in their order (addresses.lists). */
export interface ContactList {
  id: number;
  name: string;
  members: { name: string; address: string }[];
  /** A Chinese name's pinyin spellings, for the composer to find it by them (see spellingFinds); "" for any other name. */
  spelling: string;
}

/**
 * What importing a vCard file did: addresses `added` to the Address Book, `updated` (already there, now named as
 * the file names them), and the cards that gave none, `skippedNoAddress` (no email address) and
 * `skippedUnreadable` (not even their FN, N and EMAIL could be read).
 */
export interface VcardImportResult {
  added: number;
  updated: number;
  skippedNoAddress: number;
  skippedUnreadable: number;
}
