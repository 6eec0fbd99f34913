import { WrenError } from '../errors/wren-error';
import type { Events, MailOperation, OperationReceipt } from '../ipc/contract';
import type { ThreadLinks } from '../store/ignored-threads-repo';
import type { Store } from '../store/store';
import { markThreadRead } from './mark-thread-read';

/** What ignoring a thread did: its unread messages marked read (one operation, undoable), or none. */
export interface IgnoreResult {
  ignored: boolean;
  markedRead: number;
  operationId: number | null;
}

/**
 * Thunderbird's Ignore Thread. The thread's messages are marked read, and new mail answering any of them
 * arrives read and unannounced: no notification, no unread count. Not hidden from the list, as Thunderbird
 * hides them: the messages stay where the user filed them, read. The thread is its conversation as the
 * reading pane lists it (every folder of the account); its Message-IDs are kept, and each new message
 * caught adds its own, so replies to the replies are caught too.
 */
export class IgnoredThreads {
  constructor(
    private readonly store: Store,
    private readonly apply: (operation: MailOperation) => Promise<OperationReceipt>,
    // So that a reading pane showing any of the thread's messages says so at once, whoever asked.
    private readonly changed: (change: Events['thread.ignored']) => void = () => {},
  ) {}

  async ignore(messageId: number): Promise<IgnoreResult> {
    const links = this.threadOf(messageId);
    this.store.write(() => this.store.ignoredThreads.add(threadIds(links), Date.now()));
    this.changed({ messageIds: links.map((message) => message.id), ignored: true });
    return { ignored: true, ...(await markThreadRead(links, this.apply)) };
  }

  /** Watched again: new mail in it arrives unread and announced, as any other. What was marked read stays so. */
  unignore(messageId: number): IgnoreResult {
    const links = this.threadOf(messageId);
    this.store.write(() => this.store.ignoredThreads.remove(threadIds(links)));
    this.changed({ messageIds: links.map((message) => message.id), ignored: false });
    return { ignored: false, markedRead: 0, operationId: null };
  }

  isIgnored(messageId: number): boolean {
    const [message] = this.store.ignoredThreads.linksOf([messageId]);
    return message !== undefined && this.inIgnoredThread(message);
  }

  /**
   * New mail: what answers an ignored thread is marked read (journaled, so on the server too) and left out of
   * the announcement; returns the event for the rest, or null when nothing is left to announce.
   */
  async screen(event: Events['mail.new']): Promise<Events['mail.new'] | null> {
    try {
      const caught = this.store.ignoredThreads.linksOf(event.ids).filter((message) => this.inIgnoredThread(message));
      if (caught.length === 0) return event;
      this.store.write(() => this.store.ignoredThreads.add(threadIds(caught), Date.now()));
      const unread = caught.filter((message) => !message.seen).map((message) => message.id);
      if (unread.length > 0) await this.apply({ kind: 'flags', messageIds: unread, add: ['\\Seen'], remove: [] });
      const ignored = new Set(caught.map((message) => message.id));
      const ids = event.ids.filter((id) => !ignored.has(id));
      return ids.length === 0 ? null : { ...event, ids, messages: event.messages.filter((message) => !ignored.has(message.id)) };
    } catch (error) {
      // Better announced than lost: the mail is stored whatever happens here.
      console.error('[wren] ignored threads: new mail not screened:', error);
      return event;
    }
  }

  /** It is one of an ignored thread's messages, or answers one. */
  private inIgnoredThread(message: ThreadLinks): boolean {
    return this.store.ignoredThreads.holdsAny([message.messageId, message.inReplyTo, message.threadRoot]);
  }

  private threadOf(messageId: number): ThreadLinks[] {
    const conversation = this.store.conversations.of(messageId);
    if (conversation.length === 0) throw new WrenError('NotFound', `There is no message ${messageId}.`, { messageId });
    return this.store.ignoredThreads.linksOf(conversation.map((message) => message.id));
  }
}

/** The messages of an announcement that another left too (each screen leaves out what it took care of). */
export function alsoIn(event: Events['mail.new'], other: Events['mail.new']): Events['mail.new'] | null {
  const kept = new Set(other.ids);
  const ids = event.ids.filter((id) => kept.has(id));
  return ids.length === 0 ? null : { ...event, ids, messages: event.messages.filter((message) => kept.has(message.id)) };
}

/**
 * Every Message-ID that names the thread: each message's own, and those it answers (present here or not), so a
 * reply to a message deleted here, or one whose References name only its parent, is still caught.
 */
function threadIds(links: ThreadLinks[]): Set<string> {
  const ids = new Set<string>();
  for (const message of links) {
    for (const id of [message.messageId, message.inReplyTo, message.threadRoot]) if (id) ids.add(id);
  }
  return ids;
}
