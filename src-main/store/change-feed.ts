import { EventEmitter } from 'node:events';
import type { StoreChange } from '../ipc/contract';

/**
 * Collects what a transaction changed and announces it once the transaction
 * has committed, so the UI patches its lists instead of reloading them.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private pending: StoreChange[] = [];

  note(change: StoreChange): void {
    this.pending.push(change);
  }

  /** Called after commit; merges changes to the same entity and scope. */
  flush(): void {
    if (this.pending.length === 0) return;
    const changes = mergeChanges(this.pending);
    this.pending = [];
    this.emitter.emit('changes', changes);
  }

  discard(): void {
    this.pending = [];
  }

  onChanges(listener: (changes: StoreChange[]) => void): () => void {
    this.emitter.on('changes', listener);
    return () => this.emitter.off('changes', listener);
  }
}

function scopeKey(change: StoreChange): string {
  if (change.entity === 'folders') return `folders:${change.accountId}`;
  if (change.entity === 'messages') return `messages:${change.folderId}`;
  return 'accounts';
}

function mergeChanges(changes: StoreChange[]): StoreChange[] {
  const merged = new Map<string, StoreChange>();
  for (const change of changes) {
    const key = scopeKey(change);
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...change, ids: [...change.ids] });
    else existing.ids.push(...change.ids);
  }
  for (const change of merged.values()) change.ids = [...new Set(change.ids)];
  return [...merged.values()];
}
