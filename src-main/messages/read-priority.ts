import { priorityOf, type MessagePriority } from '../mime/message-priority';
import { splitHeaderBlock } from '../mime/raw-headers';
import type { MessageReader } from './message-reader';
import type { Store } from '../store/store';
import { messageHeaderFields } from './message-header-fields';

/**
 * An open message's priority, for the reading pane: from its cached source or header block, else asked of the
 * server; offline with nothing cached, normal (the pane shows nothing rather than a guess).
 */
export async function readPriority(store: Store, reader: MessageReader, messageId: number): Promise<MessagePriority> {
  const record = reader.requireMessage(messageId);
  const raw = await messageHeaderFields(store, record, reader.imapFor(record));
  return raw ? priorityOf(splitHeaderBlock(raw)) : 'normal';
}
