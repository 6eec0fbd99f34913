/** Sessions remembered at most: far more composers than anyone keeps open, so the oldest can go. */
export const SESSIONS_KEPT = 500;

/**
 * The newest saved version of each composing session (ComposedMessage.draftKey), for a
 * reloaded page that lost it. A session is forgotten when its draft is discarded or its
 * message handed to the outbox, and the oldest when more than SESSIONS_KEPT are
 * remembered: a composer closed with its draft kept never says so, and the app may run
 * for weeks. A forgotten session's composer still names its version itself
 * (ComposedMessage.draftMessageId, from each save's answer).
 */
export class DraftSessions {
  private readonly newest = new Map<string, number>();

  remember(draftKey: string, messageId: number): void {
    // Deleted first, so the order of the map is the order of the last saves.
    this.newest.delete(draftKey);
    this.newest.set(draftKey, messageId);
    if (this.newest.size > SESSIONS_KEPT) this.newest.delete(this.newest.keys().next().value!);
  }

  newestOf(draftKey: string): number | undefined {
    return this.newest.get(draftKey);
  }

  forget(draftKey: string): void {
    this.newest.delete(draftKey);
  }

  get size(): number {
    return this.newest.size;
  }
}
