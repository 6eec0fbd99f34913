import type { FolderRole, FolderView, MailOperationInput, MessageSummary, OperationReceipt } from '../../../src-main/ipc/contract';
import type { ToastLine } from '../Toasts/toast-line';

/** A delete as the user confirms it: what goes for good, what goes to its account's Trash. */
export interface DeletePlan {
  forGood: number[];
  toTrash: number[];
}

/**
 * Decides per message, by its own folder: a message already in Trash is
 * deleted for good (asked first), any other goes to its account's Trash. In a
 * folder the rows are the folder's; in search results and unified views each
 * row names its folder's role. A row not fetched (a selection larger than
 * what is loaded) goes with the Trash group, and the core, which decides
 * again by where the message is, reports what it did (the receipt's forGood).
 */
export function planDelete(ids: number[], folder: FolderView | null, rowOf: (id: number) => MessageSummary | undefined): DeletePlan {
  const plan: DeletePlan = { forGood: [], toTrash: [] };
  for (const id of ids) (roleOf(rowOf(id), folder) === 'trash' ? plan.forGood : plan.toTrash).push(id);
  return plan;
}

function roleOf(row: MessageSummary | undefined, folder: FolderView | null): FolderRole | null {
  if (row && 'folderRole' in row) return (row as { folderRole: FolderRole | null }).folderRole;
  return folder?.role ?? null;
}

/** The plan as requests: the Trash rows for good (what the user confirmed), the others to Trash. */
export function deleteOperations(plan: DeletePlan): MailOperationInput[] {
  const operations: MailOperationInput[] = [];
  if (plan.forGood.length) operations.push({ kind: 'delete', messageIds: plan.forGood, permanent: true });
  if (plan.toTrash.length) operations.push({ kind: 'delete', messageIds: plan.toTrash });
  return operations;
}

/** What the core says it did: so many moved to Trash, so many deleted for good (one line each). */
export function deleteLines(receipts: OperationReceipt[]): ToastLine[] {
  const total = receipts.reduce((sum, receipt) => sum + receipt.affected, 0);
  const forGood = receipts.reduce((sum, receipt) => sum + (receipt.forGood ?? 0), 0);
  const line = (key: 'done.delete' | 'done.deleteForever', count: number): ToastLine => ({ key: `${key}.${count === 1 ? 'one' : 'other'}`, values: { count } });
  const lines = [];
  if (total - forGood > 0 || forGood === 0) lines.push(line('done.delete', total - forGood));
  if (forGood > 0) lines.push(line('done.deleteForever', forGood));
  return lines;
}
