import { readableTextInWorker } from '../mime/parse-in-worker';
import type { MessageReader } from './message-reader';

/**
 * A message's body as plain text to read: its own text part when it has one (as Thunderbird's plain-text view
 * shows it), else its HTML made text in the parse worker (html-to-text takes hundreds of ms on a big one).
 * Reading it does not mark it read: the reading pane's own read did, or chose not to.
 */
export async function readPlainText(reader: MessageReader, messageId: number): Promise<string> {
  const view = await reader.read(messageId, { markSeen: false });
  if (view.text !== null) return view.text;
  return view.html ? readableTextInWorker(view.html) : '';
}
