import type { ErrorCode } from '../errors/error-codes';
import { WrenError } from '../errors/wren-error';
import type { MessageFlag } from '../ipc/contract';
import type { ComposeOrigin } from '../ipc/compose-shapes';
import type { OperationsService } from '../journal/operations-service';
import type { SentFollowUp } from '../store/outbox-repo';
import type { AttachmentStaging } from './attachment-staging';

const FLAG_FOR: Partial<Record<ComposeOrigin['kind'], MessageFlag>> = {
  reply: '\\Answered',
  replyAll: '\\Answered',
  forward: '$Forwarded',
  forwardAttachment: '$Forwarded',
};

/**
 * What follows a send the server accepted: the original of a reply or forward
 * is marked \Answered or $Forwarded through the operations journal (so the
 * server learns it like any other flag change), the draft it continued is
 * deleted for good (journaled too), and the staged attachment files, now
 * inside the stored message, are removed.
 */
export function markOriginal(core: { operations: OperationsService; staging: AttachmentStaging }, followUp: SentFollowUp | null): void {
  if (!followUp) return;
  const { origin, draftMessageId } = followUp;
  const flag = origin ? FLAG_FOR[origin.kind] : undefined;
  if (origin && flag) {
    journal(() => core.operations.apply({ kind: 'flags', messageIds: [origin.messageId], add: [flag], remove: [] }), 'mark the original');
  }
  // The draft this message continued is done with once it is sent. The composer usually removed it at
  // Send already (so it is not listed twice while the message waits): then there is nothing to say.
  if (draftMessageId !== null) {
    journal(() => core.operations.apply({ kind: 'delete', messageIds: [draftMessageId], permanent: true }), 'remove the draft', 'NotFound');
  }
  // Last, and each on its own: a file that cannot be removed (locked by another program) costs nothing else.
  for (const stagedId of followUp.stagedIds) journal(() => core.staging.remove(stagedId), 'remove a staged attachment');
}

function journal(apply: () => unknown, what: string, expected?: ErrorCode): void {
  // The original or the draft may have been deleted meanwhile, a staged file locked: the message is sent all the same.
  const warn = (error: unknown) => {
    if (expected && error instanceof WrenError && error.code === expected) return;
    console.warn(`[wren] outbox: could not ${what}:`, (error as Error).message);
  };
  try {
    const applied = apply();
    // OperationsService.apply answers with a promise: its refusal ("There is no message 2") would otherwise go
    // unhandled, which ends a plain Node process (the CLI, the web mode).
    if (applied instanceof Promise) applied.catch(warn);
  } catch (error) {
    warn(error);
  }
}
