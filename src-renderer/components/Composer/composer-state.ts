import { openedMessageOf, type ComposeAttachment, type ComposedMessageInput, type ComposedMessageOutput as ComposedMessage } from '../../../src-main/ipc/contract';
import { chipOf, type AddressChip } from './address-list';
import { messageHtml } from './compose-html';

/** What the composer edits: the core's ComposedMessage with chips for addresses and the editor's own HTML. */
export interface ComposerState extends Omit<ComposedMessage, 'to' | 'cc' | 'bcc' | 'html'> {
  to: AddressChip[];
  cc: AddressChip[];
  bcc: AddressChip[];
  /** The editor's HTML (data: previews for inline images); null in plain mode. */
  html: string | null;
  /**
   * The time Send later had set, for a message taken back out of the outbox (Edit, Undo): taking it back
   * called that off, so the composer says so and offers the time again. The composer's alone: never sent.
   */
  wasScheduledFor?: number;
}

export function fromComposed(message: ComposedMessage): ComposerState {
  return { ...message, to: message.to.map(chipOf), cc: message.cc.map(chipOf), bcc: message.bcc.map(chipOf) };
}

/** A message `outbox.cancel` gave back, with the time it had been scheduled for, if it was. */
export function fromTakenBack({ message, scheduledFor }: { message: ComposedMessage; scheduledFor: number | null }): ComposerState {
  const state = fromComposed(message);
  return scheduledFor === null ? state : { ...state, wasScheduledFor: scheduledFor };
}

const addresses = (chips: AddressChip[]) => chips.filter((c) => c.valid).map(({ name, address }) => ({ name, address }));

/**
 * The message as the core takes it. Invalid addresses are left out (a draft
 * is saved anyway; sending is refused before this, see invalidAddresses);
 * inline images no longer in the text are dropped.
 */
export function toComposed(state: ComposerState): ComposedMessageInput {
  const { wasScheduledFor: _composerOnly, ...message } = state;
  const html = message.html === null ? null : messageHtml(message.html);
  const attachments: ComposeAttachment[] = message.attachments.filter((a) => !a.contentId || (html ?? '').includes(`cid:${a.contentId}`));
  // Where writing started is for opening the composer only: the saved text has moved on since.
  return { ...message, to: addresses(message.to), cc: addresses(message.cc), bcc: addresses(message.bcc), html, attachments, writeAt: null };
}

/** Whether a draft may be stored for this composer: one it was opened on, or one a save of this session made. */
export function hasDraft(state: ComposerState): boolean {
  return state.draftMessageId !== null || Boolean(state.draftKey);
}

/** What `drafts.discard` needs to remove the newest version, also one saved by the page before a reload. */
export function draftOf(state: ComposerState) {
  return { draftMessageId: state.draftMessageId, draftKey: state.draftKey ?? null, accountId: state.accountId };
}

export function invalidAddresses(state: ComposerState): AddressChip[] {
  return [...state.to, ...state.cc, ...state.bcc].filter((chip) => !chip.valid);
}

export function hasRecipients(state: ComposerState): boolean {
  return [...state.to, ...state.cc, ...state.bcc].some((chip) => chip.valid);
}

/**
 * Kept in localStorage between saves, so a reload or a crash loses at most
 * the last moments of typing. Each window keeps its own: the main window's,
 * and each message window's (whose answer must not open in the main window,
 * nor the main window's message in every message window).
 */
function storageKey(): string {
  const opened = openedMessageOf(window.location.hash);
  return opened ? `wren.composer.message-${opened.messageId}` : 'wren.composer';
}

export function rememberComposer(state: ComposerState | null): void {
  try {
    if (state) localStorage.setItem(storageKey(), JSON.stringify(state));
    else localStorage.removeItem(storageKey());
  } catch {
    // Storage full or disabled: the server-side draft still holds all but the last seconds.
  }
}

export function rememberedComposer(): ComposerState | null {
  try {
    const saved = localStorage.getItem(storageKey());
    return saved ? (JSON.parse(saved) as ComposerState) : null;
  } catch {
    return null;
  }
}
