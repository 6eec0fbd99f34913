/**
 * A message opened in its own window (Thunderbird's double-click, its
 * "Open in New Window") is the app's page, told by its address's hash which
 * message to show. The hash never reaches a server, so the web mode's secret
 * path and cookie carry over to the new tab unchanged. The renderer writes
 * and reads this form, and Electron's window-open handler lets a window open
 * only for an address of this form (electron/window-security.ts).
 */
export interface OpenedMessage {
  messageId: number;
  /** Its account; null for the Local Folders. */
  accountId: number | null;
}

const HASH = /^#message=(\d{1,15})(?:&account=(\d{1,15}))?$/;

/** The message a window was opened for, or null for the main window (any other hash, or none). */
export function openedMessageOf(hash: string): OpenedMessage | null {
  const match = HASH.exec(hash);
  if (!match) return null;
  const messageId = Number(match[1]);
  const accountId = match[2] === undefined ? null : Number(match[2]);
  return messageId > 0 && accountId !== 0 ? { messageId, accountId } : null;
}

export function messageWindowHash({ messageId, accountId }: OpenedMessage): string {
  return `#message=${messageId}${accountId === null ? '' : `&account=${accountId}`}`;
}
