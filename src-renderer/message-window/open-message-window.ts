import { messageWindowHash, type OpenedMessage } from '../../src-main/ipc/contract';

/**
 * Opens the message in a window of its own, beside the main one; call it
 * straight from the user's click or key, as a browser lets a page open a
 * window only then. False when the browser refused (pop-ups blocked).
 */
export function openMessageWindow(message: OpenedMessage): boolean {
  const url = new URL(messageWindowHash(message), window.location.href);
  return window.open(url.href, `wren-message-${message.messageId}`, 'popup,width=1040,height=820') !== null;
}
