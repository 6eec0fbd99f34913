import { messageHeaderFields } from '../messages/message-header-fields';
import type { MessageReader } from '../messages/message-reader';
import { readPlainText } from '../messages/read-plain-text';
import { splitHeaderBlock } from '../mime/raw-headers';
import type { Store } from '../store/store';
import type { ContentSource } from './filter-runner';
import type { MessageContent } from './match-filter';

/**
 * What header and body conditions read: the header block as the reading pane has it (the cached source, a kept
 * block, else one fetch of BODY.PEEK[HEADER], kept), and the body as its plain-text view (fetched and cached as
 * an opening would, without marking it read). Whatever cannot be read (offline, gone from the server, a message
 * removed meanwhile) is null: the runner then lets those conditions hold neither way, and counts the message.
 */
export class FilterContentReader implements ContentSource {
  constructor(
    private readonly store: Store,
    private readonly reader: MessageReader,
  ) {}

  async headers(messageId: number): Promise<MessageContent['headers']> {
    return this.readOrNull(messageId, 'header fields', async () => {
      const record = this.reader.requireMessage(messageId);
      const block = await messageHeaderFields(this.store, record, this.reader.imapFor(record));
      return block ? splitHeaderBlock(block) : null;
    });
  }

  body(messageId: number): Promise<MessageContent['body']> {
    return this.readOrNull(messageId, 'body', () => readPlainText(this.reader, messageId));
  }

  private async readOrNull<T>(messageId: number, what: string, read: () => Promise<T | null>): Promise<T | null> {
    try {
      return await read();
    } catch (error) {
      console.error(`[wren] a filter could not read the ${what} of message ${messageId}:`, error);
      return null;
    }
  }
}
