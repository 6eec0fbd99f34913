import type { ThreadPlace } from '../ipc/mail-shapes';

/** One message of a folder as the threaded list needs it, in the folder's chosen order. */
export interface ThreadInput {
  id: number;
  messageId: string | null;
  inReplyTo: string | null;
  /** The first Message-ID of its References (HeaderFields.threadRoot). */
  threadRoot: string | null;
  sortDate: number;
  seen: boolean;
}

/** A message of the threaded list and its place in its thread (the contract's ThreadPlace). */
export interface ThreadRow extends ThreadPlace {
  id: number;
}

/** Which threads are folded, named by their first message: those `collapsed`, or with `collapseAll` every one but those `expanded`. */
export interface ThreadFolding {
  collapsed: readonly number[];
  collapseAll: boolean;
  expanded: readonly number[];
}

/** Whether the thread whose first message is `rootId` is folded. */
export function foldedBy(folding: ThreadFolding): (rootId: number) => boolean {
  if (!folding.collapseAll) {
    const collapsed = new Set(folding.collapsed);
    return (rootId) => collapsed.has(rootId);
  }
  const expanded = new Set(folding.expanded);
  return (rootId) => !expanded.has(rootId);
}

/**
 * Arranges a folder's messages (given in the user's order) into threads, as Thunderbird's threaded view
 * does: a reply under the message its In-Reply-To names, replies to one message oldest first. A reply
 * whose parent is not in the folder goes under its thread's first message (the first of its References)
 * when that one is here; when neither is, the replies to the same missing message, or of the same
 * missing thread, meet under the oldest of them, so one thread is not shown as several. A thread takes
 * the place of its member that comes first in the user's order, so newest first shows the thread with
 * the newest reply on top. A loop of In-Reply-To (a broken or hostile header) is cut where it was met
 * first. The replies of a thread `isFolded` names (by its first message) are left out.
 */
export function arrangeThreads(inputs: readonly ThreadInput[], isFolded: (rootId: number) => boolean = () => false): ThreadRow[] {
  // By position in `inputs`, in typed arrays: a folder of 100,000 messages is arranged in the search
  // worker, and objects per message (sets, maps of ids) cost most of the time there, in their GC.
  const links = new ThreadLinks(inputs);
  const placed = new Uint8Array(inputs.length);
  const rows: ThreadRow[] = [];
  for (let start = 0; start < inputs.length; start++) {
    if (placed[start]) continue;
    const thread = links.walkDown(links.topOf(start, placed), placed);
    let unread = 0;
    for (const member of thread) if (!inputs[member.at]!.seen) unread++;
    const rootId = inputs[thread[0]!.at]!.id;
    const folded = thread.length > 1 && isFolded(rootId);
    if (folded) {
      const hidden = thread.slice(1).map((member) => inputs[member.at]!.id);
      rows.push({ id: rootId, depth: 0, rootId, size: thread.length, unread, collapsed: true, hidden });
      continue;
    }
    for (const member of thread) rows.push({ id: inputs[member.at]!.id, depth: member.depth, rootId, size: thread.length, unread, collapsed: false });
  }
  return rows;
}

/** Who answers whom among the folder's messages, by their positions in the input. */
class ThreadLinks {
  /** Each message's parent, or -1. */
  private readonly parent: Int32Array;
  /** Each message's replies, oldest first: replies[replyStart[i] .. replyStart[i + 1]). */
  private readonly replyStart: Int32Array;
  private readonly replies: Int32Array;
  /** Marks the messages passed by one walk up (by the walk's number), so a loop is seen without a set per walk. */
  private readonly passedBy: Int32Array;
  private walks = 0;

  constructor(private readonly inputs: readonly ThreadInput[]) {
    const count = inputs.length;
    this.parent = this.parents();
    this.replyStart = new Int32Array(count + 1);
    for (let at = 0; at < count; at++) if (this.parent[at]! >= 0) this.replyStart[this.parent[at]! + 1]!++;
    for (let at = 0; at < count; at++) this.replyStart[at + 1]! += this.replyStart[at]!;
    this.replies = new Int32Array(this.replyStart[count]!);
    const filled = this.replyStart.slice(0, count);
    for (let at = 0; at < count; at++) if (this.parent[at]! >= 0) this.replies[filled[this.parent[at]!]!++] = at;
    const older = (a: number, b: number) => this.older(a, b);
    for (let at = 0; at < count; at++) {
      if (this.replyStart[at + 1]! - this.replyStart[at]! > 1) this.replies.subarray(this.replyStart[at], this.replyStart[at + 1]).sort(older);
    }
    this.passedBy = new Int32Array(count);
  }

  /** The top of a message's thread: up through its parents until one has none, is placed already, or closes a loop. */
  topOf(start: number, placed: Uint8Array): number {
    const walk = ++this.walks;
    this.passedBy[start] = walk;
    let top = start;
    for (let up = this.parent[top]!; up >= 0 && !placed[up] && this.passedBy[up] !== walk; up = this.parent[top]!) {
      this.passedBy[up] = walk;
      top = up;
    }
    return top;
  }

  /** The thread below `root`, depth first, each message once (a loop's way back is not followed). */
  walkDown(root: number, placed: Uint8Array): { at: number; depth: number }[] {
    const thread: { at: number; depth: number }[] = [];
    const stack = [{ at: root, depth: 0 }];
    while (stack.length > 0) {
      const member = stack.pop()!;
      if (placed[member.at]) continue;
      placed[member.at] = 1;
      thread.push(member);
      for (let i = this.replyStart[member.at + 1]! - 1; i >= this.replyStart[member.at]!; i--) stack.push({ at: this.replies[i]!, depth: member.depth + 1 });
    }
    return thread;
  }

  /**
   * Each message's parent: by In-Reply-To, else its thread's first message, else the oldest message of
   * its missing parent or thread. The message stored first with a Message-ID owns it (a copy is not its reply).
   */
  private parents(): Int32Array {
    const owner = new Map<string, number>();
    this.inputs.forEach((input, at) => {
      if (input.messageId === null) return;
      const known = owner.get(input.messageId);
      if (known === undefined || input.id < this.inputs[known]!.id) owner.set(input.messageId, at);
    });
    const parent = new Int32Array(this.inputs.length).fill(-1);
    const orphansOf = new Map<string, number[]>();
    this.inputs.forEach((input, at) => {
      const up = positionOf(owner, input.inReplyTo) ?? positionOf(owner, input.threadRoot);
      if (up !== undefined && up !== at) parent[at] = up;
      else if (up === undefined && (input.threadRoot ?? input.inReplyTo) !== null) {
        const missing = (input.threadRoot ?? input.inReplyTo)!;
        const orphans = orphansOf.get(missing);
        if (orphans) orphans.push(at);
        else orphansOf.set(missing, [at]);
      }
    });
    for (const orphans of orphansOf.values()) this.meetUnderOldest(orphans, parent);
    return parent;
  }

  /** Replies whose parent and thread are missing, of one missing message: the oldest stands for it (it has no parent, so no loop is made). */
  private meetUnderOldest(orphans: number[], parent: Int32Array): void {
    if (orphans.length < 2) return;
    let oldest = orphans[0]!;
    for (const at of orphans) if (this.older(at, oldest) < 0) oldest = at;
    for (const at of orphans) if (at !== oldest) parent[at] = oldest;
  }

  private older(a: number, b: number): number {
    return this.inputs[a]!.sortDate - this.inputs[b]!.sortDate || this.inputs[a]!.id - this.inputs[b]!.id;
  }
}

/** Where the message with this Message-ID stands in the input, if it is there. */
function positionOf(owner: Map<string, number>, messageId: string | null): number | undefined {
  return messageId === null ? undefined : owner.get(messageId);
}
