import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { MimeHeaderBlocks } from '../mime/lost-file-names';

/**
 * A logged-in IMAP connection as the rest of Wren passes it around. Only the
 * modules of src-main/imap/ call its methods: one module per operation, so
 * the protocol stays in one place and sync/ and messages/ speak Wren's terms.
 */
export type ImapClient = ImapFlow;

/**
 * One untagged FETCH answer, as the per-command modules hand it on; a header
 * sync adds the MIME headers of parts whose file name BODYSTRUCTURE lost.
 */
export type FetchedMessage = FetchMessageObject & { mimeHeaders?: MimeHeaderBlocks };
